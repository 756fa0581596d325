// SPDX-License-Identifier: MIT
// What the Redis store's tests share: a real redis-server for each test function, Ponder backends started on
// it, and the questions they ask of Redis (INFO commandstats) and of a backend (/health, stored events).
#pragma once

#include "BackendFixture.h"
#include "RedisServer.h"
#include "WebSocketTestClient.h"

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

class RedisStoreFixture : public QObject
{
    Q_OBJECT

protected:
    // For each test function's init() and cleanup().
    void startRedis();
    void stopRedis();

    ServerOptions redisOptions() const;
    static bool waitForHealth(BackendFixture &server, const QString &status);
    // A backend on the test's Redis, started and reporting healthy; null if it did not get there.
    std::unique_ptr<BackendFixture> startHealthy(const ServerOptions &options) const;
    // The same, with `session` created; null if either did not happen.
    std::unique_ptr<BackendFixture> startWithSession(
        const ServerOptions &options, const QString &session) const;
    // Two backends sharing the test's Redis: both started and reporting healthy.
    static bool startBothHealthy(BackendFixture &a, BackendFixture &b);
    // Both healthy, and `session` created on a.
    static bool startBothWithSession(BackendFixture &a, BackendFixture &b, const QString &session);
    // A healthy backend with a session watched on /ws/thinking, and the ids of what the test published to it.
    struct WatchedSession
    {
        std::unique_ptr<BackendFixture> server;
        WebSocketTestClient watcher;
        QStringList published; // ids, in order
    };
    // Nothing published yet.
    bool startWatching(const ServerOptions &options, const QString &session, WatchedSession &started) const;
    // Where the outage tests start: one event ("before") published.
    bool startWatchedSession(const QString &session, WatchedSession &started) const;
    // A healthy backend with the sessions "good" and "bad", where another program has put a string at "bad"'s
    // thinking stream key.
    std::unique_ptr<BackendFixture> startWithABadStreamKey() const;

    std::unique_ptr<RedisServer> m_redis;
};

namespace RedisStoreChecks {

// A session's stored events, oldest first; the content and the id of each.
QStringList contentsOf(const QJsonArray &events);
QStringList idsOf(const QJsonArray &events);
bool idsAscend(const QStringList &ids);

// Calls of a command so far, from Redis's own statistics ("eval", "evalsha"), and those that failed.
qint64 calls(RedisServer &redis, const QString &command);
qint64 failedCalls(RedisServer &redis, const QString &command);
// Refused before they ran (ACL, wrong arguments).
qint64 rejectedCalls(RedisServer &redis, const QString &command);
qint64 scriptCalls(RedisServer &redis);

QJsonObject health(BackendFixture &server);
QString healthReason(BackendFixture &server);
// Waits until /health's reason mentions `part` (Redis's answer, usually).
bool waitForReason(BackendFixture &server, QLatin1String part);

// A thinking step as published; confidence left out when negative.
QJsonObject step(const QString &session, const QString &type, const QString &content, double confidence = -1);
// Has `watcher` watch `session`'s thinking stream on `server`, past the greeting.
bool watchThinking(WebSocketTestClient &watcher, BackendFixture &server, const QString &session);
// Posts every body to /thinking at once (QNetworkAccessManager keeps several connections busy). The answers
// in the order of the bodies, or none unless every one was answered 201.
QList<QJsonObject> postAllAtOnce(BackendFixture &server, const QList<QByteArray> &bodies);
// Posts `batches` batches of `perBatch` thinking steps all at once; true when every one was answered 201.
bool postBatchesAtOnce(BackendFixture &server, const QString &session, int batches, int perBatch);

// Publishes a last thinking step through `writer` and waits until `watcher` has it. A watcher gets a stream's
// events in order, so anything that would still come of what was published before (a duplicate, one late)
// has come by then. The sentinel's id, or empty if it did not arrive.
QString publishSentinel(BackendFixture &writer, const QString &session, WebSocketTestClient &watcher);

} // namespace RedisStoreChecks
