// SPDX-License-Identifier: MIT
// A Redis that comes back without Ponder's data, against a real redis-server: restarted without its data
// (as without persistence, or a failover to an empty replica) or flushed under an open connection. Ponder
// notices, writes the sessions it knows again, flushes everything it acknowledged, and says in /health and
// the log what Redis lost; an acknowledged event it cannot store after all is counted, never dropped
// silently. And Redis given by host name is resolved off the server's thread.
#include "BackendFixture.h"
#include "RedisServer.h"
#include "WebSocketTestClient.h"

#include <QJsonArray>
#include <QTest>

class RedisRecoveryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void aRedisBackEmptyGetsTheSessionsAndEveryBufferedEvent();
    void aRedisRestartedWithItsDataIsNoLoss();
    void aRedisFlushedUnderAnOpenConnectionIsNoticed();
    void aSessionReadHereIsWrittenAgainAsItWas();
    void aSessionKnownByItsIdAloneIsReplacedByItsCreators();
    void aBufferedEventWhoseSessionNobodyKnowsIsCountedWhenDropped();
    void aRedisHostNameIsResolved();
    void aRedisHostNameThatDoesNotResolveSaysSo();

private:
    std::unique_ptr<BackendFixture> startHealthy(const QString &url) const;
    static QJsonObject health(BackendFixture &server);
    static bool waitForHealth(BackendFixture &server, const QString &status);
    static bool createTitled(BackendFixture &server, const QString &id, const QString &title);
    // Stops Redis, publishes `count` events to `session` (each answered 201 and buffered), and starts Redis
    // again without its data. Returns the ids the publishers were given.
    QStringList publishWhileRedisIsAwayThenBringItBackEmpty(
        BackendFixture &server, const QString &session, int count);

    std::unique_ptr<RedisServer> m_redis;
};

void RedisRecoveryTest::init()
{
    m_redis = std::make_unique<RedisServer>();
    QVERIFY2(m_redis->start(), "redis-server did not start: is it installed (scripts/install-deps.sh)?");
}

void RedisRecoveryTest::cleanup()
{
    m_redis.reset();
}

std::unique_ptr<BackendFixture> RedisRecoveryTest::startHealthy(const QString &url) const
{
    ServerOptions options;
    options.redisUrl = url;
    auto server = std::make_unique<BackendFixture>(options);
    if (!server->start() || !waitForHealth(*server, QStringLiteral("healthy")))
        return nullptr;
    return server;
}

QJsonObject RedisRecoveryTest::health(BackendFixture &server)
{
    return server.get(QStringLiteral("/health")).json().object();
}

bool RedisRecoveryTest::waitForHealth(BackendFixture &server, const QString &status)
{
    return QTest::qWaitFor(
        [&] { return health(server).value(QLatin1String("status")).toString() == status; }, 20000);
}

bool RedisRecoveryTest::createTitled(BackendFixture &server, const QString &id, const QString &title)
{
    return server
               .post(QStringLiteral("/sessions"),
                   {{QStringLiteral("session_id"), id}, {QStringLiteral("user_request"), title}})
               .status
        == 201;
}

QStringList RedisRecoveryTest::publishWhileRedisIsAwayThenBringItBackEmpty(
    BackendFixture &server, const QString &session, int count)
{
    m_redis->stop();
    if (!waitForHealth(server, QStringLiteral("degraded")))
        return {};
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        ids << server.publishThinking(session, QStringLiteral("while away %1").arg(i));
        if (ids.last().isEmpty())
            return {};
    }
    if (health(server).value(QLatin1String("buffered_events")).toInt() != count)
        return {};
    m_redis->wipeData();
    if (!m_redis->start() || !waitForHealth(server, QStringLiteral("healthy")))
        return {};
    return ids;
}

void RedisRecoveryTest::aRedisBackEmptyGetsTheSessionsAndEveryBufferedEvent()
{
    const auto started = startHealthy(m_redis->url());
    QVERIFY(started);
    BackendFixture &server = *started;
    QVERIFY(server.createSession(QStringLiteral("kept")));
    for (int i = 0; i < 3; ++i) // stored in Redis, then lost with it
        QVERIFY(
            !server.publishProgress(QStringLiteral("kept"), QStringLiteral("before %1").arg(i)).isEmpty());

    const QStringList buffered
        = publishWhileRedisIsAwayThenBringItBackEmpty(server, QStringLiteral("kept"), 100);
    QCOMPARE(buffered.size(), 100);

    // The session is there again, with every event its publishers were told was accepted.
    QCOMPARE(server.get(QStringLiteral("/sessions/kept")).status, 200);
    QStringList stored;
    for (const QJsonValue &event : server.get(QStringLiteral("/sessions/kept/events?kind=thinking"))
                                       .json()
                                       .object()
                                       .value(QLatin1String("events"))
                                       .toArray())
        stored << event[QLatin1String("id")].toString();
    QCOMPARE(stored, buffered);
    QCOMPARE(server.get(QStringLiteral("/sessions/kept/stats"))
                 .json()
                 .object()
                 .value(QLatin1String("thinking_steps"))
                 .toInt(),
        100);
    // And /health says what Redis lost: the three progress updates written before, nothing Ponder dropped.
    const QJsonObject report = health(server);
    QCOMPARE(report.value(QLatin1String("dropped_events")).toInt(), 0);
    QCOMPARE(report.value(QLatin1String("buffered_events")).toInt(), 0);
    QCOMPARE(report.value(QLatin1String("redis_data_losses")).toInt(), 1);
    QCOMPARE(report.value(QLatin1String("sessions_written_again")).toInt(), 1);
    QCOMPARE(report.value(QLatin1String("events_lost_by_redis")).toInt(), 3);
    QVERIFY(!report.value(QLatin1String("redis_data_lost_at")).toString().isEmpty());
    // Publishing goes on as before.
    QVERIFY(!server.publishThinking(QStringLiteral("kept"), QStringLiteral("after")).isEmpty());
}

void RedisRecoveryTest::aRedisRestartedWithItsDataIsNoLoss()
{
    const auto started = startHealthy(m_redis->url());
    QVERIFY(started);
    BackendFixture &server = *started;
    QVERIFY(server.createSession(QStringLiteral("persisted")));
    QVERIFY(!server.publishThinking(QStringLiteral("persisted"), QStringLiteral("before")).isEmpty());
    m_redis->stop();
    QVERIFY(waitForHealth(server, QStringLiteral("degraded")));
    QVERIFY(m_redis->start()); // with its append-only file: the marker is there, as everything else
    QVERIFY(waitForHealth(server, QStringLiteral("healthy")));
    QVERIFY(!server.publishThinking(QStringLiteral("persisted"), QStringLiteral("after")).isEmpty());
    QCOMPARE(health(server).value(QLatin1String("redis_data_losses")).toInt(), 0);
    QCOMPARE(health(server).value(QLatin1String("events_lost_by_redis")).toInt(), 0);
    QCOMPARE(server.get(QStringLiteral("/sessions/persisted/stats"))
                 .json()
                 .object()
                 .value(QLatin1String("thinking_steps"))
                 .toInt(),
        2);
}

void RedisRecoveryTest::aRedisFlushedUnderAnOpenConnectionIsNoticed()
{
    const auto started = startHealthy(m_redis->url());
    QVERIFY(started);
    BackendFixture &server = *started;
    QVERIFY(server.createSession(QStringLiteral("flushed")));
    QVERIFY(!server.publishThinking(QStringLiteral("flushed"), QStringLiteral("one")).isEmpty());
    QCOMPARE(m_redis->cli({QStringLiteral("FLUSHALL")}), QStringLiteral("OK"));
    // Noticed by the heartbeat (every 5 s) without a reconnect; then the session is there again.
    QVERIFY(QTest::qWaitFor(
        [&] { return health(server).value(QLatin1String("redis_data_losses")).toInt() == 1; }, 20000));
    QCOMPARE(health(server).value(QLatin1String("events_lost_by_redis")).toInt(), 1);
    QCOMPARE(health(server).value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
    QCOMPARE(server.get(QStringLiteral("/sessions/flushed")).status, 200);
    QVERIFY(!server.publishThinking(QStringLiteral("flushed"), QStringLiteral("two")).isEmpty());
    QCOMPARE(m_redis->cli({QStringLiteral("XLEN"), QStringLiteral("ponder:{flushed}:thinking")}),
        QStringLiteral("1"));
}

// A session another process made (an earlier run's finished chat the window shows, another backend's) that
// this one watches and has read: written again as it was, titled and ended, not as a bare running id.
void RedisRecoveryTest::aSessionReadHereIsWrittenAgainAsItWas()
{
    {
        const auto earlier = startHealthy(m_redis->url());
        QVERIFY(earlier);
        QVERIFY(createTitled(*earlier, QStringLiteral("trip"), QStringLiteral("Trip to Lisbon")));
        QCOMPARE(earlier->del(QStringLiteral("/sessions/trip")).status, 200);
    }
    const auto started = startHealthy(m_redis->url());
    QVERIFY(started);
    BackendFixture &server = *started;
    WebSocketTestClient watcher;
    QVERIFY(watcher.open(server.webSocketUrl(QStringLiteral("/ws/sessions/trip"))));
    QCOMPARE(server.get(QStringLiteral("/sessions/trip")).status, 200); // read after it is watched
    QCOMPARE(m_redis->cli({QStringLiteral("FLUSHALL")}), QStringLiteral("OK"));
    QVERIFY(QTest::qWaitFor(
        [&] { return health(server).value(QLatin1String("redis_data_losses")).toInt() == 1; }, 20000));
    const QJsonObject session = server.get(QStringLiteral("/sessions/trip")).json().object();
    QCOMPARE(session.value(QLatin1String("user_request")).toString(), QStringLiteral("Trip to Lisbon"));
    QCOMPARE(session.value(QLatin1String("active")).toBool(true), false);
}

// Written again by a process that knew only its id (it published to it), and by the one that made it, in
// either order: the maker's title and state win, and what was published meanwhile is counted.
void RedisRecoveryTest::aSessionKnownByItsIdAloneIsReplacedByItsCreators()
{
    const auto maker = startHealthy(m_redis->url());
    const auto publisher = startHealthy(m_redis->url());
    QVERIFY(maker && publisher);
    QVERIFY(createTitled(*maker, QStringLiteral("shared"), QStringLiteral("Research plan")));
    QVERIFY(!publisher->publishThinking(QStringLiteral("shared"), QStringLiteral("one")).isEmpty());
    // A stand-in as the publisher would write it first, so that the maker's comes second whatever the order
    // of their heartbeats.
    QCOMPARE(m_redis->cli({QStringLiteral("FLUSHALL")}), QStringLiteral("OK"));
    // (Unless a heartbeat noticed the loss in between, and one of them wrote it already.)
    m_redis->cli({QStringLiteral("EVAL"),
        QStringLiteral("if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end "
                       "return redis.call('HSET', KEYS[1], 'data', ARGV[1], 'active', '1', "
                       "'thinking_count', '0', 'progress_count', '0', 'stand_in', '1')"),
        QStringLiteral("1"), QStringLiteral("ponder:{shared}:session"),
        QStringLiteral(R"({"session_id":"shared"})")});
    for (BackendFixture *server : {maker.get(), publisher.get()})
        QVERIFY(QTest::qWaitFor(
            [&] { return health(*server).value(QLatin1String("redis_data_losses")).toInt() == 1; }, 20000));
    const QJsonObject session = publisher->get(QStringLiteral("/sessions/shared")).json().object();
    QCOMPARE(session.value(QLatin1String("user_request")).toString(), QStringLiteral("Research plan"));
    QVERIFY(session.value(QLatin1String("active")).toBool());
    QVERIFY(!publisher->publishThinking(QStringLiteral("shared"), QStringLiteral("two")).isEmpty());
}

void RedisRecoveryTest::aBufferedEventWhoseSessionNobodyKnowsIsCountedWhenDropped()
{
    const auto started = startHealthy(m_redis->url());
    QVERIFY(started);
    BackendFixture &server = *started;
    QVERIFY(server.createSession(QStringLiteral("known")));
    // A session another program made: this process never wrote to it nor watched it, so it cannot give it
    // back to a Redis that lost it.
    m_redis->cli({QStringLiteral("HSET"), QStringLiteral("ponder:{stranger}:session"), QStringLiteral("data"),
        QStringLiteral("{\"session_id\":\"stranger\"}"), QStringLiteral("active"), QStringLiteral("1")});
    m_redis->stop();
    QVERIFY(waitForHealth(server, QStringLiteral("degraded")));
    for (int i = 0; i < 5; ++i)
        QVERIFY(
            !server.publishThinking(QStringLiteral("stranger"), QStringLiteral("lost %1").arg(i)).isEmpty());
    QVERIFY(!server.publishThinking(QStringLiteral("known"), QStringLiteral("kept")).isEmpty());
    m_redis->wipeData();
    QVERIFY(m_redis->start());
    QVERIFY(waitForHealth(server, QStringLiteral("healthy")));
    // The known session's event is stored (published last, so once it is, the others were tried).
    QVERIFY(QTest::qWaitFor(
        [&] {
            return m_redis->cli({QStringLiteral("XLEN"), QStringLiteral("ponder:{known}:thinking")})
                == QLatin1String("1");
        },
        10000));
    QCOMPARE(health(server).value(QLatin1String("dropped_events")).toInt(), 5);
    QCOMPARE(health(server).value(QLatin1String("buffered_events")).toInt(), 0);
}

void RedisRecoveryTest::aRedisHostNameIsResolved()
{
    const auto started = startHealthy(QStringLiteral("redis://localhost:%1/0").arg(m_redis->port()));
    QVERIFY(started);
    QVERIFY(started->createSession(QStringLiteral("named")));
    QVERIFY(!started->publishThinking(QStringLiteral("named"), QStringLiteral("by name")).isEmpty());
}

void RedisRecoveryTest::aRedisHostNameThatDoesNotResolveSaysSo()
{
    ServerOptions options;
    options.redisUrl = QStringLiteral("redis://no-such-host.invalid:%1/0").arg(m_redis->port());
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(QTest::qWaitFor(
        [&] {
            return health(server)
                .value(QLatin1String("reason"))
                .toString()
                .contains(QLatin1String("cannot resolve no-such-host.invalid"));
        },
        20000));
    QCOMPARE(health(server).value(QLatin1String("status")).toString(), QStringLiteral("degraded"));
}

QTEST_GUILESS_MAIN(RedisRecoveryTest)
#include "tst_redis_recovery.moc"
