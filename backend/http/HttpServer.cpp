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
    // QWebSocketServer reads the handshake from the socket itself: it is still there, peeked, not read.
    m_connectionHandlers.upgrade = [this](QTcpSocket *socket) { m_webSockets.handleConnection(socket); };
    m_connectionHandlers.dispatch
        = [this](const HttpRequest &request, HttpResponder &responder) { dispatch(request, responder); };
    connect(&m_webSockets, &QWebSocketServer::newConnection, this, &HttpServer::takePendingWebSockets);
}

HttpServer::~HttpServer()
{
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
    if (!tcpServer->listen(address, port)) {
        *error = tcpServer->serverError() == QAbstractSocket::AddressInUseError
            ? QStringLiteral("port %1 on %2 is already in use").arg(port).arg(address.toString())
            : QStringLiteral("cannot listen on %1:%2: %3")
                  .arg(address.toString())
                  .arg(port)
                  .arg(tcpServer->errorString());
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

bool HttpServer::acceptsWebSocket(const HttpRequest &request) const
{
    return m_webSocketPaths && m_webSocketPaths(request.path) && !refusal(request);
}

void HttpServer::dispatch(const HttpRequest &request, HttpResponder &responder)
{
    if (auto error = refusal(request)) {
        qCInfo(lcHttp) << request.method << request.path << "refused:" << error->message;
        sendApiError(responder, *error);
        return;
    }
    if (m_decorator)
        m_decorator(request, responder);

    // HEAD is GET without the body (RFC 9110 §9.3.2); HttpResponder leaves the body out.
    const Router::Match match
        = m_router.match(request.method == "HEAD" ? QByteArray("GET") : request.method, request.path);
    if (request.method == "OPTIONS" && !match.handler && !match.allowedMethods.isEmpty())
        return answerOptions(request, match.allowedMethods, responder);
    if (match.handler) {
        (*match.handler)(request, match.params, responder);
        return;
    }
    if (!match.allowedMethods.isEmpty()) {
        responder.addHeader("Allow", match.allowedMethods.join(", "));
        sendApiError(responder,
            {405,
                QStringLiteral("method %1 is not allowed on %2; allowed: %3")
                    .arg(QString::fromLatin1(request.method), request.path,
                        QString::fromLatin1(match.allowedMethods.join(", ")))});
        return;
    }
    const QString what = request.isWebSocketUpgrade()
        ? QStringLiteral("no WebSocket endpoint at %1")
        : QStringLiteral("no route for %1 %2").arg(QString::fromLatin1(request.method), request.path);
    sendApiError(responder, {404, what.arg(request.path)});
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
    }
    responder.send(204, {}, {});
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
        Q_EMIT webSocketConnected(socket);
    }
}
