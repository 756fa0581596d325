// SPDX-License-Identifier: MIT
// What the window shows about the local endpoint: waiting for the keychain, starting, running at a URL
// (or switched off), or failed and why; and where its port and its upstreams came from, for Settings.
#pragma once

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class EndpointStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QUrl baseUrl READ baseUrl NOTIFY changed) // empty when the endpoint is switched off
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(bool listening READ listening NOTIFY changed)
    Q_PROPERTY(int port READ port NOTIFY changed) // in use; 0 until running
    Q_PROPERTY(PortSource portSource READ portSource NOTIFY changed)
    // The upstreams --upstream named ("kind:url"), which replace the saved ones; empty when the saved ones
    // apply.
    Q_PROPERTY(QStringList commandLineUpstreams READ commandLineUpstreams NOTIFY changed)
    // The same of the agents --agent named ("NAME=URL").
    Q_PROPERTY(QStringList commandLineAgents READ commandLineAgents NOTIFY changed)
    // The Redis URL --redis named (without its password), which replaces the saved event store; empty when
    // the saved choice applies.
    Q_PROPERTY(QString commandLineRedis READ commandLineRedis NOTIFY changed)

public:
    enum class State
    {
        ReadingKeychain, // the backend waits for its secrets (the local API token first of all)
        Starting,
        Running,
        Failed
    };
    Q_ENUM(State)
    enum class PortSource
    {
        Default,
        CommandLine, // --port (which wins over the saved one)
        Settings
    };
    Q_ENUM(PortSource)

    using QObject::QObject;

    State state() const { return m_state; }
    QUrl baseUrl() const { return m_baseUrl; }
    QString error() const { return m_error; }
    bool listening() const { return m_listening; }
    int port() const { return m_baseUrl.port(0); }
    PortSource portSource() const { return m_portSource; }
    QStringList commandLineUpstreams() const { return m_commandLineUpstreams; }
    QStringList commandLineAgents() const { return m_commandLineAgents; }
    QString commandLineRedis() const { return m_commandLineRedis; }

    void setReadingKeychain();
    void setConfiguration(bool listening, PortSource portSource, const QStringList &commandLineUpstreams,
        const QStringList &commandLineAgents = {}, const QString &commandLineRedis = {});
    void setRunning(const QUrl &baseUrl);
    void setFailed(const QString &error);

Q_SIGNALS:
    void changed();

private:
    State m_state = State::Starting;
    QUrl m_baseUrl;
    QString m_error;
    bool m_listening = true;
    PortSource m_portSource = PortSource::Default;
    QStringList m_commandLineUpstreams;
    QStringList m_commandLineAgents;
    QString m_commandLineRedis;
};
