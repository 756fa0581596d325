// SPDX-License-Identifier: MIT
// The live tail: brings the entries of watched sessions' streams to this process's watchers, in order, once.
//
// Another process's appends are announced on this process's channel (RedisLink::announced), which each
// watched session's watchers set names; the tail then reads the announced streams with one XREAD. (A blocking
// XREAD would wake for every entry, this process's own too: a seventh of Ponder's instructions per event and
// a fifth of Redis's.) This process's own appends are shown as Redis answers them (showWritten), when the
// tail had read all before them; else the tail reads them in order. Entries are numbered by the append
// scripts, so a tail outrun by trimming says how many it missed. The tail paces this process's writes
// (TailPacer), so that they cannot outrun it. Events shown under a provisional id while Redis was away are
// not shown again when the tail reads them under the id Redis gave them.
#pragma once

#include "events/EventKind.h"
#include "events/StreamId.h"
#include "store/StoredEvent.h"
#include "store/TailPacer.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

class RedisKeys;
class RedisLink;
struct redisReply;

class RedisTail : public QObject
{
    Q_OBJECT

public:
    // Where the tail's events go: the store's eventAppended and eventsMissed.
    struct Delivery
    {
        std::function<void(const StoredEvent &event)> appended;
        std::function<void(const QString &sessionId, EventKind kind, qint64 count)> missed;
    };

    // `window`: how far this process's writes may run ahead of the tail (the streams' retained length).
    // `watcherTtlMs`: how long a session's watchers set outlives its last activity.
    RedisTail(
        RedisLink &link, const RedisKeys &keys, qsizetype window, QByteArray watcherTtlMs, Delivery delivery);

    // As EventStore::watch and unwatch, counted per session.
    void watch(const QString &sessionId, std::function<void()> ready);
    void unwatch(const QString &sessionId);
    bool isTailed(const QByteArray &streamKey) const { return m_tailed.contains(streamKey); }

    TailPacer &pacer() { return m_pacer; }
    const TailPacer &pacer() const { return m_pacer; }
    qsizetype watchedSessions() const { return m_watched.size(); }
    // Watched streams whose key holds another type (another program's): no live events until mended.
    qsizetype streamsLeftOut() const { return m_excluded.size(); }

    // Redis is back: this process watches again, and every tailed stream is read for what was written
    // meanwhile.
    void resume();
    // Redis is away: no read is under way, and writes waiting for the tail are let go (to the buffer).
    void suspend();
    // Redis came back without Ponder's data: the streams start again from nothing, read from their start.
    void readAgainFromStart();
    // Another process appended to the stream.
    void announced(const QByteArray &streamKey);

    // This process's appends, as Redis answered them: shown at once if the tail had read every entry before
    // them (`firstNumber` is the first one's n), else read in order.
    void showWritten(const QByteArray &streamKey, const QList<StoredEvent> &written, qint64 firstNumber);
    // An event buffered while Redis was away, shown under its provisional id: Redis may store it under
    // another id, marked as `was` this one, and the tail then leaves it out.
    void shownProvisionally(const StreamId &id, const QByteArray &streamKey)
    {
        m_shownProvisionally.insert(id, streamKey);
    }
    void forgetProvisional(const StreamId &id) { m_shownProvisionally.remove(id); }

private:
    struct Watched
    {
        QString sessionId;
        EventKind kind;
    };
    // Where the tail is in a stream it reads.
    struct Position
    {
        std::optional<StreamId> readUpTo; // none: not known yet (watched while Redis was away)
        std::optional<qint64> number; // the n of the last entry read (0: none yet), if known
    };

    // Puts this process's channel in the session's watchers set, so that other processes announce their
    // appends to it.
    void registerWatcher(const QString &sessionId);
    // Starts the key's tail at the stream's current top, then runs `done`.
    void startAtTop(const QByteArray &key, std::function<void()> done);
    // Another process appended to the stream (its announcement), or this one's writes were not all shown.
    void markUnread(const QByteArray &key);
    // Reads the tailed streams marked unread, from where the tail is in each.
    void read();
    void onReply(const redisReply *reply);
    void onReadError(const QString &error);
    void recheckLeftOut();

    RedisLink &m_link;
    const RedisKeys &m_keys;
    QByteArray m_watcherTtlMs;
    Delivery m_delivery;
    TailPacer m_pacer;

    QHash<QString, int> m_watched; // session -> watch count
    QHash<QByteArray, Watched> m_streams; // watched stream key -> what it is
    QHash<QByteArray, Position> m_tailed; // watched stream key -> where the tail is, unless left out
    QHash<QByteArray, std::optional<StreamId>> m_excluded; // watched keys of another type -> where it was
    QSet<QByteArray> m_unread; // tailed streams with entries the tail has not read
    // Buffered events this process's watchers saw under their provisional ids, by that id (-> stream key),
    // until Redis has kept that id or the tail has read the entry it got instead.
    QHash<StreamId, QByteArray> m_shownProvisionally;

    bool m_reading = false;
    static constexpr int ReadCount = 1000; // entries one read takes from each stream
    static constexpr int RetryFirstMs = 100;
    static constexpr int RetryLastMs = 5000;
    QTimer m_retry; // a failed read is tried again after a pause
    int m_retryMs = RetryFirstMs; // doubling while reads keep failing
    static constexpr int LeftOutCheckMs = 2000;
    QTimer m_leftOutCheck; // runs while keys are left out of the tail, to take them back once mended
};
