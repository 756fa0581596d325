// SPDX-License-Identifier: MIT
// Reads HTTP/1.1 requests out of the bytes a connection has received: the head (request line and
// headers) from one bounded window, the body by Content-Length or chunked coding, each under a limit.
// Nothing here touches a socket, so every rule can be tested on plain bytes.
#pragma once

#include "http/ApiError.h"
#include "http/ChunkedDecoder.h"
#include "http/HttpLimits.h"
#include "http/HttpRequest.h"

#include <QByteArrayView>

#include <optional>

// What a request's head says about the rest of the exchange.
struct HttpRequestHead
{
    enum class Body
    {
        None,
        Length,
        Chunked
    };

    HttpRequest request;
    qsizetype length = 0; // bytes of the head, its blank line and any blank lines before it included
    Body body = Body::None;
    qint64 contentLength = 0;
    bool keepAlive = true; // HTTP/1.1 without "Connection: close"; HTTP/1.0 always closes
    bool expectsContinue = false; // "Expect: 100-continue": the client waits for a go-ahead
    bool http10 = false; // no chunked responses: a stream ends when the connection closes
};

struct HeadParse
{
    enum class Status
    {
        Incomplete, // the blank line that ends the head has not arrived yet
        Complete,
        Invalid
    };

    Status status = Status::Incomplete;
    HttpRequestHead head; // when Complete
    std::optional<ApiError> error; // when Invalid: 400, 413, 431, 501 or 505, with what was wrong
};

// Parses the head at the start of `data`, if all of it is there. `data` may hold more (the body, or
// pipelined requests); only the head's bytes are looked at.
HeadParse parseRequestHead(QByteArrayView data, const HttpLimits &limits);

// Decodes a chunked request body piece by piece, as its bytes arrive (ChunkedDecoder, the one chunked
// decoder), with its errors as the server answers them: 413 past the body limit, 400 for the rest.
class ChunkedBodyDecoder
{
public:
    explicit ChunkedBodyDecoder(qint64 maxBodyBytes);

    // Appends the chunk data found in `data` to `body` and returns how many bytes of `data` it used;
    // the rest waits for more bytes (a chunk-size line or CRLF cut in two).
    qsizetype decode(QByteArrayView data, QByteArray &body);

    bool isComplete() const { return m_decoder.isComplete(); }
    const std::optional<ApiError> &error() const { return m_error; }

private:
    ChunkedDecoder m_decoder;
    std::optional<ApiError> m_error;
};
