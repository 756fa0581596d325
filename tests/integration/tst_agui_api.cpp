// SPDX-License-Identifier: MIT
// AG-UI over real sockets: runs relayed to a fake agent event for event and recorded into their thread's
// session, failing agents turned into RUN_ERROR, the caller leaving stopping the agent, and any session
// (a relayed run, a chat completion, a traced agent) watched as AG-UI events.
#include "BackendFixture.h"
#include "FakeAguiAgent.h"
#include "FakeUpstream.h"
#include "upstream/SseEventSplitter.h"

#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

QByteArray runInput(const QString &threadId, const QString &runId = QStringLiteral("run-1"))
{
    return QJsonDocument(
        QJsonObject {{QStringLiteral("threadId"), threadId}, {QStringLiteral("runId"), runId},
            {QStringLiteral("state"), QJsonObject()},
            {QStringLiteral("messages"),
                QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("u1")},
                    {QStringLiteral("role"), QStringLiteral("user")},
                    {QStringLiteral("content"), QStringLiteral("Weather in Paris?")}}}},
            {QStringLiteral("tools"), QJsonArray()}, {QStringLiteral("context"), QJsonArray()},
            {QStringLiteral("forwardedProps"), QJsonObject()}})
        .toJson(QJsonDocument::Compact);
}

QList<QJsonObject> eventsIn(const RawHttpResponse &response)
{
    QList<QJsonObject> events;
    for (const QByteArray &data : response.sseData())
        events << QJsonDocument::fromJson(data.trimmed()).object();
    return events;
}

QStringList typesOf(const QList<QJsonObject> &events)
{
    QStringList types;
    for (const QJsonObject &event : events)
        types << event.value(QLatin1String("type")).toString();
    return types;
}

// The data of a session's stored events, oldest first.
QList<QJsonObject> storedData(BackendFixture &server, const QString &session)
{
    QList<QJsonObject> data;
    for (const QJsonValue &event : server.storedEvents(session))
        data << event.toObject().value(QLatin1String("data")).toObject();
    return data;
}

QJsonObject lastStep(const QList<QJsonObject> &events, const QString &stepId)
{
    QJsonObject found;
    for (const QJsonObject &event : events) {
        if (event.value(QLatin1String("step_id")).toString() == stepId)
            found = event;
    }
    return found;
}

// Reads an SSE response until `until` is in it.
RawHttpResponse readStream(const QUrl &server, const QString &path, const QByteArray &until)
{
    return parseRawResponse(rawHttpExchange(server,
        "GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n", 10000,
        [until](const QByteArray &received) { return received.contains(until); }));
}

// Starts a run of the weather agent for `threadId` on `caller`, a raw connection the test holds (to hang
// up, or to read the run's end later), and waits for its RUN_STARTED; what was read is in `received`.
bool startHeldRun(QTcpSocket &caller, BackendFixture &server, const QString &threadId, QByteArray &received)
{
    caller.connectToHost(QHostAddress::LocalHost, quint16(server.url({}).port()));
    if (!caller.waitForConnected(10000))
        return false;
    const QByteArray body = runInput(threadId);
    caller.write("POST /agui/weather HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                 "application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    return QTest::qWaitFor(
        [&] {
            received += caller.readAll();
            return received.contains("RUN_STARTED");
        },
        10000);
}

} // namespace

class AguiApiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRunIsRelayedEventForEventAndRecorded();
    void anAgentThatDiesMidRunEndsInARunError();
    void runErrorIsTheRunsLastWord();
    void aFailingAgentIsARunError_data();
    void aFailingAgentIsARunError();
    void theCallerLeavingStopsTheAgent();
    void agentsReplacedWhileOneRunsLetItFinish();
    void badRunsAreRefused_data();
    void badRunsAreRefused();
    void theAgentsAreListed();
    void aRelayedRunIsWatchedAsAgui();
    void aChatCompletionIsWatchedAsAgui();
    void aTracedAgentIsWatchedAsAgui();

private:
    ServerOptions withAgent(const FakeAguiAgent &agent) const;
};

ServerOptions AguiApiTest::withAgent(const FakeAguiAgent &agent) const
{
    ServerOptions options;
    options.agents = {{QStringLiteral("weather"), agent.url()}};
    return options;
}

void AguiApiTest::aRunIsRelayedEventForEventAndRecorded()
{
    FakeAguiAgent agent;
    QVERIFY(agent.start());
    BackendFixture server(withAgent(agent));
    QVERIFY(server.start());
    const RawHttpResponse response = rawPost(server.url({}), QStringLiteral("/agui/weather"),
        runInput(QStringLiteral("thread-1")), {{"Accept", "text/event-stream"}});
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("content-type"), QByteArray("text/event-stream"));
    QCOMPARE(response.header("x-session-id"), QByteArray("thread-1"));
    QVERIFY(response.chunkedComplete);
    // The agent's events, their lines as they came ended by LF (its CRLF event too).
    QVERIFY(agent.lastEventBytes().contains("\r\n\r\n"));
    QCOMPARE(response.body, withLineFeeds(agent.lastEventBytes()));
    QCOMPARE(agent.receivedInputs().size(), 1);
    QCOMPARE(agent.receivedInputs().first(),
        QJsonDocument::fromJson(runInput(QStringLiteral("thread-1"))).object());

    const QJsonObject session = server.get(QStringLiteral("/sessions/thread-1")).json().object();
    QCOMPARE(session.value(QLatin1String("user_request")).toString(), QStringLiteral("Weather in Paris?"));
    QCOMPARE(session.value(QLatin1String("system_context"))[QLatin1String("agent")].toString(),
        QStringLiteral("weather"));
    QTRY_VERIFY(
        storedData(server, QStringLiteral("thread-1")).last().value(QLatin1String("update_type")).toString()
        == QLatin1String("completion"));
    const QList<QJsonObject> events = storedData(server, QStringLiteral("thread-1"));
    const QJsonObject run = lastStep(events, QStringLiteral("run:run-1"));
    QCOMPARE(run.value(QLatin1String("kind")).toString(), QStringLiteral("agent"));
    QCOMPARE(run.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    const QJsonObject plan = lastStep(events, QStringLiteral("run:run-1/plan"));
    QCOMPARE(plan.value(QLatin1String("parent_id")).toString(), QStringLiteral("run:run-1"));
    QCOMPARE(plan.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QVERIFY(plan.contains(QLatin1String("started_at")) && plan.contains(QLatin1String("ended_at")));
    const QJsonObject reasoning = lastStep(events, QStringLiteral("run:run-1/reasoning:r1"));
    QCOMPARE(reasoning.value(QLatin1String("kind")).toString(), QStringLiteral("reasoning"));
    QCOMPARE(reasoning.value(QLatin1String("parent_id")).toString(), QStringLiteral("run:run-1/plan"));
    QCOMPARE(reasoning.value(QLatin1String("content")).toString(),
        QStringLiteral("The user wants the weather; I will look it up."));
    const QJsonObject tool = lastStep(events, QStringLiteral("run:run-1/tool:call-1"));
    QCOMPARE(tool.value(QLatin1String("kind")).toString(), QStringLiteral("tool"));
    QCOMPARE(tool.value(QLatin1String("name")).toString(), QStringLiteral("get_weather"));
    QCOMPARE(tool.value(QLatin1String("input")).toString(), QStringLiteral("{\"city\":\"Paris\"}"));
    QCOMPARE(tool.value(QLatin1String("output")).toString(), QStringLiteral("18 C, sunny"));
    QCOMPARE(tool.value(QLatin1String("status")).toString(), QStringLiteral("ok"));

    // A second run of the thread, with the same message and call ids (as many agents use): its steps are
    // its own, not merged into the first run's.
    QCOMPARE(
        rawPost(server.url({}), QStringLiteral("/agui/weather"),
            runInput(QStringLiteral("thread-1"), QStringLiteral("run-2")), {{"Accept", "text/event-stream"}})
            .status,
        200);
    QTRY_VERIFY(!lastStep(storedData(server, QStringLiteral("thread-1")), QStringLiteral("run:run-2"))
                     .value(QLatin1String("ended_at"))
                     .isUndefined());
    const QList<QJsonObject> both = storedData(server, QStringLiteral("thread-1"));
    QCOMPARE(
        lastStep(both, QStringLiteral("run:run-2/reasoning:r1")).value(QLatin1String("parent_id")).toString(),
        QStringLiteral("run:run-2/plan"));
    QCOMPARE(
        lastStep(both, QStringLiteral("run:run-2/tool:call-1")).value(QLatin1String("output")).toString(),
        QStringLiteral("18 C, sunny"));
    QCOMPARE(
        lastStep(both, QStringLiteral("run:run-1/reasoning:r1")).value(QLatin1String("parent_id")).toString(),
        QStringLiteral("run:run-1/plan"));

    QString answer, aloud;
    QStringList kept;
    bool answerEnded = false;
    for (const QJsonObject &event : events) {
        const QString activity = event.value(QLatin1String("current_activity")).toString();
        if (activity == QLatin1String("answering")) {
            answer += event.value(QLatin1String("message")).toString();
            answerEnded = answerEnded || event.value(QLatin1String("message_end")).toBool();
            QCOMPARE(event.value(QLatin1String("message_id")).toString(), QStringLiteral("m1"));
        } else if (event.value(QLatin1String("update_type")).toString() == QLatin1String("thinking_aloud")) {
            aloud += event.value(QLatin1String("message")).toString();
        } else if (event.contains(QLatin1String("agui_event"))) {
            kept << event.value(QLatin1String("agui_event"))[QLatin1String("type")].toString();
        }
    }
    QCOMPARE(answer, QStringLiteral("It is 18 C and sunny in Paris."));
    QVERIFY(answerEnded);
    QCOMPARE(aloud, QStringLiteral("The user wants the weather; I will look it up."));
    QCOMPARE(kept, (QStringList {QStringLiteral("STATE_SNAPSHOT"), QStringLiteral("CUSTOM")}));

    // The run's moments say in fields who ran which run, for the window to phrase in its language; the
    // English message stays for outside clients.
    QJsonObject started, finished;
    qsizetype startedAt = -1, runStepAt = -1;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject &event = events.at(i);
        const QString activity = event.value(QLatin1String("current_activity")).toString();
        if (activity == QLatin1String("started"))
            started = event, startedAt = i;
        else if (activity == QLatin1String("done"))
            finished = event;
        else if (runStepAt < 0 && event.value(QLatin1String("step_id")) == QLatin1String("run:run-1"))
            runStepAt = i;
    }
    // The start comes before the run's step: a timeline lists a run's steps under that step, so a start
    // published after it would be listed after everything the run did.
    QVERIFY(startedAt >= 0 && runStepAt > startedAt);
    for (const QJsonObject &moment : {started, finished}) {
        QCOMPARE(moment.value(QLatin1String("agent")).toString(), QStringLiteral("weather"));
        QCOMPARE(moment.value(QLatin1String("run_id")).toString(), QStringLiteral("run-1"));
        QVERIFY(!moment.contains(QLatin1String("reason")));
    }
    QCOMPARE(started.value(QLatin1String("message")).toString(), QStringLiteral("weather started run run-1"));
    QCOMPARE(
        finished.value(QLatin1String("message")).toString(), QStringLiteral("weather finished run run-1"));
}

void AguiApiTest::anAgentThatDiesMidRunEndsInARunError()
{
    FakeAguiAgent agent;
    QVERIFY(agent.start());
    agent.setMode(FakeAguiAgent::Mode::DiesMidRun);
    BackendFixture server(withAgent(agent));
    QVERIFY(server.start());
    const RawHttpResponse response
        = rawPost(server.url({}), QStringLiteral("/agui/weather"), runInput(QStringLiteral("dying")));
    QCOMPARE(response.status, 200);
    QVERIFY(response.chunkedComplete);
    // What the agent sent, unchanged, then Ponder's RUN_ERROR.
    QVERIFY(response.body.startsWith(withLineFeeds(agent.lastEventBytes())));
    const QList<QJsonObject> events = eventsIn(response);
    QCOMPARE(events.last().value(QLatin1String("type")).toString(), QStringLiteral("RUN_ERROR"));
    QCOMPARE(events.last().value(QLatin1String("code")).toString(), QStringLiteral("agent_disconnected"));
    QVERIFY(events.last().value(QLatin1String("message")).toString().contains(QLatin1String("weather")));
    QTRY_COMPARE(lastStep(storedData(server, QStringLiteral("dying")), QStringLiteral("run:run-1"))
                     .value(QLatin1String("status"))
                     .toString(),
        QStringLiteral("error"));
    const QList<QJsonObject> stored = storedData(server, QStringLiteral("dying"));
    // The step the agent had open ends with the run, failed too.
    QCOMPARE(lastStep(stored, QStringLiteral("run:run-1/plan")).value(QLatin1String("status")).toString(),
        QStringLiteral("error"));
    QCOMPARE(stored.last().value(QLatin1String("current_activity")).toString(), QStringLiteral("failed"));
    // Who failed and why, in fields as well as in the English message.
    QCOMPARE(stored.last().value(QLatin1String("agent")).toString(), QStringLiteral("weather"));
    QCOMPARE(stored.last().value(QLatin1String("code")).toString(), QStringLiteral("agent_disconnected"));
    const QString reason = stored.last().value(QLatin1String("reason")).toString();
    QVERIFY2(reason.contains(QLatin1String("weather broke off the run")), qPrintable(reason));
    QCOMPARE(stored.last().value(QLatin1String("message")).toString(), QLatin1String("Failed: ") + reason);
}

void AguiApiTest::runErrorIsTheRunsLastWord()
{
    // An agent that goes on after RUN_ERROR: the caller's stream ends with the RUN_ERROR, the run stays
    // failed, and the tool call it left open is closed as failed, not left running.
    FakeAguiAgent agent;
    agent.setMode(FakeAguiAgent::Mode::ErrorThenMore);
    QVERIFY(agent.start());
    BackendFixture server(withAgent(agent));
    QVERIFY(server.start());
    const RawHttpResponse response
        = rawPost(server.url({}), QStringLiteral("/agui/weather"), runInput(QStringLiteral("erring")));
    QCOMPARE(response.status, 200);
    QVERIFY(response.chunkedComplete); // not held open by the agent
    const QList<QJsonObject> events = eventsIn(response);
    QCOMPARE(events.last().value(QLatin1String("type")).toString(), QStringLiteral("RUN_ERROR"));
    QTRY_COMPARE(storedData(server, QStringLiteral("erring"))
                     .last()
                     .value(QLatin1String("current_activity"))
                     .toString(),
        QStringLiteral("failed"));
    const QList<QJsonObject> stored = storedData(server, QStringLiteral("erring"));
    QCOMPARE(lastStep(stored, QStringLiteral("run:run-1/tool:c9")).value(QLatin1String("status")).toString(),
        QStringLiteral("error"));
    QCOMPARE(lastStep(stored, QStringLiteral("run:run-1")).value(QLatin1String("status")).toString(),
        QStringLiteral("error"));
}

void AguiApiTest::aFailingAgentIsARunError_data()
{
    QTest::addColumn<int>("mode"); // -1: nobody listens
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unreachable") << -1 << "agent_unreachable"
                                 << "could not be reached";
    QTest::newRow("HTTP 500") << int(FakeAguiAgent::Mode::HttpError) << "agent_http_500"
                              << "model is not loaded";
    QTest::newRow("not an event stream")
        << int(FakeAguiAgent::Mode::NotAnEventStream) << "agent_not_event_stream"
        << "application/json";
}

void AguiApiTest::aFailingAgentIsARunError()
{
    QFETCH(int, mode);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    FakeAguiAgent agent;
    QVERIFY(agent.start());
    ServerOptions options = withAgent(agent);
    if (mode < 0) {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        options.agents.first().url
            = QUrl(QStringLiteral("http://127.0.0.1:%1/agent").arg(closed.serverPort()));
    } else {
        agent.setMode(FakeAguiAgent::Mode(mode));
    }
    BackendFixture server(options);
    QVERIFY(server.start());
    const RawHttpResponse response
        = rawPost(server.url({}), QStringLiteral("/agui/weather"), runInput(QStringLiteral("failing")));
    QCOMPARE(response.status, 200);
    const QList<QJsonObject> events = eventsIn(response);
    QCOMPARE(typesOf(events), QStringList {QStringLiteral("RUN_ERROR")});
    QCOMPARE(events.first().value(QLatin1String("code")).toString(), code);
    QVERIFY2(events.first().value(QLatin1String("message")).toString().contains(mentions),
        qPrintable(events.first().value(QLatin1String("message")).toString()));
    QTRY_COMPARE(lastStep(storedData(server, QStringLiteral("failing")), QStringLiteral("run:run-1"))
                     .value(QLatin1String("status"))
                     .toString(),
        QStringLiteral("error"));
    // The session's last word names the failure by its code, with what the other side said as a detail
    // apart from Ponder's English, for the window to word in its language.
    QTRY_COMPARE(
        storedData(server, QStringLiteral("failing")).last().value(QLatin1String("code")).toString(), code);
    const QJsonObject failed = storedData(server, QStringLiteral("failing")).last();
    const QString detail = failed.value(QLatin1String("detail")).toString();
    QVERIFY2(!detail.isEmpty() && !detail.contains(QLatin1String("agent weather")), qPrintable(detail));
    // The network's own words, without Ponder's sentence ("cannot reach <url>: ...") around them.
    QVERIFY2(!detail.contains(QLatin1String("cannot reach")), qPrintable(detail));
    if (mode >= 0)
        QVERIFY2(detail.contains(mentions), qPrintable(detail));
}

void AguiApiTest::theCallerLeavingStopsTheAgent()
{
    FakeAguiAgent agent;
    QVERIFY(agent.start());
    agent.setMode(FakeAguiAgent::Mode::NeverEnds);
    BackendFixture server(withAgent(agent));
    QVERIFY(server.start());
    {
        QTcpSocket caller;
        QByteArray received;
        QVERIFY(startHeldRun(caller, server, QStringLiteral("left"), received));
        QCOMPARE(agent.hangUps(), 0);
    } // the caller goes away
    QTRY_COMPARE_WITH_TIMEOUT(agent.hangUps(), 1, 10000);
    QTRY_VERIFY(storedData(server, QStringLiteral("left"))
                    .last()
                    .value(QLatin1String("message"))
                    .toString()
                    .contains(QLatin1String("the caller went away")));
    // Stopped, not failed: the agent did nothing wrong.
    QCOMPARE(
        storedData(server, QStringLiteral("left")).last().value(QLatin1String("current_activity")).toString(),
        QStringLiteral("aborted"));
    QCOMPARE(storedData(server, QStringLiteral("left")).last().value(QLatin1String("reason")).toString(),
        QStringLiteral("the caller went away"));
    // Its step, left open, ends stopped too (a watcher drew it as an error).
    QCOMPARE(lastStep(storedData(server, QStringLiteral("left")), QStringLiteral("run:run-1"))
                 .value(QLatin1String("status"))
                 .toString(),
        QStringLiteral("stopped"));
}

void AguiApiTest::agentsReplacedWhileOneRunsLetItFinish()
{
    // The window's Settings replace the agents while a run of one of them is going: later runs and the
    // listing use the new set at once, and the running one is not cut but runs to its end.
    FakeAguiAgent agent;
    QVERIFY(agent.start());
    agent.setMode(FakeAguiAgent::Mode::Held);
    BackendFixture server(withAgent(agent));
    QVERIFY(server.start());
    QTcpSocket caller;
    QByteArray received;
    QVERIFY(startHeldRun(caller, server, QStringLiteral("held"), received));

    server.backend().replaceAgents({{QStringLiteral("news"), agent.url()}});
    const QJsonArray listed = HttpTestClient()
                                  .get(server.url(QStringLiteral("/agui")))
                                  .json()
                                  .object()
                                  .value(u"agents")
                                  .toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first()[QLatin1String("name")].toString(), QStringLiteral("news"));
    QCOMPARE(
        rawPost(server.url({}), QStringLiteral("/agui/weather"), runInput(QStringLiteral("late"))).status,
        404);
    agent.setMode(FakeAguiAgent::Mode::WholeRun);
    const RawHttpResponse added
        = rawPost(server.url({}), QStringLiteral("/agui/news"), runInput(QStringLiteral("added")));
    QCOMPARE(added.status, 200);
    QVERIFY(added.body.contains("RUN_FINISHED"));

    // The removed agent's run was held all along; released, it ends whole, for its caller and its session.
    agent.release();
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += caller.readAll();
            return received.endsWith("0\r\n\r\n");
        },
        10000));
    QVERIFY(received.contains("RUN_FINISHED"));
    QTRY_COMPARE(
        storedData(server, QStringLiteral("held")).last().value(QLatin1String("current_activity")).toString(),
        QStringLiteral("done"));
    QCOMPARE(agent.hangUps(), 0);
}

void AguiApiTest::badRunsAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown agent") << "/agui/nobody" << runInput(QStringLiteral("t")) << 404
                                   << "registered: weather";
    QTest::newRow("broken JSON") << "/agui/weather" << QByteArray("{\"threadId\":") << 400
                                 << "not valid JSON";
    QTest::newRow("no threadId") << "/agui/weather" << QByteArray(R"({"runId":"r","messages":[]})") << 400
                                 << "threadId";
    QTest::newRow("threadId not an id")
        << "/agui/weather" << QByteArray(R"({"threadId":"a b","runId":"r","messages":[]})") << 400
        << "threadId";
    QTest::newRow("no runId") << "/agui/weather" << QByteArray(R"({"threadId":"t","messages":[]})") << 400
                              << "runId";
    QTest::newRow("messages not a list")
        << "/agui/weather" << QByteArray(R"({"threadId":"t","runId":"r","messages":{}})") << 400
        << "messages";
}

void AguiApiTest::badRunsAreRefused()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, mentions);
    FakeAguiAgent agent;
    QVERIFY(agent.start());
    BackendFixture server(withAgent(agent));
    QVERIFY(server.start());
    const RawHttpResponse response = rawPost(server.url({}), path, body);
    QCOMPARE(response.status, status);
    const QString message = QJsonDocument::fromJson(response.body)
                                .object()
                                .value(QLatin1String("error"))[QLatin1String("message")]
                                .toString();
    QVERIFY2(message.contains(mentions), qPrintable(message));
    QVERIFY(agent.receivedInputs().isEmpty());
}

void AguiApiTest::theAgentsAreListed()
{
    FakeAguiAgent agent;
    BackendFixture server(withAgent(agent));
    QVERIFY(server.start());
    const QJsonArray agents = HttpTestClient()
                                  .get(server.url(QStringLiteral("/agui")))
                                  .json()
                                  .object()
                                  .value(QLatin1String("agents"))
                                  .toArray();
    QCOMPARE(agents.size(), 1);
    QCOMPARE(agents.first()[QLatin1String("name")].toString(), QStringLiteral("weather"));
    QCOMPARE(agents.first()[QLatin1String("path")].toString(), QStringLiteral("/agui/weather"));
}

void AguiApiTest::aRelayedRunIsWatchedAsAgui()
{
    FakeAguiAgent agent;
    QVERIFY(agent.start());
    BackendFixture server(withAgent(agent));
    QVERIFY(server.start());
    QCOMPARE(
        rawPost(server.url({}), QStringLiteral("/agui/weather"), runInput(QStringLiteral("watched"))).status,
        200);
    QTRY_VERIFY(
        storedData(server, QStringLiteral("watched")).last().value(QLatin1String("update_type")).toString()
        == QLatin1String("completion"));
    QCOMPARE(server.del(QStringLiteral("/sessions/watched")).status, 200);
    const RawHttpResponse response
        = readStream(server.url({}), QStringLiteral("/api/streaming/sessions/watched/agui"), "0\r\n\r\n");
    QCOMPARE(response.status, 200);
    QVERIFY(response.chunkedComplete); // the stream ends with the session
    const QStringList types = typesOf(eventsIn(response));
    QCOMPARE(types.first(), QStringLiteral("RUN_STARTED"));
    QCOMPARE(types.last(), QStringLiteral("RUN_FINISHED"));
    QCOMPARE(types.count(QStringLiteral("RUN_STARTED")), 1);
    for (const char *type : {"STEP_STARTED", "STEP_FINISHED", "REASONING_MESSAGE_CONTENT", "TOOL_CALL_START",
             "TOOL_CALL_ARGS", "TOOL_CALL_END", "TOOL_CALL_RESULT", "STATE_SNAPSHOT", "TEXT_MESSAGE_START",
             "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END", "CUSTOM"})
        QVERIFY2(types.contains(QLatin1String(type)), type);
    // The reasoning streamed once, not again as a step.
    QCOMPARE(types.count(QStringLiteral("REASONING_MESSAGE_START")), 1);
    QVERIFY(
        types.indexOf(QStringLiteral("TOOL_CALL_END")) < types.indexOf(QStringLiteral("TOOL_CALL_RESULT")));
}

void AguiApiTest::aChatCompletionIsWatchedAsAgui()
{
    FakeUpstream upstream;
    QVERIFY(upstream.start());
    FakeScript thinker;
    thinker.reasoning = {QStringLiteral("Light scatters. "), QStringLiteral("Blue most.")};
    thinker.content = {QStringLiteral("Rayleigh.")};
    upstream.setScript(QStringLiteral("thinker"), thinker);
    ServerOptions options;
    options.upstreams = UpstreamConfig::parseList({upstream.openAiSpec()}, nullptr).value();
    options.stateless = true;
    BackendFixture server(options);
    QVERIFY(server.start());
    const HttpTestReply reply
        = HttpTestClient().send("POST", server.url(QStringLiteral("/v1/chat/completions")),
            R"({"model":"thinker","messages":[{"role":"user","content":"Why is the sky blue?"}]})",
            {{"X-Session-Id", "chat-1"}});
    QCOMPARE(reply.status, 200);
    const RawHttpResponse response
        = readStream(server.url({}), QStringLiteral("/api/streaming/sessions/chat-1/agui"), "RUN_FINISHED");
    const QList<QJsonObject> events = eventsIn(response);
    const QStringList types = typesOf(events);
    QCOMPARE(types.first(), QStringLiteral("RUN_STARTED"));
    QVERIFY(types.contains(QStringLiteral("REASONING_MESSAGE_CONTENT")));
    QVERIFY(types.contains(QStringLiteral("RUN_FINISHED")));
    QString reasoning;
    for (const QJsonObject &event : events) {
        if (event.value(QLatin1String("type")).toString() == QLatin1String("REASONING_MESSAGE_CONTENT"))
            reasoning += event.value(QLatin1String("delta")).toString();
    }
    QCOMPARE(reasoning, QStringLiteral("Light scatters. Blue most."));
}

void AguiApiTest::aTracedAgentIsWatchedAsAgui()
{
    BackendFixture server;
    QVERIFY(server.start());
    const QByteArray json = R"({"resourceSpans":[{"scopeSpans":[{"spans":[
        {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","parentSpanId":"eee19b7ec3c1b173",
         "name":"execute_tool get_weather","startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000001000000000",
         "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"execute_tool"}},
           {"key":"gen_ai.tool.name","value":{"stringValue":"get_weather"}},
           {"key":"gen_ai.tool.call.arguments","value":{"stringValue":"{\"city\":\"Paris\"}"}},
           {"key":"gen_ai.tool.call.result","value":{"stringValue":"18 C"}}]},
        {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b173","name":"invoke_agent planner",
         "startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000002000000000",
         "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"invoke_agent"}},
           {"key":"gen_ai.agent.name","value":{"stringValue":"planner"}}]}]}]}]})";
    QCOMPARE(HttpTestClient()
                 .send("POST", server.url(QStringLiteral("/v1/traces")), json,
                     {{"Content-Type", "application/json"}})
                 .status,
        200);
    const RawHttpResponse response = readStream(server.url({}),
        QStringLiteral("/api/streaming/sessions/5b8efff798038103d269b633813fc60c/agui"), "0\r\n\r\n");
    const QList<QJsonObject> events = eventsIn(response);
    QCOMPARE(typesOf(events),
        (QStringList {QStringLiteral("RUN_STARTED"), QStringLiteral("TOOL_CALL_START"),
            QStringLiteral("TOOL_CALL_ARGS"), QStringLiteral("TOOL_CALL_END"),
            QStringLiteral("TOOL_CALL_RESULT"), QStringLiteral("STEP_STARTED"),
            QStringLiteral("STEP_FINISHED"), QStringLiteral("RUN_FINISHED")}));
    QCOMPARE(events.at(0).value(QLatin1String("runId")).toString(),
        QStringLiteral("5b8efff798038103d269b633813fc60c"));
    QCOMPARE(events.at(4).value(QLatin1String("content")).toString(), QStringLiteral("18 C"));
    QCOMPARE(events.at(5).value(QLatin1String("stepName")).toString(), QStringLiteral("planner"));
}

QTEST_GUILESS_MAIN(AguiApiTest)
#include "tst_agui_api.moc"
