// The event model and the memory store: ids, JSON round trips, validation, stats, trimming, expiry.
#include "events/JsonFieldReader.h"
#include "events/ProgressUpdate.h"
#include "events/Session.h"
#include "events/StreamId.h"
#include "events/ThinkingStep.h"
#include "store/MemoryEventStore.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

class EventModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamIdsParseCompareAndPrint();
    void streamIdsStayMonotonicWhenTheClockGoesBack();
    void thinkingStepRoundTripsThroughJson();
    void progressUpdateAcceptsItsAliases();
    void readerNamesTheFirstBadField();
    void sessionIdsAreValidated();
    void statsAverageOnlyKnownConfidences();
    void memoryStoreTrimsEachStreamToTheHistoryLength();
    void memoryStoreReadsAfterAnId();
    void memoryStoreRejectsDuplicatesAndUnknownSessions();
    void memoryStoreExpiresIdleSessions();
};

void EventModelTest::streamIdsParseCompareAndPrint()
{
    const auto id = StreamId::parse(u"1700000000000-7");
    QVERIFY(id);
    QCOMPARE(id->ms, 1700000000000ull);
    QCOMPARE(id->seq, 7ull);
    QCOMPARE(id->toString(), QStringLiteral("1700000000000-7"));
    QVERIFY(StreamId::parse(u"5").has_value());
    QVERIFY(!StreamId::parse(u"abc").has_value());
    QVERIFY(!StreamId::parse(u"1-x").has_value());
    QVERIFY((StreamId {1, 9} < StreamId {2, 0}));
    QVERIFY((StreamId {2, 0} < StreamId {2, 1}));
}

void EventModelTest::streamIdsStayMonotonicWhenTheClockGoesBack()
{
    StreamIdGenerator ids;
    const StreamId a = ids.next(1000);
    const StreamId b = ids.next(1000);
    const StreamId c = ids.next(900); // clock stepped back
    const StreamId d = ids.next(2000);
    QVERIFY(a < b && b < c && c < d);
    QCOMPARE(d, (StreamId {2000, 0}));
}

void EventModelTest::thinkingStepRoundTripsThroughJson()
{
    const QJsonObject input {
        {QStringLiteral("session_id"), QStringLiteral("s")},
        {QStringLiteral("thinking_type"), QStringLiteral("risk_assessment")},
        {QStringLiteral("content"), QStringLiteral("weigh it")},
        {QStringLiteral("reasoning_chain"), QJsonArray {QStringLiteral("a"), QStringLiteral("b")}},
        {QStringLiteral("confidence_level"), 0.6},
        {QStringLiteral("alternatives_considered"), QJsonArray {QStringLiteral("c")}},
        {QStringLiteral("decision_factors"), QJsonArray {QStringLiteral("d")}},
        {QStringLiteral("context_used"), QJsonObject {{QStringLiteral("k"), 1}}},
        {QStringLiteral("estimated_duration"), 2.5},
    };
    JsonFieldReader reader(input);
    const ThinkingStep step = ThinkingStep::fromJson(input, reader);
    QVERIFY2(reader.ok(), qPrintable(reader.errorMessage()));
    JsonFieldReader again(step.toJson());
    const ThinkingStep copy = ThinkingStep::fromJson(step.toJson(), again);
    QVERIFY(again.ok());
    QCOMPARE(copy.toJson(), step.toJson());
    QCOMPARE(copy.reasoningChain, (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(*copy.confidenceLevel, 0.6);
    QCOMPARE(copy.contextUsed.value(QLatin1String("k")).toInt(), 1);
}

void EventModelTest::progressUpdateAcceptsItsAliases()
{
    const QJsonObject input {{QStringLiteral("session_id"), QStringLiteral("s")},
        {QStringLiteral("progress_type"), QStringLiteral("warning")},
        {QStringLiteral("message"), QStringLiteral("careful")}, {QStringLiteral("confidence_level"), 0.3},
        {QStringLiteral("current_step"), 2}, {QStringLiteral("total_steps"), 5}};
    JsonFieldReader reader(input);
    const ProgressUpdate update = ProgressUpdate::fromJson(input, reader);
    QVERIFY(reader.ok());
    QCOMPARE(update.updateType, QStringLiteral("warning"));
    QCOMPARE(*update.confidence, 0.3);
    QCOMPARE(update.toJson().value(QLatin1String("update_type")).toString(), QStringLiteral("warning"));
    QCOMPARE(update.toJson().value(QLatin1String("total_steps")).toInt(), 5);
}

void EventModelTest::readerNamesTheFirstBadField()
{
    const QJsonObject input {
        {QStringLiteral("session_id"), 3}, {QStringLiteral("thinking_type"), QStringLiteral("nope")}};
    JsonFieldReader reader(input);
    ThinkingStep::fromJson(input, reader);
    QVERIFY(!reader.ok());
    QCOMPARE(reader.errorField(), QStringLiteral("session_id"));
    QVERIFY(reader.errorMessage().contains(QLatin1String("must be a string")));
}

void EventModelTest::sessionIdsAreValidated()
{
    QVERIFY(Session::isValidId(QStringLiteral("abc-DEF_1.2:3")));
    QVERIFY(Session::isValidId(Session::generateId()));
    QVERIFY(!Session::isValidId(QString()));
    QVERIFY(!Session::isValidId(QStringLiteral("a/b")));
    QVERIFY(!Session::isValidId(QStringLiteral("a}b")));
    QVERIFY(!Session::isValidId(QString(129, QLatin1Char('a'))));
}

void EventModelTest::statsAverageOnlyKnownConfidences()
{
    SessionStats stats;
    stats.record(EventKind::Thinking,
        {{QStringLiteral("thinking_type"), QStringLiteral("analysis")},
            {QStringLiteral("confidence_level"), 0.2}});
    stats.record(EventKind::Thinking, {{QStringLiteral("thinking_type"), QStringLiteral("analysis")}});
    stats.record(EventKind::Progress,
        {{QStringLiteral("update_type"), QStringLiteral("completion")}, {QStringLiteral("confidence"), 0.6}});
    Session session;
    session.createdAt = QDateTime::currentDateTimeUtc().addSecs(-10);
    session.lastActivity = QDateTime::currentDateTimeUtc();
    const QJsonObject json = stats.toJson(session);
    QCOMPARE(json.value(QLatin1String("average_confidence")).toDouble(), 0.4);
    QCOMPARE(
        json.value(QLatin1String("thinking_types_used")).toObject().value(QLatin1String("analysis")).toInt(),
        2);
    QCOMPARE(json.value(QLatin1String("progress_types_used"))
                 .toObject()
                 .value(QLatin1String("completion"))
                 .toInt(),
        1);
    QVERIFY(json.value(QLatin1String("session_duration")).toDouble() >= 9.9);
}

namespace {
Session makeSession(const QString &id)
{
    Session session;
    session.id = id;
    session.createdAt = session.lastActivity = QDateTime::currentDateTimeUtc();
    return session;
}
} // namespace

void EventModelTest::memoryStoreTrimsEachStreamToTheHistoryLength()
{
    StoreLimits limits;
    limits.historyLength = 5;
    MemoryEventStore store(limits);
    store.createSession(makeSession(QStringLiteral("s")), [](StoreStatus status) { QVERIFY(status.ok()); });
    for (int i = 0; i < 12; ++i)
        store.append(QStringLiteral("s"), EventKind::Thinking, QStringLiteral("thinking_step"),
            {{QStringLiteral("n"), i}},
            [](StoreStatus status, const StoredEvent &) { QVERIFY(status.ok()); });
    QList<StoredEvent> events;
    store.read(QStringLiteral("s"), EventKind::Thinking, {}, 100,
        [&](StoreStatus, const QList<StoredEvent> &read) { events = read; });
    QCOMPARE(events.size(), 5);
    QCOMPARE(events.first().data.value(QLatin1String("n")).toInt(), 7);
    QCOMPARE(events.last().data.value(QLatin1String("n")).toInt(), 11);
}

void EventModelTest::memoryStoreReadsAfterAnId()
{
    MemoryEventStore store({});
    QSignalSpy appended(&store, &EventStore::eventAppended);
    store.createSession(makeSession(QStringLiteral("s")), [](StoreStatus) {});
    QList<StreamId> ids;
    for (int i = 0; i < 4; ++i)
        store.append(QStringLiteral("s"), EventKind::Progress, QStringLiteral("progress_update"), {},
            [&](StoreStatus, const StoredEvent &event) { ids << event.id; });
    QCOMPARE(appended.size(), 4);
    QList<StoredEvent> events;
    store.read(QStringLiteral("s"), EventKind::Progress, ids.at(1), 100,
        [&](StoreStatus, const QList<StoredEvent> &read) { events = read; });
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).id, ids.at(2));
}

void EventModelTest::memoryStoreRejectsDuplicatesAndUnknownSessions()
{
    MemoryEventStore store({});
    store.createSession(makeSession(QStringLiteral("s")), [](StoreStatus) {});
    StoreStatus duplicate;
    store.createSession(makeSession(QStringLiteral("s")), [&](StoreStatus status) { duplicate = status; });
    QCOMPARE(duplicate.code, StoreStatus::Code::Conflict);
    StoreStatus unknown;
    store.append(QStringLiteral("x"), EventKind::Thinking, QStringLiteral("thinking_step"), {},
        [&](StoreStatus status, const StoredEvent &) { unknown = status; });
    QCOMPARE(unknown.code, StoreStatus::Code::NotFound);
}

void EventModelTest::memoryStoreExpiresIdleSessions()
{
    StoreLimits limits;
    limits.idleExpirySeconds = 60;
    MemoryEventStore store(limits);
    QSignalSpy removed(&store, &EventStore::sessionRemoved);
    Session old = makeSession(QStringLiteral("old"));
    old.lastActivity = QDateTime::currentDateTimeUtc().addSecs(-120);
    store.createSession(old, [](StoreStatus) {});
    store.createSession(makeSession(QStringLiteral("fresh")), [](StoreStatus) {});
    store.expireIdleSessions();
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toString(), QStringLiteral("old"));
    StoreStatus found;
    store.session(QStringLiteral("fresh"),
        [&](StoreStatus status, const Session &, const SessionStats &) { found = status; });
    QVERIFY(found.ok());
}

QTEST_GUILESS_MAIN(EventModelTest)
#include "tst_event_model.moc"
