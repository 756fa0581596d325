// SPDX-License-Identifier: MIT
// Parses Ponder's command line into what to do; knows nothing about running it.
#pragma once

#include "ServerOptions.h"
#include "options/OptionLayer.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <limits>

class CommandLine
{
public:
    enum class Action
    {
        RunWindow,
        Serve,
        ShowHelp,
        ShowVersion,
        Fail
    };

    CommandLine();

    // Needs no QCoreApplication, so the caller can pick the application type from the result.
    Action parse(const QStringList &arguments);

    // What only the command line decides (limits, the data folder, ...); see ServerOptionsBuilder.
    const ServerOptions &serverOptions() const { return m_options; }
    // The options other sources may also give (upstreams, address, port, ...), as far as given here.
    const OptionLayer &layer() const { return m_layer; }
    QString error() const { return m_error; }
    // Needs a QCoreApplication instance (Qt takes the program name from it).
    QString helpText() const;

private:
    bool readServerOptions();
    bool readChatOptions();
    // The streaming API's caps: sessions, history, expiry, the Redis outage buffer, event and body sizes,
    // and the bytes queued for slow watchers.
    bool readStreamingLimits();
    // An option whose value is a whole number from 1 to `most`, if given; otherwise `count` is left as it is.
    bool readCount(const QString &option, qint64 *count, qint64 most = std::numeric_limits<qint64>::max());
    bool readCount(const QString &option, int *count);

    QCommandLineParser m_parser;
    ServerOptions m_options;
    OptionLayer m_layer;
    QString m_error;
};
