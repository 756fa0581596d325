// SPDX-License-Identifier: MIT
// The Redis Streams store's sessions and streams against a real redis-server: ids, trimming, expiry on
// activity, the session cap, the keys' names, and appends grouped into few script calls.
#include "RedisStoreFixture.h"
#include "hub/StreamingHub.h"
#include "store/EventStore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

using namespace RedisStoreChecks;

class RedisSessionsTest : public RedisStoreFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startRedis(); }
    void cleanup() { stopRedis(); }

    void eventIdsAreRedisStreamIds();
    void streamsAreTrimmedToTheHistoryLength();
    void expiryIsCountedFromTheLastActivity();
    void aSessionInUseStaysListed();
    void deletingASessionFreesItsPlaceUnderTheCap();
    void keysUseTheConfiguredPrefixAndAClusterHashTag();
    void aBatchIsOneScriptCallPerSession();
    void eventsPublishedAtOnceShareScriptCalls();
    void aSessionIsDescribedAnewForEveryProcess();
    void aSessionReadWhileItIsMadeIsFound();
};

void RedisSessionsTest::eventIdsAreRedisStreamIds()
{
    const auto started = startWithSession(redisOptions(), QStringLiteral("ids"));
    QVERIFY(started);
    BackendFixture &server = *started;
    const QString first = server.publishThinking(QStringLiteral("ids"), QStringLiteral("a"));
    const QString second = server.publishThinking(QStringLiteral("ids"), QStringLiteral("b"));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const QString range = m_redis->cli({QStringLiteral("XRANGE"), QStringLiteral("ponder:{ids}:thinking"),
        QStringLiteral("-"), QStringLiteral("+")});
    QVERIFY2(range.contains(first) && range.contains(second), qPrintable(range));
    const QJsonObject stats = server.get(QStringLiteral("/sessions/ids/stats")).json().object();
    QCOMPARE(stats.value(QLatin1String("thinking_steps")).toInt(), 2);
    QCOMPARE(
        stats.value(QLatin1String("thinking_types_used")).toObject().value(QLatin1String("analysis")).toInt(),
        2);
}

void RedisSessionsTest::streamsAreTrimmedToTheHistoryLength()
{
    ServerOptions options = redisOptions();
    options.storeLimits.historyLength = 10;
    const auto started = startWithSession(options, QStringLiteral("trim"));
    QVERIFY(started);
    BackendFixture &server = *started;
    for (int i = 0; i < 400; ++i)
        QVERIFY(!server.publishProgress(QStringLiteral("trim"), QString::number(i)).isEmpty());
    // MAXLEN ~ trims whole radix-tree nodes (100 entries by default), so "about" the limit.
    const int length
        = m_redis->cli({QStringLiteral("XLEN"), QStringLiteral("ponder:{trim}:progress")}).toInt();
    QVERIFY2(length >= 10 && length <= 150, qPrintable(QString::number(length)));
    const QJsonArray events = server.get(QStringLiteral("/sessions/trim/events"))
                                  .json()
                                  .object()
                                  .value(QLatin1String("events"))
                                  .toArray();
    QCOMPARE(events.last()
                 .toObject()
                 .value(QLatin1String("data"))
                 .toObject()
                 .value(QLatin1String("message"))
                 .toString(),
        QStringLiteral("399"));
}

void RedisSessionsTest::expiryIsCountedFromTheLastActivity()
{
    ServerOptions options = redisOptions();
    options.storeLimits.idleExpirySeconds = 1000;
    const auto started = startWithSession(options, QStringLiteral("ttl"));
    QVERIFY(started);
    BackendFixture &server = *started;
    QVERIFY(!server.publishThinking(QStringLiteral("ttl"), QStringLiteral("x")).isEmpty());
    // Pretend the session is old: its keys are about to expire...
    for (const QString &key :
        {QStringLiteral("ponder:{ttl}:session"), QStringLiteral("ponder:{ttl}:thinking")})
        QCOMPARE(m_redis->cli({QStringLiteral("EXPIRE"), key, QStringLiteral("5")}), QStringLiteral("1"));
    // ...then any activity pushes the expiry out again, for the session and both streams. (A new stream's
    // first event refreshes them at once.)
    const QStringList keys {QStringLiteral("ponder:{ttl}:session"), QStringLiteral("ponder:{ttl}:thinking"),
        QStringLiteral("ponder:{ttl}:progress")};
    const auto expiresLate = [&] {
        for (const QString &key : keys) {
            const int ttl = m_redis->cli({QStringLiteral("TTL"), key}).toInt();
            if (ttl <= 900)
                return key + QLatin1Char('=') + QString::number(ttl);
        }
        return QString();
    };
    QVERIFY(!server.publishProgress(QStringLiteral("ttl"), QStringLiteral("still here")).isEmpty());
    QCOMPARE(expiresLate(), QString());
    // Later events of existing streams refresh them too: at most once a second from one process, so the next
    // event after that second does.
    for (const QString &key : keys)
        QCOMPARE(m_redis->cli({QStringLiteral("EXPIRE"), key, QStringLiteral("5")}), QStringLiteral("1"));
    QTest::qWait(1100);
    QVERIFY(!server.publishThinking(QStringLiteral("ttl"), QStringLiteral("later")).isEmpty());
    QCOMPARE(expiresLate(), QString());
    // Ending a session is activity too: its history stays for the expiry after that.
    for (const QString &key : keys)
        QCOMPARE(m_redis->cli({QStringLiteral("EXPIRE"), key, QStringLiteral("5")}), QStringLiteral("1"));
    QCOMPARE(server.del(QStringLiteral("/sessions/ttl")).status, 200);
    QCOMPARE(expiresLate(), QString());
}

void RedisSessionsTest::aSessionInUseStaysListed()
{
    // Sessions are listed from an index scored by their last activity. The score is refreshed at most every
    // tenth of the expiry, not on every event: one its publisher keeps busy stays listed past the expiry,
    // one left idle drops off.
    ServerOptions options = redisOptions();
    options.storeLimits.idleExpirySeconds = 2;
    const auto started = startWithSession(options, QStringLiteral("busy"));
    QVERIFY(started);
    BackendFixture &server = *started;
    QVERIFY(server.createSession(QStringLiteral("idle")));
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < 2'500) {
        QVERIFY(!server.publishThinking(QStringLiteral("busy"), QStringLiteral("step")).isEmpty());
        QTest::qWait(50);
    }
    QStringList listed;
    const QJsonArray sessions
        = server.get(QStringLiteral("/sessions")).json().object().value(QLatin1String("sessions")).toArray();
    for (const QJsonValue &session : sessions)
        listed << session.toObject().value(QLatin1String("session_id")).toString();
    QCOMPARE(listed, QStringList {QStringLiteral("busy")});
}

void RedisSessionsTest::deletingASessionFreesItsPlaceUnderTheCap()
{
    // Ended sessions once held their place in the index until their keys expired (24 h).
    ServerOptions options = redisOptions();
    options.storeLimits.maxSessions = 2;
    const auto started = startWithSession(options, QStringLiteral("a"));
    QVERIFY(started);
    BackendFixture &server = *started;
    auto create = [&](const char *id) {
        return server.post(QStringLiteral("/sessions"), {{QStringLiteral("session_id"), QLatin1String(id)}})
            .status;
    };
    QVERIFY(!server.publishThinking(QStringLiteral("a"), QStringLiteral("step")).isEmpty());
    QCOMPARE(create("b"), 201);
    QCOMPARE(create("c"), 429);
    QCOMPARE(server.del(QStringLiteral("/sessions/a")).status, 200);
    QCOMPARE(create("c"), 201);
    // The session that ended made room: its keys are gone with it.
    QCOMPARE(server.get(QStringLiteral("/sessions/a")).status, 404);
    QCOMPARE(m_redis
                 ->cli({QStringLiteral("EXISTS"), QStringLiteral("ponder:{a}:session"),
                     QStringLiteral("ponder:{a}:thinking")})
                 .trimmed(),
        QStringLiteral("0"));
    QCOMPARE(create("d"), 429); // b and c are active
}

void RedisSessionsTest::keysUseTheConfiguredPrefixAndAClusterHashTag()
{
    ServerOptions options = redisOptions();
    options.redisKeyPrefix = QStringLiteral("team1");
    const auto started = startWithSession(options, QStringLiteral("k"));
    QVERIFY(started);
    BackendFixture &server = *started;
    QVERIFY(!server.publishThinking(QStringLiteral("k"), QStringLiteral("x")).isEmpty());
    const QString keys = m_redis->cli({QStringLiteral("KEYS"), QStringLiteral("*")});
    QVERIFY2(keys.contains(QLatin1String("team1:{k}:session"))
            && keys.contains(QLatin1String("team1:{k}:thinking"))
            && keys.contains(QLatin1String("team1:sessions")) && !keys.contains(QLatin1String("ponder:")),
        qPrintable(keys));
}

void RedisSessionsTest::aBatchIsOneScriptCallPerSession()
{
    const auto started = startWithSession(redisOptions(), QStringLiteral("b1"));
    QVERIFY(started);
    BackendFixture &server = *started;
    QVERIFY(server.createSession(QStringLiteral("b2")));
    const qint64 before = scriptCalls(*m_redis);
    const qint64 fullTextBefore = calls(*m_redis, QStringLiteral("eval"));
    const QJsonArray batch {
        step(QStringLiteral("b1"), QStringLiteral("analysis"), QStringLiteral("one"), 0.5),
        step(QStringLiteral("b2"), QStringLiteral("decision"), QStringLiteral("other")),
        step(QStringLiteral("b1"), QStringLiteral("planning"), QStringLiteral("two"), 1.0),
        step(QStringLiteral("b1"), QStringLiteral("analysis"), QStringLiteral("three"))};
    const HttpTestReply reply = server.postRaw(QStringLiteral("/thinking"), QJsonDocument(batch).toJson());
    QCOMPARE(reply.status, 201);
    // Three events of b1 in one script call, b2's one in another.
    QCOMPARE(scriptCalls(*m_redis) - before, 2);
    // By digest: the scripts' text (2 KB) was loaded once, on connect, not sent with every call.
    QCOMPARE(calls(*m_redis, QStringLiteral("eval")), fullTextBefore);

    const QJsonArray ids = reply.json().object().value(QLatin1String("ids")).toArray();
    QCOMPARE(ids.size(), 4);
    const auto idAt = [&](int i) { return StreamId::parse(ids.at(i).toString()).value_or(StreamId {}); };
    QVERIFY(idAt(0) < idAt(2) && idAt(2) < idAt(3)); // b1's, in the order sent
    const QJsonArray history = server.storedEvents(QStringLiteral("b1"));
    QCOMPARE(contentsOf(history),
        (QStringList {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}));
    QCOMPARE(history.at(0)[QLatin1String("id")].toString(), ids.at(0).toString());

    const QJsonObject stats = server.get(QStringLiteral("/sessions/b1/stats")).json().object();
    QCOMPARE(stats.value(QLatin1String("thinking_steps")).toInt(), 3);
    const QJsonObject types = stats.value(QLatin1String("thinking_types_used")).toObject();
    QCOMPARE(types.value(QLatin1String("analysis")).toInt(), 2);
    QCOMPARE(types.value(QLatin1String("planning")).toInt(), 1);
    QCOMPARE(stats.value(QLatin1String("average_confidence")).toDouble(), 0.75);

    // A batch naming a session that does not exist is a 404.
    const QJsonArray unknown {step(QStringLiteral("nope"), QStringLiteral("analysis"), QStringLiteral("x")),
        step(QStringLiteral("nope"), QStringLiteral("analysis"), QStringLiteral("y"))};
    QCOMPARE(server.postRaw(QStringLiteral("/thinking"), QJsonDocument(unknown).toJson()).status, 404);
}

void RedisSessionsTest::eventsPublishedAtOnceShareScriptCalls()
{
    // Requests that arrive while their stream's last call is in flight go to Redis together, in one call.
    // Each must still get its own event, id and stats, and watchers each event once, in order.
    WatchedSession started;
    QVERIFY(startWatching(redisOptions(), QStringLiteral("busy"), started));
    BackendFixture &server = *started.server;
    WebSocketTestClient &watcher = started.watcher;

    constexpr int Events = 60;
    QList<QByteArray> bodies;
    for (int i = 0; i < Events; ++i) {
        const QString type = i % 3 == 0 ? QStringLiteral("planning") : QStringLiteral("analysis");
        bodies << QJsonDocument(step(QStringLiteral("busy"), type, QString::number(i), i % 2 ? 1.0 : 0.5))
                      .toJson(QJsonDocument::Compact);
    }
    const qint64 before = scriptCalls(*m_redis);
    const QList<QJsonObject> answers = postAllAtOnce(server, bodies);
    QCOMPARE(answers.size(), Events);
    const qint64 used = scriptCalls(*m_redis) - before;
    QVERIFY2(
        used < Events, qPrintable(QStringLiteral("%1 script calls for %2 events").arg(used).arg(Events)));

    // Every answer names the event its own request published.
    const QJsonArray history = server.storedEvents(QStringLiteral("busy"));
    QCOMPARE(history.size(), Events);
    QHash<QString, QString> contentById;
    QStringList historyIds;
    for (const QJsonValue &event : history) {
        historyIds << event[QLatin1String("id")].toString();
        contentById.insert(
            historyIds.last(), event[QLatin1String("data")][QLatin1String("content")].toString());
    }
    QVERIFY(idsAscend(historyIds));
    for (int i = 0; i < Events; ++i)
        QCOMPARE(contentById.value(answers.at(i).value(QLatin1String("id")).toString()), QString::number(i));

    const QJsonObject stats = server.get(QStringLiteral("/sessions/busy/stats")).json().object();
    QCOMPARE(stats.value(QLatin1String("thinking_steps")).toInt(), Events);
    const QJsonObject types = stats.value(QLatin1String("thinking_types_used")).toObject();
    QCOMPARE(types.value(QLatin1String("planning")).toInt(), Events / 3);
    QCOMPARE(types.value(QLatin1String("analysis")).toInt(), Events - Events / 3);
    QCOMPARE(stats.value(QLatin1String("average_confidence")).toDouble(), 0.75);

    QVERIFY(watcher.waitForMessages(1 + Events));
    QCOMPARE(watcher.eventIds(), historyIds);
}

void RedisSessionsTest::aSessionIsDescribedAnewForEveryProcess()
{
    BackendFixture a(redisOptions());
    BackendFixture b(redisOptions());
    QVERIFY(startBothWithSession(a, b, QStringLiteral("titled")));
    const QString title = QStringLiteral("travel-planner – 思考");
    const QJsonObject context {{QStringLiteral("source"), QStringLiteral("otlp")}};
    StoreStatus described = StoreStatus::failure(StoreStatus::Code::Unavailable, QStringLiteral("no answer"));
    bool answered = false;
    a.backend().hub().store().describeSession(QStringLiteral("titled"),
        {{QStringLiteral("user_request"), title}, {QStringLiteral("system_context"), context}},
        [&](StoreStatus status) {
            described = status;
            answered = true;
        });
    QTRY_VERIFY(answered);
    QVERIFY2(described.ok(), qPrintable(described.message));
    const QJsonObject session = b.get(QStringLiteral("/sessions/titled")).json().object();
    QCOMPARE(session.value(QLatin1String("user_request")).toString(), title);
    QCOMPARE(session.value(QLatin1String("system_context")).toObject(), context);
    QVERIFY(session.value(QLatin1String("active")).toBool());
    QVERIFY(!session.value(QLatin1String("created_at")).toString().isEmpty());

    answered = false;
    a.backend().hub().store().describeSession(
        QStringLiteral("nobody"), {{QStringLiteral("user_request"), title}}, [&](StoreStatus status) {
            described = status;
            answered = true;
        });
    QTRY_VERIFY(answered);
    QCOMPARE(described.code, StoreStatus::Code::NotFound);
}

// Making a session takes more than one round trip (the cap is counted first): the window, watching a chat
// it has just sent, asked for the session in between and found nothing ("no longer kept" on a new chat).
void RedisSessionsTest::aSessionReadWhileItIsMadeIsFound()
{
    const auto started = startHealthy(redisOptions());
    QVERIFY(started);
    EventStore &store = started->backend().hub().store();
    Session session;
    session.id = QStringLiteral("being-made");
    session.createdAt = session.lastActivity = QDateTime::currentDateTimeUtc();
    std::optional<StoreStatus> created;
    std::optional<StoreStatus> found;
    store.createSession(session, [&](StoreStatus status) { created = status; });
    store.session(session.id, [&](StoreStatus status, const Session &, const SessionStats &) {
        QVERIFY(created); // answered after the creation, not before
        found = status;
    });
    QTRY_VERIFY(found);
    QVERIFY2(found->ok(), qPrintable(found->message));
}

QTEST_GUILESS_MAIN(RedisSessionsTest)
#include "tst_redis_sessions.moc"
