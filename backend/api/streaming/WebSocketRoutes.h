// SPDX-License-Identifier: MIT
// /ws/thinking/{id}, /ws/progress/{id}, /ws/sessions/{id}: which WebSocket paths exist and who serves them.
#pragma once

#include <QObject>

class HttpServer;
class QWebSocket;
struct HttpRequest;
class StreamingHub;

class WebSocketRoutes : public QObject
{
    Q_OBJECT

public:
    static constexpr quint64 MaxClientMessageBytes = 64 * 1024;

    WebSocketRoutes(StreamingHub &hub, HttpServer &server);

    static bool isWebSocketPath(const QString &path);

private:
    void accept(QWebSocket *socket, const HttpRequest &request);

    StreamingHub &m_hub;
};
