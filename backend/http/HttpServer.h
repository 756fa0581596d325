// Ponder's HTTP/WebSocket front door on one port: runs request filters (Host, Origin, token),
// dispatches to the router, and hands accepted WebSocket upgrades to whoever serves them.
//
// HTTP/1.1 is read by HttpConnection rather than by Qt 6.4's QAbstractHttpServer, which buffers a
// body or header of any size before anyone can refuse it and reads request heads a byte per call
// (docs/architecture.md). The WebSocket handshake and frames stay with QWebSocketServer.
#pragma once

#include "http/ApiError.h"
#include "http/HttpConnection.h"
#include "http/HttpLimits.h"
#include "http/Router.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QPointer>
#include <QWebSocketServer>

#include <functional>
#include <optional>

class QWebSocket;
class LowDelayTcpServer;

class HttpServer : public QObject
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
    ~HttpServer() override;

    Router &router() { return m_router; }
    void addRequestFilter(RequestFilter filter);
    void setResponseDecorator(ResponseDecorator decorator);
    void setWebSocketPathFilter(WebSocketPathFilter filter);
    // Heads and bodies over these are refused before they are read (431, 413); past maxConnections, new
    // connections wait in the kernel's queue.
    void setLimits(const HttpLimits &limits);

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    QHostAddress address() const;

Q_SIGNALS:
    // The receiver takes ownership of the socket.
    void webSocketConnected(QWebSocket *socket);

private:
    std::optional<ApiError> refusal(const HttpRequest &request) const;
    bool acceptsWebSocket(const HttpRequest &request) const;
    void dispatch(const HttpRequest &request, HttpResponder &responder);
    void answerOptions(const HttpRequest &request, const QByteArrayList &methods, HttpResponder &responder);
    void acceptConnections();
    void onConnectionClosed();
    void takePendingWebSockets();

    Router m_router;
    std::vector<RequestFilter> m_filters;
    ResponseDecorator m_decorator;
    WebSocketPathFilter m_webSocketPaths;
    HttpLimits m_limits;
    HttpConnection::Handlers m_connectionHandlers;
    QWebSocketServer m_webSockets;
    QPointer<LowDelayTcpServer> m_tcpServer;
    int m_openConnections = 0;
    bool m_acceptingPaused = false;
    QDeadlineTimer m_nextLimitWarning {0};
};
