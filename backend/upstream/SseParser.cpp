#include "upstream/SseParser.h"

QList<SseEvent> SseParser::feed(const QByteArray &bytes)
{
    QList<SseEvent> events;
    for (const char byte : bytes) {
        if (m_skipLineFeed) {
            m_skipLineFeed = false;
            if (byte == '\n')
                continue;
        }
        if (byte == '\n' || byte == '\r') {
            m_skipLineFeed = byte == '\r';
            takeLine(std::exchange(m_line, {}), events);
        } else {
            m_line += byte;
        }
    }
    return events;
}

void SseParser::takeLine(const QByteArray &line, QList<SseEvent> &out)
{
    if (line.isEmpty()) { // a blank line dispatches the event
        if (m_hasData)
            out.append(m_current);
        m_current = {};
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return;
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        if (m_hasData)
            m_current.data += '\n';
        m_current.data += value;
        m_hasData = true;
    } else if (field == "event") {
        m_current.event = value;
    } else if (field == "id") {
        m_current.id = value;
    }
}

QList<QByteArray> LineSplitter::feed(const QByteArray &bytes)
{
    QList<QByteArray> lines;
    m_partial += bytes;
    qsizetype start = 0;
    for (qsizetype newline = m_partial.indexOf('\n'); newline >= 0;
         newline = m_partial.indexOf('\n', start)) {
        const QByteArray line = m_partial.mid(start, newline - start).trimmed();
        if (!line.isEmpty())
            lines.append(line);
        start = newline + 1;
    }
    m_partial.remove(0, start);
    return lines;
}
