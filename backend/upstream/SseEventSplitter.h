// SPDX-License-Identifier: MIT
// Cuts a text/event-stream into whole events and keeps each event's bytes as they came, for a relay that
// passes an upstream's events on unchanged (byte for byte) while reading them: bytes in, events out,
// whatever the TCP boundaries. An event ends at a blank line (LF, CRLF or CR line ends); its bytes include
// that blank line. Bounded like SseParser: an event over the bound fails the splitter. Work is linear in
// the bytes fed.
#pragma once

#include "upstream/SseParser.h"
#include "upstream/UpstreamLimits.h"

struct RawSseEvent
{
    QByteArray bytes; // as received, blank line included
    SseEvent event; // its fields
    bool hasData = false; // false for comments (keep-alives) and events without data
};

// The event's bytes with every line ended by LF alone (CRLF and CR become LF): the same fields, framed the
// way every client splits on. Some (@ag-ui/client's HttpAgent) cut events at "\n\n" only.
QByteArray withLineFeeds(QByteArrayView event);

class SseEventSplitter
{
public:
    explicit SseEventSplitter(qsizetype maxEventBytes = UpstreamLimits::MaxLineBytes)
        : m_maxEventBytes(maxEventBytes)
        , m_parser(maxEventBytes)
    { }

    QList<RawSseEvent> feed(QByteArrayView bytes);
    // The stream ended: an event whose last line end was a CR (its LF may have been still to come) is
    // whole. Bytes of an event cut short are dropped and counted.
    QList<RawSseEvent> finish();
    qsizetype unfinishedBytes() const { return m_pending.size(); }

    bool hasFailed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }

private:
    void complete(QList<RawSseEvent> &out);

    qsizetype m_maxEventBytes;
    SseParser m_parser;
    QByteArray m_pending; // the event being read, as received
    qsizetype m_lineLength = 0; // characters of the current line so far
    bool m_afterCarriageReturn = false;
    bool m_endsAfterLineFeed = false; // a blank line ended by CR: an LF may still belong to it
    QString m_error;
};
