// SPDX-License-Identifier: MIT
// Where sessions and their event streams live: memory (the default) or Redis Streams.
//
// Every call is asynchronous and answers through its callback (the memory store answers at once, Redis on
// the event loop when its reply arrives), so no caller ever blocks on storage.
#pragma once

#include "events/EventData.h"
#include "events/Session.h"
#include "store/StoredEvent.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>

struct StoreStatus
{
    enum class Code
    {
        Ok,
        NotFound,
        Conflict,
        LimitReached,
        Full, // the store's memory budget holds running sessions only (507)
        Unavailable
    };
    Code code = Code::Ok;
    QString message;

    bool ok() const { return code == Code::Ok; }
    static StoreStatus success() { return {}; }
    static StoreStatus failure(Code code, QString message) { return {code, std::move(message)}; }
    static StoreStatus sessionNotFound(const QString &sessionId)
    {
        return failure(Code::NotFound, QStringLiteral("session '%1' not found").arg(sessionId));
    }
};

struct StoreLimits
{
    int maxSessions = 10'000;
    int historyLength = 1'000; // entries kept per stream (Redis: MAXLEN ~)
    qint64 idleExpirySeconds = 24 * 3600; // counted from the last activity
    // Memory: the bytes all sessions' events may take together. Past it, sessions that ended are removed,
    // the one that ended first first; when only running sessions are left, new events are refused (Full).
    qint64 maxStoredBytes = qint64(512) << 20;
    // Redis: kept while it is away; past either bound the oldest are dropped and counted.
    int maxBufferedEvents = 10'000;
    qint64 maxBufferedBytes = qint64(64) << 20;
};

class EventStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(StoreStatus)>;
    using SessionDone = std::function<void(StoreStatus, Session, SessionStats)>;
    using SessionsDone = std::function<void(StoreStatus, QList<Session>)>;
    using AppendDone = std::function<void(StoreStatus, StoredEvent)>;
    using ReadDone = std::function<void(StoreStatus, QList<StoredEvent>)>;
    using AppendManyDone = std::function<void(StoreStatus, QList<StoredEvent>)>;

    using QObject::QObject;

    virtual QString name() const = 0; // "memory" | "redis"

    virtual void createSession(const Session &session, Done done) = 0;
    virtual void session(const QString &id, SessionDone done) = 0;
    virtual void sessions(SessionsDone done) = 0;
    // Marks the session ended; its streams stay readable until they expire.
    virtual void endSession(const QString &id, Done done) = 0;
    // Replaces what describes the session (`user_request`, the title clients show, and `system_context`)
    // with the members `description` has; the session's activity, state and streams stay as they are. For
    // a session whose title is known only later: a trace's root span comes after its children.
    virtual void describeSession(const QString &id, const QJsonObject &description, Done done) = 0;

    // Appends to the session's stream of `kind`; the store assigns the entry id.
    virtual void append(
        const QString &sessionId, EventKind kind, const QString &type, const EventData &data, AppendDone done)
        = 0;
    // Appends several events to one session's stream of `kind`, in order. The default appends them one by
    // one; a store that can write them in one round trip does so. On failure, the events before the
    // failing one may have been written.
    virtual void appendMany(const QString &sessionId, EventKind kind, const QString &type,
        const QList<EventData> &data, AppendManyDone done);
    // Entries with an id greater than `after`, oldest first, at most `limit`.
    virtual void read(const QString &sessionId, EventKind kind, StreamId after, int limit, ReadDone done) = 0;

    // Live events of a watched session arrive through eventAppended() from the moment `ready` is called:
    // reading history after that and dropping ids already seen gives a stream with no gap.
    virtual void watch(const QString &sessionId, std::function<void()> ready) = 0;
    virtual void unwatch(const QString &sessionId) = 0;

    // Drops sessions idle for longer than the limit (Redis expires keys by itself).
    virtual void expireIdleSessions() = 0;

    // Whether eventAppended() shows every event of every session this process appends or another one does
    // (memory), or only those of sessions watched here (Redis: a stream is read only while watched).
    virtual bool showsEveryEvent() const { return true; }
    virtual bool isHealthy() const = 0;
    virtual QJsonObject healthDetails() const = 0;

Q_SIGNALS:
    // Every event that becomes visible in a watched session, in order per stream.
    void eventAppended(const StoredEvent &event);
    // A watched stream lost `count` events before they could be delivered (Redis trimmed them while
    // this process's tail was behind writers elsewhere); they come just before the next eventAppended.
    void eventsMissed(const QString &sessionId, EventKind kind, qint64 count);
    void sessionRemoved(const QString &sessionId);
};
