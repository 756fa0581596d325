// SPDX-License-Identifier: MIT
// POST /v1/traces over real sockets: protobuf and JSON, gzip, spans becoming nested steps of a session
// that is titled, followed and ended by its trace, and every refusal in the OTLP error shape.
#include "BackendFixture.h"
#include "GzipTestData.h"
#include "WebSocketTestClient.h"
#include "otlp_trace_service.pb.h"

#include <QJsonArray>
#include <QSet>
#include <QTcpServer>
#include <QTest>

namespace {

namespace pb = ponder::otlp;

const QString TraceHex = QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736");
constexpr quint64 T0 = 1'700'000'000'000'000'000ULL;
constexpr quint64 Second = 1'000'000'000ULL;

void setString(pb::KeyValue *pair, const char *key, const char *value)
{
    pair->set_key(key);
    pair->mutable_value()->set_string_value(value);
}

struct SpanSpec
{
    const char *spanHex;
    const char *parentHex; // "" for the root
    const char *operation;
    const char *name; // agent or tool name, or the span's name
    bool failed = false;
    const char *traceHex = "4bf92f3577b34da6a3ce929d0e0e4736";
};

pb::ExportTraceServiceRequest requestOf(const QList<SpanSpec> &specs, const char *resourceSessionId = nullptr,
    const char *spanSessionId = nullptr)
{
    pb::ExportTraceServiceRequest request;
    auto *resource = request.add_resource_spans();
    setString(resource->mutable_resource()->add_attributes(), "service.name", "travel-service");
    if (resourceSessionId)
        setString(resource->mutable_resource()->add_attributes(), "session.id", resourceSessionId);
    auto *scope = resource->add_scope_spans();
    scope->mutable_scope()->set_name("ponder-tests");
    int index = 0;
    for (const SpanSpec &spec : specs) {
        pb::Span *span = scope->add_spans();
        span->set_trace_id(QByteArray::fromHex(spec.traceHex).toStdString());
        span->set_span_id(QByteArray::fromHex(spec.spanHex).toStdString());
        span->set_parent_span_id(QByteArray::fromHex(spec.parentHex).toStdString());
        span->set_start_time_unix_nano(T0 + quint64(index) * Second);
        span->set_end_time_unix_nano(T0 + quint64(index + 1) * Second);
        setString(span->add_attributes(), "gen_ai.operation.name", spec.operation);
        const QByteArray operation(spec.operation);
        if (operation == "invoke_agent")
            setString(span->add_attributes(), "gen_ai.agent.name", spec.name);
        else if (operation == "execute_tool")
            setString(span->add_attributes(), "gen_ai.tool.name", spec.name);
        span->set_name((operation + ' ' + spec.name).toStdString());
        if (spanSessionId)
            setString(span->add_attributes(), "session.id", spanSessionId);
        if (spec.failed) {
            span->mutable_status()->set_code(2);
            span->mutable_status()->set_message("the tool timed out");
        }
        ++index;
    }
    return request;
}

QByteArray bytesOf(const google::protobuf::MessageLite &message)
{
    const std::string bytes = message.SerializeAsString();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

const QList<SpanSpec> WholeRun {{"1111111111111111", "", "invoke_agent", "travel-planner"},
    {"2222222222222222", "1111111111111111", "chat", "qwen3"},
    {"3333333333333333", "1111111111111111", "execute_tool", "get_weather", true}};

QList<QJsonObject> eventsOf(BackendFixture &server, const QString &session)
{
    QList<QJsonObject> events;
    for (const QJsonValue &event : server.storedEvents(session))
        events << event.toObject();
    return events;
}

QJsonObject stepWithId(const QList<QJsonObject> &events, const QString &stepId)
{
    for (const QJsonObject &event : events) {
        const QJsonObject data = event.value(QLatin1String("data")).toObject();
        if (data.value(QLatin1String("step_id")).toString() == stepId)
            return data;
    }
    return {};
}

} // namespace

class TraceApiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aProtobufExportBecomesANestedFinishedSession();
    void aGzipJsonExportIsAnsweredInJson();
    void aSpansReasoningIsAStepTheSummaryCounts();
    void childrenBeforeTheirParentStillNestAndTheRootTitlesTheSession();
    void sessionIdsComeFromAttributesElseTheTrace();
    void aTracesEarlierStepsMoveToTheConversationItsRootNames();
    void aTraceNamedBySessionIdStaysThereWhenItsRootNamesAConversation();
    void aSessionsNextTraceIsARunThatStartsAndEnds();
    void refusedSpansArePartialSuccess();
    void badBodiesGetAStatusInTheirEncoding_data();
    void badBodiesGetAStatusInTheirEncoding();
    void aBodyOverTheLimitIsRefusedFromItsHead();
    void theApiKeyIsTakenAsExportersSendIt();
    void busyCappedOrUnavailableSayWhenToRetry();

private:
    HttpTestReply post(BackendFixture &server, const QByteArray &body,
        const QByteArray &type = "application/x-protobuf", HttpTestClient::Headers headers = {});
    HttpTestClient m_client;
};

HttpTestReply TraceApiTest::post(
    BackendFixture &server, const QByteArray &body, const QByteArray &type, HttpTestClient::Headers headers)
{
    headers.append({"Content-Type", type});
    return m_client.send("POST", server.url(QStringLiteral("/v1/traces")), body, headers);
}

void TraceApiTest::aProtobufExportBecomesANestedFinishedSession()
{
    BackendFixture server;
    QVERIFY(server.start());
    const HttpTestReply reply = post(server, bytesOf(requestOf(WholeRun)));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("content-type"), QByteArray("application/x-protobuf"));
    pb::ExportTraceServiceResponse response;
    QVERIFY(response.ParseFromArray(reply.body.constData(), int(reply.body.size())));
    QVERIFY(!response.has_partial_success());

    const QJsonObject session = server.get(QStringLiteral("/sessions/") + TraceHex).json().object();
    QCOMPARE(session.value(QLatin1String("user_request")).toString(), QStringLiteral("travel-planner"));
    QCOMPARE(session.value(QLatin1String("system_context"))[QLatin1String("source")].toString(),
        QStringLiteral("opentelemetry"));
    QCOMPARE(session.value(QLatin1String("system_context"))[QLatin1String("service")].toString(),
        QStringLiteral("travel-service"));
    QVERIFY(!session.value(QLatin1String("active")).toBool()); // the root span ended

    const QList<QJsonObject> events = eventsOf(server, TraceHex);
    const QJsonObject agent = stepWithId(events, QStringLiteral("1111111111111111"));
    QCOMPARE(agent.value(QLatin1String("kind")).toString(), QStringLiteral("agent"));
    QCOMPARE(agent.value(QLatin1String("name")).toString(), QStringLiteral("travel-planner"));
    QVERIFY(agent.value(QLatin1String("parent_id")).isNull());
    QCOMPARE(agent.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    const QJsonObject chat = stepWithId(events, QStringLiteral("2222222222222222"));
    QCOMPARE(chat.value(QLatin1String("kind")).toString(), QStringLiteral("llm"));
    QCOMPARE(chat.value(QLatin1String("parent_id")).toString(), QStringLiteral("1111111111111111"));
    QCOMPARE(chat.value(QLatin1String("started_at")).toString(), QStringLiteral("2023-11-14T22:13:21.000Z"));
    QCOMPARE(chat.value(QLatin1String("ended_at")).toString(), QStringLiteral("2023-11-14T22:13:22.000Z"));
    const QJsonObject tool = stepWithId(events, QStringLiteral("3333333333333333"));
    QCOMPARE(tool.value(QLatin1String("kind")).toString(), QStringLiteral("tool"));
    QCOMPARE(tool.value(QLatin1String("name")).toString(), QStringLiteral("get_weather"));
    QCOMPARE(tool.value(QLatin1String("status")).toString(), QStringLiteral("error"));
    QVERIFY(tool.value(QLatin1String("content")).toString().contains(QLatin1String("the tool timed out")));

    // Progress: started, then done (the root did not fail, though one step did), then the end.
    QStringList activities;
    for (const QJsonObject &event : events) {
        if (event.value(QLatin1String("type")).toString() == QLatin1String("progress_update"))
            activities << event.value(QLatin1String("data"))[QLatin1String("current_activity")].toString();
    }
    QCOMPARE(activities, (QStringList {QStringLiteral("started"), QStringLiteral("done")}));
    QCOMPARE(events.last().value(QLatin1String("type")).toString(), QStringLiteral("session_end"));
    // Besides the English message, the moments say in fields what the window words itself: which trace,
    // its title, and how many steps were done and failed.
    const QJsonObject done = events.at(events.size() - 2).value(QLatin1String("data")).toObject();
    QCOMPARE(done.value(QLatin1String("current_activity")).toString(), QStringLiteral("done"));
    QCOMPARE(done.value(QLatin1String("run_id")).toString(), TraceHex);
    QVERIFY(done.value(QLatin1String("trace_title")).isString());
    QCOMPARE(done.value(QLatin1String("steps_done")).toInt(), 3);
    QCOMPARE(done.value(QLatin1String("steps_failed")).toInt(), 1);
    QVERIFY(!done.contains(QLatin1String("reason")));
    QCOMPARE(done.value(QLatin1String("message")).toString(), QStringLiteral("Done: 3 steps, 1 failed"));
    // On the trace's own clock (its spans are from 2023): started when its first span started, done when
    // its root ended, not when the export happened to arrive.
    QCOMPARE(done.value(QLatin1String("timestamp")).toString(), QStringLiteral("2023-11-14T22:13:21.000Z"));
    for (const QJsonObject &event : events) {
        const QJsonObject data = event.value(QLatin1String("data")).toObject();
        if (data.value(QLatin1String("current_activity")) == QLatin1String("started"))
            QCOMPARE(data.value(QLatin1String("timestamp")).toString(),
                QStringLiteral("2023-11-14T22:13:20.000Z"));
    }
}

void TraceApiTest::aGzipJsonExportIsAnsweredInJson()
{
    BackendFixture server;
    QVERIFY(server.start());
    const QByteArray json
        = R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c",
        "spanId":"eee19b7ec3c1b174","name":"invoke_agent helper","startTimeUnixNano":"1700000000000000000",
        "endTimeUnixNano":"1700000001000000000","status":{"code":2,"message":"ran out of budget"},
        "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"invoke_agent"}},
        {"key":"gen_ai.agent.name","value":{"stringValue":"helper"}}]}]}]}]})";
    const HttpTestReply reply
        = post(server, gzipped(json), "application/json", {{"Content-Encoding", "gzip"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("content-type"), QByteArray("application/json"));
    QCOMPARE(reply.json().object(), QJsonObject());
    const QList<QJsonObject> events = eventsOf(server, QStringLiteral("5b8efff798038103d269b633813fc60c"));
    const QJsonObject last = events.at(events.size() - 2).value(QLatin1String("data")).toObject();
    QCOMPARE(last.value(QLatin1String("current_activity")).toString(), QStringLiteral("failed"));
    QVERIFY(last.value(QLatin1String("message")).toString().contains(QLatin1String("ran out of budget")));
    // The root span's own words, apart from Ponder's English, for the window to quote.
    QCOMPARE(last.value(QLatin1String("reason")).toString(), QStringLiteral("ran out of budget"));
    QCOMPARE(last.value(QLatin1String("steps_done")).toInt(), 1);
    QCOMPARE(last.value(QLatin1String("steps_failed")).toInt(), 1);
}

void TraceApiTest::aSpansReasoningIsAStepTheSummaryCounts()
{
    BackendFixture server;
    QVERIFY(server.start());
    // A root and a chat that recorded its reasoning: three steps (the reasoning is one, under the chat), so
    // "Trace done" says three, as the window's step count does (it said two, the spans).
    const auto spansOf = [](const char *traceHex, const char *conversation) {
        const QByteArray chat = QByteArray(R"({"traceId":"TRACE","spanId":"aaa19b7ec3c1b174",
            "parentSpanId":"bbb19b7ec3c1b174","name":"chat qwen3","startTimeUnixNano":"1700000000100000000",
            "endTimeUnixNano":"1700000000500000000","attributes":[{"key":"gen_ai.operation.name",
            "value":{"stringValue":"chat"}},{"key":"gen_ai.output.messages","value":{"stringValue":
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"reasoning\",\"content\":\"Search first.\"},{\"type\":\"text\",\"content\":\"Searching.\"}]}]"}}]})")
                                    .replace("TRACE", traceHex);
        QByteArray root
            = QByteArray(R"({"traceId":"TRACE","spanId":"bbb19b7ec3c1b174","name":"invoke_agent helper",
            "startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000001000000000",
            "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"invoke_agent"}},
            {"key":"gen_ai.agent.name","value":{"stringValue":"helper"}}CONVERSATION]})")
                  .replace("TRACE", traceHex);
        root.replace("CONVERSATION",
            conversation ? QByteArray(R"(,{"key":"gen_ai.conversation.id","value":{"stringValue":")")
                    + conversation + "\"}}"
                         : QByteArray());
        return std::pair {chat, root};
    };
    const auto exportOf = [](const QByteArrayList &spans) {
        return R"({"resourceSpans":[{"scopeSpans":[{"spans":[)" + spans.join(',') + "]}]}]}";
    };
    const auto counted = [&server](const QString &session) {
        const QList<QJsonObject> events = eventsOf(server, session);
        if (events.size() < 2)
            return std::pair {0, QString()};
        QSet<QString> steps;
        for (const QJsonObject &event : events) {
            if (event.value(QLatin1String("type")).toString() == QLatin1String("thinking_step"))
                steps.insert(event.value(QLatin1String("data"))[QLatin1String("step_id")].toString());
        }
        const QJsonObject done = events.at(events.size() - 2).value(QLatin1String("data")).toObject();
        return std::pair {int(steps.size()),
            done.value(QLatin1String("current_activity")).toString() + QLatin1Char(' ')
                + QString::number(done.value(QLatin1String("steps_done")).toInt())};
    };
    const auto whole = spansOf("6c8efff798038103d269b633813fc60d", nullptr);
    QCOMPARE(post(server, exportOf({whole.first, whole.second}), "application/json").status, 200);
    QCOMPARE(
        counted(QStringLiteral("6c8efff798038103d269b633813fc60d")), std::pair(3, QStringLiteral("done 3")));

    // The same when the chat is exported first and the root then names the conversation its steps move to.
    const auto split = spansOf("7d8efff798038103d269b633813fc60e", "conv-r");
    QCOMPARE(post(server, exportOf({split.first}), "application/json").status, 200);
    QCOMPARE(post(server, exportOf({split.second}), "application/json").status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(
        counted(QStringLiteral("conv-r")), std::pair(3, QStringLiteral("done 3")), 15000);
}

void TraceApiTest::childrenBeforeTheirParentStillNestAndTheRootTitlesTheSession()
{
    BackendFixture server;
    QVERIFY(server.start());
    // As a batch span processor sends them: the children end first and go in an earlier export.
    QCOMPARE(post(server, bytesOf(requestOf(WholeRun.mid(1), "conv-7"))).status, 200);
    QJsonObject session = server.get(QStringLiteral("/sessions/conv-7")).json().object();
    // No span names the trace yet: its service does, better than its id (which stays the session's).
    QCOMPARE(session.value(QLatin1String("user_request")).toString(), QStringLiteral("travel-service"));
    QVERIFY(session.value(QLatin1String("active")).toBool());

    WebSocketTestClient watcher;
    QVERIFY(watcher.open(server.webSocketUrl(QStringLiteral("/ws/sessions/conv-7"))));
    QCOMPARE(post(server, bytesOf(requestOf(WholeRun.mid(0, 1), "conv-7"))).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(!watcher.messagesOfType(QStringLiteral("session_end")).isEmpty(), 15000);
    const QList<QJsonObject> steps = watcher.messagesOfType(QStringLiteral("thinking_step"));
    QCOMPARE(steps.last().value(QLatin1String("data"))[QLatin1String("step_id")].toString(),
        QStringLiteral("1111111111111111"));
    const QList<QJsonObject> events = eventsOf(server, QStringLiteral("conv-7"));
    QCOMPARE(
        stepWithId(events, QStringLiteral("2222222222222222")).value(QLatin1String("parent_id")).toString(),
        QStringLiteral("1111111111111111"));
    session = server.get(QStringLiteral("/sessions/conv-7")).json().object();
    QCOMPARE(session.value(QLatin1String("user_request")).toString(), QStringLiteral("travel-planner"));
    QVERIFY(!session.value(QLatin1String("active")).toBool());
}

void TraceApiTest::sessionIdsComeFromAttributesElseTheTrace()
{
    BackendFixture server;
    QVERIFY(server.start());
    // A span's own session.id wins over its resource's.
    QCOMPARE(post(server, bytesOf(requestOf(WholeRun.mid(1, 1), "from-resource", "from-span"))).status, 200);
    QCOMPARE(server.get(QStringLiteral("/sessions/from-span")).status, 200);
    QCOMPARE(server.get(QStringLiteral("/sessions/from-resource")).status, 404);

    // gen_ai.conversation.id when there is no session.id.
    pb::ExportTraceServiceRequest conversation = requestOf(
        {{"4444444444444444", "1111111111111111", "chat", "m", false, "0af7651916cd43dd8448eb211c80319c"}});
    setString(
        conversation.mutable_resource_spans(0)->mutable_scope_spans(0)->mutable_spans(0)->add_attributes(),
        "gen_ai.conversation.id", "conversation-9");
    QCOMPARE(post(server, bytesOf(conversation)).status, 200);
    QCOMPARE(server.get(QStringLiteral("/sessions/conversation-9")).status, 200);

    // An id Ponder cannot use is said, and the trace is kept under its own id.
    const HttpTestReply reply = post(server,
        bytesOf(requestOf({{"5555555555555555", "", "chat", "m", false, "0af7651916cd43dd8448eb211c80319d"}},
            nullptr, "not a valid id")));
    QCOMPARE(reply.status, 200);
    pb::ExportTraceServiceResponse response;
    QVERIFY(response.ParseFromArray(reply.body.constData(), int(reply.body.size())));
    QCOMPARE(response.partial_success().rejected_spans(), 0);
    QVERIFY(QString::fromStdString(response.partial_success().error_message())
                .contains(QLatin1String("not a valid id")));
    QCOMPARE(server.get(QStringLiteral("/sessions/0af7651916cd43dd8448eb211c80319d")).status, 200);
}

void TraceApiTest::aTracesEarlierStepsMoveToTheConversationItsRootNames()
{
    BackendFixture server;
    QVERIFY(server.start());
    // GenAI instrumentations put gen_ai.conversation.id on the agent's span, the root, which ends and is
    // exported last; its children name no conversation. Two runs of one conversation, each in two exports.
    const auto runOf = [](const char *traceHex, const char *rootHex, const char *chatHex,
                           const char *toolHex) {
        const QList<SpanSpec> children {{chatHex, rootHex, "chat", "qwen3", false, traceHex},
            {toolHex, rootHex, "execute_tool", "get_weather", true, traceHex}};
        pb::ExportTraceServiceRequest root
            = requestOf({{rootHex, "", "invoke_agent", "travel-planner", false, traceHex}});
        setString(root.mutable_resource_spans(0)->mutable_scope_spans(0)->mutable_spans(0)->add_attributes(),
            "gen_ai.conversation.id", "conv-42");
        return std::pair {bytesOf(requestOf(children)), bytesOf(root)};
    };
    const auto first = runOf(
        "4bf92f3577b34da6a3ce929d0e0e4736", "1111111111111111", "2222222222222222", "3333333333333333");
    QCOMPARE(post(server, first.first).status, 200);
    // Nothing names the conversation yet: the steps are the trace's, live under its id.
    QVERIFY(
        server.get(QStringLiteral("/sessions/%1").arg(TraceHex)).json()[QLatin1String("active")].toBool());
    WebSocketTestClient traceWatcher;
    QVERIFY(traceWatcher.open(server.webSocketUrl(QStringLiteral("/ws/sessions/%1").arg(TraceHex))));

    QCOMPARE(post(server, first.second).status, 200);
    // The trace's own session ends, saying where its steps went.
    QTRY_VERIFY_WITH_TIMEOUT(!traceWatcher.messagesOfType(QStringLiteral("session_end")).isEmpty(), 15000);
    const QList<QJsonObject> updates = traceWatcher.messagesOfType(QStringLiteral("progress_update"));
    const QJsonObject moved = updates.last().value(QLatin1String("data")).toObject();
    QCOMPARE(moved.value(QLatin1String("current_activity")).toString(), QStringLiteral("moved"));
    QCOMPARE(moved.value(QLatin1String("moved_to")).toString(), QStringLiteral("conv-42"));
    const QJsonObject traceSession = server.get(QStringLiteral("/sessions/%1").arg(TraceHex)).json().object();
    QVERIFY(!traceSession.value(QLatin1String("active")).toBool());
    QCOMPARE(traceSession.value(QLatin1String("system_context"))[QLatin1String("moved_to")].toString(),
        QStringLiteral("conv-42"));

    // The conversation has the whole run, nested, and ended with its root, counting every span.
    QList<QJsonObject> events = eventsOf(server, QStringLiteral("conv-42"));
    const QJsonObject chat = stepWithId(events, QStringLiteral("2222222222222222"));
    QCOMPARE(chat.value(QLatin1String("parent_id")).toString(), QStringLiteral("1111111111111111"));
    QCOMPARE(chat.value(QLatin1String("session_id")).toString(), QStringLiteral("conv-42"));
    QVERIFY(!stepWithId(events, QStringLiteral("3333333333333333")).isEmpty());
    QVERIFY(!stepWithId(events, QStringLiteral("1111111111111111")).isEmpty());
    QJsonObject conversation = server.get(QStringLiteral("/sessions/conv-42")).json().object();
    QCOMPARE(conversation.value(QLatin1String("user_request")).toString(), QStringLiteral("travel-planner"));
    QVERIFY(!conversation.value(QLatin1String("active")).toBool());
    QJsonObject last;
    for (const QJsonObject &event : std::as_const(events)) {
        if (event.value(QLatin1String("type")).toString() == QLatin1String("progress_update"))
            last = event.value(QLatin1String("data")).toObject();
    }
    QCOMPARE(last.value(QLatin1String("current_activity")).toString(), QStringLiteral("done"));
    QCOMPARE(last.value(QLatin1String("steps_done")).toInteger(), 3);
    QCOMPARE(last.value(QLatin1String("steps_failed")).toInteger(), 1);

    // The conversation's next run joins it the same way.
    const auto second = runOf(
        "5bf92f3577b34da6a3ce929d0e0e4737", "6666666666666666", "7777777777777777", "8888888888888888");
    QCOMPARE(post(server, second.first).status, 200);
    QCOMPARE(post(server, second.second).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(
        !stepWithId(eventsOf(server, QStringLiteral("conv-42")), QStringLiteral("7777777777777777"))
             .isEmpty(),
        15000);
    QVERIFY(!server.get(QStringLiteral("/sessions/5bf92f3577b34da6a3ce929d0e0e4737"))
                 .json()[QLatin1String("active")]
                 .toBool());
}

// session.id outranks gen_ai.conversation.id: children that name a session keep their trace there when the
// root names only a conversation (the root went to the conversation, and the session never ended).
void TraceApiTest::aTraceNamedBySessionIdStaysThereWhenItsRootNamesAConversation()
{
    BackendFixture server;
    QVERIFY(server.start());
    QCOMPARE(post(server, bytesOf(requestOf(WholeRun.mid(1), nullptr, "sess-9"))).status, 200);
    pb::ExportTraceServiceRequest root = requestOf(WholeRun.mid(0, 1));
    setString(root.mutable_resource_spans(0)->mutable_scope_spans(0)->mutable_spans(0)->add_attributes(),
        "gen_ai.conversation.id", "conv-s");
    QCOMPARE(post(server, bytesOf(root)).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(
        !server.get(QStringLiteral("/sessions/sess-9")).json()[QLatin1String("active")].toBool(true), 15000);
    QVERIFY(!stepWithId(eventsOf(server, QStringLiteral("sess-9")), QStringLiteral("1111111111111111"))
                 .isEmpty());
    QCOMPARE(server.get(QStringLiteral("/sessions/conv-s")).status, 404);
}

// Each trace is a run of its session: a later trace says it started, runs and is done, after the session_end
// of the first; a span of a run that ended (an export sent again) starts nothing.
void TraceApiTest::aSessionsNextTraceIsARunThatStartsAndEnds()
{
    BackendFixture server;
    QVERIFY(server.start());
    const auto progressOf = [&server] {
        QStringList moments;
        for (const QJsonObject &event : eventsOf(server, QStringLiteral("sess-r"))) {
            const QJsonObject data = event.value(QLatin1String("data")).toObject();
            const QString activity = data.value(QLatin1String("current_activity")).toString();
            // A run that goes on or ended says its own steps: a next turn is not counted with the first.
            const QString steps = activity == QLatin1String("started")
                ? QString()
                : QLatin1Char(' ') + QString::number(data.value(QLatin1String("steps_done")).toInt());
            if (event.value(QLatin1String("type")).toString() == QLatin1String("progress_update"))
                moments << activity + QLatin1Char(' ')
                        + data.value(QLatin1String("run_id")).toString().left(4) + steps;
            else if (event.value(QLatin1String("type")).toString() == QLatin1String("session_end"))
                moments << QStringLiteral("end");
        }
        return moments.join(QLatin1String(", "));
    };
    QCOMPARE(post(server, bytesOf(requestOf(WholeRun, nullptr, "sess-r"))).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(progressOf(), QStringLiteral("started 4bf9, done 4bf9 3, end"), 15000);

    const char *next = "5bf92f3577b34da6a3ce929d0e0e4737";
    // The first run's root sent again, in the export that brings the next run's first span.
    const QList<SpanSpec> mixed {
        WholeRun.first(), {"7777777777777777", "6666666666666666", "chat", "qwen3", false, next}};
    QCOMPARE(post(server, bytesOf(requestOf(mixed, nullptr, "sess-r"))).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(
        progressOf(), QStringLiteral("started 4bf9, done 4bf9 3, end, started 5bf9, running 5bf9 1"), 15000);
    QCOMPARE(post(server,
                 bytesOf(requestOf({{"6666666666666666", "", "invoke_agent", "travel-planner", false, next}},
                     nullptr, "sess-r")))
                 .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(progressOf(),
        QStringLiteral("started 4bf9, done 4bf9 3, end, started 5bf9, running 5bf9 1, done 5bf9 2"), 15000);
}

void TraceApiTest::refusedSpansArePartialSuccess()
{
    BackendFixture server;
    QVERIFY(server.start());
    pb::ExportTraceServiceRequest request = requestOf(WholeRun);
    request.mutable_resource_spans(0)->mutable_scope_spans(0)->mutable_spans(2)->set_span_id("short");
    const HttpTestReply reply = post(server, bytesOf(request));
    QCOMPARE(reply.status, 200);
    pb::ExportTraceServiceResponse response;
    QVERIFY(response.ParseFromArray(reply.body.constData(), int(reply.body.size())));
    QCOMPARE(response.partial_success().rejected_spans(), 1);
    QVERIFY(QString::fromStdString(response.partial_success().error_message())
                .contains(QLatin1String("span id")));
    QVERIFY(!stepWithId(eventsOf(server, TraceHex), QStringLiteral("2222222222222222")).isEmpty());
}

void TraceApiTest::badBodiesGetAStatusInTheirEncoding_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mentions");

    const QByteArray good = bytesOf(requestOf(WholeRun));
    QByteArray manySpans = R"({"resourceSpans":[{"scopeSpans":[{"spans":[)";
    for (int i = 0; i < 9000; ++i)
        manySpans += i ? ",{}" : "{}";
    manySpans += "]}]}]}";
    QTest::newRow("broken JSON") << QByteArray("application/json") << QByteArray()
                                 << QByteArray("{\"resourceSpans\":[") << 400 << "not valid JSON";
    QTest::newRow("JSON of the wrong shape") << QByteArray("application/json") << QByteArray()
                                             << QByteArray(R"({"resourceSpans":[{"scopeSpans":7}]})") << 400
                                             << "resourceSpans[0].scopeSpans must be an array";
    QTest::newRow("broken protobuf") << QByteArray("application/x-protobuf") << QByteArray()
                                     << good.left(good.size() - 5) << 400 << "not a valid protobuf";
    QTest::newRow("JSON sent as protobuf")
        << QByteArray("application/x-protobuf") << QByteArray() << QByteArray("{\"resourceSpans\":[]}") << 400
        << "not a valid protobuf";
    QTest::newRow("another content type") << QByteArray("text/plain") << QByteArray() << good << 415
                                          << "application/x-protobuf or application/json";
    QTest::newRow("no content type") << QByteArray() << QByteArray() << good << 415 << "Content-Type";
    QTest::newRow("another encoding")
        << QByteArray("application/x-protobuf") << QByteArray("br") << good << 415 << "Content-Encoding 'br'";
    QTest::newRow("broken gzip") << QByteArray("application/x-protobuf") << QByteArray("gzip") << good << 400
                                 << "not valid gzip";
    QTest::newRow("a gzip bomb") << QByteArray("application/x-protobuf") << QByteArray("gzip")
                                 << gzippedZeros(qint64(64) << 20) << 413 << "inflates to more than 16777216";
    QTest::newRow("too many spans") << QByteArray("application/json") << QByteArray() << manySpans << 413
                                    << "9000 spans";
}

void TraceApiTest::badBodiesGetAStatusInTheirEncoding()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, mentions);
    BackendFixture server;
    QVERIFY(server.start());
    HttpTestClient::Headers headers;
    if (!type.isEmpty())
        headers.append({"Content-Type", type});
    if (!encoding.isEmpty())
        headers.append({"Content-Encoding", encoding});
    HttpTestReply reply;
    if (type.isEmpty()) { // the test client would add a JSON type
        const RawHttpResponse raw = parseRawResponse(rawHttpExchange(server.url({}),
            "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body));
        reply.status = raw.status;
        reply.headers = raw.headers;
        reply.body = raw.body;
    } else {
        reply = m_client.send("POST", server.url(QStringLiteral("/v1/traces")), body, headers);
    }
    QVERIFY2(reply.status == status, reply.body.constData());
    QString message;
    if (type == "application/x-protobuf") {
        QCOMPARE(reply.header("content-type"), QByteArray("application/x-protobuf"));
        pb::RpcStatus rpc;
        QVERIFY(rpc.ParseFromArray(reply.body.constData(), int(reply.body.size())));
        QVERIFY(rpc.code() != 0);
        message = QString::fromStdString(rpc.message());
    } else {
        QCOMPARE(reply.header("content-type"), QByteArray("application/json"));
        const QJsonObject rpc = reply.json().object();
        QVERIFY(rpc.value(QLatin1String("code")).toInt() != 0);
        message = rpc.value(QLatin1String("message")).toString();
    }
    QVERIFY2(message.contains(mentions), qPrintable(message));
    QCOMPARE(
        server.get(QStringLiteral("/sessions")).json().object().value(QLatin1String("count")).toInt(), 0);
}

void TraceApiTest::aBodyOverTheLimitIsRefusedFromItsHead()
{
    BackendFixture server;
    QVERIFY(server.start());
    // Nothing of the body is sent: the answer comes from the head alone. (Past the largest body any route
    // takes, 32 MiB, the HTTP edge refuses it before a route is known, in Ponder's own error shape.)
    const QByteArray raw = rawHttpExchange(server.url({}),
        "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-protobuf\r\n"
        "Content-Length: 20000000\r\n\r\n",
        3000, [](const QByteArray &received) { return received.contains("\r\n\r\n"); });
    const RawHttpResponse response = parseRawResponse(raw);
    QCOMPARE(response.status, 413);
    QCOMPARE(response.header("content-type"), QByteArray("application/x-protobuf"));
    const QByteArray body = raw.mid(raw.indexOf("\r\n\r\n") + 4);
    pb::RpcStatus rpc;
    QVERIFY(rpc.ParseFromArray(body.constData(), int(body.size())));
    QVERIFY(QString::fromStdString(rpc.message()).contains(QLatin1String("8388608")));

    // A wrong method is answered in the same shape.
    const HttpTestReply wrong = m_client.get(server.url(QStringLiteral("/v1/traces")));
    QCOMPARE(wrong.status, 405);
    QCOMPARE(wrong.header("allow"), QByteArray("POST"));
    QCOMPARE(wrong.json().object().value(QLatin1String("code")).toInt(), 12); // UNIMPLEMENTED
}

void TraceApiTest::theApiKeyIsTakenAsExportersSendIt()
{
    ServerOptions options;
    options.access.apiKey = QStringLiteral("otel-key");
    BackendFixture server(options);
    QVERIFY(server.start());
    const QByteArray body = bytesOf(requestOf(WholeRun));
    HttpTestReply reply = post(server, body);
    QCOMPARE(reply.status, 401);
    pb::RpcStatus rpc;
    QVERIFY(rpc.ParseFromArray(reply.body.constData(), int(reply.body.size())));
    QCOMPARE(rpc.code(), 16); // UNAUTHENTICATED
    // OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer otel-key" or "x-api-key=otel-key"
    QCOMPARE(
        post(server, body, "application/x-protobuf", {{"Authorization", "Bearer otel-key"}}).status, 200);
    QCOMPARE(post(server, body, "application/x-protobuf", {{"x-api-key", "otel-key"}}).status, 200);
}

void TraceApiTest::busyCappedOrUnavailableSayWhenToRetry()
{
    const QByteArray body = bytesOf(requestOf(WholeRun));
    {
        ServerOptions options;
        options.traceLimits.maxExportsInFlight = 0; // every export finds Ponder busy
        BackendFixture server(options);
        QVERIFY(server.start());
        const HttpTestReply reply = post(server, body);
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.header("retry-after"), QByteArray("1"));
    }
    {
        ServerOptions options;
        options.storeLimits.maxSessions = 1;
        BackendFixture server(options);
        QVERIFY(server.start());
        QVERIFY(server.createSession(QStringLiteral("holds-the-only-place")));
        const HttpTestReply reply = post(server, body);
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.header("retry-after"), QByteArray("1"));
        pb::RpcStatus rpc;
        QVERIFY(rpc.ParseFromArray(reply.body.constData(), int(reply.body.size())));
        QVERIFY(QString::fromStdString(rpc.message()).contains(QLatin1String("limit")));
    }
    {
        QTcpServer closed; // a port nobody answers on once closed
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        ServerOptions options;
        options.redisUrl = QStringLiteral("redis://127.0.0.1:%1").arg(port);
        BackendFixture server(options);
        QVERIFY(server.start());
        const HttpTestReply reply = post(server, body); // Redis is not there: nothing can be stored
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.header("retry-after"), QByteArray("1"));
        pb::RpcStatus rpc;
        QVERIFY(rpc.ParseFromArray(reply.body.constData(), int(reply.body.size())));
        QCOMPARE(rpc.code(), 14); // UNAVAILABLE
    }
}

QTEST_GUILESS_MAIN(TraceApiTest)
#include "tst_trace_api.moc"
