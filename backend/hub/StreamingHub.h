// SPDX-License-Identifier: MIT
// The heart of the streaming API: publishes thinking steps and progress updates into the store and fans
// them out to every watcher of a session, history first and then live, in order, without gaps or duplicates.
#pragma once

#include "hub/HubLimits.h"
#include "hub/WatcherBacklogBudget.h"
#include "store/EventStore.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class EventWatcher;

class StreamingHub : public QObject
{
    Q_OBJECT

public:
    using KindSet = QList<EventKind>;

    StreamingHub(EventStore *store, HubLimits limits, QObject *parent = nullptr);
    ~StreamingHub() override;

    EventStore &store() { return *m_store; }
    const HubLimits &limits() const { return m_limits; }
    // What every WebSocket and SSE watcher of this process has queued, under one budget.
    WatcherBacklogBudget &backlogBudget() { return m_backlogBudget; }
    const WatcherBacklogBudget &backlogBudget() const { return m_backlogBudget; }

    void publish(
        const QString &sessionId, EventKind kind, const EventData &data, EventStore::AppendDone done);
    // Several events of one session and kind, in order, in as few store round trips as the store allows.
    void publishMany(const QString &sessionId, EventKind kind, const QList<EventData> &data,
        EventStore::AppendManyDone done);
    // Publishes session_end on both streams, then marks the session ended.
    void endSession(const QString &sessionId, EventStore::Done done);

    // `started` runs once the session is known to exist (or not), before any history is delivered.
    void subscribe(const QString &sessionId, const KindSet &kinds, StreamId after, EventWatcher *watcher,
        std::function<void(StoreStatus)> started);
    void unsubscribe(EventWatcher *watcher);

    using HistoryDone = std::function<void(StoreStatus, QList<StoredEvent>)>;
    // The retained events of the given streams after `after`, merged in id order, session_end once.
    void history(const QString &sessionId, const KindSet &kinds, StreamId after, HistoryDone done);
    int watcherCount() const { return int(m_subscriptions.size()); }

Q_SIGNALS:
    void sessionRemoved(const QString &sessionId);

private:
    struct Subscription;

    void forget(const std::shared_ptr<Subscription> &subscription);
    void onEventAppended(const StoredEvent &event);
    void onEventsMissed(const QString &sessionId, EventKind kind, qint64 count);
    void finishReplay(const std::shared_ptr<Subscription> &subscription, const QList<StoredEvent> &history);
    // Tells a watcher from the start how many events of each stream its history lacks (EventWatcher).
    static void tellTrimmed(
        const Subscription &subscription, const SessionStats &stats, const QList<StoredEvent> &history);
    static void deliverOnce(Subscription &subscription, const StoredEvent &event);
    void releaseWatch(const QString &sessionId);

    EventStore *m_store;
    HubLimits m_limits;
    WatcherBacklogBudget m_backlogBudget;
    QHash<EventWatcher *, std::shared_ptr<Subscription>> m_subscriptions;
    // The same subscriptions by session: an event reaches its session's watchers without walking everyone's.
    QHash<QString, QList<std::shared_ptr<Subscription>>> m_bySession;
    QHash<QString, int> m_watchCounts; // per session, to watch/unwatch the store once
    QTimer m_cleanup;
};
