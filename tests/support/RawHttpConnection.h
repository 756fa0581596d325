// SPDX-License-Identifier: MIT
// One raw keep-alive TCP connection to an HTTP server, for what HTTP clients do not let a test do:
// pipelining, half-sent requests, HTTP/1.0, paths spelled as an attacker spells them.
#pragma once

#include "HttpTestClient.h"

#include <QTcpSocket>
#include <QUrl>

class RawHttpConnection
{
public:
    explicit RawHttpConnection(const QUrl &server);

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &bytes);
    // Waits until `count` whole Content-Length-framed responses have arrived (or 15 s pass), and returns
    // those that did.
    QList<RawHttpResponse> responses(int count);
    QByteArray received();
    bool waitForClose();

private:
    static QList<RawHttpResponse> split(const QByteArray &raw);

    QTcpSocket m_socket;
    QByteArray m_received;
};

// Sends `request` on a fresh connection and returns the one answer, if the server then closes the
// connection (a status of 0 if it did not).
RawHttpResponse answerThenClose(const QUrl &server, const QByteArray &request);
