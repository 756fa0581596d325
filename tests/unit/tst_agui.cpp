// SPDX-License-Identifier: MIT
// AG-UI's pure parts: SSE cut into events kept byte for byte, the event reader, and sessions encoded as
// AG-UI events in sequences @ag-ui/client accepts.
#include "protocols/agui/AgentConfig.h"
#include "protocols/agui/AguiEncoder.h"
#include "protocols/agui/AguiEvent.h"
#include "upstream/SseEventSplitter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

StoredEvent stored(EventKind kind, const QByteArray &json, int sequence, const QString &type = {})
{
    StoredEvent event;
    event.sessionId = QStringLiteral("s");
    event.kind = kind;
    event.id = StreamId::parse(QStringLiteral("1700000000000-%1").arg(sequence)).value();
    event.type = type.isEmpty() ? messageTypeFor(kind) : type;
    event.data = EventData::fromText(json);
    return event;
}

QStringList typesOf(const QList<QJsonObject> &events)
{
    QStringList types;
    for (const QJsonObject &event : events)
        types << event.value(QLatin1String("type")).toString();
    return types;
}

// What @ag-ui/client's verifyEvents insists on, checked here too: one run at a time, steps, messages and
// tool calls started before they go on and closed before the run ends, step names unique while open.
QString sequenceError(const QList<QJsonObject> &events)
{
    bool run = false;
    QSet<QString> steps, texts, tools, reasoning;
    for (const QJsonObject &event : events) {
        const QString type = event.value(QLatin1String("type")).toString();
        const QString message = event.value(QLatin1String("messageId")).toString();
        const QString tool = event.value(QLatin1String("toolCallId")).toString();
        if (type == QLatin1String("RUN_STARTED")) {
            if (run)
                return QStringLiteral("RUN_STARTED in a run");
            run = true;
            continue;
        }
        if (!run)
            return type + QStringLiteral(" outside a run");
        if (type == QLatin1String("RUN_FINISHED") || type == QLatin1String("RUN_ERROR")) {
            if (type == QLatin1String("RUN_FINISHED")
                && !(steps.isEmpty() && texts.isEmpty() && tools.isEmpty() && reasoning.isEmpty()))
                return QStringLiteral("RUN_FINISHED with something open");
            run = false;
            steps.clear();
            texts.clear();
            tools.clear();
            reasoning.clear();
        } else if (type == QLatin1String("STEP_STARTED")) {
            const QString name = event.value(QLatin1String("stepName")).toString();
            if (steps.contains(name))
                return QStringLiteral("a step started twice");
            steps.insert(name);
        } else if (type == QLatin1String("STEP_FINISHED")) {
            if (!steps.remove(event.value(QLatin1String("stepName")).toString()))
                return QStringLiteral("a step finished that was not started");
        } else if (type == QLatin1String("TEXT_MESSAGE_START")) {
            texts.insert(message);
        } else if (type == QLatin1String("TEXT_MESSAGE_CONTENT") && !texts.contains(message)) {
            return QStringLiteral("text content outside its message");
        } else if (type == QLatin1String("TEXT_MESSAGE_END") && !texts.remove(message)) {
            return QStringLiteral("a text message ended that was not started");
        } else if (type == QLatin1String("TOOL_CALL_START")) {
            tools.insert(tool);
        } else if (type == QLatin1String("TOOL_CALL_ARGS") && !tools.contains(tool)) {
            return QStringLiteral("arguments outside their tool call");
        } else if (type == QLatin1String("TOOL_CALL_END") && !tools.remove(tool)) {
            return QStringLiteral("a tool call ended that was not started");
        } else if (type == QLatin1String("REASONING_START")) {
            reasoning.insert(message);
        } else if (type == QLatin1String("REASONING_END") && !reasoning.remove(message)) {
            return QStringLiteral("reasoning ended that was not started");
        }
    }
    return {};
}

} // namespace

class AguiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventsAreCutAndKeptByteForByte_data();
    void eventsAreCutAndKeptByteForByte();
    void anEventOverTheBoundFailsTheSplitter();
    void agentNamesAndUrlsAreChecked();
    void eventsAreReadWithTheirRequiredFields_data();
    void eventsAreReadWithTheirRequiredFields();
    void olderThinkingEventsReadAsReasoning();
    void aTracedSessionBecomesStepsAndToolCalls();
    void aStepPublishedTwiceStartsAndFinishesOnce();
    void aChatSessionStreamsItsReasoningOnce();
    void answersAreTextMessagesAndFailuresRunErrors();
    void aRequestsAnswerWithoutAnIdIsOneTextMessage();
    void everythingOpenIsClosedBeforeTheRunEnds();
    void stepsWithTheSameNameStayApart();
    void aLongRunForgetsItsOldestSteps();
};

void AguiTest::eventsAreCutAndKeptByteForByte_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("events");
    QTest::newRow("LF") << QByteArray("data: {\"type\":\"A\"}\n\ndata: {\"type\":\"B\"}\n\n") << 2;
    QTest::newRow("CRLF") << QByteArray(
        "data: {\"type\":\"A\"}\r\n\r\nid: 7\r\ndata: {\"type\":\"B\"}\r\n\r\n")
                          << 2;
    QTest::newRow("CR") << QByteArray("data: {\"type\":\"A\"}\r\rdata: {\"type\":\"B\"}\r\r") << 2;
    QTest::newRow("comment and event lines")
        << QByteArray(": keep-alive\n\nevent: message\ndata: {\"type\":\"A\"}\ndata: \n\n") << 2;
}

void AguiTest::eventsAreCutAndKeptByteForByte()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, events);
    // Every cut of the stream into two pieces gives the same events, with the same bytes.
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        SseEventSplitter splitter;
        QList<RawSseEvent> got = splitter.feed(stream.left(cut));
        got += splitter.feed(stream.mid(cut));
        got += splitter.finish();
        QCOMPARE(got.size(), events);
        QByteArray joined;
        for (const RawSseEvent &event : got)
            joined += event.bytes;
        QCOMPARE(joined, stream);
        QByteArray relayed;
        for (const RawSseEvent &event : got)
            relayed += withLineFeeds(event.bytes);
        QVERIFY2(!relayed.contains('\r'), relayed.constData());
        QCOMPARE(relayed.count("\n\n"), qsizetype(events)); // as @ag-ui/client cuts them
        QVERIFY(got.last().hasData);
        QVERIFY(got.last().event.data.startsWith("{\"type\":"));
    }
    // And byte by byte.
    SseEventSplitter splitter;
    QList<RawSseEvent> got;
    for (char c : stream)
        got += splitter.feed(QByteArrayView(&c, 1));
    got += splitter.finish();
    QCOMPARE(got.size(), events);
}

void AguiTest::anEventOverTheBoundFailsTheSplitter()
{
    SseEventSplitter splitter(1024);
    QVERIFY(splitter.feed("data: " + QByteArray(600, 'x') + "\n").isEmpty());
    QVERIFY(splitter.feed("data: " + QByteArray(600, 'y')).isEmpty());
    QVERIFY(splitter.hasFailed());
    QVERIFY(splitter.error().contains(QLatin1String("1024")));
    QCOMPARE(splitter.unfinishedBytes(), 0);
    // An event cut short at the end is dropped.
    SseEventSplitter cut;
    QVERIFY(cut.feed("data: {\"type\":\"A\"}\n").isEmpty());
    QVERIFY(cut.finish().isEmpty());
}

void AguiTest::agentNamesAndUrlsAreChecked()
{
    QString error;
    const auto agent = AgentConfig::parse(QStringLiteral("travel=http://127.0.0.1:8000/agent"), &error);
    QVERIFY(agent);
    QCOMPARE(agent->name, QStringLiteral("travel"));
    QCOMPARE(agent->url.port(), 8000);
    for (const char *bad : {"travel", "=http://x", "a/b=http://x", "t=ftp://x", "t=http://", "t=not a url"})
        QVERIFY2(!AgentConfig::parse(QLatin1String(bad), &error), bad);
    QVERIFY(!AgentConfig::parseList({QStringLiteral("a=http://x"), QStringLiteral("a=http://y")}, &error));
    QVERIFY(error.contains(QLatin1String("twice")));
}

void AguiTest::eventsAreReadWithTheirRequiredFields_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("problem"); // empty: read
    QTest::newRow("run started") << QByteArray(R"({"type":"RUN_STARTED","threadId":"t","runId":"r"})") << "";
    QTest::newRow("unknown type, kept") << QByteArray(R"({"type":"ACTIVITY_SNAPSHOT","x":1})") << "";
    QTest::newRow("tool result with parts") << QByteArray(
        R"({"type":"TOOL_CALL_RESULT","messageId":"m","toolCallId":"c","content":[{"type":"text","text":"t"}]})")
                                            << "";
    QTest::newRow("not JSON") << QByteArray("{") << "not JSON";
    QTest::newRow("an array") << QByteArray("[]") << "not a JSON object";
    QTest::newRow("no type") << QByteArray(R"({"delta":"x"})") << "without a type";
    QTest::newRow("run without runId") << QByteArray(R"({"type":"RUN_STARTED","threadId":"t"})") << "'runId'";
    QTest::newRow("content without delta")
        << QByteArray(R"({"type":"TEXT_MESSAGE_CONTENT","messageId":"m"})") << "'delta'";
    QTest::newRow("delta a number") << QByteArray(R"({"type":"TEXT_MESSAGE_CHUNK","delta":5})") << "'delta'";
    QTest::newRow("tool result without content")
        << QByteArray(R"({"type":"TOOL_CALL_RESULT","messageId":"m","toolCallId":"c"})") << "'content'";
}

void AguiTest::eventsAreReadWithTheirRequiredFields()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, problem);
    QString error;
    const auto event = AguiEvent::read(data, &error);
    QCOMPARE(bool(event), problem.isEmpty());
    if (!event)
        QVERIFY2(error.contains(problem), qPrintable(error));
}

void AguiTest::olderThinkingEventsReadAsReasoning()
{
    QString error;
    const auto event = AguiEvent::read(R"({"type":"THINKING_TEXT_MESSAGE_CONTENT","delta":"hm"})", &error);
    QVERIFY(event);
    QCOMPARE(event->type, QStringLiteral("THINKING_TEXT_MESSAGE_CONTENT"));
    QCOMPARE(event->kind, QStringLiteral("REASONING_MESSAGE_CONTENT"));
}

void AguiTest::aTracedSessionBecomesStepsAndToolCalls()
{
    AguiEncoder encoder(QStringLiteral("s"));
    QList<QJsonObject> out;
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"progress","message":"Trace started","current_activity":"started","run_id":"trace-1","timestamp":"2025-01-01T00:00:00.000Z"})",
        0));
    out += encoder.encode(stored(EventKind::Thinking,
        R"({"thinking_type":"reasoning","content":"get_weather","step_id":"t1","parent_id":"a1","kind":"tool","name":"get_weather","status":"error","input":"{}","output":"","ended_at":"2025-01-01T00:00:01.000Z"})",
        1));
    out += encoder.encode(stored(EventKind::Thinking,
        R"({"thinking_type":"reasoning","content":"Why","step_id":"a1:reasoning","parent_id":"a1","kind":"reasoning","status":"ok"})",
        2));
    out += encoder.encode(stored(EventKind::Thinking,
        R"({"thinking_type":"reasoning","content":"planner","step_id":"a1","parent_id":null,"kind":"agent","name":"planner","status":"ok"})",
        3));
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"completion","message":"Done","current_activity":"done","run_id":"trace-1"})", 4));
    out += encoder.encode(stored(
        EventKind::Thinking, R"({"session_id":"s","reason":"ended"})", 5, QStringLiteral("session_end")));
    QCOMPARE(typesOf(out),
        (QStringList {QStringLiteral("RUN_STARTED"), QStringLiteral("TOOL_CALL_START"),
            QStringLiteral("TOOL_CALL_ARGS"), QStringLiteral("TOOL_CALL_END"),
            QStringLiteral("TOOL_CALL_RESULT"), QStringLiteral("REASONING_START"),
            QStringLiteral("REASONING_MESSAGE_START"), QStringLiteral("REASONING_MESSAGE_CONTENT"),
            QStringLiteral("REASONING_MESSAGE_END"), QStringLiteral("REASONING_END"),
            QStringLiteral("STEP_STARTED"), QStringLiteral("STEP_FINISHED"),
            QStringLiteral("RUN_FINISHED")}));
    QCOMPARE(sequenceError(out), QString());
    QCOMPARE(out.first().value(QLatin1String("runId")).toString(), QStringLiteral("trace-1"));
    QCOMPARE(out.first().value(QLatin1String("threadId")).toString(), QStringLiteral("s"));
    QCOMPARE(out.first().value(QLatin1String("timestamp")).toInteger(), 1735689600000);
    QVERIFY(out.at(4).value(QLatin1String("content")).toString().startsWith(QLatin1String("error")));
    QCOMPARE(out.at(10)
                 .value(QLatin1String("metadata"))[QLatin1String("ponder")][QLatin1String("kind")]
                 .toString(),
        QStringLiteral("agent"));
    QVERIFY(encoder.ended());
    QVERIFY(encoder.encode(stored(EventKind::Progress, R"({"update_type":"progress","message":"late"})", 6))
                .isEmpty());
}

void AguiTest::aStepPublishedTwiceStartsAndFinishesOnce()
{
    AguiEncoder encoder(QStringLiteral("s"));
    QList<QJsonObject> out;
    out += encoder.encode(stored(EventKind::Thinking,
        R"({"thinking_type":"planning","content":"Plan","step_id":"p","kind":"step","name":"plan","status":"running"})",
        0));
    QCOMPARE(typesOf(out), (QStringList {QStringLiteral("RUN_STARTED"), QStringLiteral("STEP_STARTED")}));
    out += encoder.encode(stored(
        EventKind::Thinking, R"({"thinking_type":"planning","content":"","step_id":"p","status":"ok"})", 1));
    out += encoder.encode(stored(
        EventKind::Thinking, R"({"thinking_type":"planning","content":"","step_id":"p","status":"ok"})", 2));
    QCOMPARE(typesOf(out).count(QStringLiteral("STEP_FINISHED")), 1);
    QCOMPARE(out.last().value(QLatin1String("stepName")).toString(), QStringLiteral("plan"));
    // A tool step: called, then its arguments, then its result.
    QList<QJsonObject> tool = encoder.encode(stored(EventKind::Thinking,
        R"({"thinking_type":"reasoning","content":"search","step_id":"c","kind":"tool","name":"search","status":"running"})",
        3));
    tool += encoder.encode(stored(EventKind::Thinking,
        R"({"thinking_type":"reasoning","content":"search","step_id":"c","status":"running","input":"q"})",
        4));
    tool += encoder.encode(stored(EventKind::Thinking,
        R"({"thinking_type":"reasoning","content":"search","step_id":"c","status":"ok","output":"3 hits"})",
        5));
    QCOMPARE(typesOf(tool),
        (QStringList {QStringLiteral("TOOL_CALL_START"), QStringLiteral("TOOL_CALL_ARGS"),
            QStringLiteral("TOOL_CALL_END"), QStringLiteral("TOOL_CALL_RESULT")}));
    QCOMPARE(tool.last().value(QLatin1String("content")).toString(), QStringLiteral("3 hits"));
    QCOMPARE(sequenceError(out + tool), QString());
}

void AguiTest::aChatSessionStreamsItsReasoningOnce()
{
    AguiEncoder encoder(QStringLiteral("s"));
    QList<QJsonObject> out;
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"progress","message":"Request received","current_activity":"received"})", 0));
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"thinking_aloud","message":"Light ","current_activity":"thinking"})", 1));
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"thinking_aloud","message":"scatters.","current_activity":"thinking"})", 2));
    // The same text, cut into a step: not shown again.
    out += encoder.encode(stored(EventKind::Thinking,
        R"({"thinking_type":"reasoning","content":"Light scatters.","context_used":{"source":"model_reasoning","step":1}})",
        3));
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"progress","message":"3 tokens","current_activity":"generating"})", 4));
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"completion","message":"Done","current_activity":"done"})", 5));
    QCOMPARE(typesOf(out),
        (QStringList {QStringLiteral("RUN_STARTED"), QStringLiteral("REASONING_START"),
            QStringLiteral("REASONING_MESSAGE_START"), QStringLiteral("REASONING_MESSAGE_CONTENT"),
            QStringLiteral("REASONING_MESSAGE_CONTENT"), QStringLiteral("CUSTOM"),
            QStringLiteral("REASONING_MESSAGE_END"), QStringLiteral("REASONING_END"),
            QStringLiteral("RUN_FINISHED")}));
    QCOMPARE(out.at(5).value(QLatin1String("name")).toString(), QStringLiteral("ponder.progress"));
    QCOMPARE(sequenceError(out), QString());
    // The next request in the conversation is a new run of the same thread.
    const QList<QJsonObject> next = encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"progress","message":"Request received","current_activity":"received"})", 6));
    QCOMPARE(typesOf(next), QStringList {QStringLiteral("RUN_STARTED")});
    QVERIFY(next.first().value(QLatin1String("runId")).toString()
        != out.first().value(QLatin1String("runId")).toString());
}

void AguiTest::answersAreTextMessagesAndFailuresRunErrors()
{
    AguiEncoder encoder(QStringLiteral("s"));
    QList<QJsonObject> out;
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"intermediate_result","message":"It is ","current_activity":"answering","message_id":"m1"})",
        0));
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"intermediate_result","message":"sunny.","current_activity":"answering","message_id":"m1","message_end":true})",
        1));
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"intermediate_result","message":"STATE_SNAPSHOT","current_activity":"state","agui_event":{"type":"STATE_SNAPSHOT","snapshot":{"k":1}}})",
        2));
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"warning","message":"Failed: boom","current_activity":"failed","code":"agent_disconnected"})",
        3));
    QCOMPARE(typesOf(out),
        (QStringList {QStringLiteral("RUN_STARTED"), QStringLiteral("TEXT_MESSAGE_START"),
            QStringLiteral("TEXT_MESSAGE_CONTENT"), QStringLiteral("TEXT_MESSAGE_CONTENT"),
            QStringLiteral("TEXT_MESSAGE_END"), QStringLiteral("STATE_SNAPSHOT"),
            QStringLiteral("RUN_ERROR")}));
    QCOMPARE(out.at(5).value(QLatin1String("snapshot"))[QLatin1String("k")].toInt(), 1);
    QCOMPARE(out.last().value(QLatin1String("message")).toString(), QStringLiteral("Failed: boom"));
    QCOMPARE(out.last().value(QLatin1String("code")).toString(), QStringLiteral("agent_disconnected"));
    QCOMPARE(sequenceError(out), QString());
}

// A model's request, as Ponder publishes it: its answer in pieces with no message id, one message.
void AguiTest::aRequestsAnswerWithoutAnIdIsOneTextMessage()
{
    AguiEncoder encoder(QStringLiteral("s"));
    QList<QJsonObject> out;
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"progress","message":"Request received","current_activity":"received"})", 0));
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"intermediate_result","message":"Paris ","current_activity":"answering"})", 1));
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"intermediate_result","message":"it is.","current_activity":"answering"})", 2));
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"completion","message":"Done","current_activity":"done"})", 3));
    QCOMPARE(typesOf(out),
        (QStringList {QStringLiteral("RUN_STARTED"), QStringLiteral("TEXT_MESSAGE_START"),
            QStringLiteral("TEXT_MESSAGE_CONTENT"), QStringLiteral("TEXT_MESSAGE_CONTENT"),
            QStringLiteral("TEXT_MESSAGE_END"), QStringLiteral("RUN_FINISHED")}));
    QCOMPARE(out.at(2).value(QLatin1String("messageId")), out.at(3).value(QLatin1String("messageId")));
    QCOMPARE(sequenceError(out), QString());
}

void AguiTest::everythingOpenIsClosedBeforeTheRunEnds()
{
    AguiEncoder encoder(QStringLiteral("s"));
    QList<QJsonObject> out;
    out += encoder.encode(stored(EventKind::Thinking,
        R"({"thinking_type":"reasoning","content":"x","step_id":"a","kind":"step","name":"a","status":"running"})",
        0));
    out += encoder.encode(stored(EventKind::Thinking,
        R"({"thinking_type":"reasoning","content":"x","step_id":"t","kind":"tool","name":"t","status":"running"})",
        1));
    out += encoder.encode(stored(EventKind::Progress,
        R"({"update_type":"intermediate_result","message":"half","current_activity":"answering","message_id":"m"})",
        2));
    out += encoder.encode(
        stored(EventKind::Progress, R"({"update_type":"thinking_aloud","message":"hm"})", 3));
    out += encoder.encode(stored(
        EventKind::Progress, R"({"session_id":"s","reason":"ended"})", 4, QStringLiteral("session_end")));
    QCOMPARE(out.last().value(QLatin1String("type")).toString(), QStringLiteral("RUN_FINISHED"));
    QCOMPARE(sequenceError(out), QString());
}

void AguiTest::stepsWithTheSameNameStayApart()
{
    AguiEncoder encoder(QStringLiteral("s"));
    QList<QJsonObject> out;
    for (int i = 0; i < 3; ++i)
        out += encoder.encode(stored(EventKind::Thinking,
            QStringLiteral(
                R"({"thinking_type":"reasoning","content":"chat","step_id":"c%1","kind":"llm","name":"chat qwen3","status":"running"})")
                .arg(i)
                .toUtf8(),
            i));
    for (int i = 0; i < 3; ++i)
        out += encoder.encode(stored(EventKind::Thinking,
            QStringLiteral(R"({"thinking_type":"reasoning","content":"","step_id":"c%1","status":"ok"})")
                .arg(i)
                .toUtf8(),
            3 + i));
    QCOMPARE(typesOf(out).count(QStringLiteral("STEP_FINISHED")), 3);
    QCOMPARE(sequenceError(out), QString());
}

void AguiTest::aLongRunForgetsItsOldestSteps()
{
    AguiEncoder encoder(QStringLiteral("s"));
    QList<QJsonObject> out;
    const qsizetype steps = AguiEncoder::MaxRememberedSteps + 50;
    for (qsizetype i = 0; i < steps; ++i)
        out += encoder.encode(stored(EventKind::Thinking,
            QStringLiteral(
                R"({"thinking_type":"reasoning","content":"s","step_id":"s%1","kind":"step","name":"s%1","status":"running"})")
                .arg(i)
                .toUtf8(),
            int(i)));
    // The oldest were closed when they were forgotten; the sequence stays valid to its end.
    QCOMPARE(typesOf(out).count(QStringLiteral("STEP_FINISHED")), 50);
    out += encoder.encode(
        stored(EventKind::Progress, R"({"update_type":"completion","message":"Done"})", int(steps)));
    QCOMPARE(typesOf(out).count(QStringLiteral("STEP_FINISHED")), steps);
    QCOMPARE(sequenceError(out), QString());
}

QTEST_GUILESS_MAIN(AguiTest)
#include "tst_agui.moc"
