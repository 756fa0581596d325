// SPDX-License-Identifier: MIT
// Decodes a chunked message body (RFC 9112 §7.1) piece by piece, as its bytes arrive: the request
// parser and the upstream response parser share it. Framing is checked strictly, and everything it must
// see whole before it can go on (a chunk-size line, the trailers) has a bound, so a peer that never ends a
// line cannot make anyone hold more than that. No socket inside: bytes in, chunk data out.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <limits>

class ChunkedDecoder
{
public:
    struct Limits
    {
        qsizetype maxSizeLineBytes = 1024; // hex digits and any chunk extensions
        qsizetype maxTrailerBytes = 8 * 1024; // every trailer line together
        qint64 maxBodyBytes = std::numeric_limits<qint64>::max(); // the data of all chunks together
    };

    enum class Error
    {
        None,
        BadChunkSize, // not a hexadecimal number (of at most 15 digits)
        DataLongerThanSize, // something other than CRLF after a chunk's data
        SizeLineTooLong,
        TrailersTooLarge,
        BodyTooLarge,
    };

    ChunkedDecoder()
        : ChunkedDecoder(Limits {})
    { }
    explicit ChunkedDecoder(Limits limits)
        : m_limits(limits)
    { }

    // Appends the chunk data found at the start of `data` to `body` and returns how many bytes of `data`
    // it used. What it did not use (a line cut in two) must be given again with the bytes that follow;
    // it is never longer than the line's bound. Bytes after the body's end are not touched.
    qsizetype decode(QByteArrayView data, QByteArray &body);

    bool isComplete() const { return m_state == State::Done; }
    bool hasFailed() const { return m_state == State::Failed; }
    Error error() const { return m_error; }
    // What was wrong, in words for a log line or an error body ("" while nothing is).
    QString errorMessage() const;
    const Limits &limits() const { return m_limits; }

private:
    enum class State
    {
        Size,
        Data,
        DataEnd,
        Trailer,
        Done,
        Failed
    };

    qsizetype fail(Error error, qsizetype used);

    Limits m_limits;
    State m_state = State::Size;
    Error m_error = Error::None;
    qint64 m_chunkLeft = 0;
    qint64 m_decoded = 0;
    qsizetype m_trailerBytes = 0;
};
