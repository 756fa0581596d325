// SPDX-License-Identifier: MIT
// The streaming API's REST and SSE routes over real sockets, every route's bad inputs too.
#include "BackendFixture.h"
#include "RawHttpConnection.h"
#include "StalledReader.h"
#include "WebSocketTestClient.h"
#include "http/HttpConnection.h"
#include "http/HttpResponder.h"
#include "hub/StreamingHub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

class StreamingRestTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createSessionBuildsUrlsFromTheRequestHost();
    void createSessionGeneratesAnIdWhenNoneIsGiven();
    void existingSessionIdIs409();
    void badInputGetsAClearError_data();
    void badInputGetsAClearError();
    void oversizedBodyAndEventAre413();
    void aliasesAreAccepted();
    void theSeedsOwnCallsArePublishedAsSent();
    void stepFieldsTravelOverRestWebSocketAndSse();
    void batchesArePublishedInOrderOrNotAtAll();
    void aBatchMayInterleaveSessions();
    void statsAreFilledIn();
    void historyMergesBothStreamsInIdOrder();
    void deleteEndsTheSessionAndPublishesSessionEnd();
    void deletingASessionFreesItsPlaceUnderTheCap();
    void theStoresBytesAreBoundedEndedSessionsMakingRoom();
    void healthAndSelfTest();

    void sseStreamsHistoryThenLiveAndEndsWithTheSession();
    void sseResumesFromLastEventId();
    void sseClientBehindGetsEverythingBeforeTheEnd();
    void sseHistoryOverTheClientsLimitIsDeliveredWhole();
    void sseForUnknownSessionIs404();

private:
    std::unique_ptr<BackendFixture> m_server;
};

void StreamingRestTest::init()
{
    m_server = std::make_unique<BackendFixture>();
    QVERIFY(m_server->start());
}

void StreamingRestTest::cleanup()
{
    m_server.reset();
}

namespace {

// Reads an SSE response over a raw socket until `until` appears or the server closes the stream.
QByteArray readSse(const QUrl &base, const QString &path, const QByteArray &extraHeaders,
    const QByteArray &until, const std::function<void()> &whileOpen = {})
{
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    if (!socket.waitForConnected(15000))
        return {};
    socket.write("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        + extraHeaders + "\r\n");
    QByteArray received;
    bool triggered = false;
    (void)QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            if (!triggered && whileOpen && received.contains("retry:")) {
                triggered = true;
                whileOpen();
            }
            return received.contains(until) || socket.state() != QAbstractSocket::ConnectedState;
        },
        15000);
    return received;
}

} // namespace

void StreamingRestTest::createSessionBuildsUrlsFromTheRequestHost()
{
    const QByteArray body = "{\"session_id\":\"host-test\"}";
    const QByteArray request = "POST /api/streaming/sessions HTTP/1.1\r\nHost: localhost:4321\r\n"
                               "Content-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    const QByteArray reply = rawHttpExchange(m_server->url({}), request);
    QVERIFY2(reply.startsWith("HTTP/1.1 201"), reply.constData());
    QVERIFY(reply.contains("\"thinking\":\"ws://localhost:4321/ws/thinking/host-test\""));
    QVERIFY(reply.contains("\"progress\":\"ws://localhost:4321/ws/progress/host-test\""));
}

void StreamingRestTest::createSessionGeneratesAnIdWhenNoneIsGiven()
{
    const HttpTestReply reply = m_server->post(QStringLiteral("/sessions"), {});
    QCOMPARE(reply.status, 201);
    const QString id = reply.json().object().value(QLatin1String("session_id")).toString();
    QVERIFY(Session::isValidId(id));
    QCOMPARE(m_server->get(QStringLiteral("/sessions/") + id).status, 200);
}

void StreamingRestTest::existingSessionIdIs409()
{
    QVERIFY(m_server->createSession(QStringLiteral("dup")));
    const HttpTestReply reply = m_server->post(
        QStringLiteral("/sessions"), {{QStringLiteral("session_id"), QStringLiteral("dup")}});
    QCOMPARE(reply.status, 409);
    QVERIFY(reply.json()
                .object()
                .value(QLatin1String("error"))
                .toObject()
                .value(QLatin1String("message"))
                .toString()
                .contains(QLatin1String("already exists")));
}

void StreamingRestTest::badInputGetsAClearError_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mentions"); // the message names the field or the problem

    const QByteArray step = "\"session_id\":\"s\",\"thinking_type\":\"analysis\",\"content\":\"c\"";
    const QByteArray update = "\"session_id\":\"s\",\"update_type\":\"progress\",\"message\":\"m\"";
    QTest::newRow("sessions: not JSON")
        << QByteArray("POST") << "/sessions" << QByteArray("{") << 400 << "not valid JSON";
    QTest::newRow("sessions: array") << QByteArray("POST") << "/sessions" << QByteArray("[]") << 400
                                     << "JSON object";
    QTest::newRow("sessions: empty body")
        << QByteArray("POST") << "/sessions" << QByteArray() << 400 << "empty";
    QTest::newRow("sessions: bad id")
        << QByteArray("POST") << "/sessions" << QByteArray("{\"session_id\":\"a b\"}") << 400 << "session id";
    QTest::newRow("sessions: id too long")
        << QByteArray("POST") << "/sessions"
        << QByteArray("{\"session_id\":\"") + QByteArray(129, 'a') + "\"}" << 400 << "session id";
    QTest::newRow("sessions: id not string")
        << QByteArray("POST") << "/sessions" << QByteArray("{\"session_id\":5}") << 400 << "session_id";
    QTest::newRow("sessions: debug_mode type")
        << QByteArray("POST") << "/sessions" << QByteArray("{\"debug_mode\":\"yes\"}") << 400 << "debug_mode";
    QTest::newRow("thinking: empty object")
        << QByteArray("POST") << "/thinking" << QByteArray("{}") << 400 << "session_id";
    QTest::newRow("thinking: no type")
        << QByteArray("POST") << "/thinking" << QByteArray("{\"session_id\":\"s\",\"content\":\"c\"}") << 400
        << "thinking_type";
    QTest::newRow("thinking: unknown type")
        << QByteArray("POST") << "/thinking"
        << QByteArray("{\"session_id\":\"s\",\"thinking_type\":\"musing\",\"content\":\"c\"}") << 400
        << "risk_assessment";
    QTest::newRow("thinking: no content")
        << QByteArray("POST") << "/thinking"
        << QByteArray("{\"session_id\":\"s\",\"thinking_type\":\"analysis\"}") << 400 << "content";
    QTest::newRow("thinking: confidence range")
        << QByteArray("POST") << "/thinking"
        << "{" + step + ",\"confidence_level\":1.5}" << 400 << "confidence_level";
    QTest::newRow("thinking: chain type")
        << QByteArray("POST") << "/thinking"
        << "{" + step + ",\"reasoning_chain\":\"x\"}" << 400 << "reasoning_chain";
    QTest::newRow("thinking: chain items")
        << QByteArray("POST") << "/thinking"
        << "{" + step + ",\"reasoning_chain\":[1]}" << 400 << "reasoning_chain";
    QTest::newRow("thinking: context type") << QByteArray("POST") << "/thinking"
                                            << "{" + step + ",\"context_used\":[]}" << 400 << "context_used";
    QTest::newRow("thinking: unknown session") << QByteArray("POST") << "/thinking"
                                               << "{" + step + "}" << 404 << "not found";
    QTest::newRow("progress: unknown type")
        << QByteArray("POST") << "/progress"
        << QByteArray("{\"session_id\":\"s\",\"update_type\":\"x\",\"message\":\"m\"}") << 400
        << "completion";
    QTest::newRow("progress: percentage")
        << QByteArray("POST") << "/progress"
        << "{" + update + ",\"progress_percentage\":150}" << 400 << "progress_percentage";
    QTest::newRow("progress: negative step")
        << QByteArray("POST") << "/progress"
        << "{" + update + ",\"current_step\":-1}" << 400 << "current_step";
    QTest::newRow("progress: fractional step")
        << QByteArray("POST") << "/progress"
        << "{" + update + ",\"total_steps\":1.5}" << 400 << "total_steps";
    QTest::newRow("progress: no message")
        << QByteArray("POST") << "/progress"
        << QByteArray("{\"session_id\":\"s\",\"update_type\":\"progress\"}") << 400 << "message";
    QTest::newRow("progress: unknown session") << QByteArray("POST") << "/progress"
                                               << "{" + update + "}" << 404 << "not found";
    QTest::newRow("get unknown session")
        << QByteArray("GET") << "/sessions/nope" << QByteArray() << 404 << "not found";
    QTest::newRow("stats unknown session")
        << QByteArray("GET") << "/sessions/nope/stats" << QByteArray() << 404 << "not found";
    QTest::newRow("delete unknown session")
        << QByteArray("DELETE") << "/sessions/nope" << QByteArray() << 404 << "not found";
    QTest::newRow("invalid id in path")
        << QByteArray("GET") << "/sessions/a%20b" << QByteArray() << 400 << "session id";
    QTest::newRow("events: bad since")
        << QByteArray("GET") << "/sessions/s/events?since=yesterday" << QByteArray() << 400 << "since";
    QTest::newRow("events: bad kind")
        << QByteArray("GET") << "/sessions/s/events?kind=both" << QByteArray() << 400 << "kind";
    QTest::newRow("events: unknown session")
        << QByteArray("GET") << "/sessions/nope/events" << QByteArray() << 404 << "not found";
    QTest::newRow("wrong method") << QByteArray("PUT") << "/thinking" << QByteArray("{}") << 405
                                  << "not allowed";
}

void StreamingRestTest::badInputGetsAClearError()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, mentions);

    HttpTestClient client;
    const HttpTestReply reply
        = client.send(method, m_server->url(QStringLiteral("/api/streaming") + path), body);
    QCOMPARE(reply.status, status);
    const QJsonObject error = reply.json().object().value(QLatin1String("error")).toObject();
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(mentions), reply.body.constData());
    QVERIFY(!error.value(QLatin1String("type")).toString().isEmpty());
    // The server is still fine afterwards.
    QCOMPARE(m_server->get(QStringLiteral("/health")).status, 200);
}

void StreamingRestTest::oversizedBodyAndEventAre413()
{
    ServerOptions options;
    options.hubLimits.maxBodyBytes = 4096;
    options.hubLimits.maxEventBytes = 1024;
    BackendFixture small(options);
    QVERIFY(small.start());
    QVERIFY(small.createSession(QStringLiteral("s")));
    const QString big(5000, QLatin1Char('x'));
    HttpTestReply reply = small.post(QStringLiteral("/thinking"),
        {{QStringLiteral("session_id"), QStringLiteral("s")},
            {QStringLiteral("thinking_type"), QStringLiteral("analysis")}, {QStringLiteral("content"), big}});
    QCOMPARE(reply.status, 413);
    reply = small.post(QStringLiteral("/thinking"),
        {{QStringLiteral("session_id"), QStringLiteral("s")},
            {QStringLiteral("thinking_type"), QStringLiteral("analysis")},
            {QStringLiteral("content"), QString(2000, QLatin1Char('y'))}});
    QCOMPARE(reply.status, 413);
    QVERIFY(
        reply.json().object().value(QLatin1String("detail")).toString().contains(QLatin1String("event is")));
}

void StreamingRestTest::aliasesAreAccepted()
{
    QVERIFY(m_server->createSession(QStringLiteral("alias")));
    HttpTestReply reply = m_server->post(QStringLiteral("/progress"),
        {{QStringLiteral("session_id"), QStringLiteral("alias")},
            {QStringLiteral("progress_type"), QStringLiteral("discovery")},
            {QStringLiteral("message"), QStringLiteral("found it")},
            {QStringLiteral("confidence_level"), 0.25}});
    QCOMPARE(reply.status, 201);
    reply = m_server->post(QStringLiteral("/thinking"),
        {{QStringLiteral("session_id"), QStringLiteral("alias")},
            {QStringLiteral("thinking_type"), QStringLiteral("decision")},
            {QStringLiteral("content"), QStringLiteral("go")}, {QStringLiteral("confidence"), 0.75}});
    QCOMPARE(reply.status, 201);
    const QJsonArray events = m_server->get(QStringLiteral("/sessions/alias/events"))
                                  .json()
                                  .object()
                                  .value(QLatin1String("events"))
                                  .toArray();
    QCOMPARE(events.size(), 2);
    const QJsonObject progress = events.at(0).toObject().value(QLatin1String("data")).toObject();
    QCOMPARE(progress.value(QLatin1String("update_type")).toString(), QStringLiteral("discovery"));
    QCOMPARE(progress.value(QLatin1String("confidence")).toDouble(), 0.25);
    QCOMPARE(events.at(1)
                 .toObject()
                 .value(QLatin1String("data"))
                 .toObject()
                 .value(QLatin1String("confidence_level"))
                 .toDouble(),
        0.75);
}

void StreamingRestTest::theSeedsOwnCallsArePublishedAsSent()
{
    // The earlier service's README: stream_progress(session_id=..., progress_type="progress", message=...,
    // progress_percentage=60.0, current_step="Network Analysis"), and its tests' findings and thinking.
    QVERIFY(m_server->createSession(QStringLiteral("user-123-chat")));
    HttpTestReply reply = m_server->postRaw(QStringLiteral("/progress"),
        R"({"session_id":"user-123-chat","progress_type":"progress","message":"Completed network scan of 15 servers...",
            "progress_percentage":60.0,"current_step":"Network Analysis","estimated_remaining":"2 minutes"})");
    QCOMPARE(reply.status, 201);
    reply = m_server->postRaw(QStringLiteral("/progress"),
        R"({"session_id":"user-123-chat","progress_type":"intermediate_result","message":"Found interesting pattern",
            "progress_percentage":60.0,"current_step":"Processing",
            "intermediate_findings":[{"pattern":"test_pattern","confidence":0.8}]})");
    QCOMPARE(reply.status, 201);
    reply = m_server->postRaw(QStringLiteral("/thinking"),
        R"({"session_id":"user-123-chat","thinking_type":"decision","content":"Deciding on test approach...",
            "reasoning_chain":["Evaluate options","Select best approach"],"confidence":0.85,
            "alternatives":["Approach A","Approach B"],"decision_factors":["Speed","Reliability","Coverage"]})");
    QCOMPARE(reply.status, 201);
    const QJsonArray events = m_server->get(QStringLiteral("/sessions/user-123-chat/events"))
                                  .json()
                                  .object()
                                  .value(QLatin1String("events"))
                                  .toArray();
    QCOMPARE(events.size(), 3);
    const QJsonObject scan = events.at(0)[QLatin1String("data")].toObject();
    QCOMPARE(scan.value(QLatin1String("current_step")).toString(), QStringLiteral("Network Analysis"));
    QCOMPARE(scan.value(QLatin1String("estimated_remaining")).toString(), QStringLiteral("2 minutes"));
    QCOMPARE(scan.value(QLatin1String("progress_percentage")).toDouble(), 60.0);
    const QJsonObject found = events.at(1)[QLatin1String("data")].toObject();
    QCOMPARE(found.value(QLatin1String("intermediate_findings"))
                 .toArray()
                 .at(0)[QLatin1String("pattern")]
                 .toString(),
        QStringLiteral("test_pattern"));
    const QJsonObject decision = events.at(2)[QLatin1String("data")].toObject();
    QCOMPARE(decision.value(QLatin1String("alternatives_considered")).toArray().size(), 2);
    QCOMPARE(decision.value(QLatin1String("confidence_level")).toDouble(), 0.85);
}

void StreamingRestTest::stepFieldsTravelOverRestWebSocketAndSse()
{
    QVERIFY(m_server->createSession(QStringLiteral("steps")));
    WebSocketTestClient watcher;
    QVERIFY(watcher.open(m_server->webSocketUrl(QStringLiteral("/ws/thinking/steps"))));
    QVERIFY(watcher.waitForMessages(1));
    const QByteArray start = R"({"session_id":"steps","thinking_type":"planning","content":"Looking it up",
        "step_id":"tool-1","parent_id":"agent-1","kind":"tool","name":"search","status":"running",
        "started_at":"2025-03-01T10:00:00.000Z","input":"weather in Paris","attributes":{"k":"v"}})";
    const QByteArray end = R"({"session_id":"steps","thinking_type":"planning","content":"Looked it up",
        "step_id":"tool-1","parent_id":"agent-1","status":"ok","ended_at":"2025-03-01T10:00:01.500Z",
        "output":"18 C and sunny"})";
    QCOMPARE(m_server->postRaw(QStringLiteral("/thinking"), start).status, 201);
    QCOMPARE(m_server->postRaw(QStringLiteral("/thinking"), end).status, 201);
    QVERIFY(watcher.waitForMessages(3));
    const QJsonObject first = watcher.messages().at(1).value(QLatin1String("data")).toObject();
    QCOMPARE(first.value(QLatin1String("step_id")).toString(), QStringLiteral("tool-1"));
    QCOMPARE(first.value(QLatin1String("kind")).toString(), QStringLiteral("tool"));
    QCOMPARE(first.value(QLatin1String("input")).toString(), QStringLiteral("weather in Paris"));
    QCOMPARE(first.value(QLatin1String("attributes")).toObject().value(QLatin1String("k")).toString(),
        QStringLiteral("v"));
    const QJsonObject second = watcher.messages().at(2).value(QLatin1String("data")).toObject();
    QCOMPARE(second.value(QLatin1String("step_id")).toString(), QStringLiteral("tool-1"));
    QCOMPARE(second.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(second.value(QLatin1String("ended_at")).toString(), QStringLiteral("2025-03-01T10:00:01.500Z"));

    const QByteArray stream = readSse(
        m_server->url({}), QStringLiteral("/api/streaming/sessions/steps/events"), {}, "18 C and sunny");
    QVERIFY(stream.contains("\"step_id\":\"tool-1\",\"parent_id\":\"agent-1\",\"kind\":\"tool\""));
    QVERIFY(stream.contains("\"output\":\"18 C and sunny\""));
}

void StreamingRestTest::batchesArePublishedInOrderOrNotAtAll()
{
    QVERIFY(m_server->createSession(QStringLiteral("batch")));
    auto step = [](const QString &content) {
        return QJsonObject {{QStringLiteral("session_id"), QStringLiteral("batch")},
            {QStringLiteral("thinking_type"), QStringLiteral("analysis")},
            {QStringLiteral("content"), content}};
    };
    // One bad event refuses the whole batch, naming it; nothing is published.
    QJsonArray bad {step(QStringLiteral("a")), step(QStringLiteral("b")),
        QJsonObject {{QStringLiteral("session_id"), QStringLiteral("batch")}}};
    HttpTestReply reply = m_server->postRaw(QStringLiteral("/thinking"), QJsonDocument(bad).toJson());
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.json()[QLatin1String("error")][QLatin1String("param")].toString().startsWith(
        QLatin1String("[2]")));
    QCOMPARE(m_server->get(QStringLiteral("/sessions/batch/events"))
                 .json()[QLatin1String("events")]
                 .toArray()
                 .size(),
        0);

    QJsonArray good;
    for (int i = 0; i < 50; ++i)
        good.append(step(QString::number(i)));
    reply = m_server->postRaw(QStringLiteral("/thinking"), QJsonDocument(good).toJson());
    QCOMPARE(reply.status, 201);
    const QJsonArray ids = reply.json()[QLatin1String("ids")].toArray();
    QCOMPARE(ids.size(), 50);
    const QJsonArray events
        = m_server->get(QStringLiteral("/sessions/batch/events")).json()[QLatin1String("events")].toArray();
    QCOMPARE(events.size(), 50);
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(events.at(i)[QLatin1String("id")], ids.at(i));
        QCOMPARE(
            events.at(i)[QLatin1String("data")][QLatin1String("content")].toString(), QString::number(i));
    }
    QCOMPARE(m_server->postRaw(QStringLiteral("/thinking"), "[]").status, 400);
    QCOMPARE(m_server->postRaw(QStringLiteral("/thinking"), "[1]").status, 400);
    QCOMPARE(m_server->postRaw(QStringLiteral("/thinking"), "\"text\"").status, 400);
}

void StreamingRestTest::aBatchMayInterleaveSessions()
{
    QVERIFY(m_server->createSession(QStringLiteral("x")));
    QVERIFY(m_server->createSession(QStringLiteral("y")));
    const QStringList sessionOf {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("x"),
        QStringLiteral("y"), QStringLiteral("x")};
    QJsonArray batch;
    for (int i = 0; i < sessionOf.size(); ++i)
        batch.append(QJsonObject {{QStringLiteral("session_id"), sessionOf.at(i)},
            {QStringLiteral("thinking_type"), QStringLiteral("analysis")},
            {QStringLiteral("content"), QString::number(i)}});
    const HttpTestReply reply = m_server->postRaw(QStringLiteral("/thinking"), QJsonDocument(batch).toJson());
    QCOMPARE(reply.status, 201);
    const QJsonArray ids = reply.json()[QLatin1String("ids")].toArray();
    QCOMPARE(ids.size(), sessionOf.size());
    // Each session holds its own events in the batch's order, under the ids answered at their places.
    for (const QString &session : {QStringLiteral("x"), QStringLiteral("y")}) {
        const QJsonArray events = m_server->get(QStringLiteral("/sessions/%1/events").arg(session))
                                      .json()[QLatin1String("events")]
                                      .toArray();
        QList<int> expected;
        for (int i = 0; i < sessionOf.size(); ++i) {
            if (sessionOf.at(i) == session)
                expected.append(i);
        }
        QCOMPARE(events.size(), expected.size());
        for (qsizetype at = 0; at < events.size(); ++at) {
            const int i = expected.at(at);
            QCOMPARE(events.at(at)[QLatin1String("id")], ids.at(i));
            QCOMPARE(events.at(at)[QLatin1String("data")][QLatin1String("content")].toString(),
                QString::number(i));
        }
    }
}

void StreamingRestTest::statsAreFilledIn()
{
    QVERIFY(m_server->createSession(QStringLiteral("st")));
    const auto step = [&](const QString &type, double confidence) {
        return m_server
            ->post(QStringLiteral("/thinking"),
                {{QStringLiteral("session_id"), QStringLiteral("st")},
                    {QStringLiteral("thinking_type"), type}, {QStringLiteral("content"), QStringLiteral("c")},
                    {QStringLiteral("confidence_level"), confidence}})
            .status;
    };
    QCOMPARE(step(QStringLiteral("analysis"), 0.5), 201);
    QCOMPARE(step(QStringLiteral("analysis"), 1.0), 201);
    QCOMPARE(step(QStringLiteral("planning"), 0.0), 201);
    QVERIFY(!m_server->publishProgress(QStringLiteral("st"), QStringLiteral("half")).isEmpty());

    const QJsonObject stats = m_server->get(QStringLiteral("/sessions/st/stats")).json().object();
    QCOMPARE(stats.value(QLatin1String("thinking_steps")).toInt(), 3);
    QCOMPARE(stats.value(QLatin1String("progress_updates")).toInt(), 1);
    QCOMPARE(stats.value(QLatin1String("average_confidence")).toDouble(), 0.5);
    QCOMPARE(
        stats.value(QLatin1String("thinking_types_used")).toObject().value(QLatin1String("analysis")).toInt(),
        2);
    QCOMPARE(
        stats.value(QLatin1String("thinking_types_used")).toObject().value(QLatin1String("planning")).toInt(),
        1);
    QCOMPARE(
        stats.value(QLatin1String("progress_types_used")).toObject().value(QLatin1String("progress")).toInt(),
        1);
    QVERIFY(stats.value(QLatin1String("session_duration")).toDouble() >= 0);
    QVERIFY(!stats.value(QLatin1String("last_updated")).toString().isEmpty());
}

void StreamingRestTest::historyMergesBothStreamsInIdOrder()
{
    QVERIFY(m_server->createSession(QStringLiteral("h")));
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        ids << m_server->publishThinking(QStringLiteral("h"), QStringLiteral("t%1").arg(i));
        ids << m_server->publishProgress(QStringLiteral("h"), QStringLiteral("p%1").arg(i));
    }
    const QJsonObject history = m_server->get(QStringLiteral("/sessions/h/events")).json().object();
    const QJsonArray events = history.value(QLatin1String("events")).toArray();
    QStringList seen;
    for (const QJsonValue &event : events)
        seen << event.toObject().value(QLatin1String("id")).toString();
    QCOMPARE(seen, ids);
    QCOMPARE(history.value(QLatin1String("last_id")).toString(), ids.last());

    const QJsonArray later
        = m_server->get(QStringLiteral("/sessions/h/events?kind=thinking&since=") + ids.at(3))
              .json()
              .object()
              .value(QLatin1String("events"))
              .toArray();
    QCOMPARE(later.size(), 3); // thinking t2, t3, t4
    QCOMPARE(later.first().toObject().value(QLatin1String("id")).toString(), ids.at(4));
}

void StreamingRestTest::deleteEndsTheSessionAndPublishesSessionEnd()
{
    QVERIFY(m_server->createSession(QStringLiteral("end")));
    WebSocketTestClient watcher;
    QVERIFY(watcher.open(m_server->webSocketUrl(QStringLiteral("/ws/sessions/end"))));
    QVERIFY(watcher.waitForMessages(1));
    const HttpTestReply reply = m_server->del(QStringLiteral("/sessions/end"));
    QCOMPARE(reply.status, 200);
    QVERIFY(watcher.waitForMessages(2));
    QVERIFY(watcher.roundTrip()); // a second session_end would come before the pong
    QCOMPARE(watcher.messagesOfType(QStringLiteral("session_end")).size(), 1);
    const QJsonObject session = m_server->get(QStringLiteral("/sessions/end")).json().object();
    QCOMPARE(session.value(QLatin1String("active")).toBool(), false);
}

void StreamingRestTest::deletingASessionFreesItsPlaceUnderTheCap()
{
    // Ended sessions once held their place until they expired (24 h): anyone could fill the cap for a day.
    ServerOptions options;
    options.storeLimits.maxSessions = 2;
    BackendFixture server(options);
    QVERIFY(server.start());
    auto create = [&](const char *id) {
        return server.post(QStringLiteral("/sessions"), {{QStringLiteral("session_id"), QLatin1String(id)}})
            .status;
    };
    QCOMPARE(create("a"), 201);
    QCOMPARE(create("b"), 201);
    QCOMPARE(create("c"), 429);
    QCOMPARE(server.del(QStringLiteral("/sessions/a")).status, 200);
    QCOMPARE(server.get(QStringLiteral("/sessions/a")).status, 200); // readable until room is needed
    QCOMPARE(create("c"), 201);
    QCOMPARE(server.get(QStringLiteral("/sessions/a")).status, 404); // the one that ended made room
    QCOMPARE(create("d"), 429); // b and c are active
    // The self-test ends its own session, so it never uses up the cap either.
    QCOMPARE(server.del(QStringLiteral("/sessions/b")).status, 200);
    QCOMPARE(server.get(QStringLiteral("/test")).status, 200);
    QCOMPARE(create("d"), 201);
}

void StreamingRestTest::theStoresBytesAreBoundedEndedSessionsMakingRoom()
{
    // Only sessions and events were counted: large events posted into new sessions grew memory without end.
    ServerOptions options;
    options.storeLimits.maxStoredBytes = 200'000;
    BackendFixture server(options);
    QVERIFY(server.start());
    const QString padding(40'000, QLatin1Char('x'));
    auto publish = [&](const char *id) {
        return server.post(QStringLiteral("/thinking"),
            {{QStringLiteral("session_id"), QLatin1String(id)},
                {QStringLiteral("thinking_type"), QStringLiteral("analysis")},
                {QStringLiteral("content"), padding}});
    };
    QVERIFY(server.createSession(QStringLiteral("a")));
    QCOMPARE(publish("a").status, 201);
    QCOMPARE(publish("a").status, 201);
    QVERIFY(server.createSession(QStringLiteral("b")));
    QCOMPARE(publish("b").status, 201);
    QCOMPARE(publish("b").status, 201);
    QCOMPARE(server.del(QStringLiteral("/sessions/a")).status, 200);
    QCOMPARE(server.get(QStringLiteral("/sessions/a")).status, 200); // readable until room is needed

    QCOMPARE(publish("b").status, 201);
    QCOMPARE(server.get(QStringLiteral("/sessions/a")).status, 404); // the ended one made room
    QCOMPARE(server.storedEvents(QStringLiteral("b")).size(), 3);

    QVERIFY(server.createSession(QStringLiteral("c")));
    QCOMPARE(publish("c").status, 201);
    const HttpTestReply full = publish("c"); // b and c are running: nothing to remove
    QCOMPARE(full.status, 507);
    const QString message = full.json()
                                .object()
                                .value(QLatin1String("error"))
                                .toObject()
                                .value(QLatin1String("message"))
                                .toString();
    QVERIFY2(message.contains(QLatin1String("--max-stored-bytes")), qPrintable(message));
    const QJsonObject health = server.get(QStringLiteral("/health")).json().object();
    QVERIFY(health.value(QLatin1String("stored_bytes")).toInteger() <= 200'000);
    QCOMPARE(health.value(QLatin1String("max_stored_bytes")).toInteger(), 200'000);
    QCOMPARE(server.storedEvents(QStringLiteral("c")).size(), 1); // refused, not half kept

    // Ending a session is always taken, and makes room for what comes next.
    QCOMPARE(server.del(QStringLiteral("/sessions/b")).status, 200);
    QCOMPARE(publish("c").status, 201);
    QCOMPARE(server.get(QStringLiteral("/sessions/b")).status, 404);
}

void StreamingRestTest::healthAndSelfTest()
{
    const QJsonObject health = m_server->get(QStringLiteral("/health")).json().object();
    QCOMPARE(health.value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
    QCOMPARE(health.value(QLatin1String("store")).toString(), QStringLiteral("memory"));
    const HttpTestReply test = m_server->get(QStringLiteral("/test"));
    QCOMPARE(test.status, 200);
    QCOMPARE(test.json().object().value(QLatin1String("success")).toBool(), true);
}

void StreamingRestTest::sseStreamsHistoryThenLiveAndEndsWithTheSession()
{
    QVERIFY(m_server->createSession(QStringLiteral("sse")));
    const QString first = m_server->publishThinking(QStringLiteral("sse"), QStringLiteral("one"));
    QString second;
    const QByteArray stream = readSse(
        m_server->url({}), QStringLiteral("/api/streaming/sessions/sse/events"), {}, "0\r\n\r\n", [&] {
            second = m_server->publishProgress(QStringLiteral("sse"), QStringLiteral("two"));
            QCOMPARE(m_server->del(QStringLiteral("/sessions/sse")).status, 200);
        });
    QVERIFY2(stream.startsWith("HTTP/1.1 200"), stream.constData());
    QVERIFY(stream.contains("Content-Type: text/event-stream"));
    QVERIFY(stream.contains("Transfer-Encoding: chunked"));
    const qsizetype one = stream.indexOf("id: " + first.toLatin1());
    const qsizetype two = stream.indexOf("id: " + second.toLatin1());
    const qsizetype end = stream.indexOf("\"type\":\"session_end\"");
    QVERIFY(one > 0 && two > one && end > two);
    QVERIFY2(stream.endsWith("0\r\n\r\n"), "the chunked stream must end cleanly after session_end");
}

void StreamingRestTest::sseResumesFromLastEventId()
{
    QVERIFY(m_server->createSession(QStringLiteral("resume")));
    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids << m_server->publishThinking(QStringLiteral("resume"), QString::number(i));
    const QByteArray stream
        = readSse(m_server->url({}), QStringLiteral("/api/streaming/sessions/resume/events"),
            "Last-Event-ID: " + ids.at(0).toLatin1() + "\r\n", "id: " + ids.at(2).toLatin1());
    QVERIFY(!stream.contains("id: " + ids.at(0).toLatin1() + "\n"));
    QVERIFY(stream.contains("id: " + ids.at(1).toLatin1()));
    QVERIFY(stream.contains("id: " + ids.at(2).toLatin1()));
}

// A history over the per-client limit is handed over at once, before the client could read any: delivered
// whole, not dropped as a client too slow.
void StreamingRestTest::sseHistoryOverTheClientsLimitIsDeliveredWhole()
{
    ServerOptions options;
    options.hubLimits.maxWatcherBacklogBytes = 64 * 1024;
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(server.createSession(QStringLiteral("long")));
    QStringList ids;
    for (int i = 0; i < 40; ++i) // 320 KiB of history
        ids << server.publishThinking(QStringLiteral("long"), QString(8 * 1024, QLatin1Char('h')));
    QString live;
    const QByteArray stream = readSse(
        server.url({}), QStringLiteral("/api/streaming/sessions/long/events"), {}, "0\r\n\r\n", [&] {
            live = server.publishThinking(QStringLiteral("long"), QStringLiteral("live"));
            QCOMPARE(server.del(QStringLiteral("/sessions/long")).status, 200);
        });
    QVERIFY2(stream.startsWith("HTTP/1.1 200"), stream.left(200).constData());
    for (const QString &id : std::as_const(ids))
        QVERIFY2(stream.contains("id: " + id.toLatin1() + "\n"), qPrintable(id));
    QVERIFY(stream.contains("id: " + live.toLatin1() + "\n"));
    QVERIFY2(stream.endsWith("0\r\n\r\n"), "the stream ends cleanly, with the session");
}

void StreamingRestTest::sseClientBehindGetsEverythingBeforeTheEnd()
{
    // A client that reads nothing while a session fills and ends: what waits for it in Ponder is still
    // sent, in order, before the stream's end.
    ServerOptions options;
    options.hubLimits.maxWatcherBacklogBytes = 64 << 20;
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(server.createSession(QStringLiteral("behind")));
    const std::unique_ptr<QTcpSocket> socket
        = connectStalledReader(server.url({}), eventStreamRequest("/api/streaming/sessions/behind/events"));
    QVERIFY(socket);
    QVERIFY(QTest::qWaitFor([&] { return server.backend().hub().watcherCount() == 1; }, 15000));
    // Until well over the window the connection is handed at a time (64 KiB) waits in Ponder.
    QStringList ids;
    for (int i = 0; i < 400 && server.queuedWatcherBytes() < 1 << 20; ++i)
        ids << server.publishThinking(
            QStringLiteral("behind"), QString(50 * 1024, QLatin1Char(char('a' + i % 26))));
    QVERIFY2(server.queuedWatcherBytes() >= 1 << 20, "the client never fell behind");
    // It waits as frames shared with any other watcher; the connection's own buffer holds one window
    // (64 KiB) and the frame that crossed it.
    const QList<QTcpSocket *> connections = server.backend().findChildren<QTcpSocket *>();
    QVERIFY(!connections.isEmpty());
    for (QTcpSocket *connection : connections)
        QVERIFY2(connection->bytesToWrite() <= 64 * 1024 + 52 * 1024,
            qPrintable(QStringLiteral("a connection holds %1 bytes").arg(connection->bytesToWrite())));
    QCOMPARE(server.del(QStringLiteral("/sessions/behind")).status, 200);

    socket->setReadBufferSize(0);
    QByteArray stream;
    QVERIFY(QTest::qWaitFor(
        [&] {
            stream += socket->readAll();
            return stream.endsWith("0\r\n\r\n") || socket->state() != QAbstractSocket::ConnectedState;
        },
        60000));
    stream += socket->readAll();
    QVERIFY2(stream.endsWith("0\r\n\r\n"), "the chunked stream must end cleanly after what was queued");
    qsizetype at = 0;
    for (const QString &id : std::as_const(ids)) {
        at = stream.indexOf("id: " + id.toLatin1() + "\n", at);
        QVERIFY2(at > 0, qPrintable(id));
    }
    QVERIFY(stream.indexOf("\"type\":\"session_end\"", at) > at);
}

void StreamingRestTest::sseForUnknownSessionIs404()
{
    const HttpTestReply reply
        = m_server->get(QStringLiteral("/sessions/ghost/events"), {{"Accept", "text/event-stream"}});
    QCOMPARE(reply.status, 404);
}

QTEST_GUILESS_MAIN(StreamingRestTest)
#include "tst_streaming_rest.moc"
