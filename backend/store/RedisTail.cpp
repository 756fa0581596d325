// SPDX-License-Identifier: MIT
#include "store/RedisTail.h"

#include "core/Logging.h"
#include "store/RedisKeys.h"
#include "store/RedisLink.h"
#include "store/RedisReplies.h"

#include <algorithm>
#include <hiredis/hiredis.h>

using RedisReplies::text;

RedisTail::RedisTail(
    RedisLink &link, const RedisKeys &keys, qsizetype window, QByteArray watcherTtlMs, Delivery delivery)
    : m_link(link)
    , m_keys(keys)
    , m_watcherTtlMs(std::move(watcherTtlMs))
    , m_delivery(std::move(delivery))
    , m_pacer(window)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RedisTail::read);
    m_leftOutCheck.setInterval(LeftOutCheckMs);
    connect(&m_leftOutCheck, &QTimer::timeout, this, &RedisTail::recheckLeftOut);
}

void RedisTail::watch(const QString &sessionId, std::function<void()> ready)
{
    if (m_watched[sessionId]++ > 0 || !m_link.isUp()) {
        // Already tailed; or Redis is away, and the tail will start from the top once it is back.
        for (EventKind kind : {EventKind::Thinking, EventKind::Progress}) {
            const QByteArray key = m_keys.stream(sessionId, kind);
            m_streams.insert(key, {sessionId, kind});
            if (!m_tailed.contains(key))
                m_tailed.insert(key, {});
        }
        return ready();
    }
    // Registered before the tops are read, down the same connection: what is written after them is
    // announced, what is written before them is in the history the caller reads next. An announcement may
    // still beat the tops' replies here, so each stream is read once they are in.
    registerWatcher(sessionId);
    auto remaining = std::make_shared<int>(2);
    for (EventKind kind : {EventKind::Thinking, EventKind::Progress}) {
        const QByteArray key = m_keys.stream(sessionId, kind);
        m_streams.insert(key, {sessionId, kind});
        startAtTop(key, [this, key, remaining, ready] {
            markUnread(key);
            if (--*remaining == 0)
                ready();
        });
    }
}

void RedisTail::unwatch(const QString &sessionId)
{
    auto it = m_watched.find(sessionId);
    if (it == m_watched.end() || --*it > 0)
        return;
    m_watched.erase(it);
    if (m_link.isUp())
        m_link.command(
            {"SREM", m_keys.watchers(sessionId), m_link.channel()}, [](redisReply *, const QString &) {});
    for (EventKind kind : {EventKind::Thinking, EventKind::Progress}) {
        const QByteArray key = m_keys.stream(sessionId, kind);
        m_tailed.remove(key);
        m_streams.remove(key);
        m_unread.remove(key);
        m_pacer.release(key);
        m_shownProvisionally.removeIf([&key](const auto &shown) { return shown.value() == key; });
        m_excluded.remove(key);
    }
}

void RedisTail::registerWatcher(const QString &sessionId)
{
    const QByteArray key = m_keys.watchers(sessionId);
    m_link.command({"SADD", key, m_link.channel()}, [](redisReply *, const QString &) {});
    // Gone with the session when nothing happens in it; the appends refresh it with the session's keys.
    m_link.command({"PEXPIRE", key, m_watcherTtlMs}, [](redisReply *, const QString &) {});
}

void RedisTail::startAtTop(const QByteArray &key, std::function<void()> done)
{
    // A lost reply (the connection went) starts the tail from the beginning, so `done` still comes.
    m_link.command(
        {"XREVRANGE", key, "+", "-", "COUNT", "1"}, [this, key, done](redisReply *reply, const QString &) {
            Position top {StreamId {}, std::nullopt};
            if (reply && reply->type == REDIS_REPLY_ARRAY && reply->elements == 0) {
                top.number = 0; // empty: Ponder numbers a stream's entries from 1
            } else if (reply && reply->type == REDIS_REPLY_ARRAY && reply->elements == 1) {
                RedisReplies::EntryFacts facts;
                top.readUpTo = RedisReplies::entryId(reply->element[0]).value_or(StreamId {});
                RedisReplies::entry(reply->element[0], {}, EventKind::Thinking, &facts);
                if (facts.number > 0)
                    top.number = facts.number;
            }
            if (m_streams.contains(key)) {
                m_tailed.insert(key, top);
                if (top.readUpTo)
                    m_pacer.tailRead(key, *top.readUpTo);
            }
            done();
        });
}

void RedisTail::resume()
{
    // Watching again: Redis may have lost this process's place in the watchers sets. Then every tailed
    // stream is read for what was written meanwhile, the flushed events among them.
    for (auto it = m_watched.cbegin(); it != m_watched.cend(); ++it)
        registerWatcher(it.key());
    QList<QByteArray> startsUnknown; // watched while Redis was away
    for (auto it = m_tailed.cbegin(); it != m_tailed.cend(); ++it) {
        if (!it->readUpTo)
            startsUnknown << it.key();
        else
            m_unread.insert(it.key());
    }
    for (const QByteArray &key : std::as_const(startsUnknown))
        startAtTop(key, [this, key] { markUnread(key); });
    read();
}

void RedisTail::suspend()
{
    m_reading = false;
    m_pacer.releaseAll(); // buffered now, like any write while Redis is away
}

void RedisTail::readAgainFromStart()
{
    for (auto it = m_tailed.begin(); it != m_tailed.end(); ++it) {
        if (it->readUpTo) {
            *it = {StreamId {}, 0}; // numbered from 1 again
            markUnread(it.key());
        }
    }
}

void RedisTail::announced(const QByteArray &streamKey)
{
    if (isTailed(streamKey))
        markUnread(streamKey);
}

void RedisTail::markUnread(const QByteArray &key)
{
    m_unread.insert(key);
    read();
}

void RedisTail::read()
{
    // One read at a time, and none while a failed one waits to be tried again (onReadError).
    if (!m_link.isUp() || m_reading || m_unread.isEmpty() || m_retry.isActive())
        return;
    QByteArrayList keys;
    QByteArrayList ids;
    for (auto it = m_unread.begin(); it != m_unread.end();) {
        const auto tailed = m_tailed.constFind(*it);
        if (tailed != m_tailed.cend() && !tailed->readUpTo) { // its start is not known yet: read once it is
            ++it;
            continue;
        }
        if (tailed != m_tailed.cend()) { // else no longer tailed, or left out (onReadError)
            keys << *it;
            ids << tailed->readUpTo->toLatin1();
        }
        it = m_unread.erase(it);
    }
    if (keys.isEmpty())
        return;
    // Literals, not char arrays: this is sent for every announcement, and each char array would be a copy.
    QByteArrayList command {QByteArrayLiteral("XREAD"), QByteArrayLiteral("COUNT"), QByteArrayLiteral("1000"),
        QByteArrayLiteral("STREAMS")};
    static_assert(ReadCount == 1000);
    command += keys;
    command += ids;
    m_reading = m_link.command(command, [this, keys](redisReply *reply, const QString &) {
        m_reading = false;
        if (!reply)
            return; // connection lost (or closing): once back, every tailed stream is read (resume)
        if (reply->type == REDIS_REPLY_ERROR) {
            for (const QByteArray &key : keys)
                m_unread.insert(key);
            return onReadError(QString::fromUtf8(text(reply)));
        }
        m_retryMs = RetryFirstMs;
        // A stream that filled its share of the read may hold more.
        for (size_t i = 0; reply->type == REDIS_REPLY_ARRAY && i < reply->elements; ++i) {
            const redisReply *stream = reply->element[i];
            if (stream->type == REDIS_REPLY_ARRAY && stream->elements == 2
                && stream->element[1]->type == REDIS_REPLY_ARRAY
                && stream->element[1]->elements >= size_t(ReadCount))
                m_unread.insert(text(stream->element[0]));
        }
        onReply(reply);
        read();
    });
}

void RedisTail::onReadError(const QString &error)
{
    // One XREAD reads every tailed stream, and Redis fails it as a whole, so a key another program put where
    // a stream belongs would stop live events for every session. Such keys are left out of the tail; whatever
    // the error, the read is tried again after a pause, never in a tight loop.
    qCWarning(lcRedis).noquote() << "the live tail's read failed:" << error;
    const int delay = std::exchange(m_retryMs, std::min(m_retryMs * 2, RetryLastMs));
    const QList<QByteArray> keys = m_tailed.keys();
    if (keys.isEmpty())
        return m_retry.start(delay);
    auto remaining = std::make_shared<qsizetype>(keys.size());
    for (const QByteArray &key : keys) {
        m_link.command({"TYPE", key}, [this, key, remaining, delay](redisReply *reply, const QString &) {
            const QByteArray type = reply && reply->type == REDIS_REPLY_STATUS ? text(reply) : "none";
            if (type != "stream" && type != "none" && m_tailed.contains(key)) {
                qCWarning(lcRedis) << key << "holds a" << type
                                   << "where a stream belongs: its watchers get no live events from it until "
                                      "it is a stream again";
                m_excluded.insert(key, m_tailed.take(key).readUpTo);
                m_pacer.release(key);
                if (!m_leftOutCheck.isActive())
                    m_leftOutCheck.start();
            }
            if (--*remaining == 0)
                m_retry.start(delay);
        });
    }
}

void RedisTail::recheckLeftOut()
{
    if (m_excluded.isEmpty())
        return m_leftOutCheck.stop();
    if (!m_link.isUp())
        return;
    for (auto it = m_excluded.cbegin(); it != m_excluded.cend(); ++it) {
        m_link.command({"TYPE", it.key()}, [this, key = it.key()](redisReply *reply, const QString &) {
            if (!reply || reply->type != REDIS_REPLY_STATUS)
                return;
            const QByteArray type = text(reply);
            if ((type != "stream" && type != "none") || !m_excluded.contains(key))
                return;
            // Mended (or gone, and a stream again with the next append): read on from where the tail was.
            qCInfo(lcRedis) << key << "is a stream again: its watchers get live events from it";
            m_tailed.insert(key, {m_excluded.take(key), std::nullopt});
            markUnread(key);
        });
    }
}

void RedisTail::onReply(const redisReply *reply)
{
    if (reply->type != REDIS_REPLY_ARRAY)
        return; // nil: timed out or unblocked
    QList<StoredEvent> arrived;
    QList<QPair<QByteArray, StreamId>> positions;
    for (size_t i = 0; i < reply->elements; ++i) {
        const redisReply *stream = reply->element[i];
        if (stream->type != REDIS_REPLY_ARRAY || stream->elements != 2)
            continue;
        const QByteArray key = text(stream->element[0]);
        const auto info = m_streams.constFind(key);
        if (info == m_streams.cend())
            continue; // unwatched meanwhile
        const redisReply *entries = stream->element[1];
        if (entries->type != REDIS_REPLY_ARRAY)
            continue;
        // Where the tail was when this read went out, or further on: this process's own writes are shown
        // as Redis answers them when the tail had read up to them (showWritten).
        const auto tailed = m_tailed.constFind(key);
        const std::optional<StreamId> shownUpTo
            = tailed != m_tailed.cend() ? tailed->readUpTo : std::optional<StreamId>();
        std::optional<StreamId> lastRead;
        qint64 missed = 0;
        // -1: not known (the tail started before the stream's start was known, or at an entry another writer
        // added)
        qint64 lastNumber = tailed != m_tailed.cend() ? tailed->number.value_or(-1) : -1;
        for (size_t e = 0; e < entries->elements; ++e) {
            // Checked before the entry is parsed: under a steady stream of this process's own writes, that
            // is most of what the tail reads.
            if (const auto id = RedisReplies::entryId(entries->element[e]);
                shownUpTo && id && !(*shownUpTo < *id))
                continue;
            RedisReplies::EntryFacts facts;
            auto event = RedisReplies::entry(entries->element[e], info->sessionId, info->kind, &facts);
            if (!event)
                continue;
            if (facts.number > 0 && lastNumber >= 0 && facts.number > lastNumber + 1)
                missed += facts.number - lastNumber - 1;
            if (facts.number > 0)
                lastNumber = facts.number;
            lastRead = event->id;
            // Buffered here while Redis was away, and already shown to this process's watchers.
            if (facts.was && m_shownProvisionally.remove(*facts.was))
                continue;
            arrived << *event;
        }
        if (lastNumber >= 0 || lastRead) {
            Position &position = m_tailed[key];
            if (lastNumber >= 0)
                position.number = lastNumber;
            if (lastRead) {
                position.readUpTo = lastRead;
                positions.append({key, *lastRead});
            }
        }
        if (missed > 0) {
            // Written by other processes faster than this one read, and trimmed by MAXLEN meanwhile.
            qCWarning(lcRedis) << "the tail missed" << missed << "entries of" << key
                               << "trimmed before it read them";
            m_delivery.missed(info->sessionId, info->kind, missed);
        }
    }
    // A reply groups entries by stream; watchers of both streams want them in time order.
    std::stable_sort(arrived.begin(), arrived.end(),
        [](const StoredEvent &a, const StoredEvent &b) { return a.id < b.id; });
    for (const StoredEvent &event : std::as_const(arrived))
        m_delivery.appended(event);
    // Only now, with the events delivered, may the writes waiting for the tail go on.
    for (const auto &[key, position] : std::as_const(positions)) {
        if (isTailed(key)) // see showWritten
            m_pacer.tailRead(key, position);
    }
}

void RedisTail::showWritten(const QByteArray &key, const QList<StoredEvent> &written, qint64 firstNumber)
{
    // Only when the tail has read every entry before these: another process's entry in between must be
    // shown first, and the tail brings them all in order; it reads now, whether or not that process's
    // announcement has come. (Only Ponder's scripts number entries and announce them: one another program
    // XADDs is neither noticed nor read; docs/streaming-api.md says to write through Ponder.)
    const auto tailed = m_tailed.find(key);
    if (tailed == m_tailed.end() || tailed->number != firstNumber - 1 || !tailed->readUpTo
        || !(*tailed->readUpTo < written.first().id)) {
        if (tailed != m_tailed.end())
            markUnread(key);
        return;
    }
    *tailed = {written.last().id, firstNumber + written.size() - 1};
    for (const StoredEvent &event : written)
        m_delivery.appended(event);
    if (isTailed(key)) // a watcher dropped while these were delivered may have been the last
        m_pacer.tailRead(key, written.last().id);
}
