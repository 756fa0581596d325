// SPDX-License-Identifier: MIT
// Ponder's log lines: "2026-12-07T03:13:47.123 info ponder.chat: message", local time. Written by a message
// handler instead of Qt's message pattern, whose %{time} builds a QDateTime and formats it through QLocale
// for every line (a tenth of the serving thread's work on a one-delta request): the date and time to the
// second are formatted once a second here, the milliseconds appended as digits.
#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

class LogLine
{
public:
    // One line, its newline included, for a message logged at `msecsSinceEpoch`.
    QByteArray format(QtMsgType type, const char *category, const QString &message, qint64 msecsSinceEpoch);

    // Writes lines to standard error: installed as Qt's message handler when QT_MESSAGE_PATTERN is not set.
    static void install();

private:
    qint64 m_second = -1; // the second m_prefix shows; -1 before the first line
    QByteArray m_prefix; // "yyyy-MM-ddThh:mm:ss." in local time
};
