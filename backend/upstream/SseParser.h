// Incremental text/event-stream parser: bytes in, whole events out, whatever the TCP chunk boundaries.
// Follows the WHATWG rules: LF, CRLF or CR end a line; ':' starts a comment; data lines are joined with LF.
#pragma once

#include <QByteArray>
#include <QList>

struct SseEvent
{
    QByteArray event; // empty means "message"
    QByteArray data;
    QByteArray id;
};

class SseParser
{
public:
    QList<SseEvent> feed(const QByteArray &bytes);

private:
    void takeLine(const QByteArray &line, QList<SseEvent> &out);

    QByteArray m_line;
    bool m_skipLineFeed = false; // the last byte was a CR: a following LF belongs to it
    SseEvent m_current;
    bool m_hasData = false;
};

// Splits newline-delimited JSON (Ollama's stream) into lines, across chunk boundaries.
class LineSplitter
{
public:
    QList<QByteArray> feed(const QByteArray &bytes);
    // The last line when the stream ended without a newline.
    QByteArray rest() { return std::exchange(m_partial, {}); }

private:
    QByteArray m_partial;
};
