// The Redis Streams store against a real redis-server: ids, trimming, expiry on activity, two Ponder
// backends sharing sessions, Redis going away and coming back without losing buffered events, and a
// live watcher that is never outrun by trimming.
#include "BackendFixture.h"
#include "RedisServer.h"
#include "WebSocketTestClient.h"
#include "hub/StreamingHub.h"
#include "store/RedisConnection.h"
#include "store/RedisScripts.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

class RedisStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void eventIdsAreRedisStreamIds();
    void streamsAreTrimmedToTheHistoryLength();
    void expiryIsCountedFromTheLastActivity();
    void aSessionInUseStaysListed();
    void deletingASessionFreesItsPlaceUnderTheCap();
    void twoBackendsShareSessionsLiveInOrderOnce();
    void ownEventsAreShownOnceRedisHasThemButNeverAheadOfOthers();
    void redisRestartMidSessionLosesNothingInTheBuffer();
    void aFullBufferDropsTheOldestAndCountsThem();
    void unreachableRedisStartsDegradedAndSaysWhy();
    void keysUseTheConfiguredPrefixAndAClusterHashTag();
    void aBatchIsOneScriptCallPerSession();
    void eventsPublishedAtOnceShareScriptCalls();
    void onlyOtherProcessesEventsWakeTheTail();
    void publishersWaitForTheTailInsteadOfOutrunningTrimming();
    void aTailOutrunByAnotherProcessSaysHowManyItMissed();
    void scriptsRedisLostAreLoadedAgain();
    void bufferedEventsRedisRefusesWaitForTheNextConnection();
    void aBufferedEventSentAgainIsStoredOnce();
    void eventsStillBufferedAtShutdownAreReported();
    void aRedisStillLoadingItsDataCountsAsAway();
    void aRedisThatStopsAnsweringCountsAsAway();
    void anIdleProcessNoticesARedisThatStopsAnswering();
    void aStreamKeyOfAnotherTypeDoesNotStopTheTail();
    void aStreamKeyMendedIsTailedAgain();
    void aBufferedEventWhoseStreamKeyHasAnotherTypeIsDropped();
    void aRedisThatRefusesPondersScriptsIsNotHealthy();
    void aRedisWithAPasswordIsUsedWithoutShowingIt();
    void aWrongRedisPasswordIsReportedWithoutRepeatingIt();
    void aUserWithoutPondersChannelsIsToldWhatItNeeds();
    void dataOfAnyShapeReachesTailsAsItsMessagesShowIt();
    void textInAnyScriptArrivesByteForByte();
    void commandsLeaveWithoutWaitingForTheLoop();

private:
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

void RedisStoreTest::init()
{
    m_redis = std::make_unique<RedisServer>();
    QVERIFY2(m_redis->start(), "redis-server did not start: is it installed (scripts/install-deps.sh)?");
}

void RedisStoreTest::cleanup()
{
    m_redis.reset();
}

ServerOptions RedisStoreTest::redisOptions() const
{
    ServerOptions options;
    options.redisUrl = m_redis->url();
    return options;
}

bool RedisStoreTest::waitForHealth(BackendFixture &server, const QString &status)
{
    return QTest::qWaitFor(
        [&] {
            return server.get(QStringLiteral("/health"))
                       .json()
                       .object()
                       .value(QLatin1String("status"))
                       .toString()
                == status;
        },
        20000);
}

std::unique_ptr<BackendFixture> RedisStoreTest::startHealthy(const ServerOptions &options) const
{
    auto server = std::make_unique<BackendFixture>(options);
    if (!server->start() || !waitForHealth(*server, QStringLiteral("healthy")))
        return nullptr;
    return server;
}

std::unique_ptr<BackendFixture> RedisStoreTest::startWithSession(
    const ServerOptions &options, const QString &session) const
{
    auto server = startHealthy(options);
    if (!server || !server->createSession(session))
        return nullptr;
    return server;
}

bool RedisStoreTest::startBothHealthy(BackendFixture &a, BackendFixture &b)
{
    return a.start() && b.start() && waitForHealth(a, QStringLiteral("healthy"))
        && waitForHealth(b, QStringLiteral("healthy"));
}

bool RedisStoreTest::startBothWithSession(BackendFixture &a, BackendFixture &b, const QString &session)
{
    return startBothHealthy(a, b) && a.createSession(session);
}

void RedisStoreTest::eventIdsAreRedisStreamIds()
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

void RedisStoreTest::streamsAreTrimmedToTheHistoryLength()
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

void RedisStoreTest::expiryIsCountedFromTheLastActivity()
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

void RedisStoreTest::aSessionInUseStaysListed()
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

void RedisStoreTest::deletingASessionFreesItsPlaceUnderTheCap()
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

void RedisStoreTest::twoBackendsShareSessionsLiveInOrderOnce()
{
    BackendFixture a(redisOptions());
    BackendFixture b(redisOptions());
    QVERIFY(startBothWithSession(a, b, QStringLiteral("shared")));
    QCOMPARE(b.get(QStringLiteral("/sessions/shared")).status, 200);

    WebSocketTestClient onB, alsoOnB;
    QVERIFY(onB.open(b.webSocketUrl(QStringLiteral("/ws/sessions/shared"))));
    QVERIFY(alsoOnB.open(b.webSocketUrl(QStringLiteral("/ws/thinking/shared"))));
    QVERIFY(onB.waitForMessages(1) && alsoOnB.waitForMessages(1));
    QStringList all, thinking;
    for (int i = 0; i < 60; ++i) {
        BackendFixture &writer = i % 4 == 3 ? b : a;
        if (i % 2) {
            all << writer.publishProgress(QStringLiteral("shared"), QString::number(i));
        } else {
            thinking << writer.publishThinking(QStringLiteral("shared"), QString::number(i));
            all << thinking.last();
        }
    }
    QVERIFY(onB.waitForMessages(1 + int(all.size())));
    QVERIFY(alsoOnB.waitForMessages(1 + int(thinking.size())));
    QTest::qWait(200); // a duplicate would arrive right behind
    QCOMPARE(onB.eventIds(), all);
    QCOMPARE(alsoOnB.eventIds(), thinking);
}

void RedisStoreTest::redisRestartMidSessionLosesNothingInTheBuffer()
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
    QTest::qWait(200);
    QCOMPARE(watcher.eventIds(), QStringList {before} + during + QStringList {after});

    const QJsonArray stored = server.get(QStringLiteral("/sessions/outage/events"))
                                  .json()
                                  .object()
                                  .value(QLatin1String("events"))
                                  .toArray();
    QStringList storedIds;
    for (const QJsonValue &event : stored)
        storedIds << event.toObject().value(QLatin1String("id")).toString();
    QCOMPARE(storedIds, QStringList {before} + during + QStringList {after});
    // The buffered events went through the single-event script: counted, and numbered without a gap.
    const QJsonObject stats = server.get(QStringLiteral("/sessions/outage/stats")).json().object();
    QCOMPARE(stats.value(QLatin1String("thinking_steps")).toInt(), 22);
    QCOMPARE(m_redis
                 ->cli({QStringLiteral("HGET"), QStringLiteral("ponder:{outage}:session"),
                     QStringLiteral("seq:thinking")})
                 .trimmed(),
        QStringLiteral("22"));
}

void RedisStoreTest::unreachableRedisStartsDegradedAndSaysWhy()
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

void RedisStoreTest::keysUseTheConfiguredPrefixAndAClusterHashTag()
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

namespace {

// A session's stored events, oldest first, and the content of each.
QJsonArray storedEvents(BackendFixture &server, const QString &session)
{
    return server.get(QStringLiteral("/sessions/%1/events").arg(session))
        .json()
        .object()
        .value(QLatin1String("events"))
        .toArray();
}

QStringList contentsOf(const QJsonArray &events)
{
    QStringList contents;
    for (const QJsonValue &event : events)
        contents << event[QLatin1String("data")][QLatin1String("content")].toString();
    return contents;
}

// Calls of a command so far, from Redis's own statistics ("eval", "evalsha").
qint64 calls(RedisServer &redis, const QString &command)
{
    const QString info = redis.cli({QStringLiteral("INFO"), QStringLiteral("commandstats")});
    const QRegularExpression pattern(QStringLiteral("cmdstat_%1:calls=(\\d+)").arg(command));
    const auto match = pattern.match(info);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

// Calls of a command that failed so far, from Redis's own statistics.
qint64 failedCalls(RedisServer &redis, const QString &command)
{
    const QString info = redis.cli({QStringLiteral("INFO"), QStringLiteral("commandstats")});
    const QRegularExpression pattern(QStringLiteral("cmdstat_%1:.*failed_calls=(\\d+)").arg(command));
    const auto match = pattern.match(info);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

qint64 scriptCalls(RedisServer &redis)
{
    return calls(redis, QStringLiteral("eval")) + calls(redis, QStringLiteral("evalsha"));
}

QJsonObject step(const QString &session, const QString &type, const QString &content, double confidence = -1)
{
    QJsonObject object {{QStringLiteral("session_id"), session}, {QStringLiteral("thinking_type"), type},
        {QStringLiteral("content"), content}};
    if (confidence >= 0)
        object.insert(QStringLiteral("confidence_level"), confidence);
    return object;
}

} // namespace

void RedisStoreTest::aBatchIsOneScriptCallPerSession()
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
    const QJsonArray history = storedEvents(server, QStringLiteral("b1"));
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

namespace {

// Has `watcher` watch `session`'s thinking stream on `server`, past the greeting.
bool watchThinking(WebSocketTestClient &watcher, BackendFixture &server, const QString &session)
{
    return watcher.open(server.webSocketUrl(QStringLiteral("/ws/thinking/") + session))
        && watcher.waitForMessages(1);
}

// Posts every body to /thinking at once (QNetworkAccessManager keeps several connections busy). The
// answers in the order of the bodies, or none unless every one was answered 201.
QList<QJsonObject> postAllAtOnce(BackendFixture &server, const QList<QByteArray> &bodies)
{
    QNetworkAccessManager manager;
    QList<QNetworkReply *> replies;
    for (const QByteArray &body : bodies) {
        QNetworkRequest request(server.url(QStringLiteral("/api/streaming/thinking")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        replies << manager.post(request, body);
    }
    const bool finished = QTest::qWaitFor(
        [&] { return std::all_of(replies.begin(), replies.end(), [](auto *r) { return r->isFinished(); }); },
        60'000);
    bool created = finished;
    QList<QJsonObject> answers;
    for (QNetworkReply *reply : std::as_const(replies)) {
        created = created && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201;
        answers << QJsonDocument::fromJson(reply->readAll()).object();
        delete reply;
    }
    return created ? answers : QList<QJsonObject> {};
}

// Posts `batches` batches of `perBatch` thinking steps all at once; true when every one was answered 201.
bool postBatchesAtOnce(BackendFixture &server, const QString &session, int batches, int perBatch)
{
    QList<QByteArray> bodies;
    for (int b = 0; b < batches; ++b) {
        QJsonArray batch;
        for (int i = 0; i < perBatch; ++i)
            batch.append(step(session, QStringLiteral("analysis"), QStringLiteral("%1-%2").arg(b).arg(i)));
        bodies << QJsonDocument(batch).toJson(QJsonDocument::Compact);
    }
    return !postAllAtOnce(server, bodies).isEmpty();
}

bool idsAscend(const QStringList &ids)
{
    for (qsizetype i = 1; i < ids.size(); ++i) {
        if (!(StreamId::parse(ids.at(i - 1)).value_or(StreamId {})
                < StreamId::parse(ids.at(i)).value_or(StreamId {})))
            return false;
    }
    return true;
}

} // namespace

bool RedisStoreTest::startWatching(
    const ServerOptions &options, const QString &session, WatchedSession &started) const
{
    started.server = startWithSession(options, session);
    return started.server && watchThinking(started.watcher, *started.server, session);
}

void RedisStoreTest::onlyOtherProcessesEventsWakeTheTail()
{
    // A process shows its own events as Redis answers its appends. Its tail used to read each of them back
    // as well, a seventh of Ponder's work per event; now only other processes' appends are announced to
    // it, and only those are read.
    WatchedSession started;
    QVERIFY(startWatching(redisOptions(), QStringLiteral("alone"), started));
    BackendFixture &server = *started.server;
    constexpr int Events = 50;
    const qint64 readsBefore = calls(*m_redis, QStringLiteral("xread"));
    for (int i = 0; i < Events; ++i)
        started.published << server.publishThinking(QStringLiteral("alone"), QString::number(i));
    QVERIFY(started.watcher.waitForMessages(1 + Events));
    QCOMPARE(started.watcher.eventIds(), started.published);
    // At most the reads that starting to watch asks for, which may land after the count above.
    QCOMPARE_LE(calls(*m_redis, QStringLiteral("xread")) - readsBefore, 2);

    const auto other = startHealthy(redisOptions());
    QVERIFY(other);
    started.published << other->publishThinking(QStringLiteral("alone"), QStringLiteral("from elsewhere"));
    QVERIFY(started.watcher.waitForMessages(1 + Events + 1));
    QCOMPARE(started.watcher.eventIds(), started.published);
}

void RedisStoreTest::publishersWaitForTheTailInsteadOfOutrunningTrimming()
{
    // Redis trims a stream on every XADD. Twenty batches of 100 sent at once to a stream that keeps 100
    // used to be written before the tail read again, so the watcher silently missed most of them.
    ServerOptions options = redisOptions();
    options.storeLimits.historyLength = 100;
    WatchedSession started;
    QVERIFY(startWatching(options, QStringLiteral("fast"), started));
    BackendFixture &server = *started.server;
    WebSocketTestClient &watcher = started.watcher;

    constexpr int Batches = 20;
    constexpr int PerBatch = 100;
    QVERIFY(postBatchesAtOnce(server, QStringLiteral("fast"), Batches, PerBatch));

    QVERIFY2(watcher.waitForMessages(1 + Batches * PerBatch, 30'000),
        qPrintable(QStringLiteral("the watcher got %1 of %2 events")
                       .arg(watcher.eventIds().size())
                       .arg(Batches * PerBatch)));
    const QStringList ids = watcher.eventIds();
    QCOMPARE(ids.size(), Batches * PerBatch);
    QVERIFY(idsAscend(ids));
    QVERIFY(watcher.messagesOfType(QStringLiteral("error")).isEmpty());
    // The stream itself still keeps only about the history length.
    QVERIFY(m_redis->cli({QStringLiteral("XLEN"), QStringLiteral("ponder:{fast}:thinking")}).toInt() < 400);
    const QJsonObject health = server.get(QStringLiteral("/health")).json().object();
    QCOMPARE(health.value(QLatin1String("writes_waiting_for_tail")).toInt(-1), 0);
}

void RedisStoreTest::eventsPublishedAtOnceShareScriptCalls()
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
    const QJsonArray history = storedEvents(server, QStringLiteral("busy"));
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

void RedisStoreTest::aTailOutrunByAnotherProcessSaysHowManyItMissed()
{
    // B watches; A, which nobody watches and so nothing paces, writes 2,500 events at once into a stream
    // that keeps 100. B cannot read them all before they are trimmed; it must say how many it lost.
    ServerOptions options = redisOptions();
    options.storeLimits.historyLength = 100;
    BackendFixture a(options);
    BackendFixture b(options);
    QVERIFY(startBothWithSession(a, b, QStringLiteral("burst")));
    WebSocketTestClient onB;
    QVERIFY(watchThinking(onB, b, QStringLiteral("burst")));

    // First one batch of 500 into the empty stream: one script call, trimmed before B's first read, so B
    // must know that the stream's numbering starts at 1. Then 20 of 100 at once.
    constexpr int Total = 500 + 20 * 100;
    QVERIFY(postBatchesAtOnce(a, QStringLiteral("burst"), 1, 500));
    QVERIFY(postBatchesAtOnce(a, QStringLiteral("burst"), 20, 100));
    auto accounted = [&] {
        qint64 missed = 0;
        for (const QJsonObject &notice : onB.messagesOfType(QStringLiteral("error")))
            missed += notice.value(QLatin1String("missed_events")).toInteger();
        return onB.eventIds().size() + missed;
    };
    QVERIFY2(QTest::qWaitFor([&] { return accounted() >= Total; }, 30'000),
        qPrintable(
            QStringLiteral("%1 of %2 events delivered or reported missing").arg(accounted()).arg(Total)));
    QTest::qWait(200); // a duplicate would arrive right behind
    QCOMPARE(accounted(), Total);
    const QList<QJsonObject> notices = onB.messagesOfType(QStringLiteral("error"));
    QVERIFY2(!notices.isEmpty(), "the burst was expected to outrun B's tail");
    QCOMPARE(notices.first().value(QLatin1String("code")).toString(), QStringLiteral("events_missed"));
    QCOMPARE(notices.first().value(QLatin1String("stream")).toString(), QStringLiteral("thinking"));
    QVERIFY(idsAscend(onB.eventIds()));
    QVERIFY(!onB.closed());
}

QTEST_GUILESS_MAIN(RedisStoreTest)
void RedisStoreTest::scriptsRedisLostAreLoadedAgain()
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

    QCOMPARE(contentsOf(storedEvents(server, QStringLiteral("flush"))),
        (QStringList {QStringLiteral("first"), QStringLiteral("again"), QStringLiteral("last")}));
}

namespace {

QStringList idsOf(const QJsonArray &events)
{
    QStringList ids;
    for (const QJsonValue &event : events)
        ids << event[QLatin1String("id")].toString();
    return ids;
}

QJsonObject health(BackendFixture &server)
{
    return server.get(QStringLiteral("/health")).json().object();
}

QString healthReason(BackendFixture &server)
{
    return health(server).value(QLatin1String("reason")).toString();
}

// Waits until /health's reason mentions `part` (Redis's answer, usually).
bool waitForReason(BackendFixture &server, QLatin1String part)
{
    return QTest::qWaitFor([&] { return healthReason(server).contains(part); }, 20000);
}

} // namespace

bool RedisStoreTest::startWatchedSession(const QString &session, WatchedSession &started) const
{
    if (!startWatching(redisOptions(), session, started))
        return false;
    started.published << started.server->publishThinking(session, QStringLiteral("before"));
    return !started.published.last().isEmpty();
}

void RedisStoreTest::bufferedEventsRedisRefusesWaitForTheNextConnection()
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
    QTest::qWait(200); // a duplicate would arrive right behind
    QCOMPARE(started.watcher.eventIds(), started.published);
    QCOMPARE(idsOf(storedEvents(server, session)), started.published);
    const QJsonObject stats = server.get(QStringLiteral("/sessions/refused/stats")).json().object();
    QCOMPARE(stats.value(QLatin1String("thinking_steps")).toInt(), 7);
}

void RedisStoreTest::aBufferedEventSentAgainIsStoredOnce()
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

    QCOMPARE(contentsOf(storedEvents(server, QStringLiteral("twice"))), QStringList {QStringLiteral("once")});
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
    QCOMPARE(contentsOf(storedEvents(server, QStringLiteral("twice"))),
        (QStringList {QStringLiteral("once"), QStringLiteral("meanwhile"), QStringLiteral("late")}));
    QCOMPARE(server.get(QStringLiteral("/sessions/twice/stats"))
                 .json()
                 .object()
                 .value(QLatin1String("thinking_steps"))
                 .toInt(),
        3);
}

void RedisStoreTest::eventsStillBufferedAtShutdownAreReported()
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

void RedisStoreTest::aRedisStillLoadingItsDataCountsAsAway()
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
    QTest::qWait(200); // a duplicate would arrive right behind
    QCOMPARE(started.watcher.eventIds(), started.published);
    QCOMPARE(idsOf(storedEvents(server, session)), started.published);
}

void RedisStoreTest::aRedisThatStopsAnsweringCountsAsAway()
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
    const QStringList contents = contentsOf(storedEvents(server, session));
    QVERIFY2(contents.contains(QLatin1String("while frozen")) && contents.endsWith(QLatin1String("after")),
        qPrintable(contents.join(u',')));
    // The watcher saw the buffered event at once, under the id it was first given; the entry stored under its
    // new id is the same event, not another one.
    QStringList watched;
    for (const QJsonObject &message : started.watcher.messagesOfType(QStringLiteral("thinking_step")))
        watched << message.value(QLatin1String("data")).toObject().value(QLatin1String("content")).toString();
    QCOMPARE(watched.count(QLatin1String("while frozen")), 1);
}

void RedisStoreTest::anIdleProcessNoticesARedisThatStopsAnswering()
{
    // Nothing published and nothing watched: no command waits for an answer but the store's own PING.
    const auto server = startHealthy(redisOptions());
    QVERIFY(server);
    m_redis->freeze();
    QVERIFY(waitForReason(*server, QLatin1String("did not answer")));
    m_redis->thaw();
    QVERIFY(waitForHealth(*server, QStringLiteral("healthy")));
}

std::unique_ptr<BackendFixture> RedisStoreTest::startWithABadStreamKey() const
{
    auto server = startWithSession(redisOptions(), QStringLiteral("good"));
    if (!server || !server->createSession(QStringLiteral("bad")))
        return nullptr;
    m_redis->cli({QStringLiteral("SET"), QStringLiteral("ponder:{bad}:thinking"), QStringLiteral("oops")});
    return server;
}

void RedisStoreTest::aStreamKeyOfAnotherTypeDoesNotStopTheTail()
{
    // One XREAD reads every tailed stream, and Redis fails it as a whole (WRONGTYPE).
    const auto started = startWithABadStreamKey();
    QVERIFY(started);
    BackendFixture &server = *started;
    WebSocketTestClient onBad;
    QVERIFY(watchThinking(onBad, server, QStringLiteral("bad")));
    WebSocketTestClient onGood;
    QVERIFY(watchThinking(onGood, server, QStringLiteral("good")));

    const QString id = server.publishThinking(QStringLiteral("good"), QStringLiteral("still live"));
    QVERIFY(onGood.waitForMessages(2));
    QCOMPARE(onGood.eventIds(), QStringList {id});
    // Tried again after a pause, not in a tight loop.
    const qint64 failedBefore = failedCalls(*m_redis, QStringLiteral("xread"));
    QTest::qWait(500);
    QVERIFY2(failedCalls(*m_redis, QStringLiteral("xread")) - failedBefore < 20,
        qPrintable(QStringLiteral("%1 failed XREADs in half a second")
                       .arg(failedCalls(*m_redis, QStringLiteral("xread")) - failedBefore)));
    // Its history cannot be read either: an error that says why, not an empty history.
    const HttpTestReply history = server.get(QStringLiteral("/sessions/bad/events?kind=thinking"));
    QCOMPARE(history.status, 503);
    QVERIFY2(history.body.contains("WRONGTYPE"), history.body.constData());
}

void RedisStoreTest::aStreamKeyMendedIsTailedAgain()
{
    // Left out of the tail while another program's key sat where its stream belongs; once that key is gone,
    // the session's watchers get its live events again, without watching it afresh.
    const auto started = startWithABadStreamKey();
    QVERIFY(started);
    BackendFixture &server = *started;
    WebSocketTestClient onBad;
    QVERIFY(watchThinking(onBad, server, QStringLiteral("bad")));
    const auto leftOut
        = [&] { return health(server).value(QLatin1String("streams_left_out_of_tail")).toInt(); };
    QVERIFY(QTest::qWaitFor([&] { return leftOut() == 1; }, 10000));

    m_redis->cli({QStringLiteral("DEL"), QStringLiteral("ponder:{bad}:thinking")});
    const QString id = server.publishThinking(QStringLiteral("bad"), QStringLiteral("mended"));
    QVERIFY(!id.isEmpty());
    QVERIFY(onBad.waitForMessages(2, 10000));
    QCOMPARE(onBad.eventIds(), QStringList {id});
    QCOMPARE(leftOut(), 0);
}

void RedisStoreTest::aBufferedEventWhoseStreamKeyHasAnotherTypeIsDropped()
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
    QTest::qWait(1000);
    QCOMPARE(failedCalls(*m_redis, QStringLiteral("evalsha")), failedBefore); // not sent again and again
    QCOMPARE(health(server).value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
    QCOMPARE(
        contentsOf(storedEvents(server, QStringLiteral("good"))), QStringList {QStringLiteral("stored")});
}

void RedisStoreTest::aRedisThatRefusesPondersScriptsIsNotHealthy()
{
    // A password Ponder was not given: Redis accepts the connection and refuses every command with NOAUTH.
    m_redis->cli({QStringLiteral("CONFIG"), QStringLiteral("SET"), QStringLiteral("requirepass"),
        QStringLiteral("not-given")});
    BackendFixture server(redisOptions());
    QVERIFY(server.start());
    QVERIFY(waitForReason(server, QLatin1String("NOAUTH")));
    QCOMPARE(health(server).value(QLatin1String("status")).toString(), QStringLiteral("degraded"));
    QCOMPARE(server.post(QStringLiteral("/sessions"), {}).status, 503);
}

void RedisStoreTest::aRedisWithAPasswordIsUsedWithoutShowingIt()
{
    // The default user's password (requirepass) and an ACL user's, in the URL; and each password given apart
    // from the URL, as PONDER_REDIS_PASSWORD and the window's keychain entry do.
    m_redis->cli({QStringLiteral("ACL"), QStringLiteral("SETUSER"), QStringLiteral("agent"),
        QStringLiteral("on"), QStringLiteral(">agent-secret"), QStringLiteral("~*"),
        QStringLiteral("&ponder:notify:*"), QStringLiteral("+@all")});
    m_redis->cli({QStringLiteral("CONFIG"), QStringLiteral("SET"), QStringLiteral("requirepass"),
        QStringLiteral("default-secret")});
    const QString plain = m_redis->url();
    const QString withCredentials
        = QString(plain).replace(QLatin1String("redis://"), QLatin1String("redis://%1@"));
    const QList<QPair<QString, QString>> ways {{withCredentials.arg(QLatin1String(":default-secret")), {}},
        {withCredentials.arg(QLatin1String("agent:agent-secret")), {}},
        {plain, QStringLiteral("default-secret")},
        {withCredentials.arg(QLatin1String("agent")), QStringLiteral("agent-secret")}};
    for (qsizetype i = 0; i < ways.size(); ++i) {
        ServerOptions options;
        options.redisUrl = ways.at(i).first;
        options.redisPassword = ways.at(i).second;
        const auto started = startHealthy(options);
        QVERIFY2(started, qPrintable(QString::number(i)));
        const QString session = QStringLiteral("locked-%1").arg(i);
        QVERIFY(started->createSession(session));
        QVERIFY(!started->publishThinking(session, QStringLiteral("through AUTH")).isEmpty());
        QCOMPARE(contentsOf(storedEvents(*started, session)), QStringList {QStringLiteral("through AUTH")});
        const QByteArray shown = started->get(QStringLiteral("/health")).body;
        QVERIFY2(!shown.contains("secret") && (i == 2 || shown.contains(":***@")), shown.constData());
    }
}

void RedisStoreTest::aWrongRedisPasswordIsReportedWithoutRepeatingIt()
{
    m_redis->cli({QStringLiteral("CONFIG"), QStringLiteral("SET"), QStringLiteral("requirepass"),
        QStringLiteral("the-right-one")});
    ServerOptions options = redisOptions();
    options.redisUrl.replace(QLatin1String("redis://"), QLatin1String("redis://:a-wrong-guess@"));
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(waitForReason(server, QLatin1String("WRONGPASS")));
    const QJsonObject now = health(server);
    QCOMPARE(now.value(QLatin1String("status")).toString(), QStringLiteral("degraded"));
    QVERIFY2(
        now.value(QLatin1String("reason")).toString().contains(QLatin1String("refused Ponder's password")),
        qPrintable(now.value(QLatin1String("reason")).toString()));
    QVERIFY(!server.get(QStringLiteral("/health")).body.contains("a-wrong-guess"));
    QCOMPARE(server.post(QStringLiteral("/sessions"), {}).status, 503);
}

void RedisStoreTest::aUserWithoutPondersChannelsIsToldWhatItNeeds()
{
    // Redis 7 gives a new ACL user no channels: Ponder could write, but would never hear other processes.
    m_redis->cli({QStringLiteral("ACL"), QStringLiteral("SETUSER"), QStringLiteral("keys-only"),
        QStringLiteral("on"), QStringLiteral(">keys-secret"), QStringLiteral("~*"), QStringLiteral("+@all")});
    ServerOptions options = redisOptions();
    options.redisUrl.replace(QLatin1String("redis://"), QLatin1String("redis://keys-only:keys-secret@"));
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(waitForReason(server, QLatin1String("NOPERM")));
    QCOMPARE(health(server).value(QLatin1String("status")).toString(), QStringLiteral("degraded"));
    QVERIFY2(
        healthReason(server).contains(QLatin1String("&ponder:notify:*")), qPrintable(healthReason(server)));
}

void RedisStoreTest::ownEventsAreShownOnceRedisHasThemButNeverAheadOfOthers()
{
    // A's watcher gets what A publishes as soon as Redis has stored it, without waiting for A's live tail;
    // but an event B published first comes only with the tail, and nothing of A's may jump ahead of it.
    QStringList passedOn; // by A's store to its hub (declared first: it outlives the backends)
    BackendFixture a(redisOptions());
    BackendFixture b(redisOptions());
    QVERIFY(startBothWithSession(a, b, QStringLiteral("mine")));
    WebSocketTestClient onA;
    QVERIFY(watchThinking(onA, a, QStringLiteral("mine")));
    connect(&a.backend().hub().store(), &EventStore::eventAppended, this,
        [&](const StoredEvent &event) { passedOn << event.id.toString(); });

    // From now on Redis refuses the tail's reads.
    QCOMPARE(m_redis->cli({QStringLiteral("ACL"), QStringLiteral("SETUSER"), QStringLiteral("default"),
                 QStringLiteral("-xread")}),
        QStringLiteral("OK"));
    QStringList published;
    for (int i = 0; i < 3; ++i)
        published << a.publishThinking(QStringLiteral("mine"), QStringLiteral("own %1").arg(i));
    QVERIFY(onA.waitForMessages(1 + 3));
    QCOMPARE(onA.eventIds(), published);

    published << b.publishThinking(QStringLiteral("mine"), QStringLiteral("theirs"));
    published << a.publishThinking(QStringLiteral("mine"), QStringLiteral("own after theirs"));
    QTest::qWait(300);
    QCOMPARE(onA.eventIds().size(), 3);

    // The tail reads again (its retries back off to a few seconds) and brings both, in order, once.
    QCOMPARE(m_redis->cli({QStringLiteral("ACL"), QStringLiteral("SETUSER"), QStringLiteral("default"),
                 QStringLiteral("+xread")}),
        QStringLiteral("OK"));
    QVERIFY(onA.waitForMessages(1 + 5));

    // The tail reads A's own events too, after they were shown: the store passes each on once.
    for (int i = 0; i < 3; ++i)
        published << a.publishThinking(QStringLiteral("mine"), QStringLiteral("own, tail reading %1").arg(i));
    QVERIFY(onA.waitForMessages(1 + 8));
    QTest::qWait(200); // a duplicate would arrive right behind
    QCOMPARE(onA.eventIds(), published);
    QCOMPARE(passedOn, published);
}

void RedisStoreTest::dataOfAnyShapeReachesTailsAsItsMessagesShowIt()
{
    // Tails splice what Ponder wrote into messages without parsing it, so the store writes data in the shape
    // messages show: here, data with an id of its own and another session's id, handed to the hub directly
    // (published requests never carry them), must reach live watchers and history with neither.
    BackendFixture a(redisOptions());
    BackendFixture b(redisOptions());
    QVERIFY(startBothWithSession(a, b, QStringLiteral("shape")));
    WebSocketTestClient onA, onB;
    QVERIFY(watchThinking(onA, a, QStringLiteral("shape")));
    QVERIFY(watchThinking(onB, b, QStringLiteral("shape")));

    const QJsonObject odd {{QStringLiteral("id"), QStringLiteral("its-own")},
        {QStringLiteral("session_id"), QStringLiteral("another")},
        {QStringLiteral("thinking_type"), QStringLiteral("analysis")},
        {QStringLiteral("content"), QStringLiteral("odd")}};
    StreamId written;
    a.backend().hub().publish(
        QStringLiteral("shape"), EventKind::Thinking, odd, [&](StoreStatus status, const StoredEvent &event) {
            QVERIFY(status.ok());
            written = event.id;
        });
    QVERIFY(QTest::qWaitFor([&] { return !written.isNull(); }, 10000));
    QVERIFY(onA.waitForMessages(2) && onB.waitForMessages(2));

    auto check = [&](const QJsonObject &message) {
        const QJsonObject data = message.value(QLatin1String("data")).toObject();
        QCOMPARE(message.value(QLatin1String("id")).toString(), written.toString());
        QCOMPARE(data.value(QLatin1String("id")).toString(), written.toString());
        QCOMPARE(data.value(QLatin1String("session_id")).toString(), QStringLiteral("shape"));
        QCOMPARE(data.value(QLatin1String("content")).toString(), QStringLiteral("odd"));
    };
    check(onA.messages().last());
    check(onB.messages().last());
    const QJsonArray history = storedEvents(b, QStringLiteral("shape"));
    QCOMPARE(history.size(), 1);
    check(history.first().toObject());
}

void RedisStoreTest::textInAnyScriptArrivesByteForByte()
{
    // Ponder writes Redis's wire format itself, where every argument is preceded by its length in bytes:
    // text whose characters take 2, 3 and 4 bytes, and a line break, must reach another process's watcher
    // and the history unchanged.
    BackendFixture a(redisOptions());
    BackendFixture b(redisOptions());
    QVERIFY(startBothWithSession(a, b, QStringLiteral("scripts")));
    WebSocketTestClient onB;
    QVERIFY(watchThinking(onB, b, QStringLiteral("scripts")));
    const QString text = QStringLiteral("Überlegung – 思考 🤔\nnext line");
    QVERIFY(!a.publishThinking(QStringLiteral("scripts"), text).isEmpty());
    QVERIFY(onB.waitForMessages(2));
    QCOMPARE(onB.messagesOfType(QStringLiteral("thinking_step"))
                 .value(0)
                 .value(QLatin1String("data"))
                 .toObject()
                 .value(QLatin1String("content"))
                 .toString(),
        text);
    QCOMPARE(contentsOf(storedEvents(b, QStringLiteral("scripts"))), QStringList {text});
}

void RedisStoreTest::commandsLeaveWithoutWaitingForTheLoop()
{
    // A command goes to Redis when it is sent, and one sent from a reply handler once hiredis has handed out
    // what it read: not on a later pass of the event loop, whose wait would add to every round trip.
    RedisConnection connection(QStringLiteral("127.0.0.1"), m_redis->port());
    QSignalSpy connected(&connection, &RedisConnection::connected);
    connection.open();
    QVERIFY(connected.wait(10000));

    bool answered = false;
    connection.command({"SET", "sent-at-once", "1"}, [&](redisReply *reply, const QString &) {
        answered = reply != nullptr;
        connection.command({"SET", "sent-from-a-handler", "1"}, [](redisReply *, const QString &) {});
    });
    // redis-cli is waited for on its own: this test's event loop does not run meanwhile.
    QCOMPARE(m_redis->cli({QStringLiteral("GET"), QStringLiteral("sent-at-once")}), QStringLiteral("1"));

    // One pass of the loop at a time, up to the one that handed out the reply.
    const QDeadlineTimer deadline(10000);
    while (!answered && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QVERIFY(answered);
    QCOMPARE(
        m_redis->cli({QStringLiteral("GET"), QStringLiteral("sent-from-a-handler")}), QStringLiteral("1"));
}

void RedisStoreTest::aFullBufferDropsTheOldestAndCountsThem()
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
    QVERIFY(QTest::qWaitFor([&] { return storedEvents(server, QStringLiteral("full")).size() == 3; }, 10000));
    QCOMPARE(contentsOf(storedEvents(server, QStringLiteral("full"))),
        (QStringList {QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}));
}

#include "tst_redis_store.moc"
