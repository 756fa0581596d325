// SPDX-License-Identifier: MIT
// Clients that subscribe and then never read, for tests of what a server holds for a watcher that
// falls behind.
#pragma once

#include <QByteArray>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

// Connects, sends `request` and reads nothing more: a 1-byte read buffer here and an 8 KiB receive window
// in the kernel, so what the client leaves unread queues in the server, not in this process.
std::unique_ptr<QTcpSocket> connectStalledReader(const QUrl &server, const QByteArray &request);

// A WebSocket client's opening handshake for `target`, for raw sockets.
QByteArray webSocketHandshake(const QByteArray &target, const QByteArray &headers = {});

// An SSE client's request for `target`.
QByteArray eventStreamRequest(const QByteArray &target);
