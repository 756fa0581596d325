// SPDX-License-Identifier: MIT
#include "hub/StreamingHub.h"

#include "core/Logging.h"
#include "events/EventJson.h"
#include "hub/EventWatcher.h"

#include <QJsonDocument>

#include <algorithm>

struct StreamingHub::Subscription
{
    QString sessionId;
    KindSet kinds;
    EventWatcher *watcher = nullptr;
    StreamId startAfter;
    StreamId lastDelivered[2];
    bool endDelivered = false; // session_end sits on both streams; a watcher of both gets it once
    bool replaying = true;
    bool cancelled = false;
    bool counted = false; // in m_watchCounts: the session was found and the store watches it
    QList<StoredEvent> liveDuringReplay;

    StreamId &last(EventKind kind) { return lastDelivered[kind == EventKind::Thinking ? 0 : 1]; }
};

StreamingHub::StreamingHub(EventStore *store, HubLimits limits, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_limits(limits)
    , m_backlogBudget(limits.maxQueuedWatcherBytes)
{
    connect(m_store, &EventStore::eventAppended, this, &StreamingHub::onEventAppended);
    connect(m_store, &EventStore::eventsMissed, this, &StreamingHub::onEventsMissed);
    connect(m_store, &EventStore::sessionRemoved, this, &StreamingHub::sessionRemoved);
    m_cleanup.setInterval(std::max(1, m_limits.cleanupIntervalSeconds) * 1000);
    connect(&m_cleanup, &QTimer::timeout, m_store, &EventStore::expireIdleSessions);
    m_cleanup.start();
}

StreamingHub::~StreamingHub()
{
    for (const auto &subscription : std::as_const(m_subscriptions))
        subscription->cancelled = true;
}

void StreamingHub::publish(
    const QString &sessionId, EventKind kind, const EventData &data, EventStore::AppendDone done)
{
    m_store->append(sessionId, kind, messageTypeFor(kind), data, std::move(done));
}

void StreamingHub::publishMany(
    const QString &sessionId, EventKind kind, const QList<EventData> &data, EventStore::AppendManyDone done)
{
    m_store->appendMany(sessionId, kind, messageTypeFor(kind), data, std::move(done));
}

void StreamingHub::endSession(const QString &sessionId, EventStore::Done done)
{
    // When it ended, as every other event says when it happened: a watcher reading it later needs it.
    const QJsonObject data {{QStringLiteral("session_id"), sessionId},
        {QStringLiteral("reason"), QStringLiteral("ended")},
        {QStringLiteral("timestamp"), EventJson::timestampText(QDateTime::currentDateTimeUtc())}};
    const QString type = QStringLiteral("session_end");
    m_store->append(sessionId, EventKind::Thinking, type, data,
        [this, sessionId, data, type, done = std::move(done)](StoreStatus status, StoredEvent) mutable {
            if (!status.ok())
                return done(status);
            m_store->append(sessionId, EventKind::Progress, type, data,
                [this, sessionId, done = std::move(done)](StoreStatus second, StoredEvent) {
                    if (!second.ok())
                        return done(second);
                    m_store->endSession(sessionId, done);
                });
        });
}

void StreamingHub::subscribe(const QString &sessionId, const KindSet &kinds, StreamId after,
    EventWatcher *watcher, std::function<void(StoreStatus)> started)
{
    unsubscribe(watcher); // a watcher has one subscription: a new one replaces it
    auto subscription = std::make_shared<Subscription>();
    subscription->sessionId = sessionId;
    subscription->kinds = kinds;
    subscription->watcher = watcher;
    subscription->startAfter = after;
    for (EventKind kind : kinds)
        subscription->last(kind) = after;

    // Known from the start, so unsubscribing before the store has answered (Redis answers later)
    // cancels it instead of leaving a subscription to a watcher that is gone.
    m_subscriptions.insert(watcher, subscription);
    m_bySession[sessionId].append(subscription);
    std::weak_ptr<Subscription> weak = subscription;
    m_store->session(sessionId,
        [this, weak, subscription, started = std::move(started)](
            StoreStatus status, Session, SessionStats stats) mutable {
            if (subscription->cancelled)
                return;
            if (!status.ok())
                forget(subscription);
            started(status);
            if (!status.ok() || subscription->cancelled)
                return;
            subscription->counted = true;
            const QString watchedId = subscription->sessionId;
            const bool firstWatcher = m_watchCounts[watchedId]++ == 0;
            auto replay = [this, weak, stats] {
                auto live = weak.lock();
                if (!live || live->cancelled)
                    return;
                history(live->sessionId, live->kinds, live->startAfter,
                    [this, weak, stats](StoreStatus read, const QList<StoredEvent> &events) {
                        if (!read.ok())
                            qCWarning(lcHub) << "history read failed:" << read.message;
                        auto stillLive = weak.lock();
                        if (!stillLive || stillLive->cancelled)
                            return;
                        if (read.ok() && stillLive->startAfter.isNull())
                            tellTrimmed(*stillLive, stats, events);
                        finishReplay(stillLive, events);
                    });
            };
            if (firstWatcher)
                m_store->watch(watchedId, replay);
            else
                replay();
        });
}

void StreamingHub::history(const QString &sessionId, const KindSet &kinds, StreamId after, HistoryDone done)
{
    // Read each stream in turn, then merge by id: ids are time-ordered across a session's streams.
    struct Pending
    {
        QList<StoredEvent> events;
        std::optional<StoreStatus> failure;
        int remaining = 0;
        HistoryDone done;
    };
    auto pending = std::make_shared<Pending>();
    pending->remaining = int(kinds.size());
    pending->done = std::move(done);
    for (EventKind kind : kinds) {
        m_store->read(sessionId, kind, after, m_limits.maxReplayEvents,
            [pending](StoreStatus status, const QList<StoredEvent> &events) {
                if (!status.ok())
                    pending->failure = status;
                pending->events += events;
                if (--pending->remaining > 0)
                    return;
                if (pending->failure)
                    return pending->done(*pending->failure, {});
                QList<StoredEvent> merged = std::move(pending->events);
                std::stable_sort(merged.begin(), merged.end(),
                    [](const StoredEvent &a, const StoredEvent &b) { return a.id < b.id; });
                const auto firstEnd = std::find_if(
                    merged.begin(), merged.end(), [](const StoredEvent &e) { return e.isSessionEnd(); });
                if (firstEnd != merged.end()) {
                    merged.erase(std::remove_if(firstEnd + 1, merged.end(),
                                     [](const StoredEvent &e) { return e.isSessionEnd(); }),
                        merged.end());
                }
                pending->done(StoreStatus::success(), merged);
            });
    }
}

void StreamingHub::tellTrimmed(
    const Subscription &subscription, const SessionStats &stats, const QList<StoredEvent> &history)
{
    // The counts were read before the history: events published in between make the history longer, never
    // shorter, so what is missing is at least this.
    qint64 kept[2] = {0, 0};
    for (const StoredEvent &event : history) {
        if (!event.isSessionEnd())
            ++kept[event.kind == EventKind::Thinking ? 0 : 1];
    }
    const qint64 had[2] = {stats.thinkingSteps, stats.progressUpdates};
    for (EventKind kind : {EventKind::Thinking, EventKind::Progress}) {
        const int at = kind == EventKind::Thinking ? 0 : 1;
        if (subscription.kinds.contains(kind) && had[at] > kept[at])
            subscription.watcher->historyTrimmed(kind, had[at] - kept[at]);
    }
}

void StreamingHub::finishReplay(
    const std::shared_ptr<Subscription> &subscription, const QList<StoredEvent> &history)
{
    for (const StoredEvent &event : history) {
        if (subscription->cancelled)
            return;
        deliverOnce(*subscription, event);
    }
    subscription->watcher->historyDelivered();
    // Events that arrived while history was being read: the ones history already covered are skipped.
    const QList<StoredEvent> live = std::exchange(subscription->liveDuringReplay, {});
    subscription->replaying = false;
    for (const StoredEvent &event : live) {
        if (subscription->cancelled)
            return;
        deliverOnce(*subscription, event);
    }
}

void StreamingHub::deliverOnce(Subscription &subscription, const StoredEvent &event)
{
    StreamId &last = subscription.last(event.kind);
    if (event.id <= last)
        return;
    last = event.id;
    if (event.isSessionEnd()) {
        if (subscription.endDelivered)
            return;
        subscription.endDelivered = true;
    }
    subscription.watcher->deliver(event);
}

void StreamingHub::onEventAppended(const StoredEvent &event)
{
    // A copy (implicitly shared, so cheap): a watcher may unsubscribe, or be dropped for being slow, while
    // we deliver.
    const QList<std::shared_ptr<Subscription>> targets = m_bySession.value(event.sessionId);
    for (const auto &subscription : targets) {
        if (subscription->cancelled || !subscription->kinds.contains(event.kind))
            continue;
        if (subscription->replaying)
            subscription->liveDuringReplay << event;
        else
            deliverOnce(*subscription, event);
    }
}

void StreamingHub::onEventsMissed(const QString &sessionId, EventKind kind, qint64 count)
{
    const QList<std::shared_ptr<Subscription>> targets = m_bySession.value(sessionId);
    for (const auto &subscription : targets) {
        // One still replaying reads history that may well hold the events the tail missed: not told.
        if (!subscription->cancelled && !subscription->replaying && subscription->kinds.contains(kind))
            subscription->watcher->missed(kind, count);
    }
}

void StreamingHub::unsubscribe(EventWatcher *watcher)
{
    const auto subscription = m_subscriptions.value(watcher);
    if (!subscription)
        return;
    forget(subscription);
    subscription->cancelled = true;
    if (subscription->counted)
        releaseWatch(subscription->sessionId);
}

void StreamingHub::forget(const std::shared_ptr<Subscription> &subscription)
{
    if (m_subscriptions.value(subscription->watcher) == subscription)
        m_subscriptions.remove(subscription->watcher);
    const auto it = m_bySession.find(subscription->sessionId);
    if (it == m_bySession.end())
        return;
    it->removeOne(subscription);
    if (it->isEmpty())
        m_bySession.erase(it);
}

void StreamingHub::releaseWatch(const QString &sessionId)
{
    auto it = m_watchCounts.find(sessionId);
    if (it == m_watchCounts.end())
        return;
    if (--*it <= 0) {
        m_watchCounts.erase(it);
        m_store->unwatch(sessionId);
    }
}
