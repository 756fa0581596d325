// SPDX-License-Identifier: MIT
#include "WebSocketTestClient.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

WebSocketTestClient::WebSocketTestClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
        [this](const QString &text) { m_messages << QJsonDocument::fromJson(text.toUtf8()).object(); });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        m_closeCode = int(m_socket.closeCode());
        m_closeReason = m_socket.closeReason();
    });
}

// A client that goes while connected says so with a close frame of its own. Left to QWebSocket's destructor,
// the same frame costs a leaked string in Qt 6.4 (its "Connection closed" reason), which LeakSanitizer can
// only match to that destructor when it unwinds slowly.
WebSocketTestClient::~WebSocketTestClient()
{
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.close(QWebSocketProtocol::CloseCodeGoingAway);
}

bool WebSocketTestClient::open(const QUrl &url)
{
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_socket.open(url);
    return connected.wait(15000) || m_socket.state() == QAbstractSocket::ConnectedState;
}

void WebSocketTestClient::sendJson(const QJsonObject &message)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void WebSocketTestClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

bool WebSocketTestClient::waitForMessages(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_messages.size() >= count; }, timeoutMs);
}

bool WebSocketTestClient::waitForClose(int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_closed; }, timeoutMs);
}

QList<QJsonObject> WebSocketTestClient::messagesOfType(const QString &type) const
{
    QList<QJsonObject> found;
    for (const QJsonObject &message : m_messages) {
        if (message.value(QLatin1String("type")).toString() == type)
            found << message;
    }
    return found;
}

QStringList WebSocketTestClient::eventIds() const
{
    QStringList ids;
    for (const QJsonObject &message : m_messages) {
        const QString type = message.value(QLatin1String("type")).toString();
        if (type == QLatin1String("thinking_step") || type == QLatin1String("progress_update")
            || type == QLatin1String("session_end"))
            ids << message.value(QLatin1String("id")).toString();
    }
    return ids;
}

bool WebSocketTestClient::roundTrip(int timeoutMs)
{
    const qsizetype pongs = messagesOfType(QStringLiteral("pong")).size();
    sendJson({{QStringLiteral("type"), QStringLiteral("ping")}});
    return QTest::qWaitFor([&] { return messagesOfType(QStringLiteral("pong")).size() > pongs; }, timeoutMs);
}
