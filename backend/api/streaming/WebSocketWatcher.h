// SPDX-License-Identifier: MIT
// One WebSocket client watching a session: connection_established, history, then live events;
// answers ping, get_history and get_stats; dropped with a close reason when it falls too far behind.
#pragma once

#include "api/streaming/SilenceTimer.h"
#include "hub/EventWatcher.h"
#include "hub/StreamingHub.h"
#include "hub/WatcherOutbox.h"

#include <QObject>
#include <QPointer>

class QWebSocket;

class WebSocketWatcher : public QObject, public EventWatcher
{
    Q_OBJECT

public:
    // Application close codes (4000-4999 are ours to define).
    enum CloseCode
    {
        InvalidRequest = 4400,
        SessionNotFound = 4404,
        TooSlow = 4408,
        StoreUnavailable = 4503
    };

    // Takes ownership of the socket; deletes itself when the socket closes.
    WebSocketWatcher(StreamingHub &hub, QWebSocket *socket, QString sessionId, StreamingHub::KindSet kinds,
        StreamId after);
    ~WebSocketWatcher() override;

    void historyDelivered() override { m_historyDelivered = true; }
    void deliver(const StoredEvent &event) override;
    void missed(EventKind kind, qint64 count) override;

private:
    void begin();
    void send(const QJsonObject &message);
    void sendText(QString text);
    void closeWith(int code, const QString &reason);
    // The process's queued watcher bytes are over budget and this one is among the furthest behind.
    void dropForBudget();
    void onTextMessage(const QString &text);
    void sendHistory();
    void sendStats();

    QPointer<StreamingHub> m_hub;
    QWebSocket *m_socket;
    QString m_sessionId;
    StreamingHub::KindSet m_kinds;
    StreamId m_after;
    // Messages not yet handed to the socket (shared with the other watchers of the same event), counted
    // against the process's budget with what the socket has not sent.
    // What the session's history put in the backlog, handed over at once: the per-client limit is on top
    // of it (the history's frames are the store's, shared, not this client's own copies).
    qint64 m_historyBytes = 0;
    bool m_historyDelivered = false;
    WatcherOutbox<QString> m_outbox;
    SilenceTimer *m_keepalive;
};
