// SPDX-License-Identifier: MIT
// Events as the earlier service's clients send them (every field of both types, as its own examples and
// models have them), and the fields that nest and time steps: validation, round trips, the merge rule.
#include "events/JsonFieldReader.h"
#include "events/ProgressUpdate.h"
#include "events/StepDetails.h"
#include "events/StepMerge.h"
#include "events/ThinkingStep.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

template<typename Event>
QJsonObject accepted(const QJsonObject &input)
{
    JsonFieldReader reader(input);
    const Event event = Event::fromJson(input, reader);
    if (!reader.ok())
        qWarning().noquote() << "refused:" << reader.errorMessage();
    return reader.ok() ? event.toJson() : QJsonObject();
}

template<typename Event>
QString refusedField(const QJsonObject &input)
{
    JsonFieldReader reader(input);
    Event::fromJson(input, reader);
    return reader.ok() ? QString() : reader.errorField();
}

} // namespace

class StepEventsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theSeedsProgressCallsAreKeptAsSent_data();
    void theSeedsProgressCallsAreKeptAsSent();
    void theSeedsThinkingCallsAreKeptAsSent();
    void progressFieldsOfTheWrongTypeAreStillRefused_data();
    void progressFieldsOfTheWrongTypeAreStillRefused();
    void stepFieldsRoundTrip();
    void aPlainStepGainsNoStepFields();
    void badStepFieldsAreRefusedByName_data();
    void badStepFieldsAreRefusedByName();
    void attributesAreBoundedForTranslators();
    void laterEventsFillInAStepWithoutErasingIt();
};

void StepEventsTest::theSeedsProgressCallsAreKeptAsSent_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("kept");

    const QByteArray head = R"("session_id":"s","progress_type":"progress","message":"m")";
    // stream_progress(..., progress_percentage=60.0, current_step="Network Analysis") from its README.
    QTest::newRow("current_step as a step's name")
        << "{" + head + R"(,"progress_percentage":60.0,"current_step":"Network Analysis"})"
        << "current_step" << QJsonValue(QStringLiteral("Network Analysis"));
    QTest::newRow("current_step as a number") << "{" + head + R"(,"current_step":3})"
                                              << "current_step" << QJsonValue(3);
    // Its model: estimated_remaining: Optional[str] ("Estimated remaining time").
    QTest::newRow("estimated_remaining as text")
        << "{" + head + R"(,"estimated_remaining":"about 2 minutes"})"
        << "estimated_remaining" << QJsonValue(QStringLiteral("about 2 minutes"));
    QTest::newRow("estimated_remaining as seconds") << "{" + head + R"(,"estimated_remaining":12.5})"
                                                    << "estimated_remaining" << QJsonValue(12.5);
    // Its test: intermediate_findings=[{"pattern": "test_pattern", "confidence": 0.8}].
    QTest::newRow("intermediate_findings as objects")
        << "{" + head + R"(,"intermediate_findings":[{"pattern":"test_pattern","confidence":0.8}]})"
        << "intermediate_findings"
        << QJsonValue(QJsonArray {QJsonObject {{QStringLiteral("pattern"), QStringLiteral("test_pattern")},
               {QStringLiteral("confidence"), 0.8}}});
    QTest::newRow("intermediate_findings as strings and objects")
        << "{" + head + R"(,"intermediate_findings":["one",{"k":1}]})"
        << "intermediate_findings"
        << QJsonValue(QJsonArray {QStringLiteral("one"), QJsonObject {{QStringLiteral("k"), 1}}});
    QTest::newRow("total_steps") << "{" + head + R"(,"total_steps":5})"
                                 << "total_steps" << QJsonValue(5);
    QTest::newRow("current_activity") << "{" + head + R"(,"current_activity":"scanning"})"
                                      << "current_activity" << QJsonValue(QStringLiteral("scanning"));
    QTest::newRow("confidence") << "{" + head + R"(,"confidence":0.7})"
                                << "confidence" << QJsonValue(0.7);
    QTest::newRow("the update_type name")
        << QByteArray(R"({"session_id":"s","update_type":"completion","message":"m"})") << "update_type"
        << QJsonValue(QStringLiteral("completion"));
    QTest::newRow("absent current_step is null") << "{" + head + "}"
                                                 << "current_step" << QJsonValue();
}

void StepEventsTest::theSeedsProgressCallsAreKeptAsSent()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QJsonValue, kept);
    const QJsonObject update = accepted<ProgressUpdate>(parse(body));
    QVERIFY(!update.isEmpty());
    QCOMPARE(update.value(field), kept);
    // What is stored reads back the same (the window and history parse stored events).
    QCOMPARE(accepted<ProgressUpdate>(update).value(field), kept);
}

void StepEventsTest::theSeedsThinkingCallsAreKeptAsSent()
{
    // The REST request of the earlier service: `confidence` and `alternatives` (StreamThinkingRequest).
    const QJsonObject request = parse(R"({"session_id":"s","thinking_type":"decision",
        "content":"Deciding on test approach...","reasoning_chain":["Evaluate options","Select best approach"],
        "confidence":0.85,"alternatives":["Approach A","Approach B"],
        "decision_factors":["Speed","Reliability","Coverage"]})");
    const QJsonObject step = accepted<ThinkingStep>(request);
    QVERIFY(!step.isEmpty());
    QCOMPARE(step.value(QLatin1String("confidence_level")).toDouble(), 0.85);
    QCOMPARE(step.value(QLatin1String("alternatives_considered")).toArray(),
        (QJsonArray {QStringLiteral("Approach A"), QStringLiteral("Approach B")}));
    QCOMPARE(step.value(QLatin1String("decision_factors")).toArray().size(), 3);
    QCOMPARE(step.value(QLatin1String("reasoning_chain")).toArray().size(), 2);

    // Its model as a whole (ThinkingStep): a naive timestamp, context_used None, a fractional duration.
    const QJsonObject model = parse(R"({"session_id":"s","timestamp":"2025-03-01T10:00:00.123456",
        "thinking_type":"result_analysis","content":"c","reasoning_chain":[],"confidence_level":0.5,
        "alternatives_considered":[],"decision_factors":[],"context_used":null,"estimated_duration":1.25})");
    const QJsonObject kept = accepted<ThinkingStep>(model);
    QVERIFY(!kept.isEmpty());
    QCOMPARE(kept.value(QLatin1String("estimated_duration")).toDouble(), 1.25);
    QCOMPARE(kept.value(QLatin1String("context_used")).toObject(), QJsonObject());
    // The step fields are not made up for it.
    QVERIFY(!kept.contains(QLatin1String("step_id")));
}

void StepEventsTest::progressFieldsOfTheWrongTypeAreStillRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    const QByteArray head = R"("session_id":"s","update_type":"progress","message":"m")";
    QTest::newRow("current_step object") << "{" + head + R"(,"current_step":{}})"
                                         << "current_step";
    QTest::newRow("current_step negative") << "{" + head + R"(,"current_step":-1})"
                                           << "current_step";
    QTest::newRow("current_step bool") << "{" + head + R"(,"current_step":true})"
                                       << "current_step";
    QTest::newRow("estimated_remaining array") << "{" + head + R"(,"estimated_remaining":[]})"
                                               << "estimated_remaining";
    QTest::newRow("findings of numbers") << "{" + head + R"(,"intermediate_findings":[1]})"
                                         << "intermediate_findings";
    QTest::newRow("findings not an array") << "{" + head + R"(,"intermediate_findings":"x"})"
                                           << "intermediate_findings";
    QTest::newRow("total_steps as text") << "{" + head + R"(,"total_steps":"5"})"
                                         << "total_steps";
}

void StepEventsTest::progressFieldsOfTheWrongTypeAreStillRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QCOMPARE(refusedField<ProgressUpdate>(parse(body)), field);
}

void StepEventsTest::stepFieldsRoundTrip()
{
    const QJsonObject input = parse(R"({"session_id":"s","thinking_type":"analysis","content":"Looking up",
        "step_id":"tool-1","parent_id":"agent-1","kind":"tool","name":"get_weather","status":"ok",
        "started_at":"2025-03-01T10:00:00.100+01:00","ended_at":"2025-03-01T09:00:01.250Z",
        "input":"{\"city\":\"Paris\"}","output":"18 C","attributes":{"gen_ai.tool.call.id":"call_1","n":2}})");
    const QJsonObject step = accepted<ThinkingStep>(input);
    QVERIFY(!step.isEmpty());
    QCOMPARE(step.value(QLatin1String("step_id")).toString(), QStringLiteral("tool-1"));
    QCOMPARE(step.value(QLatin1String("parent_id")).toString(), QStringLiteral("agent-1"));
    QCOMPARE(step.value(QLatin1String("kind")).toString(), QStringLiteral("tool"));
    QCOMPARE(step.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    // Times are kept in UTC with milliseconds, whatever zone they came in.
    QCOMPARE(step.value(QLatin1String("started_at")).toString(), QStringLiteral("2025-03-01T09:00:00.100Z"));
    QCOMPARE(step.value(QLatin1String("ended_at")).toString(), QStringLiteral("2025-03-01T09:00:01.250Z"));
    QCOMPARE(step.value(QLatin1String("input")).toString(), QStringLiteral("{\"city\":\"Paris\"}"));
    QCOMPARE(step.value(QLatin1String("attributes")).toObject().value(QLatin1String("n")).toInt(), 2);
    QCOMPARE(accepted<ThinkingStep>(step), step);

    // A root: parent_id null, written as null so a watcher knows it is a root rather than unknown.
    const QJsonObject root = accepted<ThinkingStep>(parse(
        R"({"session_id":"s","thinking_type":"planning","content":"c","step_id":"a","parent_id":null})"));
    QVERIFY(root.contains(QLatin1String("parent_id")));
    QVERIFY(root.value(QLatin1String("parent_id")).isNull());
}

void StepEventsTest::aPlainStepGainsNoStepFields()
{
    const QJsonObject step
        = accepted<ThinkingStep>(parse(R"({"session_id":"s","thinking_type":"planning","content":"c"})"));
    for (const char *field : {"step_id", "parent_id", "kind", "name", "status", "started_at", "ended_at",
             "input", "output", "attributes"})
        QVERIFY2(!step.contains(QLatin1String(field)), field);
}

void StepEventsTest::badStepFieldsAreRefusedByName_data()
{
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<QString>("field");
    QTest::newRow("step_id number") << QByteArray(R"("step_id":5)") << "step_id";
    QTest::newRow("step_id empty") << QByteArray(R"("step_id":"")") << "step_id";
    QTest::newRow("step_id too long") << R"("step_id":")" + QByteArray(257, 'x') + '"' << "step_id";
    QTest::newRow("step_id control") << QByteArray(R"("step_id":"a\nb")") << "step_id";
    QTest::newRow("parent_id object") << QByteArray(R"("parent_id":{})") << "parent_id";
    QTest::newRow("unknown kind") << QByteArray(R"("kind":"thought")") << "kind";
    QTest::newRow("unknown status") << QByteArray(R"("status":"done")") << "status";
    QTest::newRow("name too long") << R"("name":")" + QByteArray(1025, 'n') + '"' << "name";
    QTest::newRow("started_at not a time") << QByteArray(R"("started_at":"yesterday")") << "started_at";
    QTest::newRow("started_at without a zone")
        << QByteArray(R"("started_at":"2025-03-01T10:00:00.000")") << "started_at";
    QTest::newRow("ended_at number") << QByteArray(R"("ended_at":1700000000000)") << "ended_at";
    QTest::newRow("ended before started")
        << QByteArray(R"("started_at":"2025-03-01T10:00:01Z","ended_at":"2025-03-01T10:00:00Z")")
        << "ended_at";
    QTest::newRow("input too long") << R"("input":")" + QByteArray(4097, 'i') + '"' << "input";
    QTest::newRow("output number") << QByteArray(R"("output":3)") << "output";
    QTest::newRow("attributes array") << QByteArray(R"("attributes":[])") << "attributes";
    QByteArray many = R"("attributes":{)";
    for (int i = 0; i < 65; ++i)
        many += (i ? "," : "") + QByteArray("\"k") + QByteArray::number(i) + "\":1";
    QTest::newRow("65 attributes") << many + "}"
                                   << "attributes";
    QTest::newRow("attributes too large") << R"("attributes":{"k":")" + QByteArray(17000, 'a') + "\"}"
                                          << "attributes";
}

void StepEventsTest::badStepFieldsAreRefusedByName()
{
    QFETCH(QByteArray, fields);
    QFETCH(QString, field);
    const QJsonObject input
        = parse(R"({"session_id":"s","thinking_type":"analysis","content":"c",)" + fields + "}");
    QVERIFY(!input.isEmpty());
    QCOMPARE(refusedField<ThinkingStep>(input), field);
}

void StepEventsTest::attributesAreBoundedForTranslators()
{
    QJsonObject many;
    for (int i = 0; i < 200; ++i)
        many.insert(QStringLiteral("k%1").arg(i, 3, 10, QLatin1Char('0')), QString(3000, QLatin1Char('v')));
    const QJsonObject bounded = StepDetails::boundedAttributes(many);
    QVERIFY(bounded.size() <= StepDetails::MaxAttributes);
    QVERIFY(!bounded.isEmpty());
    QVERIFY(QJsonDocument(bounded).toJson(QJsonDocument::Compact).size() <= StepDetails::MaxAttributesBytes);
    QVERIFY(bounded.begin().value().toString().size() <= 1024);
    QCOMPARE(StepDetails::clipped(QStringLiteral("abcdef"), 4), QStringLiteral("abc\u2026"));
    QCOMPARE(StepDetails::clipped(QStringLiteral("abc"), 4), QStringLiteral("abc"));
    // A surrogate pair is never cut in half.
    const QString emoji = QStringLiteral("ab\U0001F600cd");
    QVERIFY(!StepDetails::clipped(emoji, 4).contains(QChar(0xD83D)));
}

void StepEventsTest::laterEventsFillInAStepWithoutErasingIt()
{
    const QJsonObject start = parse(R"({"id":"1-0","step_id":"s1","parent_id":null,"kind":"tool",
        "name":"search","status":"running","started_at":"2025-03-01T10:00:00.000Z","input":"q",
        "content":"Searching","reasoning_chain":["a"],"attributes":{"x":1,"y":1}})");
    const QJsonObject end = parse(R"({"id":"2-0","step_id":"s1","parent_id":null,"status":"ok",
        "ended_at":"2025-03-01T10:00:02.000Z","output":"3 results","content":"","reasoning_chain":[],
        "attributes":{"y":2,"z":3}})");
    const QJsonObject step = StepMerge::merged(start, end);
    QCOMPARE(step.value(QLatin1String("id")).toString(), QStringLiteral("2-0"));
    QCOMPARE(step.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(step.value(QLatin1String("name")).toString(), QStringLiteral("search"));
    QCOMPARE(step.value(QLatin1String("input")).toString(), QStringLiteral("q"));
    QCOMPARE(step.value(QLatin1String("output")).toString(), QStringLiteral("3 results"));
    QCOMPARE(step.value(QLatin1String("started_at")).toString(), QStringLiteral("2025-03-01T10:00:00.000Z"));
    QCOMPARE(step.value(QLatin1String("ended_at")).toString(), QStringLiteral("2025-03-01T10:00:02.000Z"));
    QCOMPARE(step.value(QLatin1String("content")).toString(), QStringLiteral("Searching"));
    QCOMPARE(step.value(QLatin1String("reasoning_chain")).toArray().size(), 1);
    QCOMPARE(step.value(QLatin1String("attributes")).toObject(),
        (QJsonObject {{QStringLiteral("x"), 1}, {QStringLiteral("y"), 2}, {QStringLiteral("z"), 3}}));
}

QTEST_GUILESS_MAIN(StepEventsTest)
#include "tst_step_events.moc"
