// SPDX-License-Identifier: MIT
#include "upstream/SseEventSplitter.h"

QByteArray withLineFeeds(QByteArrayView event)
{
    QByteArray out;
    out.reserve(event.size());
    for (qsizetype at = 0; at < event.size(); ++at) {
        if (event[at] != '\r') {
            out.append(event[at]);
            continue;
        }
        out.append('\n');
        if (at + 1 < event.size() && event[at + 1] == '\n')
            ++at; // the LF of a CRLF
    }
    return out;
}

QList<RawSseEvent> SseEventSplitter::feed(QByteArrayView bytes)
{
    QList<RawSseEvent> events;
    if (hasFailed())
        return events;
    qsizetype copiedUpTo = 0; // bytes before this are in m_pending already
    for (qsizetype at = 0; at < bytes.size(); ++at) {
        const char c = bytes[at];
        if (m_endsAfterLineFeed) {
            m_endsAfterLineFeed = false;
            if (c == '\n') { // the LF of the blank line's CRLF
                m_pending.append(bytes.sliced(copiedUpTo, at + 1 - copiedUpTo));
                copiedUpTo = at + 1;
                m_afterCarriageReturn = false;
                complete(events);
                continue;
            }
            m_pending.append(bytes.sliced(copiedUpTo, at - copiedUpTo));
            copiedUpTo = at;
            complete(events);
        }
        bool lineEnded = false;
        if (c == '\n') {
            lineEnded = !std::exchange(m_afterCarriageReturn, false); // not the LF of a CRLF
        } else if (c == '\r') {
            lineEnded = true;
            m_afterCarriageReturn = true;
        } else {
            m_afterCarriageReturn = false;
            ++m_lineLength;
        }
        if (m_pending.size() + (at + 1 - copiedUpTo) > m_maxEventBytes) {
            m_error = QStringLiteral("an event over %1 bytes").arg(m_maxEventBytes);
            m_pending.clear();
            return events;
        }
        if (!lineEnded)
            continue;
        if (std::exchange(m_lineLength, 0) > 0)
            continue;
        // A blank line: the event ends here (after an LF that may follow a CR).
        if (c == '\r') {
            m_endsAfterLineFeed = true;
            continue;
        }
        m_pending.append(bytes.sliced(copiedUpTo, at + 1 - copiedUpTo));
        copiedUpTo = at + 1;
        complete(events);
    }
    m_pending.append(bytes.sliced(copiedUpTo));
    return events;
}

QList<RawSseEvent> SseEventSplitter::finish()
{
    QList<RawSseEvent> events;
    if (std::exchange(m_endsAfterLineFeed, false))
        complete(events);
    m_pending.clear();
    return events;
}

void SseEventSplitter::complete(QList<RawSseEvent> &out)
{
    RawSseEvent raw;
    raw.bytes = std::exchange(m_pending, {});
    const QList<SseEvent> parsed = m_parser.feed(raw.bytes);
    if (m_parser.hasFailed()) {
        m_error = m_parser.error();
        return;
    }
    raw.hasData = !parsed.isEmpty();
    if (raw.hasData)
        raw.event = parsed.first();
    out.append(std::move(raw));
}
