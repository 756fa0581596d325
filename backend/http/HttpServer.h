// Ponder's HTTP/WebSocket front door on one port: runs request filters (Host, Origin, token),
// dispatches to the router, and hands accepted WebSocket upgrades to whoever serves them.
#pragma once

#include "http/ApiError.h"
#include "http/Router.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QPointer>

#include <functional>
#include <optional>

class QWebSocket;
class LowDelayTcpServer;

class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    // A filter returns an error to refuse the request (403, 401, ...) before any route sees it.
    // Filters also guard WebSocket upgrades, so they must not write anything themselves.
    using RequestFilter = std::function<std::optional<ApiError>(const HttpRequest &)>;
    // Adds headers to every response of a request that passed the filters (CORS, X-Session-Id...).
    using ResponseDecorator = std::function<void(const HttpRequest &, HttpResponder &)>;
    // Decides whether a WebSocket upgrade to this path is served.
    using WebSocketPathFilter = std::function<bool(const QString &path)>;

    explicit HttpServer(QObject *parent = nullptr);

    Router &router() { return m_router; }
    void addRequestFilter(RequestFilter filter);
    void setResponseDecorator(ResponseDecorator decorator);
    void setWebSocketPathFilter(WebSocketPathFilter filter);

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    QHostAddress address() const;

Q_SIGNALS:
    // The receiver takes ownership of the socket.
    void webSocketConnected(QWebSocket *socket);

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#endif

private:
    std::optional<ApiError> refusal(const HttpRequest &request) const;
    bool acceptsWebSocket(const HttpRequest &request) const;
    void dispatch(const HttpRequest &request, HttpResponder &responder);
    void answerOptions(const HttpRequest &request, const QByteArrayList &methods, HttpResponder &responder);
    void takePendingWebSockets();

    Router m_router;
    std::vector<RequestFilter> m_filters;
    ResponseDecorator m_decorator;
    WebSocketPathFilter m_webSocketPaths;
    QPointer<LowDelayTcpServer> m_tcpServer;
};
