// SPDX-License-Identifier: MIT
#include "StalledReader.h"

std::unique_ptr<QTcpSocket> connectStalledReader(const QUrl &server, const QByteArray &request)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->setReadBufferSize(1);
    socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 8192);
    socket->connectToHost(server.host(), quint16(server.port()));
    if (!socket->waitForConnected(15000))
        return nullptr;
    socket->write(request);
    socket->flush();
    return socket;
}

QByteArray webSocketHandshake(const QByteArray &target, const QByteArray &headers)
{
    return "GET " + target
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + headers + "\r\n";
}

QByteArray eventStreamRequest(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
}
