// SPDX-License-Identifier: MIT
#include "upstream/SseParser.h"

#include <cstring>

QList<SseEvent> SseParser::feed(QByteArrayView bytes)
{
    QList<SseEvent> events;
    qsizetype at = 0;
    const char *lineFeed = nullptr;
    bool lineFeedSearched = false;
    while (at < bytes.size() && !hasFailed()) {
        if (std::exchange(m_skipLineFeed, false) && bytes[at] == '\n') {
            ++at;
            continue;
        }
        // The line's end: the first LF, or a CR before it. The next LF is looked for again only once the
        // lines passed it, so lines ended by CR alone do not each search the rest: each byte is read at most
        // twice.
        const char *start = bytes.data() + at;
        if (!lineFeedSearched || (lineFeed && lineFeed < start)) {
            lineFeed = static_cast<const char *>(std::memchr(start, '\n', size_t(bytes.size() - at)));
            lineFeedSearched = true;
        }
        const qsizetype searched = lineFeed ? lineFeed - start : bytes.size() - at;
        const auto *carriageReturn = static_cast<const char *>(std::memchr(start, '\r', size_t(searched)));
        const qsizetype end = at + (carriageReturn ? carriageReturn - start : searched);
        const QByteArrayView piece = bytes.sliced(at, end - at);
        if (m_line.size() + piece.size() > m_maxLineBytes) {
            m_error = QStringLiteral("a line over %1 bytes").arg(m_maxLineBytes);
            break;
        }
        if (end == bytes.size()) { // the line goes on in the next bytes
            m_line.append(piece);
            break;
        }
        if (m_line.isEmpty()) {
            takeLine(piece, events);
        } else {
            m_line.append(piece);
            takeLine(m_line, events);
            m_line.clear();
        }
        m_skipLineFeed = bytes[end] == '\r';
        at = end + 1;
    }
    if (hasFailed()) {
        m_line.clear();
        m_current = {};
    }
    return events;
}

void SseParser::takeLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (line.isEmpty()) { // a blank line dispatches the event
        if (m_hasData)
            out.append(std::exchange(m_current, {}));
        m_current = {};
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return;
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        // Many data lines make one event's data: it is bounded like a line.
        if (m_current.data.size() + value.size() + 1 > m_maxLineBytes) {
            m_error = QStringLiteral("an event over %1 bytes").arg(m_maxLineBytes);
            return;
        }
        if (m_hasData)
            m_current.data += '\n';
        m_current.data += value;
        m_hasData = true;
    } else if (field == "event") {
        m_current.event = value.toByteArray();
    } else if (field == "id") {
        m_current.id = value.toByteArray();
    }
}
