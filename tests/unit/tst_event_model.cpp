// SPDX-License-Identifier: MIT
// The event model and the memory store: ids, JSON round trips and text, validation, stats, trimming, expiry.
#include "events/EventJson.h"
#include "events/JsonFieldReader.h"
#include "events/JsonWriter.h"
#include "events/ProgressUpdate.h"
#include "events/Session.h"
#include "events/StreamId.h"
#include "events/ThinkingStep.h"
#include "hub/EventWatcher.h"
#include "hub/StreamingHub.h"
#include "store/GroupedWrites.h"
#include "store/MemoryEventStore.h"
#include "store/TailPacer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

class EventModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamIdsParseCompareAndPrint();
    void streamIdsReadAndWriteRedisBytesAsText_data();
    void streamIdsReadAndWriteRedisBytesAsText();
    void streamIdsStayMonotonicWhenTheClockGoesBack();
    void thinkingStepRoundTripsThroughJson();
    void storedDataLeavesTheIdToTheStore();
    void progressDataIsWrittenWhenFirstReadAsItWasMade();
    void generationMetricsAreWrittenAsAnObjectOfNumbers();
    void dataWrittenWhenReadIsWrittenOncePerCopy();
    void jsonWriterEscapesWhatJsonRequires();
    void jsonWriterWritesNumbersAsQtDoes();
    void timestampTextMatchesQtFormatting();
    void messageTextIsTheMessageWhateverTheData_data();
    void messageTextIsTheMessageWhateverTheData();
    void progressUpdateAcceptsItsAliases();
    void progressMetricsAreWrittenOnlyWhenThereAreSome();
    void tailPacerKeepsWritesWithinTheWindowInOrder();
    void writesThatWaitForTheCallInFlightGoTogether();
    void readerNamesTheFirstBadField();
    void sessionIdsAreValidated();
    void writtenFactsAreWhatTheTextSays();
    void statsAverageOnlyKnownConfidences();
    void memoryStoreTrimsEachStreamToTheHistoryLength();
    void memoryStoreReadsAfterAnId();
    void aWatcherFromTheStartIsToldHowManyEventsAreNoLongerKept();
    void memoryStoreRejectsDuplicatesAndUnknownSessions();
    void memoryStoreExpiresIdleSessions();
    void memoryStoreDescribesASessionAnew();
    void memoryStoreShowsAnEventBeforeAnsweringItsPublisher();
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

void EventModelTest::streamIdsReadAndWriteRedisBytesAsText_data()
{
    QTest::addColumn<QByteArray>("text");
    for (const char *text : {"1700000000000-7", "0-0", "5", "18446744073709551615-18446744073709551615", "",
             "-", "1-", "-1", "abc", "1-x", "1-2-3", "18446744073709551616-0", "1 -2", " 1-2", "1- 2 ",
             "+1-+2", "++1-2", "-+2", "0x10-1", "1\t-2"})
        QTest::newRow(text) << QByteArray(text);
}

void EventModelTest::streamIdsReadAndWriteRedisBytesAsText()
{
    // What the store reads from Redis and writes to it, without a QString in between, means what the text
    // does.
    QFETCH(QByteArray, text);
    const auto fromBytes = StreamId::fromLatin1(text);
    QVERIFY(fromBytes == StreamId::parse(QString::fromLatin1(text)));
    if (fromBytes)
        QCOMPARE(fromBytes->toLatin1(), fromBytes->toString().toLatin1());
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

void EventModelTest::storedDataLeavesTheIdToTheStore()
{
    ThinkingStep step;
    step.sessionId = QStringLiteral("s");
    step.id = QStringLiteral("1-1");
    step.thinkingType = QStringLiteral("analysis");
    step.content = QStringLiteral("c");
    const EventData stored = step.toStoredData();
    QVERIFY(!stored.object().contains(QLatin1String("id")));
    QCOMPARE(step.toJson().value(QLatin1String("id")).toString(), QStringLiteral("1-1"));
    // The text and the object are the same data.
    QCOMPARE(QJsonDocument::fromJson(stored.text()).object(), stored.object());
    QJsonObject withoutId = step.toJson();
    withoutId.remove(QStringLiteral("id"));
    QCOMPARE(stored.object(), withoutId);
}

void EventModelTest::progressDataIsWrittenWhenFirstReadAsItWasMade()
{
    ProgressUpdate update = ProgressUpdate::now(QStringLiteral("s"), QStringLiteral("progress"),
        QStringLiteral("lone \xd800 surrogate, \"quoted\""), QStringLiteral("waiting"), 5);
    update.currentStep = 2;
    update.totalSteps = 4;
    update.metrics.elapsedMs = 3;
    update.metrics.tokens = 0;
    update.extra = {{QStringLiteral("prompt"), QStringLiteral("hi")}};
    QJsonObject expected = update.toJson();
    expected.remove(QStringLiteral("id"));
    const QByteArray expectedText = update.toStoredData().text(); // written at once
    const EventData stored = update.toStoredData();
    // What the update holds after its data was made is not what the data says: it was made then.
    update.message = QStringLiteral("changed");
    update.metrics.tokens = 9;
    const EventData copy = stored; // a copy made before the text was read writes the same text
    QCOMPARE(stored.text(), expectedText);
    QCOMPARE(copy.text(), expectedText);
    QCOMPARE(stored.object(), expected);
    QCOMPARE(QJsonDocument::fromJson(stored.text()).object(), expected);
    QCOMPARE(stored.facts(EventKind::Progress).type, QStringLiteral("progress"));
    QVERIFY(stored.isMessageShapedFor(QStringLiteral("s"), EventKind::Progress));
}

void EventModelTest::generationMetricsAreWrittenAsAnObjectOfNumbers()
{
    ProgressUpdate update = ProgressUpdate::now(QStringLiteral("s"), QStringLiteral("completion"),
        QStringLiteral("done"), QStringLiteral("done"), 100);
    const QByteArray none = update.toStoredData().text();
    QVERIFY2(!none.contains("metrics"), none.constData()); // no figures: no member
    update.metrics.elapsedMs = 1250;
    update.metrics.tokens = 7;
    update.metrics.ttftMs = 40;
    update.metrics.tokensPerSecond = 2.5;
    update.metrics.promptProgress = GenerationMetrics::PromptReading {4, 1, 2, 3, 50.0};
    update.metrics.finishReason = QStringLiteral("length");
    update.metrics.promptTokens = 5;
    update.metrics.completionTokens = 7;
    // The bytes a QJsonObject of these figures is written as: its keys in order, integers as integers.
    const QByteArray text = update.toStoredData().text();
    QVERIFY2(
        text.contains(R"("metrics":{"completion_tokens":7,"elapsed_ms":1250,"finish_reason":"length",)"
                      R"("prompt_progress":{"cache":1,"percentage":50,"processed":2,"time_ms":3,"total":4},)"
                      R"("prompt_tokens":5,"tokens":7,"tokens_per_second":2.5,"ttft_ms":40})"),
        text.constData());
}

void EventModelTest::dataWrittenWhenReadIsWrittenOncePerCopy()
{
    int writes = 0;
    const EventData data = EventData::whenRead(
        [&writes] {
            ++writes;
            return QByteArray(R"({"session_id":"s","update_type":"progress"})");
        },
        {QStringLiteral("s"), QStringLiteral("progress"), std::nullopt, false});
    const EventData copy = data;
    QCOMPARE(data.facts(EventKind::Progress).sessionId, QStringLiteral("s"));
    QCOMPARE(writes, 0); // made, copied and its facts read: nothing written yet
    QCOMPARE(data.text(), QByteArray(R"({"session_id":"s","update_type":"progress"})"));
    QCOMPARE(data.object().value(QLatin1String("update_type")).toString(), QStringLiteral("progress"));
    QCOMPARE(writes, 1);
    const EventData later = data; // copies the written text
    QCOMPARE(later.text(), data.text());
    QCOMPARE(writes, 1);
}

void EventModelTest::jsonWriterEscapesWhatJsonRequires()
{
    QString nasty = QStringLiteral("quote \" backslash \\ slash / newline \n tab \t return \r");
    nasty += QStringLiteral(" bell ") + QChar(0x07) + QStringLiteral(" unit ") + QChar(0x1f)
        + QStringLiteral(" nul ") + QChar(0) + QStringLiteral(" del ") + QChar(0x7f);
    nasty += QStringLiteral(" é 漢 ") + QString::fromUcs4(U"\U0001F914") + QChar(0x2028);
    const QStringList list {nasty, QString(), QStringLiteral("\"")};
    const QJsonObject nested {{QStringLiteral("k"), nasty}};
    const QByteArray text = JsonWriter()
                                .beginObject()
                                .field(QLatin1StringView("s"), nasty)
                                .field(QLatin1StringView("l"), list)
                                .field(QLatin1StringView("o"), nested)
                                .field(QLatin1StringView("e"), QJsonObject())
                                .endObject()
                                .take();
    QJsonParseError error;
    const QJsonObject parsed = QJsonDocument::fromJson(text, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError,
        qPrintable(error.errorString() + QLatin1Char(' ') + QString::fromUtf8(text)));
    QCOMPARE(parsed.value(QLatin1String("s")).toString(), nasty);
    QCOMPARE(parsed.value(QLatin1String("l")).toVariant().toStringList(), list);
    QCOMPARE(parsed.value(QLatin1String("o")).toObject(), nested);
    QCOMPARE(parsed.value(QLatin1String("e")).toObject(), QJsonObject());
    QVERIFY(!text.contains('\n')); // control characters are escaped, never written raw
}

void EventModelTest::jsonWriterWritesNumbersAsQtDoes()
{
    auto written = [](std::optional<double> value) {
        return JsonWriter().beginObject().field(QLatin1StringView("n"), value).endObject().take();
    };
    for (const double value : {0.0, 0.6, 1.0, 2.5, 1e9, 123456789.0, 0.1 + 0.2, 1e-7, 3.5e20, -4.0}) {
        const QByteArray ours = written(value);
        QCOMPARE(QJsonDocument::fromJson(ours).object().value(QLatin1String("n")).toDouble(), value);
        // Integral values stay integers, as QJsonDocument writes them (clients print 5, not 5e+00).
        if (value == std::trunc(value) && std::abs(value) < 1e15)
            QCOMPARE(ours, QByteArray("{\"n\":" + QByteArray::number(qint64(value)) + "}"));
    }
    QCOMPARE(written(std::nullopt), QByteArray("{\"n\":null}"));
}

void EventModelTest::timestampTextMatchesQtFormatting()
{
    const QDateTime base
        = QDateTime::fromString(QStringLiteral("2026-11-21T22:38:23.000Z"), Qt::ISODateWithMs);
    // Forward and backward within a second, across seconds, days and years, before 1970, and a
    // time given in another zone: the cached second must never leak into another one.
    const QList<QDateTime> times {base, base.addMSecs(5), base.addMSecs(999), base.addMSecs(1000),
        base.addMSecs(-1), base.addDays(40), base.addYears(-80).addMSecs(7), base.addMSecs(-999),
        QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC),
        QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC),
        QDateTime(QDate(2026, 6, 1), QTime(12, 0, 0, 42), Qt::OffsetFromUTC, 5 * 3600)};
    for (const QDateTime &time : times)
        QCOMPARE(EventJson::timestampText(time), time.toUTC().toString(Qt::ISODateWithMs));
    QCOMPARE(EventJson::timestampText(QDateTime()), QString());
}

void EventModelTest::messageTextIsTheMessageWhateverTheData_data()
{
    QTest::addColumn<EventData>("data");
    ThinkingStep step;
    step.sessionId = QStringLiteral("s");
    step.thinkingType = QStringLiteral("analysis");
    step.content = QStringLiteral("a \"quoted\" line\n");
    QTest::newRow("as published") << step.toStoredData();
    QTest::newRow("no session id") << EventData(QJsonObject {{QStringLiteral("x"), 1}});
    QTest::newRow("another session's id")
        << EventData(QJsonObject {{QStringLiteral("session_id"), QStringLiteral("t")}});
    QTest::newRow("an id of its own") << EventData(QJsonObject {
        {QStringLiteral("session_id"), QStringLiteral("s")}, {QStringLiteral("id"), QStringLiteral("x")}});
    QTest::newRow("empty") << EventData(QJsonObject());
    QTest::newRow("object only") << EventData(); // no text: encoded in full
    QTest::newRow("text alone, as Redis gives it back") << EventData::fromText(step.toStoredData().text());
    QTest::newRow("text Ponder wrote into the session's stream")
        << EventData::fromStreamText(step.toStoredData().text(), QStringLiteral("s"));
    QTest::newRow("text Ponder wrote into another session's stream")
        << EventData::fromStreamText(step.toStoredData().text(), QStringLiteral("t"));
    // Never spliced into a message as it is: the facts come from parsing, which fails.
    QTest::newRow("broken text naming the session") << EventData::fromText("{\"session_id\":\"s\",\"x\":");
}

void EventModelTest::writtenFactsAreWhatTheTextSays()
{
    // Published events carry the facts their writer knew; they must be what parsing the text would find,
    // or statistics and the messages spliced from the text would go wrong.
    auto check = [](const EventData &written, EventKind kind) {
        const EventFacts known = written.facts(kind);
        const EventFacts parsed = EventData::fromText(written.text()).facts(kind);
        QCOMPARE(known.sessionId, parsed.sessionId);
        QCOMPARE(known.type, parsed.type);
        QCOMPARE(known.confidence, parsed.confidence);
        QCOMPARE(known.hasOwnId, parsed.hasOwnId);
    };
    ThinkingStep step;
    step.sessionId = QStringLiteral("s-1");
    step.thinkingType = QStringLiteral("analysis");
    check(step.toStoredData(), EventKind::Thinking);
    step.confidenceLevel = 0.1;
    check(step.toStoredData(), EventKind::Thinking);
    ProgressUpdate update;
    update.sessionId = QStringLiteral("s-2");
    update.updateType = QStringLiteral("milestone");
    check(update.toStoredData(), EventKind::Progress);
    update.confidence = 1.0 / 3;
    check(update.toStoredData(), EventKind::Progress);
    update.metrics.elapsedMs = 20;
    update.metrics.ttftMs = 12;
    check(update.toStoredData(), EventKind::Progress);
}

void EventModelTest::progressMetricsAreWrittenOnlyWhenThereAreSome()
{
    // A generation's figures go into its progress updates' text as they are written, not added afterwards.
    ProgressUpdate update;
    update.sessionId = QStringLiteral("s");
    update.updateType = QStringLiteral("progress");
    update.message = QStringLiteral("3 tokens");
    QVERIFY(!update.toStoredData().object().contains(QLatin1String("metrics")));
    update.metrics.elapsedMs = 20;
    update.metrics.ttftMs = 12;
    update.metrics.tokensPerSecond = 41.5;
    const EventData data = update.toStoredData();
    const QJsonObject expected {{QStringLiteral("elapsed_ms"), 20}, {QStringLiteral("tokens"), 0},
        {QStringLiteral("ttft_ms"), 12}, {QStringLiteral("tokens_per_second"), 41.5}};
    QCOMPARE(data.object().value(QLatin1String("metrics")).toObject(), expected);
    QCOMPARE(data.object().value(QLatin1String("message")).toString(), QStringLiteral("3 tokens"));
}

void EventModelTest::messageTextIsTheMessageWhateverTheData()
{
    QFETCH(EventData, data);
    const StoredEvent event {QStringLiteral("s"), EventKind::Thinking,
        *StreamId::parse(QStringLiteral("17-3")), QStringLiteral("thinking_step"), data, {}};
    QJsonParseError error;
    const QJsonObject parsed = QJsonDocument::fromJson(event.messageText().toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(event.messageText()));
    QCOMPARE(parsed, event.toMessage());
    QCOMPARE(parsed.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString(),
        QStringLiteral("17-3"));
}

void EventModelTest::tailPacerKeepsWritesWithinTheWindowInOrder()
{
    const QByteArray key = "k";
    auto id = [](quint64 ms) { return StreamId {ms, 0}; };
    TailPacer pacer(100);
    QStringList ran;
    auto write = [&](const QString &name, qsizetype count) {
        pacer.whenRoom(key, count, [&, name, count] {
            ran << name;
            pacer.sent(key, count);
        });
    };
    write(QStringLiteral("a"), 60);
    write(QStringLiteral("b"), 60); // 120 unread would exceed the window: waits
    write(QStringLiteral("c"), 10); // fits, but waits behind b to keep the order
    QCOMPARE(ran, QStringList {QStringLiteral("a")});
    pacer.written(key, 60, id(10));
    QCOMPARE(ran.size(), 1); // written is not read
    pacer.tailRead(key, id(10));
    QCOMPARE(ran, (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));

    // A write larger than the window goes alone once nothing is outstanding.
    pacer.written(key, 60, id(20));
    pacer.written(key, 10, id(21));
    write(QStringLiteral("huge"), 500);
    QCOMPARE(ran.size(), 3);
    pacer.tailRead(key, id(30)); // past both, as when entries were trimmed before the tail got there
    QCOMPARE(ran.last(), QStringLiteral("huge"));

    // A failed write is no longer outstanding; releasing runs what waits, at once and in order.
    pacer.failed(key, 500);
    write(QStringLiteral("d"), 100);
    write(QStringLiteral("e"), 1);
    QCOMPARE(ran.last(), QStringLiteral("d"));
    QCOMPARE(pacer.waitingWrites(), 1);
    pacer.release(key);
    QCOMPARE(ran.last(), QStringLiteral("e"));
    QCOMPARE(pacer.waitingWrites(), 0);
}

void EventModelTest::writesThatWaitForTheCallInFlightGoTogether()
{
    // Each call is recorded as the events it carries, e.g. "b c" for a call carrying b and c.
    QList<QPair<QByteArray, QString>> calls;
    GroupedWrites writes(3, [&](const QByteArray &key, QList<GroupedWrites::Write> call) {
        QStringList names;
        for (const GroupedWrites::Write &write : call) {
            for (const EventData &data : write.data)
                names << data.object().value(QLatin1String("name")).toString();
        }
        calls.append({key, names.join(QLatin1Char(' '))});
    });
    auto write = [](const QString &type, const QStringList &names) {
        GroupedWrites::Write w;
        w.type = type;
        for (const QString &name : names)
            w.data.append(EventData(QJsonObject {{QStringLiteral("name"), name}}));
        return w;
    };
    const QString step = QStringLiteral("thinking_step");
    const QString end = QStringLiteral("session_end");

    writes.submit("k", write(step, {QStringLiteral("a")}));
    QCOMPARE(calls.size(), 1); // nothing in flight: it goes at once
    writes.submit("k", write(step, {QStringLiteral("b")}));
    writes.submit("k", write(step, {QStringLiteral("c")}));
    writes.submit("other", write(step, {QStringLiteral("x")})); // another stream does not wait
    writes.submit("k", write(end, {QStringLiteral("e")}));
    QCOMPARE(calls.size(), 2);
    QCOMPARE(writes.waitingWrites(), 3);

    writes.finished("k");
    QCOMPARE(
        calls.last(), qMakePair(QByteArray("k"), QStringLiteral("b c"))); // together; the other type waits
    writes.finished("k");
    QCOMPARE(calls.last(), qMakePair(QByteArray("k"), QStringLiteral("e")));

    // No more events in a call than the limit, unless one write alone has more.
    writes.submit("k", write(step, {QStringLiteral("f"), QStringLiteral("g")}));
    writes.submit("k", write(step, {QStringLiteral("h"), QStringLiteral("i")}));
    writes.submit("k",
        write(step, {QStringLiteral("j"), QStringLiteral("k"), QStringLiteral("l"), QStringLiteral("m")}));
    writes.finished("k");
    QCOMPARE(calls.last().second, QStringLiteral("f g"));
    writes.finished("k");
    QCOMPARE(calls.last().second, QStringLiteral("h i"));
    writes.finished("k");
    QCOMPARE(calls.last().second, QStringLiteral("j k l m"));

    // A call that was not answered hands back what waited, in order; the stream starts afresh.
    writes.submit("k", write(step, {QStringLiteral("n")}));
    writes.submit("k", write(step, {QStringLiteral("o")}));
    const QList<GroupedWrites::Write> unsent = writes.abandoned("k");
    QCOMPARE(unsent.size(), 2);
    QCOMPARE(unsent.at(1).data.first().object().value(QLatin1String("name")).toString(), QStringLiteral("o"));
    const qsizetype before = calls.size();
    writes.submit("k", write(step, {QStringLiteral("p")}));
    QCOMPARE(calls.size(), before + 1);
    QCOMPARE(calls.last().second, QStringLiteral("p"));

    // Once a call returns with nothing waiting, the next write goes at once.
    writes.finished("k");
    writes.finished("other");
    QCOMPARE(writes.waitingWrites(), 0);
    writes.submit("other", write(step, {QStringLiteral("y")}));
    QCOMPARE(calls.last(), qMakePair(QByteArray("other"), QStringLiteral("y")));
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
    QVERIFY(Session::isValidId(QString(128, QLatin1Char('z'))));
    QVERIFY(!Session::isValidId(QString(129, QLatin1Char('a'))));
    QVERIFY(!Session::isValidId(QStringLiteral("a b")));
    QVERIFY(!Session::isValidId(QStringLiteral("caf\u00e9"))); // letters, but not ASCII ones
    QVERIFY(!Session::isValidId(QStringLiteral("a\u0000b")));
    QVERIFY(!Session::isValidId(QStringLiteral("a@b")));
    QVERIFY(!Session::isValidId(QStringLiteral("[x]")));
}

void EventModelTest::statsAverageOnlyKnownConfidences()
{
    SessionStats stats;
    stats.record(EventKind::Thinking,
        QJsonObject {{QStringLiteral("thinking_type"), QStringLiteral("analysis")},
            {QStringLiteral("confidence_level"), 0.2}});
    // Text alone: the facts come from parsing it.
    stats.record(EventKind::Thinking, EventData::fromText("{\"thinking_type\":\"analysis\"}"));
    stats.record(EventKind::Progress,
        QJsonObject {{QStringLiteral("update_type"), QStringLiteral("completion")},
            {QStringLiteral("confidence"), 0.6}});
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
            QJsonObject {{QStringLiteral("n"), i}},
            [](StoreStatus status, const StoredEvent &) { QVERIFY(status.ok()); });
    QList<StoredEvent> events;
    store.read(QStringLiteral("s"), EventKind::Thinking, {}, 100,
        [&](StoreStatus, const QList<StoredEvent> &read) { events = read; });
    QCOMPARE(events.size(), 5);
    QCOMPARE(events.first().data.object().value(QLatin1String("n")).toInt(), 7);
    QCOMPARE(events.last().data.object().value(QLatin1String("n")).toInt(), 11);
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

namespace {

struct RecordingWatcher : EventWatcher
{
    void deliver(const StoredEvent &event) override { delivered << event; }
    void historyTrimmed(EventKind kind, qint64 count) override
    {
        trimmed.insert(kind, count);
        deliveredBeforeTrim = delivered.size();
    }
    QList<StoredEvent> delivered;
    QHash<EventKind, qint64> trimmed;
    qsizetype deliveredBeforeTrim = -1;
};

} // namespace

// The store keeps the last --history-length events of each stream: a watcher from the start is told how
// many it will not get (the window said nothing, so a session's kept steps looked like its first).
void EventModelTest::aWatcherFromTheStartIsToldHowManyEventsAreNoLongerKept()
{
    StoreLimits limits;
    limits.historyLength = 5;
    MemoryEventStore store(limits);
    StreamingHub hub(&store, {});
    store.createSession(makeSession(QStringLiteral("s")), [](StoreStatus status) { QVERIFY(status.ok()); });
    for (int i = 0; i < 12; ++i)
        hub.publish(QStringLiteral("s"), EventKind::Thinking, QJsonObject {{QStringLiteral("n"), i}},
            [](StoreStatus status, const StoredEvent &) { QVERIFY(status.ok()); });
    for (int i = 0; i < 3; ++i)
        hub.publish(QStringLiteral("s"), EventKind::Progress, QJsonObject {{QStringLiteral("n"), i}},
            [](StoreStatus status, const StoredEvent &) { QVERIFY(status.ok()); });
    hub.endSession(QStringLiteral("s"), [](StoreStatus status) { QVERIFY(status.ok()); });

    RecordingWatcher fromStart;
    hub.subscribe(QStringLiteral("s"), {EventKind::Thinking, EventKind::Progress}, {}, &fromStart,
        [](StoreStatus status) { QVERIFY(status.ok()); });
    QTRY_VERIFY(!fromStart.delivered.isEmpty());
    // 8 of 12 steps gone (the stream's fifth place is its session_end); every progress update kept.
    QCOMPARE(fromStart.trimmed, (QHash<EventKind, qint64> {{EventKind::Thinking, 8}}));
    QCOMPARE(fromStart.deliveredBeforeTrim, 0);

    // From a known id on, what came before is the watcher's own business.
    RecordingWatcher resuming;
    hub.subscribe(QStringLiteral("s"), {EventKind::Thinking}, fromStart.delivered.first().id, &resuming,
        [](StoreStatus) {});
    QTRY_VERIFY(!resuming.delivered.isEmpty());
    QVERIFY(resuming.trimmed.isEmpty());
    hub.unsubscribe(&fromStart);
    hub.unsubscribe(&resuming);
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

void EventModelTest::memoryStoreDescribesASessionAnew()
{
    MemoryEventStore store(StoreLimits {});
    Session session = makeSession(QStringLiteral("s"));
    session.userRequest = QStringLiteral("trace 4bf92f35");
    store.createSession(session, [](StoreStatus) {});
    StoreStatus described;
    store.describeSession(QStringLiteral("s"),
        {{QStringLiteral("user_request"), QStringLiteral("travel-planner")}},
        [&](StoreStatus status) { described = status; });
    QVERIFY(described.ok());
    Session read;
    store.session(QStringLiteral("s"), [&](StoreStatus, Session found, SessionStats) { read = found; });
    QCOMPARE(read.userRequest, QStringLiteral("travel-planner"));
    QVERIFY(read.active);
    store.describeSession(QStringLiteral("nope"), {}, [&](StoreStatus status) { described = status; });
    QCOMPARE(described.code, StoreStatus::Code::NotFound);
}

void EventModelTest::memoryStoreShowsAnEventBeforeAnsweringItsPublisher()
{
    // A publisher that publishes again from its callback (a trace's steps, then its progress, then the
    // end) must have its events shown in that order; shown the other way round, the hub would take the
    // first for a duplicate of what it had already delivered.
    MemoryEventStore store(StoreLimits {});
    store.createSession(makeSession(QStringLiteral("s")), [](StoreStatus) {});
    QList<StreamId> shown;
    connect(&store, &EventStore::eventAppended, this, [&](const StoredEvent &event) { shown << event.id; });
    const EventData data = EventData::fromText("{\"session_id\":\"s\"}");
    store.appendMany(QStringLiteral("s"), EventKind::Thinking, QStringLiteral("thinking_step"), {data, data},
        [&](StoreStatus, const QList<StoredEvent> &) {
            store.append(QStringLiteral("s"), EventKind::Thinking, QStringLiteral("thinking_step"), data,
                [&](StoreStatus, const StoredEvent &) {
                    store.append(QStringLiteral("s"), EventKind::Progress, QStringLiteral("progress_update"),
                        data, [](StoreStatus, const StoredEvent &) {});
                });
        });
    QCOMPARE(shown.size(), 4);
    QVERIFY(std::is_sorted(shown.cbegin(), shown.cend()));
}

QTEST_GUILESS_MAIN(EventModelTest)
#include "tst_event_model.moc"
