// SPDX-License-Identifier: MIT
#include "api/streaming/WebSocketWatcher.h"

#include "core/Logging.h"
#include "protocols/streaming/ClientMessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>

namespace {

// What a watcher's socket is handed at most at a time, beyond what the kernel took: enough to keep a
// reading client busy between two passes of the event loop, little enough that hundreds of clients that
// never read hold little of their own (the rest of their backlog is frames shared with the others).
constexpr qint64 SocketWindowBytes = 64 * 1024;

} // namespace

WebSocketWatcher::WebSocketWatcher(
    StreamingHub &hub, QWebSocket *socket, QString sessionId, StreamingHub::KindSet kinds, StreamId after)
    : m_hub(&hub)
    , m_socket(socket)
    , m_sessionId(std::move(sessionId))
    , m_kinds(std::move(kinds))
    , m_after(after)
    , m_outbox(*this, hub.backlogBudget(), SocketWindowBytes,
          {[this] { return m_socket->bytesToWrite(); },
              [this](const QList<QString> &messages) {
                  for (const QString &message : messages)
                      m_socket->sendTextMessage(message);
              }},
          [this] { dropForBudget(); })
    , m_keepalive(new SilenceTimer(
          hub.limits().keepaliveSeconds * 1000,
          [this] {
              send({{QStringLiteral("type"), QStringLiteral("keepalive")}});
          },
          this))
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::disconnected, this, &QObject::deleteLater);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &WebSocketWatcher::onTextMessage);
    // Commands are JSON text; a binary message is answered as any other unknown one.
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this] { onTextMessage({}); });
    connect(m_socket, &QWebSocket::bytesWritten, this, [this] { m_outbox.pump(); });
    begin();
}

WebSocketWatcher::~WebSocketWatcher()
{
    if (m_hub)
        m_hub->unsubscribe(this);
    // The server is going (a watcher otherwise goes once its socket has closed): tell the client so. Left to
    // QWebSocket's destructor, the same close frame leaks its reason string in Qt 6.4.
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->disconnect(this);
        m_socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
        m_socket->flush(); // the socket goes with this watcher: what is not written now never is
    }
}

void WebSocketWatcher::begin()
{
    QPointer<WebSocketWatcher> guard(this);
    m_hub->subscribe(m_sessionId, m_kinds, m_after, this, [guard](StoreStatus status) {
        if (!guard)
            return;
        if (status.code == StoreStatus::Code::NotFound)
            return guard->closeWith(SessionNotFound, QStringLiteral("session not found"));
        if (!status.ok())
            return guard->closeWith(StoreUnavailable, QStringLiteral("event store unavailable"));
        QJsonArray streams;
        for (EventKind kind : std::as_const(guard->m_kinds))
            streams.append(streamName(kind));
        guard->send({{QStringLiteral("type"), QStringLiteral("connection_established")},
            {QStringLiteral("session_id"), guard->m_sessionId}, {QStringLiteral("streams"), streams},
            {QStringLiteral("timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}});
        guard->m_keepalive->start();
    });
}

void WebSocketWatcher::deliver(const StoredEvent &event)
{
    sendText(event.messageText());
}

void WebSocketWatcher::missed(EventKind kind, qint64 count)
{
    send(missedEventsMessage(kind, count));
}

void WebSocketWatcher::send(const QJsonObject &message)
{
    sendText(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void WebSocketWatcher::sendText(QString text)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState || m_outbox.dropped())
        return;
    if (!m_historyDelivered)
        m_historyBytes += text.size();
    if (m_hub && m_outbox.backlogBytes() > m_hub->limits().maxWatcherBacklogBytes + m_historyBytes) {
        qCWarning(lcHub) << "dropping a WebSocket client of" << m_sessionId << "that fell"
                         << m_outbox.backlogBytes() << "bytes behind";
        return closeWith(TooSlow, QStringLiteral("client too slow: events were not being read"));
    }
    m_keepalive->activity(); // keepalives only fill silence
    // Characters are counted as bytes: near enough for a backlog limit. Last: it may drop this watcher.
    m_outbox.push(std::move(text));
}

void WebSocketWatcher::closeWith(int code, const QString &reason)
{
    m_outbox.clear(); // the close frame goes right behind what the socket already has
    m_keepalive->stop();
    if (m_hub)
        m_hub->unsubscribe(this);
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void WebSocketWatcher::dropForBudget()
{
    qCWarning(lcHub) << "dropping a WebSocket client of" << m_sessionId << "that fell"
                     << m_outbox.backlogBytes()
                     << "bytes behind: the queued bytes of all watchers are over budget";
    m_outbox.clear();
    m_keepalive->stop();
    if (m_hub)
        m_hub->unsubscribe(this);
    // Aborted, not closed: a close frame would wait behind the backlog, which is the memory to free.
    m_socket->abort();
}

void WebSocketWatcher::onTextMessage(const QString &text)
{
    switch (readClientMessage(text)) {
    case ClientMessage::Ping:
        return send({{QStringLiteral("type"), QStringLiteral("pong")},
            {QStringLiteral("timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}});
    case ClientMessage::GetHistory:
        return sendHistory();
    case ClientMessage::GetStats:
        return sendStats();
    case ClientMessage::Unknown:
        break;
    }
    send({{QStringLiteral("type"), QStringLiteral("error")},
        {QStringLiteral("message"),
            QStringLiteral("unknown message; send {\"type\": \"ping\" | \"get_history\" | \"get_stats\"}")}});
}

void WebSocketWatcher::sendHistory()
{
    QPointer<WebSocketWatcher> guard(this);
    m_hub->history(m_sessionId, m_kinds, {}, [guard](StoreStatus status, const QList<StoredEvent> &events) {
        if (!guard)
            return;
        if (!status.ok())
            return guard->send({{QStringLiteral("type"), QStringLiteral("error")},
                {QStringLiteral("message"), status.message}});
        QJsonArray list;
        for (const StoredEvent &event : events)
            list.append(event.toMessage());
        guard->send({{QStringLiteral("type"), QStringLiteral("history")},
            {QStringLiteral("session_id"), guard->m_sessionId}, {QStringLiteral("events"), list}});
    });
}

void WebSocketWatcher::sendStats()
{
    QPointer<WebSocketWatcher> guard(this);
    m_hub->store().session(
        m_sessionId, [guard](StoreStatus status, const Session &session, const SessionStats &stats) {
            if (!guard)
                return;
            if (!status.ok())
                return guard->send({{QStringLiteral("type"), QStringLiteral("error")},
                    {QStringLiteral("message"), status.message}});
            guard->send({{QStringLiteral("type"), QStringLiteral("stats")},
                {QStringLiteral("data"), stats.toJson(session)}});
        });
}
