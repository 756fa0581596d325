// SPDX-License-Identifier: MIT
// Ponder's HTTP/WebSocket front door on one port: admits or refuses each request from its head (request
// filters for Host, Origin and token; the route; its body limit), dispatches it to the router, and hands
// accepted WebSocket upgrades to whoever serves them.
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
#include <QHash>
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
    // A filter returns an error to refuse the request (403, 401, ...) before any route sees it. It sees the
    // head only (the body is not read until every filter has passed), with the path normalised.
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

    // Connects the kernel queues while the server is busy, past which a burst of connects is dropped
    // (Qt's default is 50).
    static constexpr int ListenBacklog = 1024;

Q_SIGNALS:
    // The receiver takes ownership of the socket. `request` is its upgrade request as the filters saw it,
    // path normalised: the path to serve, rather than the socket's own copy of what the client sent.
    void webSocketConnected(QWebSocket *socket, const HttpRequest &request);
    // The server is being destroyed, its connections still open: the last moment to close a WebSocket with a
    // word to its client (after it, its TCP socket is gone).
    void stopping();

private:
    struct PendingUpgrade
    {
        const QObject *socket; // compared only: it may be gone
        HttpRequest request;
    };
    using PeerKey = QPair<QHostAddress, quint16>;

    std::optional<ApiError> refusal(const HttpRequest &request) const;
    bool acceptsWebSocket(const HttpRequest &request) const;
    HttpAdmission admit(const HttpRequestHead &head);
    void answerUnrouted(const HttpRequest &request, const QByteArrayList &allowedMethods, HttpResponder &out);
    void answerOptions(const HttpRequest &request, const QByteArrayList &methods, HttpResponder &responder);
    void upgrade(QTcpSocket *socket, const HttpRequest &request);
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
    // Upgrades handed to m_webSockets whose handshake it has not finished, by the client's address and port.
    QHash<PeerKey, PendingUpgrade> m_pendingUpgrades;
    QPointer<LowDelayTcpServer> m_tcpServer;
    int m_openConnections = 0;
    bool m_acceptingPaused = false;
    QDeadlineTimer m_nextLimitWarning {0};
};
