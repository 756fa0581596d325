// SPDX-License-Identifier: MIT
// The default store: sessions and bounded per-stream logs in this process's memory.
#pragma once

#include "store/EventStore.h"

#include <QHash>
#include <QList>

#include <map>

class MemoryEventStore : public EventStore
{
    Q_OBJECT

public:
    explicit MemoryEventStore(StoreLimits limits, QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("memory"); }
    void createSession(const Session &session, Done done) override;
    void session(const QString &id, SessionDone done) override;
    void sessions(SessionsDone done) override;
    void endSession(const QString &id, Done done) override;
    void describeSession(const QString &id, const QJsonObject &description, Done done) override;
    void append(const QString &sessionId, EventKind kind, const QString &type, const EventData &data,
        AppendDone done) override;
    // One pass over the batch: no callback per event as the default has.
    void appendMany(const QString &sessionId, EventKind kind, const QString &type,
        const QList<EventData> &data, AppendManyDone done) override;
    void read(const QString &sessionId, EventKind kind, StreamId after, int limit, ReadDone done) override;
    void watch(const QString &sessionId, std::function<void()> ready) override;
    void unwatch(const QString &sessionId) override;
    void expireIdleSessions() override;
    bool isHealthy() const override { return true; }
    QJsonObject healthDetails() const override;

private:
    struct Entry
    {
        Session session;
        SessionStats stats;
        // QLists, not std::deques: a session per request is the common case, and an empty deque allocates
        // (its map and a block) when made and again when moved, as the hash moves its entries.
        QList<StoredEvent> thinking;
        QList<StoredEvent> progress;
        quint64 endedAs = 0; // its place in m_ended; 0 while the session is active
        qint64 bytes = 0; // what it counts against StoreLimits::maxStoredBytes
        QList<StoredEvent> &stream(EventKind kind)
        {
            return kind == EventKind::Thinking ? thinking : progress;
        }
    };

    // Stores one event; the caller answers and emits eventAppended.
    StoredEvent appendTo(
        Entry &entry, const QString &sessionId, EventKind kind, const QString &type, const EventData &data);

    // Removes the session that ended longest ago, to make room for a new one; false if none has ended.
    bool removeLongestEnded();
    // Removes sessions that ended, the first to end first, until `bytes` more fit under the byte budget;
    // `keep` (the session they are for) stays. False if they still do not fit.
    bool makeRoomForBytes(qint64 bytes, const QString &keep);
    StoreStatus fullStatus() const;
    void remove(QHash<QString, Entry>::iterator it);

    StoreLimits m_limits;
    QHash<QString, Entry> m_sessions;
    // Ended sessions in the order they ended. They stay readable until they expire, but no longer hold a
    // place under the session cap: at the cap, the one that ended first is removed to make room.
    std::map<quint64, QString> m_ended;
    quint64 m_endCount = 0;
    qint64 m_bytes = 0; // all entries' bytes
    StreamIdGenerator m_ids;
};
