// SPDX-License-Identifier: MIT
#include "http/HttpConnection.h"

#include "core/Logging.h"
#include "core/OffLoop.h"
#include "http/HttpResponder.h"

#include <QTcpSocket>
#include <QTimer>
#include <QTimerEvent>

#include <utility>

namespace {

// How long a connection refused mid-request keeps reading (and dropping) what the client still sends
// before closing: closing with unread bytes makes the kernel reset the connection, and a client still
// writing its body would then lose the answer that says why.
constexpr int LingerMs = 1000;
constexpr qint64 SmallHeadBytes = 4096;

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits, const Handlers &handlers)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_handlers(handlers)
{
    socket->setReadBufferSize(ReadBufferBytes);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequests);
    connect(socket, &QTcpSocket::disconnected, this, [socket] { socket->deleteLater(); });
}

void HttpConnection::readRequests()
{
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    // QAbstractSocket stops reading from the kernel once its buffer holds ReadBufferBytes (a client
    // pipelining while a response is under way), and starts again only when asked for more than it holds.
    m_socketPaused = m_socketPaused || m_socket->bytesAvailable() >= ReadBufferBytes;
    do {
        m_readAgain = false;
        while (m_state == State::Head ? readHead() : m_state == State::Body && readBody()) { }
        if (m_state == State::Closing)
            m_socket->skip(m_socket->bytesAvailable());
    } while (m_readAgain);
    m_reading = false;
    const bool waitingForMore = m_state == State::Head || m_state == State::Body;
    if (m_socketPaused && waitingForMore) {
        m_socketPaused = false;
        m_socket->peek(m_socket->bytesAvailable() + 1); // asks for more: reading resumes
    }
    // Only a request cut short starts the clock: one that arrives whole (the usual case) costs no timer.
    watchForStall(m_state == State::Body || (m_state == State::Head && m_socket->bytesAvailable() > 0));
}

void HttpConnection::watchForStall(bool requestUnderway)
{
    if (requestUnderway && m_stallTimer == 0) {
        m_stallTimer = startTimer(m_limits.requestTimeoutMs);
    } else if (!requestUnderway && m_stallTimer != 0) {
        killTimer(m_stallTimer);
        m_stallTimer = 0;
    }
}

void HttpConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_stallTimer)
        return QObject::timerEvent(event);
    watchForStall(false);
    if (m_state == State::Head || m_state == State::Body)
        respondAndClose({408,
            QStringLiteral("the request did not arrive whole within %1 s")
                .arg(m_limits.requestTimeoutMs / 1000.0)});
}

bool HttpConnection::readHead()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available == 0)
        return false;
    // Peeked, not read: an upgrade must leave the socket with its request for QWebSocketServer. Heads are
    // rarely over a few hundred bytes: a small window first, so pipelined requests are not copied 64 KiB
    // at a time.
    const qint64 window = qMin<qint64>(m_limits.maxHeadBytes, SmallHeadBytes);
    HeadParse parse = parseRequestHead(m_socket->peek(qMin(available, window)), m_limits);
    if (parse.status == HeadParse::Status::Incomplete && available > window)
        parse = parseRequestHead(m_socket->peek(qMin<qint64>(available, m_limits.maxHeadBytes)), m_limits);
    if (parse.status == HeadParse::Status::Incomplete)
        return false;
    if (parse.status == HeadParse::Status::Invalid) {
        respondAndClose(*parse.error);
        return false;
    }
    m_head = std::move(parse.head);
    m_head.request.remoteAddress = m_socket->peerAddress();
    if (m_head.request.isWebSocketUpgrade()) {
        if (m_head.request.method == "GET" && m_handlers.acceptsUpgrade(m_head.request)) {
            disconnect(m_socket, nullptr, this, nullptr);
            setParent(nullptr);
            deleteLater();
            m_state = State::Upgraded;
            // QWebSocket bounds what it takes by its message size limits (WebSocketRoutes), and would stall
            // on a frame cut short at the end of a full buffer: it reads as Qt's default lets it.
            m_socket->setReadBufferSize(0);
            m_handlers.upgrade(m_socket, m_head.request);
            return false;
        }
        // A refused upgrade is answered like any request, then closed: its client speaks no more HTTP.
        m_head.keepAlive = false;
    }
    m_socket->skip(m_head.length);
    // Decided from the head alone: a request that is refused (or whose body is too large for its route)
    // has its body neither read nor invited with 100 Continue.
    m_admission = m_handlers.admit(m_head);
    if (!m_admission.refused && m_head.body == HttpRequestHead::Body::Length
        && m_head.contentLength > m_admission.maxBodyBytes) {
        const ApiError tooLarge(413,
            QStringLiteral("request body is %1 bytes; the limit is %2 bytes")
                .arg(m_head.contentLength)
                .arg(m_admission.maxBodyBytes));
        m_admission.refused = true;
        m_admission.respond = [tooLarge](const HttpRequest &, HttpResponder &responder) {
            sendApiError(responder, tooLarge);
        };
    }
    if (m_admission.refused) {
        refuseRequest();
        return m_state == State::Head;
    }
    if (m_head.body == HttpRequestHead::Body::None) {
        dispatchRequest();
        return m_state == State::Head;
    }
    if (m_head.expectsContinue)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    if (m_head.body == HttpRequestHead::Body::Chunked)
        m_chunks.emplace(m_admission.maxBodyBytes);
    else
        m_chunks.reset();
    m_state = State::Body;
    return true;
}

bool HttpConnection::readBody()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available == 0)
        return false;
    QByteArray &body = m_head.request.body;
    if (m_chunks) {
        m_socket->skip(m_chunks->decode(m_socket->peek(available), body));
        if (m_chunks->error()) {
            respondAndClose(*m_chunks->error());
            return false;
        }
        if (!m_chunks->isComplete())
            return false;
    } else {
        const qsizetype before = body.size();
        const qint64 take = qMin(available, m_head.contentLength - before);
        body.resize(before + take);
        m_socket->read(body.data() + before, take);
        if (body.size() < m_head.contentLength)
            return false;
    }
    if (parsesOffLoop()) {
        parseThenDispatch();
        return false;
    }
    dispatchRequest();
    return m_state == State::Head;
}

bool HttpConnection::parsesOffLoop() const
{
    const QByteArray &body = m_head.request.body;
    if (!m_admission.jsonBody || body.size() < OffLoop::MinBytes)
        return false;
    // Only what can be JSON: any other body fails to parse at its first byte, cheaply, in the handler.
    for (const char c : body) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return c == '{' || c == '[';
    }
    return false;
}

void HttpConnection::parseThenDispatch()
{
    m_state = State::Parsing;
    watchForStall(false);
    OffLoop::run(
        this,
        [body = m_head.request.body] {
            return std::make_shared<const ParsedJsonBody>(ParsedJsonBody::of(body));
        },
        [this](std::shared_ptr<const ParsedJsonBody> parsed) {
            m_head.request.json = std::move(parsed);
            // A response completed at once reads the next request itself (onResponseComplete).
            dispatchRequest();
        });
}

void HttpConnection::dispatchRequest()
{
    m_state = State::Responding;
    watchForStall(false);
    HttpResponder::Framing framing;
    framing.headersOnly = m_head.request.method == "HEAD";
    framing.chunked = !m_head.http10;
    auto *responder = new HttpResponder(m_socket, framing);
    shapeErrors(*responder);
    if (!m_head.keepAlive)
        responder->addHeader("Connection", "close");
    m_keepAlive = m_head.keepAlive;
    connect(responder, &HttpResponder::complete, this, &HttpConnection::onResponseComplete);
    const HttpRequest request = std::exchange(m_head, {}).request;
    const HttpAdmission admission = std::exchange(m_admission, {});
    admission.respond(request, *responder);
}

void HttpConnection::refuseRequest()
{
    // A body that will never be read cannot be skipped to find the next request: the connection closes.
    m_unreadBody = m_head.body != HttpRequestHead::Body::None;
    if (m_unreadBody)
        m_head.keepAlive = false;
    dispatchRequest();
}

void HttpConnection::onResponseComplete()
{
    if (m_state != State::Responding)
        return;
    if (!m_keepAlive) {
        m_state = State::Closing;
        if (m_unreadBody)
            lingerAndClose();
        else
            m_socket->disconnectFromHost(); // after what is still to be written
        return;
    }
    m_state = State::Head;
    readRequests();
}

void HttpConnection::shapeErrors(HttpResponder &responder) const
{
    if (!m_handlers.errorWriter)
        return;
    if (RouteErrorWriter writer = m_handlers.errorWriter(m_head.request.path)) {
        // The head is what a writer reads (the path, the Content-Type); the body is not kept for it.
        HttpRequest head = m_head.request;
        head.body.clear();
        head.json.reset();
        responder.setErrorWriter([writer = std::move(writer), head = std::move(head)](HttpResponder &out,
                                     const ApiError &error) { writer(head, out, error); });
    }
}

void HttpConnection::respondAndClose(const ApiError &error)
{
    qCInfo(lcHttp).noquote() << "refused a request from" << m_socket->peerAddress().toString() << "-"
                             << error.status << error.message;
    // A request whose head was read (a body cut short, too slow or malformed) is answered in its route
    // family's shape; one whose head never parsed has no path to say which.
    const bool headRead = m_state == State::Body;
    m_state = State::Closing;
    auto *responder = new HttpResponder(m_socket, {});
    if (headRead)
        shapeErrors(*responder);
    responder->addHeader("Connection", "close");
    sendApiError(*responder, error);
    lingerAndClose();
}

void HttpConnection::lingerAndClose()
{
    QTimer::singleShot(LingerMs, m_socket, [socket = m_socket] { socket->disconnectFromHost(); });
}
