// SPDX-License-Identifier: MIT
// The Redis store's live tail against a real redis-server: two Ponder backends sharing sessions, each
// watcher getting every event once and in order, this process's own events shown as Redis answers them,
// publishers paced so that trimming never outruns a watcher (and a tail outrun anyway saying by how much),
// and keys of another type left out of the tail until mended.
#include "RedisStoreFixture.h"
#include "hub/StreamingHub.h"

#include <QJsonDocument>
#include <QTest>

using namespace RedisStoreChecks;

class RedisTailTest : public RedisStoreFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startRedis(); }
    void cleanup() { stopRedis(); }

    void twoBackendsShareSessionsLiveInOrderOnce();
    void ownEventsAreShownOnceRedisHasThemButNeverAheadOfOthers();
    void onlyOtherProcessesEventsWakeTheTail();
    void publishersWaitForTheTailInsteadOfOutrunningTrimming();
    void aTailOutrunByAnotherProcessSaysHowManyItMissed();
    void aStreamKeyOfAnotherTypeDoesNotStopTheTail();
    void aStreamKeyMendedIsTailedAgain();
    void dataOfAnyShapeReachesTailsAsItsMessagesShowIt();
    void stepFieldsAreKeptAndShared();
    void textInAnyScriptArrivesByteForByte();
};

void RedisTailTest::twoBackendsShareSessionsLiveInOrderOnce()
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
    // A duplicate would come before the sentinel.
    thinking << publishSentinel(a, QStringLiteral("shared"), alsoOnB);
    all << thinking.last();
    QVERIFY(!thinking.last().isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return onB.eventIds().contains(thinking.last()); }, 20000));
    QCOMPARE(onB.eventIds(), all);
    QCOMPARE(alsoOnB.eventIds(), thinking);
}

void RedisTailTest::ownEventsAreShownOnceRedisHasThemButNeverAheadOfOthers()
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

    const qint64 refusedBefore = rejectedCalls(*m_redis, QStringLiteral("xread"));
    published << b.publishThinking(QStringLiteral("mine"), QStringLiteral("theirs"));
    published << a.publishThinking(QStringLiteral("mine"), QStringLiteral("own after theirs"));
    // A's tail heard of B's event and tried to read it; A's own event was shown, if at all, before A answered
    // its publisher. Neither was passed on.
    QVERIFY(QTest::qWaitFor(
        [&] { return rejectedCalls(*m_redis, QStringLiteral("xread")) > refusedBefore; }, 10000));
    QCOMPARE(passedOn.size(), 3);
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
    published << publishSentinel(a, QStringLiteral("mine"), onA); // a duplicate would come before it
    QVERIFY(!published.last().isEmpty());
    QCOMPARE(onA.eventIds(), published);
    QCOMPARE(passedOn, published);
}

void RedisTailTest::onlyOtherProcessesEventsWakeTheTail()
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

void RedisTailTest::publishersWaitForTheTailInsteadOfOutrunningTrimming()
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

void RedisTailTest::aTailOutrunByAnotherProcessSaysHowManyItMissed()
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
    // A duplicate would come before the sentinel.
    QVERIFY(!publishSentinel(a, QStringLiteral("burst"), onB).isEmpty());
    QCOMPARE(accounted(), Total + 1);
    const QList<QJsonObject> notices = onB.messagesOfType(QStringLiteral("error"));
    QVERIFY2(!notices.isEmpty(), "the burst was expected to outrun B's tail");
    QCOMPARE(notices.first().value(QLatin1String("code")).toString(), QStringLiteral("events_missed"));
    QCOMPARE(notices.first().value(QLatin1String("stream")).toString(), QStringLiteral("thinking"));
    QVERIFY(idsAscend(onB.eventIds()));
    QVERIFY(!onB.closed());
}

void RedisTailTest::aStreamKeyOfAnotherTypeDoesNotStopTheTail()
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

void RedisTailTest::aStreamKeyMendedIsTailedAgain()
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

void RedisTailTest::stepFieldsAreKeptAndShared()
{
    BackendFixture a(redisOptions());
    BackendFixture b(redisOptions());
    QVERIFY(startBothWithSession(a, b, QStringLiteral("steps")));
    WebSocketTestClient onB;
    QVERIFY(onB.open(b.webSocketUrl(QStringLiteral("/ws/thinking/steps"))));
    QVERIFY(onB.waitForMessages(1));
    const QByteArray step = R"({"session_id":"steps","thinking_type":"planning","content":"c","step_id":"s-1",
        "parent_id":null,"kind":"llm","name":"chat qwen3","status":"ok","started_at":"2025-03-01T10:00:00.000Z",
        "ended_at":"2025-03-01T10:00:02.000Z","input":"hi","output":"hello","attributes":{"gen_ai.usage.input_tokens":12}})";
    QCOMPARE(a.postRaw(QStringLiteral("/thinking"), step).status, 201);
    QVERIFY(onB.waitForMessages(2));
    const QJsonObject live = onB.messages().at(1).value(QLatin1String("data")).toObject();
    const QJsonArray history = b.get(QStringLiteral("/sessions/steps/events"))
                                   .json()
                                   .object()
                                   .value(QLatin1String("events"))
                                   .toArray();
    QCOMPARE(history.size(), 1);
    for (const QJsonObject &data : {live, history.at(0)[QLatin1String("data")].toObject()}) {
        QCOMPARE(data.value(QLatin1String("step_id")).toString(), QStringLiteral("s-1"));
        QVERIFY(data.contains(QLatin1String("parent_id")) && data.value(QLatin1String("parent_id")).isNull());
        QCOMPARE(data.value(QLatin1String("kind")).toString(), QStringLiteral("llm"));
        QCOMPARE(
            data.value(QLatin1String("ended_at")).toString(), QStringLiteral("2025-03-01T10:00:02.000Z"));
        QCOMPARE(data.value(QLatin1String("output")).toString(), QStringLiteral("hello"));
        QCOMPARE(
            data.value(QLatin1String("attributes"))[QLatin1String("gen_ai.usage.input_tokens")].toInt(), 12);
    }
}

void RedisTailTest::dataOfAnyShapeReachesTailsAsItsMessagesShowIt()
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
    const QJsonArray history = b.storedEvents(QStringLiteral("shape"));
    QCOMPARE(history.size(), 1);
    check(history.first().toObject());
}

void RedisTailTest::textInAnyScriptArrivesByteForByte()
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
    QCOMPARE(contentsOf(b.storedEvents(QStringLiteral("scripts"))), QStringList {text});
}

QTEST_GUILESS_MAIN(RedisTailTest)
#include "tst_redis_tail.moc"
