// SPDX-License-Identifier: MIT
// What is published while Redis is away: each event is kept (at most StoreLimits::maxBufferedEvents and
// maxBufferedBytes; past either the oldest are dropped and counted), answered at once and shown to this
// process's watchers under a provisional id, and written to Redis with that id once it is back (flush). Redis
// keeps the id if it can; if it has newer entries, it stores the event under a new id marked with the
// provisional one, so the tail does not show it twice. A buffered event Redis does not take waits for the
// next connection; one it cannot ever take (its session is gone) is dropped and counted.
#pragma once

#include "events/StreamId.h"
#include "store/EventStore.h"

#include <deque>
#include <functional>

class RedisKeys;
class RedisLink;
class RedisTail;

class RedisOutageBuffer
{
public:
    // Told of each buffered event Redis took (`now`: the time its append was sent, which the append refreshed
    // the session's activity with).
    using Written = std::function<void(const StoredEvent &event, qint64 now)>;

    RedisOutageBuffer(RedisLink &link, const RedisKeys &keys, RedisTail &tail, const StoreLimits &limits,
        QByteArray activityTtlMs, Written written);
    ~RedisOutageBuffer();

    // Keeps an event published while Redis is away and returns it under its provisional id.
    StoredEvent keep(const QString &sessionId, EventKind kind, const QString &type, const EventData &data);
    // Sends every buffered event to Redis, in order, with the id it was shown under.
    void flush();

    bool isEmpty() const { return m_events.empty(); }
    qsizetype size() const { return qsizetype(m_events.size()); }
    qint64 bytes() const { return m_bytes; }
    // Buffered events lost: dropped past the bound, or refused by Redis for good.
    qint64 dropped() const { return m_dropped; }

private:
    void send(const StoredEvent &event);
    // Back into the buffer, for the next flush: a buffered event Redis did not take.
    void keepAgain(const StoredEvent &event);
    // Drops the oldest until both bounds hold, keeping the newest event whatever its size.
    void keepWithinBounds();

    RedisLink &m_link;
    const RedisKeys &m_keys;
    RedisTail &m_tail;
    int m_maxEvents;
    qint64 m_maxBytes;
    qint64 m_bytes = 0; // memoryCost() of m_events
    QByteArray m_maxLength; // of a stream (MAXLEN ~)
    QByteArray m_activityTtlMs;
    Written m_written;
    std::deque<StoredEvent> m_events; // answered at once; written on reconnect
    StreamIdGenerator m_provisionalIds;
    qint64 m_dropped = 0;
};
