// SPDX-License-Identifier: MIT
// The Redis store while Redis is away, against a real redis-server that stops, freezes, refuses writes or
// loads its data: publishes are buffered (bounded) and shown at once, flushed once Redis takes them, each
// stored once; what cannot be stored is counted.
#include "RedisStoreFixture.h"
#include "store/RedisScripts.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace RedisStoreChecks;

class RedisOutageTest : public RedisStoreFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startRedis(); }
    void cleanup() { stopRedis(); }

    void redisRestartMidSessionLosesNothingInTheBuffer();
    void aFullBufferDropsTheOldestAndCountsThem();
    void aBufferPastItsBytesDropsTheOldest();
    void aSessionEndedWhileRedisIsAwayEndsWhenItIsBack();
    void unreachableRedisStartsDegradedAndSaysWhy();
    void scriptsRedisLostAreLoadedAgain();
    void bufferedEventsRedisRefusesWaitForTheNextConnection();
    void aBufferedEventSentAgainIsStoredOnce();
    void eventsStillBufferedAtShutdownAreReported();
    void aRedisStillLoadingItsDataCountsAsAway();
    void aRedisThatStopsAnsweringCountsAsAway();
    void anIdleProcessNoticesARedisThatStopsAnswering();
    void aBufferedEventWhoseStreamKeyHasAnotherTypeIsDropped();
};

void RedisOutageTest::redisRestartMidSessionLosesNothingInTheBuffer()
{
    const auto started = startWithSession(redisOptions(), QStringLiteral("outage"));
    QVERIFY(started);
    BackendFixture &server = *started;
    const QString before = server.publishThinking(QStringLiteral("outage"), QStringLiteral("before"));
    WebSocketTestClient watcher;
    QVERIFY(watcher.open(server.webSocketUrl(QStringLiteral("/ws/thinking/outage"))));
    QVERIFY(watcher.waitForMessages(2));

    m_redis->stop();
    QVERIFY(waitForHealth(server, QStringLiteral("degraded")));
    const QJsonObject degraded = server.get(QStringLiteral("/health")).json().object();
    QCOMPARE(degraded.value(QLatin1String("redis_connection")).toString(), QStringLiteral("disconnected"));
    QVERIFY(!degraded.value(QLatin1String("reason")).toString().isEmpty());

    QStringList during;
    for (int i = 0; i < 20; ++i) {
        during << server.publishThinking(QStringLiteral("outage"), QStringLiteral("during %1").arg(i));
        QVERIFY(!during.last().isEmpty());
    }
    QVERIFY(watcher.waitForMessages(22)); // live clients keep receiving while Redis is away
    QCOMPARE(
        server.get(QStringLiteral("/health")).json().object().value(QLatin1String("buffered_events")).toInt(),
        20);

    QVERIFY(m_redis->start());
    QVERIFY(waitForHealth(server, QStringLiteral("healthy")));
    const QString after = server.publishThinking(QStringLiteral("outage"), QStringLiteral("after"));
    QVERIFY(watcher.waitForMessages(23));
    const QString sentinel
        = publishSentinel(server, QStringLiteral("outage"), watcher); // after any duplicate
    QVERIFY(!sentinel.isEmpty());
    QCOMPARE(watcher.eventIds(), (QStringList {before} + during + QStringList {after, sentinel}));

    const QJsonArray stored = server.get(QStringLiteral("/sessions/outage/events"))
                                  .json()
                                  .object()
                                  .value(QLatin1String("events"))
                                  .toArray();
    QStringList storedIds;
    for (const QJsonValue &event : stored)
        storedIds << event.toObject().value(QLatin1String("id")).toString();
    QCOMPARE(storedIds, (QStringList {before} + during + QStringList {after, sentinel}));
    // The buffered events went through the single-event script: counted, and numbered without a gap.
    const QJsonObject stats = server.get(QStringLiteral("/sessions/outage/stats")).json().object();
    QCOMPARE(stats.value(QLatin1String("thinking_steps")).toInt(), 23);
    QCOMPARE(m_redis
                 ->cli({QStringLiteral("HGET"), QStringLiteral("ponder:{outage}:session"),
                     QStringLiteral("seq:thinking")})
                 .trimmed(),
        QStringLiteral("23"));
}

// Its session_end is buffered as every publish is: the session ends with it, not 503 while the end is
// written later anyway (the session then active in the list until it was ended again).
void RedisOutageTest::aSessionEndedWhileRedisIsAwayEndsWhenItIsBack()
{
    const auto started = startWithSession(redisOptions(), QStringLiteral("ending"));
    QVERIFY(started);
    BackendFixture &server = *started;
    QVERIFY(!server.publishThinking(QStringLiteral("ending"), QStringLiteral("before")).isEmpty());
    m_redis->stop();
    QVERIFY(waitForHealth(server, QStringLiteral("degraded")));
    QCOMPARE(server.del(QStringLiteral("/sessions/ending")).status, 200);

    QVERIFY(m_redis->start());
    QVERIFY(waitForHealth(server, QStringLiteral("healthy")));
    QTRY_VERIFY_WITH_TIMEOUT(!server.get(QStringLiteral("/sessions/ending"))
                                  .json()
                                  .object()
                                  .value(QLatin1String("active"))
                                  .toBool(true),
        10000);
    const QJsonArray stored = server.storedEvents(QStringLiteral("ending"));
    QCOMPARE(stored.last().toObject().value(QLatin1String("type")).toString(), QStringLiteral("session_end"));
}

void RedisOutageTest::aFullBufferDropsTheOldestAndCountsThem()
{
    ServerOptions options = redisOptions();
    options.storeLimits.maxBufferedEvents = 3;
    const auto started = startWithSession(options, QStringLiteral("full"));
    QVERIFY(started);
    BackendFixture &server = *started;
    m_redis->stop();
    QVERIFY(waitForHealth(server, QStringLiteral("degraded")));
    for (int i = 0; i < 5; ++i)
        QVERIFY(!server.publishThinking(QStringLiteral("full"), QString::number(i)).isEmpty());
    const QJsonObject away = server.get(QStringLiteral("/health")).json().object();
    QCOMPARE(away.value(QLatin1String("buffered_events")).toInt(), 3);
    QCOMPARE(away.value(QLatin1String("dropped_events")).toInt(), 2);

    QVERIFY(m_redis->start());
    QVERIFY(waitForHealth(server, QStringLiteral("healthy")));
    QVERIFY(QTest::qWaitFor([&] { return server.storedEvents(QStringLiteral("full")).size() == 3; }, 10000));
    QCOMPARE(contentsOf(server.storedEvents(QStringLiteral("full"))),
        (QStringList {QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}));
}

void RedisOutageTest::aBufferPastItsBytesDropsTheOldest()
{
    // Its count alone let 10,000 events of 256 KiB each (2.5 GiB) wait for Redis.
    ServerOptions options = redisOptions();
    options.storeLimits.maxBufferedBytes = 100'000;
    const auto started = startWithSession(options, QStringLiteral("bytes"));
    QVERIFY(started);
    BackendFixture &server = *started;
    m_redis->stop();
    QVERIFY(waitForHealth(server, QStringLiteral("degraded")));
    const QString padding(30'000, QLatin1Char('x'));
    for (int i = 0; i < 5; ++i)
        QVERIFY(!server.publishThinking(QStringLiteral("bytes"), QString::number(i) + padding).isEmpty());
    const QJsonObject away = server.get(QStringLiteral("/health")).json().object();
    QCOMPARE(away.value(QLatin1String("buffered_events")).toInt(), 3);
    QCOMPARE(away.value(QLatin1String("dropped_events")).toInt(), 2);
    QVERIFY(away.value(QLatin1String("buffered_bytes")).toInteger() > 90'000);
    QVERIFY(away.value(QLatin1String("buffered_bytes")).toInteger() <= 100'000);

    QVERIFY(m_redis->start());
    QVERIFY(waitForHealth(server, QStringLiteral("healthy")));
    QVERIFY(QTest::qWaitFor([&] { return server.storedEvents(QStringLiteral("bytes")).size() == 3; }, 10000));
    QCOMPARE(contentsOf(server.storedEvents(QStringLiteral("bytes"))),
        (QStringList {
            QStringLiteral("2") + padding, QStringLiteral("3") + padding, QStringLiteral("4") + padding}));
    QCOMPARE(
        server.get(QStringLiteral("/health")).json().object().value(QLatin1String("buffered_bytes")).toInt(),
        0);
}

void RedisOutageTest::unreachableRedisStartsDegradedAndSaysWhy()
{
    const int closedPort = m_redis->port();
    m_redis->stop();
    ServerOptions options;
    options.redisUrl = QStringLiteral("redis://127.0.0.1:%1").arg(closedPort);
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(waitForHealth(server, QStringLiteral("degraded")));
    const HttpTestReply create = server.post(QStringLiteral("/sessions"), {});
    QCOMPARE(create.status, 503);
}

void RedisOutageTest::scriptsRedisLostAreLoadedAgain()
{
    const auto started = startWithSession(redisOptions(), QStringLiteral("flush"));
    QVERIFY(started);
    BackendFixture &server = *started;
    QVERIFY(!server.publishThinking(QStringLiteral("flush"), QStringLiteral("first")).isEmpty());

    QCOMPARE(
        m_redis->cli({QStringLiteral("SCRIPT"), QStringLiteral("FLUSH")}).trimmed(), QStringLiteral("OK"));
    // The next call finds its script gone: it fails as calls do while Redis is away, and the store connects
    // again, which loads the scripts again.
    const HttpTestReply lost = server.postRaw(QStringLiteral("/thinking"),
        QJsonDocument(step(QStringLiteral("flush"), QStringLiteral("analysis"), QStringLiteral("lost")))
            .toJson());
    QCOMPARE(lost.status, 503);
    // Until the old connection has closed, calls fail as that one did; from then on they are buffered, then
    // sent once the scripts are loaded. (A loop, not QTRY_VERIFY: that evaluates its expression again.)
    QDeadlineTimer deadline(10000);
    while (server.publishThinking(QStringLiteral("flush"), QStringLiteral("again")).isEmpty()) {
        QVERIFY(!deadline.hasExpired());
        QTest::qWait(20);
    }
    QVERIFY(waitForHealth(server, QStringLiteral("healthy")));
    QVERIFY(!server.publishThinking(QStringLiteral("flush"), QStringLiteral("last")).isEmpty());

    QCOMPARE(contentsOf(server.storedEvents(QStringLiteral("flush"))),
        (QStringList {QStringLiteral("first"), QStringLiteral("again"), QStringLiteral("last")}));
}

void RedisOutageTest::bufferedEventsRedisRefusesWaitForTheNextConnection()
{
    const QString session = QStringLiteral("refused");
    WatchedSession started;
    QVERIFY(startWatchedSession(session, started));
    BackendFixture &server = *started.server;
    m_redis->stop();
    QVERIFY(waitForHealth(server, QStringLiteral("degraded")));
    for (int i = 0; i < 5; ++i)
        started.published << server.publishThinking(session, QStringLiteral("during %1").arg(i));

    // Redis is back but refuses writes, as it does while it loads its data or lacks the replicas it needs.
    // The events it refused were answered 201 long ago: they wait for the next connection, and /health
    // says why.
    QVERIFY(m_redis->start({QStringLiteral("--min-replicas-to-write"), QStringLiteral("1")}));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QJsonObject now = health(server);
            return now.value(QLatin1String("reason")).toString().contains(QLatin1String("NOREPLICAS"))
                && now.value(QLatin1String("buffered_events")).toInt() == 5;
        },
        20000));
    m_redis->cli({QStringLiteral("CONFIG"), QStringLiteral("SET"), QStringLiteral("min-replicas-to-write"),
        QStringLiteral("0")});
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QJsonObject now = health(server);
            return now.value(QLatin1String("status")).toString() == QLatin1String("healthy")
                && now.value(QLatin1String("buffered_events")).toInt() == 0;
        },
        20000));
    started.published << server.publishThinking(session, QStringLiteral("after"));

    QVERIFY(started.watcher.waitForMessages(1 + int(started.published.size())));
    started.published << publishSentinel(server, session, started.watcher); // after any duplicate
    QCOMPARE(started.watcher.eventIds(), started.published);
    QCOMPARE(idsOf(server.storedEvents(session)), started.published);
    const QJsonObject stats = server.get(QStringLiteral("/sessions/refused/stats")).json().object();
    QCOMPARE(stats.value(QLatin1String("thinking_steps")).toInt(), 8);
}

void RedisOutageTest::aBufferedEventSentAgainIsStoredOnce()
{
    const auto started = startWithSession(redisOptions(), QStringLiteral("twice"));
    QVERIFY(started);
    BackendFixture &server = *started;

    // A flush whose connection drops before the answer cannot know whether Redis wrote the event, so it
    // sends it again on the next connection, with the same id.
    const QStringList call {QStringLiteral("EVAL"), QString::fromUtf8(RedisScripts::Append.text),
        QStringLiteral("4"), QStringLiteral("ponder:{twice}:session"),
        QStringLiteral("ponder:{twice}:thinking"), QStringLiteral("ponder:{twice}:progress"),
        QStringLiteral("ponder:{twice}:watchers"), QStringLiteral("1700000000000-0"), QStringLiteral("1000"),
        QStringLiteral("86400000"), QStringLiteral("1700000000000"), QStringLiteral("analysis"),
        QStringLiteral("{\"session_id\":\"twice\",\"thinking_type\":\"analysis\",\"content\":\"once\"}"),
        QStringLiteral("thinking_count"), QStringLiteral("tt:analysis"), QString(),
        QStringLiteral("ponder:notify:test")};
    QCOMPARE(m_redis->cli(call), QStringLiteral("1700000000000-0"));
    QCOMPARE(m_redis->cli(call), QStringLiteral("1700000000000-0"));

    QCOMPARE(contentsOf(server.storedEvents(QStringLiteral("twice"))), QStringList {QStringLiteral("once")});
    const QJsonObject stats = server.get(QStringLiteral("/sessions/twice/stats")).json().object();
    QCOMPARE(stats.value(QLatin1String("thinking_steps")).toInt(), 1);
    QCOMPARE(m_redis->cli({QStringLiteral("HGET"), QStringLiteral("ponder:{twice}:session"),
                 QStringLiteral("seq:thinking")}),
        QStringLiteral("1"));

    // The same when the stream had newer entries by then, so the event was stored under a new id (a call
    // that timed out was carried out when Redis woke up): the retry is answered with that id.
    QStringList late = call;
    late[12]
        = QStringLiteral("{\"session_id\":\"twice\",\"thinking_type\":\"analysis\",\"content\":\"late\"}");
    late[7] = QStringLiteral("1700000000001-0"); // older than what the publish below gets
    QVERIFY(!server.publishThinking(QStringLiteral("twice"), QStringLiteral("meanwhile")).isEmpty());
    const QString storedAs = m_redis->cli(late);
    QVERIFY2(storedAs != late[7] && storedAs.contains(u'-'), qPrintable(storedAs));
    QCOMPARE(m_redis->cli(late), storedAs);
    QCOMPARE(contentsOf(server.storedEvents(QStringLiteral("twice"))),
        (QStringList {QStringLiteral("once"), QStringLiteral("meanwhile"), QStringLiteral("late")}));
    QCOMPARE(server.get(QStringLiteral("/sessions/twice/stats"))
                 .json()
                 .object()
                 .value(QLatin1String("thinking_steps"))
                 .toInt(),
        3);
}

void RedisOutageTest::eventsStillBufferedAtShutdownAreReported()
{
    auto server = startHealthy(redisOptions());
    QVERIFY(server);
    QVERIFY(server->createSession(QStringLiteral("unsaved")));
    m_redis->stop();
    QVERIFY(waitForHealth(*server, QStringLiteral("degraded")));
    for (int i = 0; i < 3; ++i)
        QVERIFY(!server->publishThinking(QStringLiteral("unsaved"), QString::number(i)).isEmpty());

    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("^3 buffered events were never written to Redis")));
    server.reset();
}

void RedisOutageTest::aRedisStillLoadingItsDataCountsAsAway()
{
    const QString session = QStringLiteral("loading");
    WatchedSession started;
    QVERIFY(startWatchedSession(session, started));
    BackendFixture &server = *started.server;
    // Enough commands in the append-only file that replaying them 0.5 ms apart on restart (key-load-delay)
    // takes four seconds or more. Redis serves clients every 1,024 of them, answering writes with LOADING.
    QByteArray fillers;
    for (int i = 0; i < 8000; ++i)
        fillers += "SET filler:" + QByteArray::number(i) + " x\n";
    m_redis->cli({}, fillers);
    m_redis->stop();
    QVERIFY(waitForHealth(server, QStringLiteral("degraded")));
    QVERIFY(m_redis->start({QStringLiteral("--key-load-delay"), QStringLiteral("500")}, false));

    QVERIFY(QTest::qWaitFor(
        [&] {
            return health(server)
                .value(QLatin1String("reason"))
                .toString()
                .contains(QLatin1String("loading"));
        },
        20000));
    started.published << server.publishThinking(
        session, QStringLiteral("while Redis loads")); // buffered, not refused
    QVERIFY(!started.published.last().isEmpty());
    QVERIFY(waitForHealth(server, QStringLiteral("healthy")));
    started.published << server.publishThinking(session, QStringLiteral("after"));

    QVERIFY(started.watcher.waitForMessages(1 + int(started.published.size())));
    started.published << publishSentinel(server, session, started.watcher); // after any duplicate
    QCOMPARE(started.watcher.eventIds(), started.published);
    QCOMPARE(idsOf(server.storedEvents(session)), started.published);
}

void RedisOutageTest::aRedisThatStopsAnsweringCountsAsAway()
{
    const QString session = QStringLiteral("frozen");
    WatchedSession started;
    QVERIFY(startWatchedSession(session, started));
    BackendFixture &server = *started.server;

    // Connections stay open but nothing answers. The publish in flight fails after the store's reply timeout
    // (Redis may still write it once it wakes up); after that Redis counts as away, and publishes are
    // buffered.
    m_redis->freeze();
    QCOMPARE(server
                 .postRaw(QStringLiteral("/thinking"),
                     QJsonDocument(step(session, QStringLiteral("analysis"), QStringLiteral("in flight")))
                         .toJson())
                 .status,
        503);
    QVERIFY(waitForHealth(server, QStringLiteral("degraded")));
    QVERIFY2(
        healthReason(server).contains(QLatin1String("did not answer")), qPrintable(healthReason(server)));
    QVERIFY(!server.publishThinking(session, QStringLiteral("while frozen")).isEmpty());

    m_redis->thaw();
    QVERIFY(waitForHealth(server, QStringLiteral("healthy")));
    const QString after = server.publishThinking(session, QStringLiteral("after"));
    QVERIFY(QTest::qWaitFor([&] { return started.watcher.eventIds().contains(after); }, 20000));
    // Ids are not compared: the call that timed out reached Redis when it woke, and took a newer id than the
    // buffered event had been given, so the buffered one was stored under a new id.
    const QStringList contents = contentsOf(server.storedEvents(session));
    QVERIFY2(contents.contains(QLatin1String("while frozen")) && contents.endsWith(QLatin1String("after")),
        qPrintable(contents.join(u',')));
    // The watcher saw the buffered event at once, under the id it was first given; the entry stored under its
    // new id is the same event, not another one.
    QStringList watched;
    for (const QJsonObject &message : started.watcher.messagesOfType(QStringLiteral("thinking_step")))
        watched << message.value(QLatin1String("data")).toObject().value(QLatin1String("content")).toString();
    QCOMPARE(watched.count(QLatin1String("while frozen")), 1);
}

void RedisOutageTest::anIdleProcessNoticesARedisThatStopsAnswering()
{
    // Nothing published and nothing watched: no command waits for an answer but the store's own PING.
    const auto server = startHealthy(redisOptions());
    QVERIFY(server);
    m_redis->freeze();
    QVERIFY(waitForReason(*server, QLatin1String("did not answer")));
    m_redis->thaw();
    QVERIFY(waitForHealth(*server, QStringLiteral("healthy")));
}

void RedisOutageTest::aBufferedEventWhoseStreamKeyHasAnotherTypeIsDropped()
{
    const auto started = startWithABadStreamKey();
    QVERIFY(started);
    BackendFixture &server = *started;
    m_redis->stop();
    QVERIFY(waitForHealth(server, QStringLiteral("degraded")));
    QVERIFY(!server.publishThinking(QStringLiteral("bad"), QStringLiteral("cannot be stored")).isEmpty());
    QVERIFY(!server.publishThinking(QStringLiteral("good"), QStringLiteral("stored")).isEmpty());

    // Trying the first again would fail again, forever: it is dropped (with a warning), and the rest go on.
    QVERIFY(m_redis->start());
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QJsonObject now = health(server);
            return now.value(QLatin1String("status")).toString() == QLatin1String("healthy")
                && now.value(QLatin1String("buffered_events")).toInt() == 0;
        },
        20000));
    const qint64 failedBefore = failedCalls(*m_redis, QStringLiteral("evalsha"));
    // An event kept to be sent again would reach Redis before this one: buffered events keep their order.
    QVERIFY(!server.publishThinking(QStringLiteral("good"), QStringLiteral("sentinel")).isEmpty());
    QVERIFY(QTest::qWaitFor(
        [&] {
            return contentsOf(server.storedEvents(QStringLiteral("good")))
                .contains(QStringLiteral("sentinel"));
        },
        20000));
    QCOMPARE(failedCalls(*m_redis, QStringLiteral("evalsha")), failedBefore); // not sent again
    QCOMPARE(health(server).value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
    QCOMPARE(contentsOf(server.storedEvents(QStringLiteral("good"))),
        (QStringList {QStringLiteral("stored"), QStringLiteral("sentinel")}));
}

QTEST_GUILESS_MAIN(RedisOutageTest)
#include "tst_redis_outage.moc"
