// SPDX-License-Identifier: MIT
#include "store/RedisOutageBuffer.h"

#include "core/Logging.h"
#include "store/RedisKeys.h"
#include "store/RedisLink.h"
#include "store/RedisReplies.h"
#include "store/RedisScripts.h"
#include "store/RedisTail.h"

#include <QDateTime>

#include <algorithm>

using RedisReplies::isError;
using RedisReplies::text;

RedisOutageBuffer::RedisOutageBuffer(RedisLink &link, const RedisKeys &keys, RedisTail &tail,
    const StoreLimits &limits, QByteArray activityTtlMs, Written written)
    : m_link(link)
    , m_keys(keys)
    , m_tail(tail)
    , m_maxEvents(limits.maxBufferedEvents)
    , m_maxBytes(limits.maxBufferedBytes)
    , m_maxLength(QByteArray::number(std::max(1, limits.historyLength)))
    , m_activityTtlMs(std::move(activityTtlMs))
    , m_written(std::move(written))
{ }

RedisOutageBuffer::~RedisOutageBuffer()
{
    // Their publishers were answered 201: say so rather than lose them without a word.
    if (!m_events.empty())
        qCWarning(lcRedis).noquote()
            << m_events.size() << "buffered events were never written to Redis: it was away until shutdown";
}

StoredEvent RedisOutageBuffer::keep(
    const QString &sessionId, EventKind kind, const QString &type, const EventData &data)
{
    StoredEvent buffered {sessionId, kind, {}, type, data, {}};
    buffered.id = m_provisionalIds.next(quint64(QDateTime::currentMSecsSinceEpoch()));
    m_events.push_back(buffered);
    m_bytes += memoryCost(data);
    m_tail.shownProvisionally(buffered.id, m_keys.stream(sessionId, kind));
    keepWithinBounds();
    return buffered;
}

void RedisOutageBuffer::flush()
{
    if (m_events.empty())
        return;
    qCInfo(lcRedis) << "flushing" << m_events.size() << "buffered events";
    const std::deque<StoredEvent> events = std::exchange(m_events, {});
    m_bytes = 0;
    for (const StoredEvent &event : events)
        send(event);
}

void RedisOutageBuffer::send(const StoredEvent &event)
{
    const QList<QByteArray> stats = RedisReplies::statsArguments(event);
    const EventKind other = event.kind == EventKind::Thinking ? EventKind::Progress : EventKind::Thinking;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray key = m_keys.stream(event.sessionId, event.kind);
    if (m_tail.isTailed(key))
        m_tail.pacer().sent(key, 1);
    // Explicit ids keep what local watchers already saw; Redis falls back to * if one is too old.
    m_link.runScript(RedisScripts::Append,
        {"4", m_keys.session(event.sessionId), key, m_keys.stream(event.sessionId, other),
            m_keys.watchers(event.sessionId), event.id.toLatin1(), m_maxLength, m_activityTtlMs,
            QByteArray::number(now), event.type.toUtf8(), RedisReplies::storedText(event), stats.at(0),
            stats.at(1), stats.at(2), m_link.channel()},
        [this, event, key, now](redisReply *reply, const QString &) {
            if (reply && !isError(reply)) {
                const std::optional<StreamId> stored = StreamId::fromLatin1(text(reply));
                // Stored under another id (Redis had newer entries), it reaches this process's tail again,
                // marked with the id its watchers saw: the tail leaves it out then.
                if (stored == event.id || !m_tail.isTailed(key))
                    m_tail.forgetProvisional(event.id);
                m_tail.pacer().written(key, 1, stored.value_or(StreamId {}));
                m_link.resetBackoff(); // Redis takes writes again
                m_written(event, now);
                return;
            }
            m_tail.pacer().failed(key, 1);
            // Redis took the call; what is wrong is this event's session (gone, or another program's key
            // where its stream belongs), and trying again would not mend it.
            if (isError(reply, "NOSESSION") || isError(reply, "WRONGTYPE")) {
                m_link.resetBackoff();
                m_tail.forgetProvisional(event.id);
                ++m_dropped; // its publisher was answered 201: the drop is counted, not only logged
                qCWarning(lcRedis).noquote()
                    << "a buffered event of" << event.sessionId << "was dropped:" << text(reply);
                return;
            }
            // Its publisher was answered long ago: it waits for the next connection. (Lost with the
            // connection, it may have been written; sent again with its id, it is not written twice.)
            keepAgain(event);
            if (reply) // Redis refused it (still loading its data, short of replicas, out of memory...)
                m_link.reconnectBecause(
                    QStringLiteral("Redis refused buffered events: %1").arg(QString::fromUtf8(text(reply))));
        });
}

void RedisOutageBuffer::keepAgain(const StoredEvent &event)
{
    // In id order: what was buffered since (ids are never reused) comes after it.
    const auto at = std::upper_bound(m_events.begin(), m_events.end(), event,
        [](const StoredEvent &a, const StoredEvent &b) { return a.id < b.id; });
    m_events.insert(at, event);
    m_bytes += memoryCost(event.data);
    keepWithinBounds();
}

void RedisOutageBuffer::keepWithinBounds()
{
    while (m_events.size() > 1 && (int(m_events.size()) > m_maxEvents || m_bytes > m_maxBytes)) {
        m_tail.forgetProvisional(m_events.front().id);
        m_bytes -= memoryCost(m_events.front().data);
        m_events.pop_front();
        ++m_dropped;
    }
}
