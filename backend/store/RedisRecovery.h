// SPDX-License-Identifier: MIT
// What this process knows Redis should hold for it, so that a Redis that comes back without Ponder's data
// (restarted without persistence, a failover to an empty replica, a FLUSHALL) is noticed, given back the
// sessions this process knows, and reported with what it lost.
//
// Noticing: Ponder keeps a marker key (<prefix>:epoch) with a random value in Redis; each process remembers
// the value it saw. A marker gone, or holding another value, means the data it stood beside is gone too.
// No Redis I/O here: RedisEventStore asks and tells, and this keeps the books.
#pragma once

#include "events/EventKind.h"
#include "events/Session.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>

class RedisRecovery
{
public:
    explicit RedisRecovery(int historyLength)
        : m_historyLength(historyLength)
    { }

    // Sessions this process created (all of their data), wrote to or watches (their id, if nothing more
    // is known), and ended; each call counts as activity.
    void created(const Session &session);
    void touched(const QString &id);
    void ended(const QString &id);
    // The session's description changed (EventStore::describeSession): a session written again has it.
    // The session as Redis holds it, read by this process: if it is one this process knows, it is written
    // again with that (its title and origin, ended or not), not as a bare id that lists as running.
    void seen(const Session &session);
    void described(const QString &id, const QJsonObject &description);
    // Removed on purpose (to make room under the session cap): no longer one to give back.
    void forget(const QString &id) { m_sessions.remove(id); }
    // Events of the session Redis took from this process.
    void wrote(const QString &id, EventKind kind, qint64 count);
    // Sessions idle since before `cutoffMs` have expired in Redis too: no longer known.
    void forgetIdleBefore(qint64 cutoffMs);
    qsizetype knownSessions() const { return m_sessions.size(); }

    // A value for the marker, should Redis not have one.
    static QByteArray newEpoch();
    // The marker Redis holds now: true if it is not the one this process saw last (its first look is not
    // a loss: there was nothing to lose).
    bool lostSince(const QByteArray &epoch);

    struct Restore
    {
        QString id;
        QByteArray json; // the session's data, as its hash keeps it
        bool active = true;
        // Only its id was known: written as a stand-in that the process that knows it all replaces.
        bool standIn = false;
    };
    // Redis lost its data: the sessions to write again, and the loss counted in the report.
    QList<Restore> recordLoss();
    // What the last loss cost, for the log.
    qint64 lastEventsLost() const { return m_lastEventsLost; }
    // {redis_data_losses, events_lost_by_redis, sessions_written_again, redis_data_lost_at?}
    QJsonObject healthDetails() const;

private:
    struct Known
    {
        QByteArray json; // empty: only the id is known
        bool active = true;
        qint64 lastUsedMs = 0;
        qint64 written[2] = {0, 0}; // by EventKind: events Redis took from this process
    };
    Known &known(const QString &id);

    int m_historyLength;
    QHash<QString, Known> m_sessions;
    QByteArray m_epoch; // the marker last seen; empty until the first look
    qint64 m_losses = 0;
    qint64 m_eventsLost = 0;
    qint64 m_sessionsWrittenAgain = 0;
    qint64 m_lastEventsLost = 0;
    QDateTime m_lastLossAt;
};
