// SPDX-License-Identifier: MIT
// Sessions and their streams in Redis Streams, so several Ponder processes share them.
//
// Keys are named by RedisKeys. Appends run as one Lua script (session check, XADD MAXLEN ~, stats; expiry
// refreshed at most once a second, counted from the last activity); what a stream's publishers send while its
// last append is in flight goes as one call (GroupedWrites). The parts:
// - RedisLink: the two connections, the scripts, the heartbeat, reconnecting with backoff;
// - RedisTail: live events for this process's watchers, its own writes shown as Redis answers them;
// - RedisOutageBuffer: writes while Redis is away, shown at once and flushed once it is back;
// - RedisRecovery: a Redis that comes back without Ponder's data is noticed by a marker key and given back
//   the sessions this process knows before the buffer is flushed;
// - RedisReplies: what Redis answers, read; this class: the store's calls, as Redis commands.
#pragma once

#include "store/EventStore.h"
#include "store/GroupedWrites.h"
#include "store/RedisKeys.h"
#include "store/RedisLink.h"
#include "store/RedisOptions.h"
#include "store/RedisOutageBuffer.h"
#include "store/RedisRecovery.h"
#include "store/RedisTail.h"

#include <QHash>
#include <QSet>

#include <functional>
#include <vector>

class RedisEventStore : public EventStore
{
    Q_OBJECT

public:
    RedisEventStore(RedisOptions options, StoreLimits limits, QObject *parent = nullptr);
    ~RedisEventStore() override;

    void start();

    QString name() const override { return QStringLiteral("redis"); }
    void createSession(const Session &session, Done done) override;
    void session(const QString &id, SessionDone done) override;
    void sessions(SessionsDone done) override;
    void endSession(const QString &id, Done done) override;
    void describeSession(const QString &id, const QJsonObject &description, Done done) override;
    void append(const QString &sessionId, EventKind kind, const QString &type, const EventData &data,
        AppendDone done) override;
    // One script call for the whole batch, and for what other requests publish to the stream meanwhile
    // (while Redis is away, the events are buffered one by one).
    void appendMany(const QString &sessionId, EventKind kind, const QString &type,
        const QList<EventData> &data, AppendManyDone done) override;
    void read(const QString &sessionId, EventKind kind, StreamId after, int limit, ReadDone done) override;
    void watch(const QString &sessionId, std::function<void()> ready) override;
    void unwatch(const QString &sessionId) override;
    void expireIdleSessions() override;
    bool showsEveryEvent() const override { return false; }
    bool isHealthy() const override { return m_link.isUp(); }
    QJsonObject healthDetails() const override;

private:
    // At the session cap: removes the session that ended longest ago (its keys and its place in the index)
    // and tries the creation again; refuses it with 429 when no session has ended.
    void makeRoomFor(const Session &session, Done done);
    // Both connections are up and the scripts loaded: flush what was buffered and take writes again.
    void onReady();
    void endNow(const QString &id, Done done);
    // Redis came back without Ponder's data: writes the sessions this process knows again, says so in the
    // log and /health, and reads the tailed streams again from their start.
    void restoreLostData();
    // append() and appendMany() once the pacer lets them go.
    void appendNow(const QString &sessionId, EventKind kind, const QString &type, const EventData &data,
        AppendDone done);
    void appendManyNow(const QString &sessionId, EventKind kind, const QString &type,
        const QList<EventData> &data, AppendManyDone done);
    // One AppendMany call for writes GroupedWrites put together.
    void sendWrites(const QByteArray &key, QList<GroupedWrites::Write> writes);
    // A session's marks of activity outside its hash, its score in the index of live sessions and its keys'
    // expiry, are refreshed at most once per activityRefreshMs() for each session from this process: a ZADD
    // per event was one more command each time, and the three PEXPIREs an eighth of the append script.
    bool activityRefreshDue(const QString &sessionId, qint64 now) const;
    // An append that refreshed the keys' expiry was answered: moves the session up in the index too.
    void activityRefreshed(const QString &sessionId, qint64 now);
    qint64 activityRefreshMs() const;
    // What the scripts set the keys' expiry to on activity: the idle expiry, plus the refresh interval, since
    // the next refresh may come that much after the last activity.
    QByteArray activityTtlMs() const;
    StoreStatus unavailable() const;
    // A session's hash read from Redis: what Recovery writes again should Redis lose it.
    void learnFrom(const QHash<QByteArray, QByteArray> &hash, const Session &session);

    StoreLimits m_limits;
    RedisKeys m_keys;
    RedisLink m_link;
    RedisTail m_tail;
    RedisOutageBuffer m_outage;
    RedisRecovery m_recovery;
    GroupedWrites m_writes;
    // session -> when this process last refreshed its index score and its keys' expiry
    QHash<QString, qint64> m_activityRefreshed;
    // Sessions ended while Redis was away (their session_end events are in the outage buffer): ended there
    // once it is back, after those events. Bounded as the buffer is.
    QSet<QString> m_endsAfterOutage;
    // Sessions being created, with the reads of them waiting for it.
    QHash<QString, std::vector<std::function<void()>>> m_creating;
};
