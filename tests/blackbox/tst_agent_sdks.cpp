// SPDX-License-Identifier: MIT
// Black box: the built `ponder serve` driven by the official libraries agents and front ends use
// (tests/e2e/agents_check.mjs): the OpenTelemetry JS SDK exporting an agent's trace over OTLP/HTTP as JSON
// and as protobuf, @ag-ui/client's HttpAgent through the relay to a fake AG-UI agent (and to one that
// dies mid-run), and @ag-ui/core's schemas with @ag-ui/client's verifyEvents checking what /agui streams
// for a relayed run, a traced agent and a chat completion. The API key is required, and given as users
// give it to exporters: OTEL_EXPORTER_OTLP_HEADERS.
#include "FakeAguiAgent.h"
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "PonderProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

QJsonObject stepNamed(const QJsonObject &session, const QString &name)
{
    for (const QJsonValue &step : session.value(QLatin1String("steps")).toArray()) {
        if (step[QLatin1String("name")].toString() == name)
            return step.toObject();
    }
    return {};
}

void checkTracedSession(const QJsonObject &session, const QJsonObject &ids)
{
    QCOMPARE(session.value(QLatin1String("status")).toInt(), 200);
    QCOMPARE(session.value(QLatin1String("title")).toString(), QStringLiteral("travel-planner"));
    QVERIFY(!session.value(QLatin1String("active")).toBool()); // the root span ended
    QVERIFY(session.value(QLatin1String("ended")).toBool());
    QCOMPARE(
        session.value(QLatin1String("activities")).toArray().first().toString(), QStringLiteral("started"));
    QCOMPARE(session.value(QLatin1String("activities")).toArray().last().toString(), QStringLiteral("done"));

    const QJsonObject agent = stepNamed(session, QStringLiteral("travel-planner"));
    QCOMPARE(agent.value(QLatin1String("id")).toString(), ids.value(QLatin1String("rootSpanId")).toString());
    QVERIFY(agent.value(QLatin1String("parent")).isNull());
    QCOMPARE(agent.value(QLatin1String("kind")).toString(), QStringLiteral("agent"));
    QCOMPARE(agent.value(QLatin1String("attributes"))[QLatin1String("custom.unknown.attribute")].toString(),
        QStringLiteral("kept"));
    const QJsonObject chat = stepNamed(session, QStringLiteral("chat qwen3"));
    QCOMPARE(chat.value(QLatin1String("kind")).toString(), QStringLiteral("llm"));
    QCOMPARE(chat.value(QLatin1String("parent")).toString(), agent.value(QLatin1String("id")).toString());
    QCOMPARE(chat.value(QLatin1String("input")).toString(), QStringLiteral("Plan a day in Paris"));
    QVERIFY(chat.value(QLatin1String("content")).toString().contains(QLatin1String("42 in, 17 out tokens")));
    QCOMPARE(chat.value(QLatin1String("attributes"))[QLatin1String("gen_ai.request.model")].toString(),
        QStringLiteral("qwen3"));
    const QJsonObject reasoning = stepNamed(session, QStringLiteral("Reasoning"));
    QCOMPARE(reasoning.value(QLatin1String("parent")).toString(), chat.value(QLatin1String("id")).toString());
    QCOMPARE(
        reasoning.value(QLatin1String("content")).toString(), QStringLiteral("I need the weather first."));
    const QJsonObject weather = stepNamed(session, QStringLiteral("get_weather"));
    QCOMPARE(weather.value(QLatin1String("kind")).toString(), QStringLiteral("tool"));
    QCOMPARE(weather.value(QLatin1String("input")).toString(), QStringLiteral("{\"city\":\"Paris\"}"));
    QCOMPARE(weather.value(QLatin1String("output")).toString(), QStringLiteral("18 C, sunny"));
    QCOMPARE(weather.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    const QJsonObject booking = stepNamed(session, QStringLiteral("book_museum"));
    QCOMPARE(booking.value(QLatin1String("status")).toString(), QStringLiteral("error"));
    QVERIFY(booking.value(QLatin1String("content")).toString().contains(QLatin1String("no tickets left")));
}

void checkAgui(const QJsonObject &watched, const QString &last)
{
    QCOMPARE(watched.value(QLatin1String("contentType")).toString(), QStringLiteral("text/event-stream"));
    QCOMPARE(watched.value(QLatin1String("invalid")).toArray(), QJsonArray()); // every event fits its schema
    QVERIFY2(watched.value(QLatin1String("sequenceError")).isNull(),
        qPrintable(watched.value(QLatin1String("sequenceError")).toString()));
    const QJsonArray types = watched.value(QLatin1String("types")).toArray();
    QCOMPARE(types.first().toString(), QStringLiteral("RUN_STARTED"));
    QCOMPARE(types.last().toString(), last);
}

} // namespace

class AgentSdksTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void officialOpenTelemetryAndAgUiClients()
    {
        FakeAguiAgent weather;
        QVERIFY(weather.start());
        FakeAguiAgent dying;
        QVERIFY(dying.start());
        dying.setMode(FakeAguiAgent::Mode::DiesMidRun);
        FakeUpstream upstream;
        QVERIFY(upstream.start());
        FakeScript thinker;
        thinker.reasoning = {QStringLiteral("Light scatters; "), QStringLiteral("blue most.")};
        thinker.content = {QStringLiteral("Rayleigh.")};
        upstream.setScript(QStringLiteral("thinker"), thinker);

        QTemporaryDir dataDir;
        PonderProcess ponder;
        QVERIFY(ponder.startServe(
            {QStringLiteral("--api-key"), QStringLiteral("test-key"), QStringLiteral("--agent"),
                QStringLiteral("weather=") + weather.url().toString(), QStringLiteral("--agent"),
                QStringLiteral("dying=") + dying.url().toString(), QStringLiteral("--upstream"),
                upstream.openAiSpec(), QStringLiteral("--stateless")},
            dataDir.path()));
        const QString base = ponder.baseUrl().toString();
        // A chat completion, to be watched as AG-UI too.
        const HttpTestReply chat
            = HttpTestClient().send("POST", QUrl(base + QStringLiteral("/v1/chat/completions")),
                R"({"model":"thinker","messages":[{"role":"user","content":"Why is the sky blue?"}]})",
                {{"Authorization", "Bearer test-key"}, {"X-Session-Id", "chat-agui"}});
        QCOMPARE(chat.status, 200);

        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT"), base);
        environment.insert(
            QStringLiteral("OTEL_EXPORTER_OTLP_HEADERS"), QStringLiteral("Authorization=Bearer test-key"));
        QProcess node;
        node.setProcessEnvironment(environment);
        node.setWorkingDirectory(QStringLiteral(PONDER_E2E_DIR));
        node.start(QStringLiteral(PONDER_NODE_EXECUTABLE),
            {QStringLiteral("agents_check.mjs"), base, QStringLiteral("test-key"), QStringLiteral("weather"),
                QStringLiteral("dying"), QStringLiteral("chat-agui")});
        // The fake agents live in this process: keep the event loop running while node works.
        QTRY_VERIFY_WITH_TIMEOUT(node.state() == QProcess::NotRunning, 180000);
        const QByteArray errors = node.readAllStandardError();
        QVERIFY2(node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0, errors.constData());
        const QJsonObject result = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
        QVERIFY2(!result.isEmpty(), errors.constData());

        // OpenTelemetry: both exporters' exports were taken without a word from the SDK.
        QCOMPARE(result.value(QLatin1String("sdkProblems")).toArray(), QJsonArray());
        checkTracedSession(result.value(QLatin1String("jsonSession")).toObject(),
            result.value(QLatin1String("jsonTrace")).toObject());
        checkTracedSession(result.value(QLatin1String("protoSession")).toObject(),
            result.value(QLatin1String("protoTrace")).toObject());

        // AG-UI relay: HttpAgent saw the agent's whole run and built its messages from it.
        const QJsonObject relay = result.value(QLatin1String("relay")).toObject();
        const QJsonArray types = relay.value(QLatin1String("types")).toArray();
        QCOMPARE(types.first().toString(), QStringLiteral("RUN_STARTED"));
        QCOMPARE(types.last().toString(), QStringLiteral("RUN_FINISHED"));
        QCOMPARE(types.size(), FakeAguiAgent::wholeRun({}, {}).size());
        bool answered = false;
        for (const QJsonValue &message : relay.value(QLatin1String("newMessages")).toArray())
            answered = answered
                || message[QLatin1String("content")].toString()
                    == QLatin1String("It is 18 C and sunny in Paris.");
        QVERIFY(answered);
        QCOMPARE(
            relay.value(QLatin1String("state"))[QLatin1String("city")].toString(), QStringLiteral("Paris"));
        const QJsonObject relaySession = result.value(QLatin1String("relaySession")).toObject();
        QCOMPARE(relaySession.value(QLatin1String("title")).toString(), QStringLiteral("Weather in Paris?"));
        QCOMPARE(
            stepNamed(relaySession, QStringLiteral("get_weather")).value(QLatin1String("output")).toString(),
            QStringLiteral("18 C, sunny"));
        QCOMPARE(relaySession.value(QLatin1String("activities")).toArray().last().toString(),
            QStringLiteral("done"));

        // An agent that dies mid-run: a RUN_ERROR to the client, an error step in the session.
        const QJsonObject dyingRun = result.value(QLatin1String("dying")).toObject();
        QCOMPARE(dyingRun.value(QLatin1String("runError"))[QLatin1String("code")].toString(),
            QStringLiteral("agent_disconnected"));
        QCOMPARE(stepNamed(dyingRun.value(QLatin1String("session")).toObject(), QStringLiteral("dying"))
                     .value(QLatin1String("status"))
                     .toString(),
            QStringLiteral("error"));

        // Any session as AG-UI, valid for AG-UI's own schemas and sequence rules.
        checkAgui(result.value(QLatin1String("relayedAsAgui")).toObject(), QStringLiteral("RUN_FINISHED"));
        checkAgui(result.value(QLatin1String("dyingRunAsAgui")).toObject(), QStringLiteral("RUN_ERROR"));
        checkAgui(result.value(QLatin1String("tracedAsAgui")).toObject(), QStringLiteral("RUN_FINISHED"));
        checkAgui(result.value(QLatin1String("chatAsAgui")).toObject(), QStringLiteral("RUN_FINISHED"));
        const QJsonArray traced
            = result.value(QLatin1String("tracedAsAgui"))[QLatin1String("types")].toArray();
        QVERIFY(traced.contains(QStringLiteral("TOOL_CALL_RESULT")));
        QVERIFY(traced.contains(QStringLiteral("STEP_STARTED")));
        QVERIFY(traced.contains(QStringLiteral("REASONING_MESSAGE_CONTENT")));
        QVERIFY(result.value(QLatin1String("chatAsAgui"))[QLatin1String("types")].toArray().contains(
            QStringLiteral("REASONING_MESSAGE_CONTENT")));
        // The chat's answer as text messages, as an AG-UI front end shows answers (it was CUSTOM events).
        QVERIFY(result.value(QLatin1String("chatAsAgui"))[QLatin1String("types")].toArray().contains(
            QStringLiteral("TEXT_MESSAGE_CONTENT")));

        QVERIFY(ponder.stop(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(AgentSdksTest)
#include "tst_agent_sdks.moc"
