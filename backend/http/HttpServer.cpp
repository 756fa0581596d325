// SPDX-License-Identifier: MIT
#include "http/HttpServer.h"

#include "core/Logging.h"
#include "http/HttpResponder.h"
#include "http/LowDelayTcpServer.h"

#include <QTcpSocket>
#include <QWebSocket>

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
    , m_webSockets(QStringLiteral("Ponder"), QWebSocketServer::NonSecureMode)
{
    m_connectionHandlers.acceptsUpgrade
        = [this](const HttpRequest &request) { return acceptsWebSocket(request); };
    m_connectionHandlers.upgrade
        = [this](QTcpSocket *socket, const HttpRequest &request) { upgrade(socket, request); };
    m_connectionHandlers.admit = [this](const HttpRequestHead &head) { return admit(head); };
    m_connectionHandlers.errorWriter = [this](const QString &path) { return m_router.errorWriterFor(path); };
    connect(&m_webSockets, &QWebSocketServer::newConnection, this, &HttpServer::takePendingWebSockets);
}

HttpServer::~HttpServer()
{
    Q_EMIT stopping();
    // Connections hold references to the limits and handlers: they go first.
    delete m_tcpServer;
}

void HttpServer::addRequestFilter(RequestFilter filter)
{
    m_filters.push_back(std::move(filter));
}

void HttpServer::setResponseDecorator(ResponseDecorator decorator)
{
    m_decorator = std::move(decorator);
}

void HttpServer::setWebSocketPathFilter(WebSocketPathFilter filter)
{
    m_webSocketPaths = std::move(filter);
}

void HttpServer::setLimits(const HttpLimits &limits)
{
    m_limits = limits;
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    auto tcpServer = std::make_unique<LowDelayTcpServer>();
    tcpServer->setListenBacklogSize(ListenBacklog); // the kernel caps it at net.core.somaxconn
    if (!tcpServer->listen(address, port)) {
        *error = tcpServer->serverError() == QAbstractSocket::AddressInUseError
            ? QStringLiteral("port %1 on %2 is already in use").arg(port).arg(address.toString())
            : QStringLiteral("cannot listen on %1:%2: %3")
                  .arg(address.toString(), QString::number(port), tcpServer->errorString());
        return false;
    }
    m_tcpServer = tcpServer.release();
    m_tcpServer->setParent(this);
    connect(m_tcpServer, &QTcpServer::newConnection, this, &HttpServer::acceptConnections);
    return true;
}

quint16 HttpServer::port() const
{
    return m_tcpServer ? m_tcpServer->serverPort() : 0;
}

QHostAddress HttpServer::address() const
{
    return m_tcpServer ? m_tcpServer->serverAddress() : QHostAddress();
}

std::optional<ApiError> HttpServer::refusal(const HttpRequest &request) const
{
    for (const RequestFilter &filter : m_filters) {
        if (auto error = filter(request))
            return error;
    }
    return std::nullopt;
}

namespace {

// What is wrong with an opening handshake (RFC 6455 §4.2.1), "" when nothing is. QWebSocketServer would
// drop such a connection without a word.
QString handshakeFault(const HttpRequest &request)
{
    const auto key = QByteArray::fromBase64Encoding(
        request.header("sec-websocket-key").trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!key || key.decoded.size() != 16)
        return QStringLiteral("a WebSocket handshake needs a Sec-WebSocket-Key of 16 bytes in base64");
    if (request.header("sec-websocket-version").trimmed() != "13")
        return QStringLiteral("this server speaks WebSocket version 13 (Sec-WebSocket-Version: 13)");
    return {};
}

} // namespace

bool HttpServer::acceptsWebSocket(const HttpRequest &request) const
{
    return m_webSocketPaths && m_webSocketPaths(request.path) && !refusal(request)
        && handshakeFault(request).isEmpty();
}

HttpAdmission HttpServer::admit(const HttpRequestHead &head)
{
    const HttpRequest &request = head.request;
    HttpAdmission admission;
    // HEAD is GET without the body (RFC 9110 §9.3.2); HttpResponder leaves the body out.
    Router::Match match
        = m_router.match(request.method == "HEAD" ? QByteArray("GET") : request.method, request.path);
    if (auto error = refusal(request)) {
        qCInfo(lcHttp).noquote() << request.method << clippedForMessage(request.path)
                                 << "refused:" << error->message;
        admission.refused = true;
        admission.respond
            = [error = *error](const HttpRequest &, HttpResponder &out) { sendApiError(out, error); };
        return admission;
    }
    if (request.isWebSocketUpgrade() && m_webSocketPaths && m_webSocketPaths(request.path)) {
        if (const QString fault = handshakeFault(request); !fault.isEmpty()) {
            admission.refused = true;
            admission.respond = [fault](const HttpRequest &, HttpResponder &out) {
                out.addHeader("Sec-WebSocket-Version", "13");
                sendApiError(out, {400, fault});
            };
            return admission;
        }
    }
    if (!match.handler) {
        // 404, 405 or a CORS preflight: none of them reads a body, so one that comes is not waited for.
        admission.refused = true;
        admission.respond = [this, allowed = match.allowedMethods](const HttpRequest &whole,
                                HttpResponder &out) { answerUnrouted(whole, allowed, out); };
        return admission;
    }
    admission.maxBodyBytes = std::min(match.maxBodyBytes, m_limits.maxBodyBytes);
    admission.jsonBody = match.body == RouteBody::Json;
    admission.respond = [this, handler = *match.handler, params = std::move(match.params)](
                            const HttpRequest &whole, HttpResponder &out) {
        if (m_decorator)
            m_decorator(whole, out);
        handler(whole, params, out);
    };
    return admission;
}

void HttpServer::answerUnrouted(
    const HttpRequest &request, const QByteArrayList &allowedMethods, HttpResponder &out)
{
    if (m_decorator)
        m_decorator(request, out);
    if (request.method == "OPTIONS" && !allowedMethods.isEmpty())
        return answerOptions(request, allowedMethods, out);
    // The path is an argument, never part of the format: '%1' in a path must stay as it is. And it is cut
    // short, so the answer stays small whatever the path.
    const QString path = clippedForMessage(request.path);
    const QString method = clippedForMessage(QString::fromLatin1(request.method));
    if (!allowedMethods.isEmpty()) {
        out.addHeader("Allow", allowedMethods.join(", "));
        const ApiError notAllowed(405,
            QStringLiteral("method %1 is not allowed on %2; allowed: %3")
                .arg(method, path, QString::fromLatin1(allowedMethods.join(", "))));
        return sendApiError(out, notAllowed);
    }
    sendApiError(out,
        {404,
            request.isWebSocketUpgrade() ? QStringLiteral("no WebSocket endpoint at %1").arg(path)
                                         : QStringLiteral("no route for %1 %2").arg(method, path)});
}

void HttpServer::answerOptions(
    const HttpRequest &request, const QByteArrayList &methods, HttpResponder &responder)
{
    const QByteArray allowed = (methods + QByteArrayList {"OPTIONS"}).join(", ");
    responder.addHeader("Allow", allowed);
    // A CORS preflight: the request filters have already refused origins that are not allowed.
    if (request.hasHeader("origin") && request.hasHeader("access-control-request-method")) {
        responder.addHeader("Access-Control-Allow-Methods", allowed);
        const QByteArray headers = request.header("access-control-request-headers");
        responder.addHeader("Access-Control-Allow-Headers",
            headers.isEmpty() ? QByteArray("Authorization, Content-Type, X-Api-Key, X-Session-Id") : headers);
        responder.addHeader("Access-Control-Max-Age", "600");
        // Chrome's Private Network Access: a public page may reach a loopback server only if the server
        // says so in the preflight. The origin is an allowed one, or the filters would have refused it.
        if (request.header("access-control-request-private-network").compare("true", Qt::CaseInsensitive)
            == 0)
            responder.addHeader("Access-Control-Allow-Private-Network", "true");
    }
    responder.send(204, {}, {});
}

void HttpServer::upgrade(QTcpSocket *socket, const HttpRequest &request)
{
    // QWebSocketServer reads the handshake from the socket itself (it is still there, peeked, not read) and
    // answers later. Its QWebSocket is matched to this request by the client's address and port, which
    // are unique among open connections to this server.
    const PeerKey key {socket->peerAddress(), socket->peerPort()};
    m_pendingUpgrades.insert(key, {socket, request});
    // A handshake QWebSocketServer refuses ends with the socket: its entry goes with it.
    connect(socket, &QObject::destroyed, this, [this, key, socket] {
        const auto it = m_pendingUpgrades.find(key);
        if (it != m_pendingUpgrades.end() && it->socket == socket)
            m_pendingUpgrades.erase(it);
    });
    m_webSockets.handleConnection(socket);
}

void HttpServer::acceptConnections()
{
    while (m_openConnections < m_limits.maxConnections) {
        QTcpSocket *socket = m_tcpServer->nextPendingConnection();
        if (!socket)
            return;
        if (socket->state() != QAbstractSocket::ConnectedState) {
            // Its client left while it waited in the TCP server's queue: its disconnected() went unheard.
            socket->deleteLater();
            continue;
        }
        ++m_openConnections;
        // Counted until the socket goes (an upgraded one lives on in its QWebSocket). The TCP server as the
        // context: no count is kept while it is being deleted with its sockets.
        connect(socket, &QObject::destroyed, m_tcpServer, [this] { onConnectionClosed(); });
        new HttpConnection(socket, m_limits, m_connectionHandlers);
    }
    if (!m_acceptingPaused) {
        m_acceptingPaused = true;
        m_tcpServer->pauseAccepting();
        if (m_nextLimitWarning.hasExpired()) { // at the limit, every close and accept pauses again
            qCWarning(lcHttp) << m_openConnections << "connections open, the most allowed: new ones wait";
            m_nextLimitWarning.setRemainingTime(60'000);
        }
    }
}

void HttpServer::onConnectionClosed()
{
    --m_openConnections;
    if (m_acceptingPaused && m_openConnections < m_limits.maxConnections) {
        m_acceptingPaused = false;
        m_tcpServer->resumeAccepting();
        acceptConnections(); // those the TCP server had taken before it paused
    }
}

void HttpServer::takePendingWebSockets()
{
    while (QWebSocket *socket = m_webSockets.nextPendingConnection()) {
        socket->setParent(nullptr);
        const auto it = m_pendingUpgrades.find(PeerKey {socket->peerAddress(), socket->peerPort()});
        if (it == m_pendingUpgrades.end()) { // not one this server admitted: never served
            qCWarning(lcHttp) << "a WebSocket arrived without the upgrade request it was admitted by";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        const HttpRequest request = std::move(it->request);
        m_pendingUpgrades.erase(it);
        Q_EMIT webSocketConnected(socket, request);
    }
}
