// SPDX-License-Identifier: MIT
// A WebSocket client for tests that records every JSON message and how the socket closed.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

class WebSocketTestClient : public QObject
{
    Q_OBJECT

public:
    explicit WebSocketTestClient(QObject *parent = nullptr);
    ~WebSocketTestClient() override;

    bool open(const QUrl &url); // waits for the handshake
    void sendJson(const QJsonObject &message);
    void sendText(const QString &text);
    bool waitForMessages(int count, int timeoutMs = 15000);
    bool waitForClose(int timeoutMs = 15000);
    // Sends a ping and waits for its pong. A socket's messages arrive in the order they were sent, so
    // whatever the server sent before the pong (a duplicate, an event on the wrong stream) has arrived by
    // then: the sentinel a test waits for instead of a sleep.
    bool roundTrip(int timeoutMs = 15000);

    QList<QJsonObject> messages() const { return m_messages; }
    QList<QJsonObject> messagesOfType(const QString &type) const;
    QStringList eventIds() const; // ids of thinking_step / progress_update / session_end messages, in order
    QWebSocket &socket() { return m_socket; }
    bool closed() const { return m_closed; }
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
    bool m_closed = false;
    int m_closeCode = 0;
    QString m_closeReason;
};
