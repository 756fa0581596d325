// SPDX-License-Identifier: MIT
// One client's TCP connection, speaking HTTP/1.1: reads its requests one at a time, hands each to the
// server with a responder, and reads the next once that one is answered, so pipelined requests are
// answered in order. Memory stays bounded whatever the client sends: the socket buffers at most
// ReadBufferBytes, a head over the limit gets 431, and the server admits or refuses each request from its
// head (Host, Origin, key, route, body size) before a byte of its body is read or 100 Continue is sent.
// A request begun and not finished within the timeout gets 408, so stalled clients do not hold
// connections open.
//
// A body of a megabyte or more that a route reads as JSON is parsed on a worker thread before it is
// dispatched (HttpRequest::json), so that handlers stay synchronous while the loop serves others.
//
// A WebSocket upgrade the server accepts leaves with its head unread, for QWebSocketServer to answer.
#pragma once

#include "http/HttpRequestParser.h"
#include "http/HttpResponder.h"

#include <QObject>

#include <functional>
#include <optional>

class QTcpSocket;

// What the server makes of a request from its head alone.
struct HttpAdmission
{
    // Answers the request once its body has arrived (at once if it has none).
    std::function<void(const HttpRequest &, HttpResponder &)> respond;
    // `respond` refuses the request: its body is never read, and a connection that has one coming is
    // answered and closed.
    bool refused = false;
    qint64 maxBodyBytes = 0; // a declared body over this is refused with 413 before it is read
    // The route reads JSON: a large body that begins like JSON is parsed off the loop before `respond`.
    bool jsonBody = false;
};

class HttpConnection : public QObject
{
    Q_OBJECT

public:
    struct Handlers
    {
        std::function<bool(const HttpRequest &)> acceptsUpgrade;
        // Takes the socket, its upgrade request still unread, and the request as parsed (normalised path).
        std::function<void(QTcpSocket *, const HttpRequest &)> upgrade;
        std::function<HttpAdmission(const HttpRequestHead &)> admit;
        // Who writes error bodies for a (normalised) path; empty for Ponder's own shape.
        std::function<RouteErrorWriter(const QString &path)> errorWriter;
    };

    static constexpr qint64 ReadBufferBytes = 256 * 1024;

    // Lives as the socket's child; `limits` and `handlers` belong to the server, which outlives it.
    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, const Handlers &handlers);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    enum class State
    {
        Head,
        Body,
        Parsing, // the body is being parsed on a worker thread; what the client sends next waits
        Responding, // a handler has the request; what the client sends next waits in the socket
        Closing, // refused: what the client still sends is dropped until the connection closes
        Upgraded // the socket belongs to QWebSocketServer now
    };

    void readRequests();
    bool readHead();
    bool readBody();
    void dispatchRequest();
    // A large JSON body is parsed on a worker thread, then dispatched; nothing else on this connection is
    // read meanwhile, so pipelined requests keep their order. A connection closed meanwhile (its client
    // gone, the server shut down) drops the parse unread.
    bool parsesOffLoop() const;
    void parseThenDispatch();
    // Answers a request refused from its head, whose body (if any) will never be read.
    void refuseRequest();
    void respondAndClose(const ApiError &error);
    // Gives the responder the error writer of the request's route family (m_head's path).
    void shapeErrors(HttpResponder &responder) const;
    void lingerAndClose();
    void onResponseComplete();
    void watchForStall(bool requestUnderway);

    QTcpSocket *m_socket;
    const HttpLimits &m_limits;
    const Handlers &m_handlers;
    State m_state = State::Head;
    HttpRequestHead m_head;
    HttpAdmission m_admission; // of the request being read
    std::optional<ChunkedBodyDecoder> m_chunks;
    bool m_keepAlive = true; // of the request being answered
    bool m_unreadBody = false; // the request being answered was refused with its body still to come
    int m_stallTimer = 0; // runs while a request has begun to arrive and is not whole yet
    bool m_socketPaused = false; // the socket's buffer was full: it reads no more until asked
    bool m_reading = false; // readRequests() is on the stack: a response completing inside it
    bool m_readAgain = false; // ... asks it to go on rather than calling it again
};
