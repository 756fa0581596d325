// SPDX-License-Identifier: MIT
// Incremental text/event-stream parser: bytes in, whole events out, whatever the TCP chunk boundaries.
// Follows the WHATWG rules: LF, CRLF or CR end a line; ':' starts a comment; data lines are joined with LF.
// A line or an event's data over the bound fails the parser (an upstream that never ends a line must not
// make Ponder hold the whole of it); work is linear in the bytes fed, however they are cut.
#pragma once

#include "upstream/UpstreamLimits.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

struct SseEvent
{
    QByteArray event; // empty means "message"
    QByteArray data;
    QByteArray id;
};

class SseParser
{
public:
    explicit SseParser(qsizetype maxLineBytes = UpstreamLimits::MaxLineBytes)
        : m_maxLineBytes(maxLineBytes)
    { }

    // The events completed by these bytes; once failed, none.
    QList<SseEvent> feed(QByteArrayView bytes);

    bool hasFailed() const { return !m_error.isEmpty(); }
    // What went over the bound, e.g. "a line over 8388608 bytes".
    const QString &error() const { return m_error; }

private:
    void takeLine(QByteArrayView line, QList<SseEvent> &out);

    qsizetype m_maxLineBytes;
    QByteArray m_line; // a line cut by the end of a feed
    bool m_skipLineFeed = false; // the last byte was a CR: a following LF belongs to it
    SseEvent m_current;
    bool m_hasData = false;
    QString m_error;
};
