// SPDX-License-Identifier: MIT
// Reads one HTTP/1.1 response out of the bytes a server sends: the head (interim 1xx responses skipped),
// then the body by Content-Length, chunked coding (ChunkedDecoder) or the connection's end. Everything it
// must hold before it can go on (a head, a chunk-size line, trailers) has a bound, and past it the response
// fails with what was too long. No socket inside: the upstream client feeds it, and a test or a fuzzer can
// feed it bytes in pieces of any size.
#pragma once

#include "http/ChunkedDecoder.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

struct HttpResponseHead
{
    int status = 0;
    QByteArray reason;
    bool http10 = false;
    QList<QPair<QByteArray, QByteArray>> headers; // in order, names as sent, values trimmed

    // The first value of a header (any case), or an empty array.
    QByteArray header(QByteArrayView name) const;
};

struct HttpResponseLimits
{
    qsizetype maxHeadBytes = 64 * 1024; // status line and headers, of each head
    int maxHeaderCount = 256;
    int maxInterimResponses = 16; // 1xx heads before the final one
    qsizetype maxChunkSizeLineBytes = 1024;
    qsizetype maxTrailerBytes = 8 * 1024;
};

class HttpResponseParser
{
public:
    enum class State
    {
        Head, // reading the head (or an interim response's)
        Body,
        Complete,
        Failed
    };
    enum class Framing
    {
        None, // HEAD, 204, 304: no body whatever the headers say
        Length,
        Chunked,
        UntilClose
    };

    HttpResponseParser()
        : HttpResponseParser(HttpResponseLimits {})
    { }
    explicit HttpResponseParser(HttpResponseLimits limits);

    // The response answers a HEAD request, so it has no body. Set before the first feed().
    void setHeadRequest(bool head) { m_headRequest = head; }

    // Reads the next bytes of the response and returns the body bytes among them, chunk framing removed.
    // head() is there from the call that completed it. Bytes after the end of the response are not part of
    // it: they are counted in excessBytes(), and after a Content-Length body they fail the response (it
    // was longer than declared), whether they come with its last bytes or later.
    QByteArray feed(QByteArrayView bytes);
    // The connection ended: a body that runs until then is complete; any other unfinished response fails.
    void endOfInput();

    State state() const { return m_state; }
    bool hasHead() const { return m_hasHead; }
    bool isComplete() const { return m_state == State::Complete; }
    bool hasFailed() const { return m_state == State::Failed; }
    // What was wrong with the response, in words ("" unless it failed).
    const QString &error() const { return m_error; }
    const HttpResponseHead &head() const { return m_head; }
    Framing framing() const { return m_framing; }
    std::optional<qint64> contentLength() const { return m_contentLength; }
    qint64 bodyBytes() const { return m_bodyBytes; }
    qint64 excessBytes() const { return m_excessBytes; }
    // The connection may carry another request: HTTP/1.1, no "Connection: close", a body that ended by
    // its own framing, and nothing after it.
    bool canReuseConnection() const;

private:
    // Each returns how many bytes of `data` it used.
    qsizetype readHead(QByteArrayView data);
    bool takeHeadLine(QByteArrayView line);
    bool takeStatusLine(QByteArrayView line);
    bool finishHead();
    bool decideFraming();
    qsizetype readBody(QByteArrayView data, QByteArray &body);
    void complete() { m_state = State::Complete; }
    void takeExcess(qsizetype bytes);
    bool fail(QString message);

    HttpResponseLimits m_limits;
    bool m_headRequest = false;
    State m_state = State::Head;
    QString m_error;
    QByteArray m_pending; // bytes not yet used: a line cut in two, never more than its bound
    qsizetype m_pendingScanned = 0; // bytes at its start known to hold no line end
    qsizetype m_headBytes = 0; // of the head being read
    bool m_sawStatusLine = false;
    int m_interimResponses = 0;
    bool m_hasHead = false;
    HttpResponseHead m_head;
    Framing m_framing = Framing::UntilClose;
    bool m_closeAfter = false; // the framing or the headers rule out another request on the connection
    std::optional<qint64> m_contentLength;
    qint64 m_bodyLeft = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_excessBytes = 0;
    ChunkedDecoder m_chunks;
};
