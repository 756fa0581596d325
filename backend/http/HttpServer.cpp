#include "http/HttpServer.h"

#include "core/Logging.h"
#include "http/HttpResponder.h"
#include "http/LowDelayTcpServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpSocket>
#include <QWebSocket>

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0) && QT_VERSION < QT_VERSION_CHECK(6, 8, 1)
#error "Qt 6.5 to 6.8.0 break WebSocket client messages on QHttpServer (QTBUG-129798): use Qt 6.4 or >= 6.8.1"
#endif

HttpServer::HttpServer(QObject *parent)
    : QAbstractHttpServer(parent)
{
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &HttpServer::takePendingWebSockets);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    addWebSocketUpgradeVerifier(this, [this](const QHttpServerRequest &qtRequest) {
        const HttpRequest request = HttpRequest::fromQt(qtRequest);
        return acceptsWebSocket(request) ? QHttpServerWebSocketUpgradeResponse::accept()
                                         : QHttpServerWebSocketUpgradeResponse::deny();
    });
#endif
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
    bind(m_tcpServer); // parents the TCP server to this
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

    const Router::Match match = m_router.match(request.method, request.path);
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

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)

bool HttpServer::handleRequest(const QHttpServerRequest &qtRequest, QTcpSocket *socket)
{
    const HttpRequest request = HttpRequest::fromQt(qtRequest);
    // Qt 6.4 upgrades the connection when this returns true for an upgrade request, so an accepted
    // upgrade must write nothing; a refused one is answered below like any other request.
    if (request.isWebSocketUpgrade() && acceptsWebSocket(request))
        return true;
    dispatch(request, *new HttpResponder(socket));
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &qtRequest, QTcpSocket *socket)
{
    auto *responder = new HttpResponder(socket);
    sendApiError(*responder, {404, QStringLiteral("no route for %1").arg(qtRequest.url().path())});
}

#else

bool HttpServer::handleRequest(const QHttpServerRequest &qtRequest, QHttpServerResponder &qtResponder)
{
    dispatch(HttpRequest::fromQt(qtRequest), *new HttpResponder(std::move(qtResponder), this));
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &qtRequest, QHttpServerResponder &qtResponder)
{
    auto *responder = new HttpResponder(std::move(qtResponder), this);
    sendApiError(*responder, {404, QStringLiteral("no route for %1").arg(qtRequest.url().path())});
}

#endif

void HttpServer::takePendingWebSockets()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
        if (!socket)
            break;
        Q_EMIT webSocketConnected(socket.release());
    }
}
