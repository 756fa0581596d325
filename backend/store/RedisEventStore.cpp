// SPDX-License-Identifier: MIT
#include "store/RedisEventStore.h"

#include "core/Logging.h"
#include "store/RedisReplies.h"
#include "store/RedisScripts.h"

#include <QDateTime>
#include <QJsonDocument>

#include <hiredis/hiredis.h>

using RedisReplies::isError;
using RedisReplies::text;

namespace {

// Events grouped into one AppendMany call at most: a script blocks Redis while it runs (about 3 µs an event).
constexpr qsizetype MaxEventsPerScript = 500;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void ignoreReply(redisReply *, const QString &) { }

} // namespace

RedisEventStore::RedisEventStore(RedisOptions options, StoreLimits limits, QObject *parent)
    : EventStore(parent)
    , m_limits(limits)
    , m_keys(options.keyPrefix)
    , m_link(std::move(options), m_keys)
    , m_tail(m_link, m_keys, limits.historyLength, activityTtlMs(),
          {[this](const StoredEvent &event) { Q_EMIT eventAppended(event); },
              [this](const QString &sessionId, EventKind kind, qint64 count) {
                  Q_EMIT eventsMissed(sessionId, kind, count);
              }})
    , m_outage(m_link, m_keys, m_tail, limits, activityTtlMs(),
          [this](const StoredEvent &event, qint64 now) {
              m_recovery.wrote(event.sessionId, event.kind, 1);
              if (activityRefreshDue(event.sessionId, now)) // the append refreshed the expiry
                  activityRefreshed(event.sessionId, now);
          })
    , m_recovery(limits.historyLength)
    , m_writes(MaxEventsPerScript, [this](const QByteArray &key, QList<GroupedWrites::Write> writes) {
        sendWrites(key, std::move(writes));
    })
{
    connect(&m_link, &RedisLink::markerRead, this, [this](const QByteArray &marker) {
        if (m_recovery.lostSince(marker))
            restoreLostData();
    });
    connect(&m_link, &RedisLink::ready, this, &RedisEventStore::onReady);
    connect(&m_link, &RedisLink::lost, &m_tail, &RedisTail::suspend);
    connect(&m_link, &RedisLink::announced, &m_tail, &RedisTail::announced);
}

RedisEventStore::~RedisEventStore()
{
    // Freeing a connection fails its pending replies, and their handlers use this store: free them while
    // the store is still whole. (The buffer says what it still holds as it goes.)
    m_link.shutDown();
}

void RedisEventStore::start()
{
    m_link.open();
}

void RedisEventStore::onReady()
{
    if (m_outage.isEmpty())
        m_link.resetBackoff(); // else once Redis takes them: while it refuses them, reconnecting backs off
    m_outage.flush(); // before anything new, so the buffered events keep their order
    for (const QString &id : std::exchange(m_endsAfterOutage, {}))
        endNow(id, [](StoreStatus) {});
    m_tail.resume();
}

void RedisEventStore::restoreLostData()
{
    const QList<RedisRecovery::Restore> sessions = m_recovery.recordLoss();
    const QString message = QStringLiteral("Redis at %1 came back without Ponder's data (restarted without "
                                           "persistence, a failover to an empty replica, or flushed). Events "
                                           "this process had written there, now lost: %2. Sessions it knows, "
                                           "written again: %3.");
    qCWarning(lcRedis).noquote() << message.arg(m_link.options().url(),
        QString::number(m_recovery.lastEventsLost()),
        QString::number(sessions.size())); // one pass: a URL may hold a "%2"
    // Sent before anything that would write to them: the buffer's flush follows down the same connection.
    const QByteArray now = QByteArray::number(nowMs());
    for (const RedisRecovery::Restore &session : sessions) {
        m_link.runScript(RedisScripts::RestoreSession,
            {"1", m_keys.session(session.id), session.json, session.active ? "1" : "0", now, activityTtlMs(),
                session.standIn ? "1" : "0"},
            ignoreReply);
        m_link.command({"ZADD", m_keys.index(), now, session.id.toUtf8()}, ignoreReply);
        if (!session.active) // ended, so it holds no place under the session cap
            m_link.command({"ZADD", m_keys.ended(), "NX", now, session.id.toUtf8()}, ignoreReply);
    }
    m_activityRefreshed.clear();
    m_tail.readAgainFromStart();
}

void RedisEventStore::learnFrom(const QHash<QByteArray, QByteArray> &hash, const Session &session)
{
    if (hash.value("stand_in") != "1") // a stand-in says no more than its id
        m_recovery.seen(session);
}

StoreStatus RedisEventStore::unavailable() const
{
    return StoreStatus::failure(StoreStatus::Code::Unavailable,
        QStringLiteral("Redis at %1 is unavailable: %2").arg(m_link.options().url(), m_link.lastError()));
}

void RedisEventStore::createSession(const Session &session, Done done)
{
    if (!m_link.isUp())
        return done(unavailable());
    // Making it takes more than one round trip: a read of it meanwhile (the window watching a chat it has
    // just sent) waits for it, rather than find nothing.
    m_creating[session.id];
    done = [this, id = session.id, done = std::move(done)](StoreStatus status) {
        const std::vector<std::function<void()>> waiting = m_creating.take(id);
        done(status);
        for (const auto &read : waiting)
            read();
    };
    const QByteArray cutoff = QByteArray::number(nowMs() - m_limits.idleExpirySeconds * 1000);
    m_link.command({"ZCOUNT", m_keys.index(), cutoff, "+inf"},
        [this, session, done](redisReply *count, const QString &error) {
            if (!count)
                return done(StoreStatus::failure(StoreStatus::Code::Unavailable, error));
            if (count->type == REDIS_REPLY_INTEGER && count->integer >= m_limits.maxSessions)
                return makeRoomFor(session, done);
            const QByteArray now = QByteArray::number(nowMs());
            const QByteArray json = QJsonDocument(session.toJson()).toJson(QJsonDocument::Compact);
            m_link.runScript(RedisScripts::CreateSession,
                {"1", m_keys.session(session.id), json, now, QByteArray::number(m_limits.idleExpirySeconds)},
                [this, session, now, done](redisReply *reply, const QString &failure) {
                    if (!reply)
                        return done(StoreStatus::failure(StoreStatus::Code::Unavailable, failure));
                    if (isError(reply, "EXISTS"))
                        return done(StoreStatus::failure(StoreStatus::Code::Conflict,
                            QStringLiteral("session '%1' already exists").arg(session.id)));
                    if (isError(reply))
                        return done(StoreStatus::failure(
                            StoreStatus::Code::Unavailable, QString::fromUtf8(text(reply))));
                    m_link.command({"ZADD", m_keys.index(), now, session.id.toUtf8()}, ignoreReply);
                    m_recovery.created(session);
                    done(StoreStatus::success());
                });
        });
}

void RedisEventStore::makeRoomFor(const Session &session, Done done)
{
    m_link.command(
        {"ZPOPMIN", m_keys.ended()}, [this, session, done](redisReply *ended, const QString &error) {
            if (!ended)
                return done(StoreStatus::failure(StoreStatus::Code::Unavailable, error));
            if (ended->type != REDIS_REPLY_ARRAY || ended->elements < 1)
                return done(StoreStatus::failure(StoreStatus::Code::LimitReached,
                    QStringLiteral("the session limit (%1) is reached: end a session to make room")
                        .arg(m_limits.maxSessions)));
            const QString id = QString::fromUtf8(text(ended->element[0]));
            m_recovery.forget(id); // removed on purpose: not one to give back should Redis lose its data
            qCInfo(lcRedis) << "session" << id
                            << "removed to make room: it had ended, and the session limit is reached";
            // Its keys share a hash slot (one DEL); the index is a key of its own (Redis Cluster).
            m_link.command({"DEL", m_keys.session(id), m_keys.stream(id, EventKind::Thinking),
                               m_keys.stream(id, EventKind::Progress), m_keys.watchers(id)},
                ignoreReply);
            m_link.command({"ZREM", m_keys.index(), id.toUtf8()},
                [this, id, session, done](redisReply *removed, const QString &failure) {
                    if (!removed)
                        return done(StoreStatus::failure(StoreStatus::Code::Unavailable, failure));
                    Q_EMIT sessionRemoved(id);
                    // Counted again: an entry for a session that had expired meanwhile made no room.
                    createSession(session, done);
                });
        });
}

void RedisEventStore::session(const QString &id, SessionDone done)
{
    if (!m_link.isUp())
        return done(unavailable(), {}, {});
    if (const auto creating = m_creating.find(id); creating != m_creating.end()) {
        creating->push_back([this, id, done = std::move(done)]() mutable { session(id, std::move(done)); });
        return;
    }
    m_link.command(
        {"HGETALL", m_keys.session(id)}, [this, id, done](redisReply *reply, const QString &error) {
            if (!reply)
                return done(StoreStatus::failure(StoreStatus::Code::Unavailable, error), {}, {});
            const auto hash = RedisReplies::hash(reply);
            if (!hash.contains("data"))
                return done(StoreStatus::sessionNotFound(id), {}, {});
            Session session;
            SessionStats stats;
            RedisReplies::readSession(hash, &session, &stats);
            learnFrom(hash, session);
            done(StoreStatus::success(), session, stats);
        });
}

void RedisEventStore::sessions(SessionsDone done)
{
    if (!m_link.isUp())
        return done(unavailable(), {});
    const QByteArray cutoff = QByteArray::number(nowMs() - m_limits.idleExpirySeconds * 1000);
    m_link.command({"ZRANGEBYSCORE", m_keys.index(), cutoff, "+inf"},
        [this, done](redisReply *reply, const QString &error) {
            if (!reply)
                return done(StoreStatus::failure(StoreStatus::Code::Unavailable, error), {});
            QStringList ids;
            for (size_t i = 0; reply->type == REDIS_REPLY_ARRAY && i < reply->elements; ++i)
                ids << QString::fromUtf8(text(reply->element[i]));
            if (ids.isEmpty())
                return done(StoreStatus::success(), {});
            auto found = std::make_shared<QList<Session>>();
            auto remaining = std::make_shared<int>(int(ids.size()));
            for (const QString &id : std::as_const(ids)) {
                // Not answered (the connection went): the session is left out, as one that expired is.
                m_link.command({"HGETALL", m_keys.session(id)},
                    [this, found, remaining, done](redisReply *hash, const QString &) {
                        const auto fields = RedisReplies::hash(hash);
                        if (fields.contains("data")) {
                            Session session;
                            SessionStats stats;
                            RedisReplies::readSession(fields, &session, &stats);
                            learnFrom(fields, session);
                            *found << session;
                        }
                        if (--*remaining == 0)
                            done(StoreStatus::success(), *found);
                    });
            }
        });
}

void RedisEventStore::endSession(const QString &id, Done done)
{
    if (m_link.isUp())
        return endNow(id, std::move(done));
    // As a publish is while Redis is away: answered now, written once it is back. (Refused, the session's
    // end was in the stream, buffered, and the session active in the list until it was ended again.)
    if (!m_endsAfterOutage.contains(id)) {
        if (m_endsAfterOutage.size() >= m_limits.maxBufferedEvents)
            return done(unavailable());
        m_endsAfterOutage.insert(id);
    }
    done(StoreStatus::success());
}

void RedisEventStore::endNow(const QString &id, Done done)
{
    m_link.runScript(RedisScripts::EndSession,
        {"4", m_keys.session(id), m_keys.stream(id, EventKind::Thinking),
            m_keys.stream(id, EventKind::Progress), m_keys.watchers(id), QByteArray::number(nowMs()),
            activityTtlMs()},
        [this, id, done](redisReply *reply, const QString &error) {
            if (!reply)
                return done(StoreStatus::failure(StoreStatus::Code::Unavailable, error));
            if (isError(reply, "NOSESSION"))
                return done(StoreStatus::sessionNotFound(id));
            m_recovery.ended(id);
            // Its place under the session cap is free from now on (NX: ending twice keeps the first time).
            m_link.command({"ZADD", m_keys.ended(), "NX", QByteArray::number(nowMs()), id.toUtf8()},
                [id, done](redisReply *added, const QString &failure) {
                    if (!added)
                        return done(StoreStatus::failure(StoreStatus::Code::Unavailable, failure));
                    done(StoreStatus::success());
                });
        });
}

void RedisEventStore::describeSession(const QString &id, const QJsonObject &description, Done done)
{
    if (!m_link.isUp())
        return done(unavailable());
    m_link.runScript(RedisScripts::DescribeSession,
        {"1", m_keys.session(id), QJsonDocument(description).toJson(QJsonDocument::Compact)},
        [this, id, description, done](redisReply *reply, const QString &error) {
            if (!reply)
                return done(StoreStatus::failure(StoreStatus::Code::Unavailable, error));
            if (isError(reply, "NOSESSION"))
                return done(StoreStatus::sessionNotFound(id));
            if (isError(reply))
                return done(
                    StoreStatus::failure(StoreStatus::Code::Unavailable, QString::fromUtf8(text(reply))));
            m_recovery.described(id, description);
            done(StoreStatus::success());
        });
}

void RedisEventStore::append(
    const QString &sessionId, EventKind kind, const QString &type, const EventData &data, AppendDone done)
{
    const QByteArray key = m_keys.stream(sessionId, kind);
    if (m_link.isUp() && m_tail.isTailed(key))
        return m_tail.pacer().whenRoom(
            key, 1, [this, sessionId, kind, type, data, done = std::move(done)]() mutable {
                appendNow(sessionId, kind, type, data, std::move(done));
            });
    appendNow(sessionId, kind, type, data, std::move(done));
}

void RedisEventStore::appendNow(
    const QString &sessionId, EventKind kind, const QString &type, const EventData &data, AppendDone done)
{
    if (m_link.isUp())
        return appendManyNow(sessionId, kind, type, {data},
            [done = std::move(done)](StoreStatus status, const QList<StoredEvent> &written) {
                if (done)
                    done(status, written.value(0));
            });
    // Redis is away: keep the event (bounded), answer at once, and let local watchers see it now.
    const StoredEvent buffered = m_outage.keep(sessionId, kind, type, data);
    // Shown before its publisher hears back, as every append is: what the publisher publishes next in
    // its callback must reach watchers after this one.
    Q_EMIT eventAppended(buffered);
    done(StoreStatus::success(), buffered);
}

void RedisEventStore::appendMany(const QString &sessionId, EventKind kind, const QString &type,
    const QList<EventData> &data, AppendManyDone done)
{
    if (data.isEmpty())
        return done(StoreStatus::success(), {});
    const QByteArray key = m_keys.stream(sessionId, kind);
    if (m_link.isUp() && m_tail.isTailed(key))
        return m_tail.pacer().whenRoom(
            key, data.size(), [this, sessionId, kind, type, data, done = std::move(done)]() mutable {
                appendManyNow(sessionId, kind, type, data, std::move(done));
            });
    appendManyNow(sessionId, kind, type, data, std::move(done));
}

void RedisEventStore::appendManyNow(const QString &sessionId, EventKind kind, const QString &type,
    const QList<EventData> &data, AppendManyDone done)
{
    if (!m_link.isUp()) // buffered one by one; append() does not pace while Redis is away
        return EventStore::appendMany(sessionId, kind, type, data, std::move(done));
    const QByteArray key = m_keys.stream(sessionId, kind);
    if (m_tail.isTailed(key)) // counted from now, so the pacer sees writes that wait their turn
        m_tail.pacer().sent(key, data.size());
    m_writes.submit(key, {sessionId, kind, type, data, std::move(done)});
}

void RedisEventStore::sendWrites(const QByteArray &key, QList<GroupedWrites::Write> writes)
{
    const QString sessionId = writes.first().sessionId;
    const EventKind kind = writes.first().kind;
    const QString type = writes.first().type;
    const EventKind other = kind == EventKind::Thinking ? EventKind::Progress : EventKind::Thinking;
    const qint64 nowValue = nowMs();
    const QByteArray now = QByteArray::number(nowValue);
    const bool refresh = activityRefreshDue(sessionId, nowValue);
    QList<QByteArray> arguments {"4", m_keys.session(sessionId), key, m_keys.stream(sessionId, other),
        m_keys.watchers(sessionId), QByteArray::number(std::max(1, m_limits.historyLength)), activityTtlMs(),
        now, type.toUtf8(),
        kind == EventKind::Thinking ? QByteArrayLiteral("seq:thinking") : QByteArrayLiteral("seq:progress"),
        refresh ? QByteArrayLiteral("1") : QByteArrayLiteral("0"), m_link.channel()};
    QList<StoredEvent> events;
    for (const GroupedWrites::Write &write : std::as_const(writes)) {
        for (const EventData &eventData : write.data) {
            const StoredEvent event {sessionId, kind, {}, type, eventData, {}};
            arguments << RedisReplies::storedText(event) << RedisReplies::statsArguments(event);
            events.append(event);
        }
    }
    m_link.runScript(RedisScripts::AppendMany, arguments,
        [this, sessionId, kind, key, writes, events, nowValue, refresh](
            redisReply *reply, const QString &error) {
            // The new ids in order, then the first one's number in the stream.
            const bool ok
                = reply && reply->type == REDIS_REPLY_ARRAY && reply->elements == size_t(events.size()) + 1;
            QList<StoredEvent> written = events;
            if (ok) {
                for (qsizetype i = 0; i < written.size(); ++i)
                    written[i].id = StreamId::fromLatin1(text(reply->element[i])).value_or(StreamId {});
                m_tail.pacer().written(key, events.size(), written.last().id);
                const redisReply *first = reply->element[events.size()];
                m_tail.showWritten(key, written, first->type == REDIS_REPLY_INTEGER ? first->integer : 0);
            } else {
                m_tail.pacer().failed(key, events.size());
            }
            StoreStatus status = StoreStatus::success();
            if (!reply)
                status = StoreStatus::failure(StoreStatus::Code::Unavailable, error);
            else if (isError(reply, "NOSESSION"))
                status = StoreStatus::sessionNotFound(sessionId);
            else if (!ok)
                status = StoreStatus::failure(StoreStatus::Code::Unavailable, QString::fromUtf8(text(reply)));
            if (ok && refresh)
                activityRefreshed(sessionId, nowValue);
            if (ok)
                m_recovery.wrote(sessionId, kind, events.size());
            qsizetype at = 0;
            for (const GroupedWrites::Write &write : writes) {
                write.done(status, ok ? written.mid(at, write.data.size()) : QList<StoredEvent> {});
                at += write.data.size();
            }
            if (reply)
                return m_writes.finished(key);
            // The connection went: what waited for this call would go down it too.
            for (const GroupedWrites::Write &write : m_writes.abandoned(key)) {
                m_tail.pacer().failed(key, write.data.size());
                write.done(status, {});
            }
        });
}

void RedisEventStore::read(const QString &sessionId, EventKind kind, StreamId after, int limit, ReadDone done)
{
    if (!m_link.isUp())
        return done(unavailable(), {});
    // Both commands go down one connection, so their replies come back in this order.
    auto exists = std::make_shared<bool>(false);
    m_link.command({"EXISTS", m_keys.session(sessionId)}, [exists](redisReply *reply, const QString &) {
        *exists = reply && reply->type == REDIS_REPLY_INTEGER && reply->integer == 1;
    });
    m_link.command({"XRANGE", m_keys.stream(sessionId, kind), RedisReplies::exclusiveStart(after), "+",
                       "COUNT", QByteArray::number(std::max(1, limit))},
        [sessionId, kind, exists, done](redisReply *reply, const QString &error) {
            if (!reply)
                return done(StoreStatus::failure(StoreStatus::Code::Unavailable, error), {});
            if (!*exists)
                return done(StoreStatus::sessionNotFound(sessionId), {});
            if (reply->type == REDIS_REPLY_ERROR) // e.g. another program's key where the stream belongs
                return done(
                    StoreStatus::failure(StoreStatus::Code::Unavailable, QString::fromUtf8(text(reply))), {});
            done(StoreStatus::success(), RedisReplies::entries(reply, sessionId, kind));
        });
}

void RedisEventStore::watch(const QString &sessionId, std::function<void()> ready)
{
    m_recovery.touched(sessionId);
    m_tail.watch(sessionId, std::move(ready));
}

void RedisEventStore::unwatch(const QString &sessionId)
{
    m_tail.unwatch(sessionId);
}

qint64 RedisEventStore::activityRefreshMs() const
{
    // A score this much behind the last activity takes a session off the list this much before its keys
    // expire: a second at most, and a tenth of a short expiry.
    return std::min<qint64>(1000, qint64(m_limits.idleExpirySeconds) * 100);
}

QByteArray RedisEventStore::activityTtlMs() const
{
    return QByteArray::number(qint64(m_limits.idleExpirySeconds) * 1000 + activityRefreshMs());
}

bool RedisEventStore::activityRefreshDue(const QString &sessionId, qint64 now) const
{
    const qint64 refreshed = m_activityRefreshed.value(sessionId);
    return refreshed == 0 || now - refreshed >= activityRefreshMs();
}

void RedisEventStore::activityRefreshed(const QString &sessionId, qint64 now)
{
    qint64 &refreshed = m_activityRefreshed[sessionId];
    refreshed = std::max(refreshed, now);
    m_link.command({QByteArrayLiteral("ZADD"), m_keys.index(), QByteArray::number(now), sessionId.toUtf8()},
        ignoreReply);
}

void RedisEventStore::expireIdleSessions()
{
    const qint64 forgetBefore = nowMs() - activityRefreshMs();
    m_activityRefreshed.removeIf(
        [forgetBefore](const auto &refreshed) { return refreshed.value() < forgetBefore; });
    m_recovery.forgetIdleBefore(nowMs() - m_limits.idleExpirySeconds * 1000);
    if (!m_link.isUp())
        return;
    const QByteArray cutoff = QByteArray::number(nowMs() - m_limits.idleExpirySeconds * 1000);
    m_link.command({"ZREMRANGEBYSCORE", m_keys.index(), "-inf", "(" + cutoff}, ignoreReply);
    m_link.command({"ZREMRANGEBYSCORE", m_keys.ended(), "-inf", "(" + cutoff}, ignoreReply);
}

QJsonObject RedisEventStore::healthDetails() const
{
    QJsonObject details {
        {QStringLiteral("redis_connection"),
            m_link.isUp() ? QStringLiteral("connected") : QStringLiteral("disconnected")},
        {QStringLiteral("redis_url"), m_link.options().url()},
        {QStringLiteral("buffered_events"), qint64(m_outage.size())},
        {QStringLiteral("buffered_bytes"), m_outage.bytes()},
        {QStringLiteral("dropped_events"), m_outage.dropped()},
        {QStringLiteral("watched_sessions"), m_tail.watchedSessions()},
        {QStringLiteral("writes_waiting_for_tail"), m_tail.pacer().waitingWrites()},
        {QStringLiteral("writes_waiting_for_previous_call"), m_writes.waitingWrites()},
        // Watched streams whose key holds another type (another program's): no live events until mended.
        {QStringLiteral("streams_left_out_of_tail"), m_tail.streamsLeftOut()},
    };
    if (!m_link.isUp())
        details.insert(
            QStringLiteral("reason"), QStringLiteral("Redis unavailable: %1").arg(m_link.lastError()));
    const QJsonObject losses = m_recovery.healthDetails();
    for (auto it = losses.begin(); it != losses.end(); ++it)
        details.insert(it.key(), it.value());
    return details;
}
