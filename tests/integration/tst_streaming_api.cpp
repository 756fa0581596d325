// SPDX-License-Identifier: MIT
// The streaming API over real sockets: REST (every route's bad inputs too), WebSocket and SSE.
#include "BackendFixture.h"
#include "RawHttpConnection.h"
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

class StreamingApiTest : public QObject
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
    void healthAndSelfTest();

    void webSocketGetsEstablishedThenHistoryThenLive();
    void eachWebSocketRouteCarriesItsOwnStream();
    void twoSocketsGetEveryEventOnceInOrder();
    void socketsJoiningMidStreamSeeNoGapAndNoDuplicate();
    void sinceResumesAfterTheGivenId();
    void unknownSessionIsClosedWithAReason();
    void badClientMessagesGetAnErrorAndTheSocketStaysOpen();
    void oversizedClientMessageClosesTheSocket();
    void getHistoryAndGetStatsAnswer();
    void unknownWebSocketPathIsRefused();
    void closedWebSocketsLeaveNoSocketBehind();
    void anAnswerLeavesWithoutWaitingForTheLoop();
    void slowClientIsDroppedWithoutSlowingOthers();
    void watchersTogetherStayWithinTheBudget();
    void keepalivesFillSilenceOnly();

    void sseStreamsHistoryThenLiveAndEndsWithTheSession();
    void sseResumesFromLastEventId();
    void sseForUnknownSessionIs404();

    void oversizedRequestsAreRefusedBeforeTheyAreRead();
    void pipelinedRequestsAreAnsweredInOrder();
    void chunkedBodiesAndExpectContinueAreRead();
    void headAndHttp10AreFramedForTheirClients();
    void stalledRequestsTimeOutIdleConnectionsDoNot();
    void connectionsPastTheLimitWaitForOneToClose();

private:
    std::unique_ptr<BackendFixture> m_server;
};

void StreamingApiTest::init()
{
    m_server = std::make_unique<BackendFixture>();
    QVERIFY(m_server->start());
}

void StreamingApiTest::cleanup()
{
    m_server.reset();
}

namespace {

// Sends a ping and waits for its pong. A socket's messages arrive in the order they were sent, so whatever
// the server sent before the pong (a duplicate, an event on the wrong stream) has arrived by then.
bool roundTrip(WebSocketTestClient &client)
{
    const qsizetype pongs = client.messagesOfType(QStringLiteral("pong")).size();
    client.sendJson({{QStringLiteral("type"), QStringLiteral("ping")}});
    return QTest::qWaitFor(
        [&] { return client.messagesOfType(QStringLiteral("pong")).size() > pongs; }, 15000);
}

} // namespace

void StreamingApiTest::createSessionBuildsUrlsFromTheRequestHost()
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

void StreamingApiTest::createSessionGeneratesAnIdWhenNoneIsGiven()
{
    const HttpTestReply reply = m_server->post(QStringLiteral("/sessions"), {});
    QCOMPARE(reply.status, 201);
    const QString id = reply.json().object().value(QLatin1String("session_id")).toString();
    QVERIFY(Session::isValidId(id));
    QCOMPARE(m_server->get(QStringLiteral("/sessions/") + id).status, 200);
}

void StreamingApiTest::existingSessionIdIs409()
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

void StreamingApiTest::badInputGetsAClearError_data()
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

void StreamingApiTest::badInputGetsAClearError()
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

void StreamingApiTest::oversizedBodyAndEventAre413()
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

void StreamingApiTest::theSeedsOwnCallsArePublishedAsSent()
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

void StreamingApiTest::batchesArePublishedInOrderOrNotAtAll()
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

void StreamingApiTest::aBatchMayInterleaveSessions()
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

void StreamingApiTest::aliasesAreAccepted()
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

void StreamingApiTest::statsAreFilledIn()
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

void StreamingApiTest::historyMergesBothStreamsInIdOrder()
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

void StreamingApiTest::deleteEndsTheSessionAndPublishesSessionEnd()
{
    QVERIFY(m_server->createSession(QStringLiteral("end")));
    WebSocketTestClient watcher;
    QVERIFY(watcher.open(m_server->webSocketUrl(QStringLiteral("/ws/sessions/end"))));
    QVERIFY(watcher.waitForMessages(1));
    const HttpTestReply reply = m_server->del(QStringLiteral("/sessions/end"));
    QCOMPARE(reply.status, 200);
    QVERIFY(watcher.waitForMessages(2));
    QVERIFY(roundTrip(watcher)); // a second session_end would come before the pong
    QCOMPARE(watcher.messagesOfType(QStringLiteral("session_end")).size(), 1);
    const QJsonObject session = m_server->get(QStringLiteral("/sessions/end")).json().object();
    QCOMPARE(session.value(QLatin1String("active")).toBool(), false);
}

void StreamingApiTest::deletingASessionFreesItsPlaceUnderTheCap()
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

void StreamingApiTest::healthAndSelfTest()
{
    const QJsonObject health = m_server->get(QStringLiteral("/health")).json().object();
    QCOMPARE(health.value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
    QCOMPARE(health.value(QLatin1String("store")).toString(), QStringLiteral("memory"));
    const HttpTestReply test = m_server->get(QStringLiteral("/test"));
    QCOMPARE(test.status, 200);
    QCOMPARE(test.json().object().value(QLatin1String("success")).toBool(), true);
}

void StreamingApiTest::webSocketGetsEstablishedThenHistoryThenLive()
{
    QVERIFY(m_server->createSession(QStringLiteral("ws")));
    const QString first = m_server->publishThinking(QStringLiteral("ws"), QStringLiteral("before"));
    WebSocketTestClient client;
    QVERIFY(client.open(m_server->webSocketUrl(QStringLiteral("/ws/thinking/ws"))));
    QVERIFY(client.waitForMessages(2));
    QCOMPARE(client.messages().at(0).value(QLatin1String("type")).toString(),
        QStringLiteral("connection_established"));
    QCOMPARE(client.messages().at(0).value(QLatin1String("session_id")).toString(), QStringLiteral("ws"));
    QCOMPARE(client.messages().at(1).value(QLatin1String("id")).toString(), first);
    const QString second = m_server->publishThinking(QStringLiteral("ws"), QStringLiteral("after"));
    QVERIFY(client.waitForMessages(3));
    const QJsonObject live = client.messages().at(2);
    QCOMPARE(live.value(QLatin1String("type")).toString(), QStringLiteral("thinking_step"));
    QCOMPARE(live.value(QLatin1String("id")).toString(), second);
    QCOMPARE(live.value(QLatin1String("data")).toObject().value(QLatin1String("content")).toString(),
        QStringLiteral("after"));
}

void StreamingApiTest::eachWebSocketRouteCarriesItsOwnStream()
{
    QVERIFY(m_server->createSession(QStringLiteral("routes")));
    WebSocketTestClient thinking, progress, both;
    QVERIFY(thinking.open(m_server->webSocketUrl(QStringLiteral("/ws/thinking/routes"))));
    QVERIFY(progress.open(m_server->webSocketUrl(QStringLiteral("/ws/progress/routes"))));
    QVERIFY(both.open(m_server->webSocketUrl(QStringLiteral("/ws/sessions/routes"))));
    QVERIFY(thinking.waitForMessages(1) && progress.waitForMessages(1) && both.waitForMessages(1));
    const QString t = m_server->publishThinking(QStringLiteral("routes"), QStringLiteral("t"));
    const QString p = m_server->publishProgress(QStringLiteral("routes"), QStringLiteral("p"));
    QVERIFY(both.waitForMessages(3));
    QVERIFY(thinking.waitForMessages(2) && progress.waitForMessages(2));
    QVERIFY(roundTrip(thinking) && roundTrip(progress) && roundTrip(both));
    QCOMPARE(thinking.eventIds(), QStringList {t});
    QCOMPARE(progress.eventIds(), QStringList {p});
    QCOMPARE(both.eventIds(), (QStringList {t, p}));
}

void StreamingApiTest::twoSocketsGetEveryEventOnceInOrder()
{
    QVERIFY(m_server->createSession(QStringLiteral("two")));
    WebSocketTestClient a, b;
    QVERIFY(a.open(m_server->webSocketUrl(QStringLiteral("/ws/sessions/two"))));
    QVERIFY(b.open(m_server->webSocketUrl(QStringLiteral("/ws/sessions/two"))));
    QVERIFY(a.waitForMessages(1) && b.waitForMessages(1));
    QStringList published;
    for (int i = 0; i < 100; ++i)
        published << (i % 3 ? m_server->publishThinking(QStringLiteral("two"), QString::number(i))
                            : m_server->publishProgress(QStringLiteral("two"), QString::number(i)));
    QVERIFY(a.waitForMessages(101) && b.waitForMessages(101));
    QVERIFY(roundTrip(a) && roundTrip(b));
    QCOMPARE(a.eventIds(), published);
    QCOMPARE(b.eventIds(), published);
}

void StreamingApiTest::socketsJoiningMidStreamSeeNoGapAndNoDuplicate()
{
    QVERIFY(m_server->createSession(QStringLiteral("seam")));
    QStringList published;
    std::vector<std::unique_ptr<WebSocketTestClient>> clients;
    for (int i = 0; i < 60; ++i) {
        published << m_server->publishThinking(QStringLiteral("seam"), QString::number(i));
        if (i % 10 == 5) { // join while events keep coming
            clients.push_back(std::make_unique<WebSocketTestClient>());
            clients.back()->socket().open(m_server->webSocketUrl(QStringLiteral("/ws/thinking/seam")));
        }
    }
    for (auto &client : clients) {
        QVERIFY(client->waitForMessages(1 + int(published.size())));
        QVERIFY(roundTrip(*client));
        QCOMPARE(client->eventIds(), published);
    }
}

void StreamingApiTest::sinceResumesAfterTheGivenId()
{
    QVERIFY(m_server->createSession(QStringLiteral("since")));
    QStringList ids;
    for (int i = 0; i < 4; ++i)
        ids << m_server->publishThinking(QStringLiteral("since"), QString::number(i));
    WebSocketTestClient client;
    QVERIFY(client.open(m_server->webSocketUrl(QStringLiteral("/ws/thinking/since?since=") + ids.at(1))));
    QVERIFY(client.waitForMessages(3));
    QVERIFY(roundTrip(client));
    QCOMPARE(client.eventIds(), ids.mid(2));
}

void StreamingApiTest::unknownSessionIsClosedWithAReason()
{
    WebSocketTestClient client;
    client.socket().open(m_server->webSocketUrl(QStringLiteral("/ws/thinking/missing")));
    QVERIFY(client.waitForClose());
    QCOMPARE(client.closeCode(), 4404);
    QCOMPARE(client.closeReason(), QStringLiteral("session not found"));
    QCOMPARE(m_server->backend().hub().watcherCount(), 0);
}

void StreamingApiTest::badClientMessagesGetAnErrorAndTheSocketStaysOpen()
{
    QVERIFY(m_server->createSession(QStringLiteral("bad")));
    WebSocketTestClient client;
    QVERIFY(client.open(m_server->webSocketUrl(QStringLiteral("/ws/sessions/bad"))));
    QVERIFY(client.waitForMessages(1));
    client.sendText(QStringLiteral("hello"));
    client.sendText(QStringLiteral("{not json"));
    client.sendJson({{QStringLiteral("type"), QStringLiteral("subscribe_all")}});
    QVERIFY(client.waitForMessages(4));
    QCOMPARE(client.messagesOfType(QStringLiteral("error")).size(), 3);
    client.sendJson({{QStringLiteral("type"), QStringLiteral("ping")}});
    QVERIFY(client.waitForMessages(5));
    QCOMPARE(client.messages().last().value(QLatin1String("type")).toString(), QStringLiteral("pong"));
    QVERIFY(!client.closed());
}

void StreamingApiTest::oversizedClientMessageClosesTheSocket()
{
    QVERIFY(m_server->createSession(QStringLiteral("big")));
    WebSocketTestClient client;
    QVERIFY(client.open(m_server->webSocketUrl(QStringLiteral("/ws/sessions/big"))));
    client.socket().sendTextMessage(QString(100 * 1024, QLatin1Char('x')));
    QVERIFY(QTest::qWaitFor([&] { return client.closed(); }, 15000));
    QCOMPARE(client.closeCode(), int(QWebSocketProtocol::CloseCodeTooMuchData));
    QCOMPARE(m_server->get(QStringLiteral("/health")).status, 200);
}

void StreamingApiTest::getHistoryAndGetStatsAnswer()
{
    QVERIFY(m_server->createSession(QStringLiteral("hs")));
    const QString id = m_server->publishThinking(QStringLiteral("hs"), QStringLiteral("x"));
    WebSocketTestClient client;
    QVERIFY(client.open(m_server->webSocketUrl(QStringLiteral("/ws/thinking/hs"))));
    QVERIFY(client.waitForMessages(2));
    client.sendJson({{QStringLiteral("type"), QStringLiteral("get_history")}});
    client.sendJson({{QStringLiteral("type"), QStringLiteral("get_stats")}});
    QVERIFY(client.waitForMessages(4));
    const QJsonObject history = client.messagesOfType(QStringLiteral("history")).value(0);
    QCOMPARE(history.value(QLatin1String("events")).toArray().size(), 1);
    QCOMPARE(history.value(QLatin1String("events"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("id"))
                 .toString(),
        id);
    const QJsonObject stats = client.messagesOfType(QStringLiteral("stats")).value(0);
    QCOMPARE(stats.value(QLatin1String("data")).toObject().value(QLatin1String("thinking_steps")).toInt(), 1);
}

void StreamingApiTest::unknownWebSocketPathIsRefused()
{
    WebSocketTestClient client;
    QSignalSpy connected(&client.socket(), &QWebSocket::connected);
    QSignalSpy disconnected(&client.socket(), &QWebSocket::disconnected);
    client.socket().open(m_server->webSocketUrl(QStringLiteral("/ws/nothing/here")));
    QVERIFY(disconnected.wait(15000) || !disconnected.isEmpty());
    QCOMPARE(connected.size(), 0);
}

void StreamingApiTest::slowClientIsDroppedWithoutSlowingOthers()
{
    ServerOptions options;
    options.hubLimits.maxWatcherBacklogBytes = 512 * 1024;
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(server.createSession(QStringLiteral("slow")));

    // A client that completes the handshake and then never reads.
    QTcpSocket stalled;
    stalled.setReadBufferSize(1);
    stalled.connectToHost(server.url({}).host(), quint16(server.url({}).port()));
    QVERIFY(stalled.waitForConnected(15000));
    stalled.write(
        "GET /ws/thinking/slow HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    WebSocketTestClient healthy;
    QVERIFY(healthy.open(server.webSocketUrl(QStringLiteral("/ws/thinking/slow"))));
    QVERIFY(QTest::qWaitFor([&] { return server.backend().hub().watcherCount() == 2; }, 15000));

    const QString chunk(100 * 1024, QLatin1Char('z'));
    int published = 0;
    for (; published < 400 && server.backend().hub().watcherCount() == 2; ++published)
        QVERIFY(!server.publishThinking(QStringLiteral("slow"), chunk).isEmpty());
    QVERIFY2(server.backend().hub().watcherCount() == 1, "the stalled client was never dropped");
    QVERIFY(healthy.waitForMessages(1 + published, 60000));
    QVERIFY(!healthy.closed());
}

void StreamingApiTest::watchersTogetherStayWithinTheBudget()
{
    // Each watcher alone may fall far behind; all of them together may not: hundreds of clients that never
    // read once held their own cap each (300 x 8 MiB).
    ServerOptions options;
    options.hubLimits.maxWatcherBacklogBytes = 64 << 20;
    options.hubLimits.maxQueuedWatcherBytes = 1 << 20;
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(server.createSession(QStringLiteral("crowd")));

    // Clients that subscribe and never read, with small kernel buffers, so what they leave unread queues in
    // Ponder: three WebSockets and one SSE stream.
    std::vector<std::unique_ptr<QTcpSocket>> stalled;
    auto stall = [&](const QByteArray &request) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->setReadBufferSize(1);
        socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 8192);
        socket->connectToHost(server.url({}).host(), quint16(server.url({}).port()));
        QVERIFY(socket->waitForConnected(15000));
        socket->write(request);
        socket->flush();
        stalled.push_back(std::move(socket));
    };
    for (int i = 0; i < 3; ++i)
        stall("GET /ws/thinking/crowd HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
              "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              "Sec-WebSocket-Version: 13\r\n\r\n");
    stall("GET /api/streaming/sessions/crowd/events?kind=thinking HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          "Accept: text/event-stream\r\n\r\n");
    WebSocketTestClient healthy;
    QVERIFY(healthy.open(server.webSocketUrl(QStringLiteral("/ws/thinking/crowd"))));
    QVERIFY(QTest::qWaitFor([&] { return server.backend().hub().watcherCount() == 5; }, 15000));

    const QString chunk(100 * 1024, QLatin1Char('z'));
    int published = 0;
    for (; published < 400 && server.backend().hub().watcherCount() > 1; ++published)
        QVERIFY(!server.publishThinking(QStringLiteral("crowd"), chunk).isEmpty());
    QVERIFY2(server.backend().hub().watcherCount() == 1, "the stalled clients were never dropped");

    const QJsonObject health = server.get(QStringLiteral("/health")).json().object();
    QCOMPARE(health.value(QLatin1String("dropped_watchers")).toInt(), 4);
    QVERIFY(health.value(QLatin1String("queued_watcher_bytes")).toInteger() <= 1 << 20);
    QVERIFY(healthy.waitForMessages(1 + published, 60000));
    QVERIFY(!healthy.closed());
}

void StreamingApiTest::keepalivesFillSilenceOnly()
{
    ServerOptions options;
    options.hubLimits.keepaliveSeconds = 2;
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(server.createSession(QStringLiteral("quiet")));
    WebSocketTestClient watcher;
    QVERIFY(watcher.open(server.webSocketUrl(QStringLiteral("/ws/thinking/quiet"))));
    QVERIFY(watcher.waitForMessages(1));
    auto keepalives = [&] { return watcher.messagesOfType(QStringLiteral("keepalive")).size(); };

    // Silence: a keepalive comes, and another after the next stretch of silence.
    QVERIFY(QTest::qWaitFor([&] { return keepalives() == 1; }, 10'000));
    QVERIFY(QTest::qWaitFor([&] { return keepalives() == 2; }, 10'000));

    // Events every 200 ms for 3 s leave no silence of 2 s: no keepalive among them.
    for (int i = 0; i < 15; ++i) {
        QVERIFY(!server.publishThinking(QStringLiteral("quiet"), QString::number(i)).isEmpty());
        QTest::qWait(200);
    }
    QVERIFY(watcher.waitForMessages(3 + 15));
    QCOMPARE(keepalives(), 2);
    QVERIFY(QTest::qWaitFor([&] { return keepalives() == 3; }, 10'000));
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

void StreamingApiTest::stepFieldsTravelOverRestWebSocketAndSse()
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

void StreamingApiTest::sseStreamsHistoryThenLiveAndEndsWithTheSession()
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

void StreamingApiTest::sseResumesFromLastEventId()
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

void StreamingApiTest::sseForUnknownSessionIs404()
{
    const HttpTestReply reply
        = m_server->get(QStringLiteral("/sessions/ghost/events"), {{"Accept", "text/event-stream"}});
    QCOMPARE(reply.status, 404);
}

namespace {

using RawConnection = RawHttpConnection;

QByteArray postRequest(const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "POST " + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

QByteArray thinkingBody(const QByteArray &session, const QByteArray &content)
{
    return "{\"session_id\":\"" + session + "\",\"thinking_type\":\"analysis\",\"content\":\"" + content
        + "\"}";
}

const QByteArray HealthRequest = "GET /api/streaming/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

} // namespace

void StreamingApiTest::oversizedRequestsAreRefusedBeforeTheyAreRead()
{
    // Qt 6.4's server read all of these into memory before any route could refuse them.
    const RawHttpResponse refused = answerThenClose(m_server->url({}),
        "POST /api/streaming/thinking HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: 4000000000\r\n\r\n{\"session_id\":");
    QCOMPARE(refused.status, 413);
    QCOMPARE(refused.header("connection"), QByteArray("close"));
    const QJsonObject error
        = QJsonDocument::fromJson(refused.body).object().value(QLatin1String("error")).toObject();
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(QLatin1String("4000000000 bytes")),
        refused.body.constData());
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("request_too_large"));

    const QByteArray filler(100 * 1024, 'a');
    QCOMPARE(answerThenClose(m_server->url({}),
                 "GET /api/streaming/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + filler)
                 .status,
        431);
    QCOMPARE(answerThenClose(m_server->url({}),
                 "POST /api/streaming/thinking HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n"
                 "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                 .status,
        400);

    QCOMPARE(m_server->get(QStringLiteral("/health")).status, 200); // the server goes on serving
}

void StreamingApiTest::pipelinedRequestsAreAnsweredInOrder()
{
    QVERIFY(m_server->createSession(QStringLiteral("pipe")));
    RawConnection connection(m_server->url({}));
    connection.send(postRequest("/api/streaming/thinking", thinkingBody("pipe", "first"))
        + "GET /api/streaming/sessions/ghost HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        + postRequest("/api/streaming/thinking", thinkingBody("pipe", "second"))
        + "GET /api/streaming/sessions/pipe/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        + "GET /api/streaming/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    const QList<RawHttpResponse> responses = connection.responses(5);
    QCOMPARE(responses.size(), 5);
    QList<int> statuses;
    for (const RawHttpResponse &response : responses)
        statuses << response.status;
    QCOMPARE(statuses, (QList<int> {201, 404, 201, 200, 200}));
    // The history request was read only after both publishes were answered.
    const QByteArray history = responses.at(3).body;
    QVERIFY2(history.indexOf("first") > 0 && history.indexOf("second") > history.indexOf("first"),
        history.constData());
    QCOMPARE(responses.at(4).header("connection"), QByteArray("close"));
    QVERIFY(connection.waitForClose());

    // Requests behind a stream wait for it to end, however long that takes; more of them than the socket
    // buffers (256 KiB) wait in the client's kernel buffers, and are all read once the stream is over.
    // (Padded, so that a few hundred of them fill the buffer twice: the asan preset is slow per request.)
    const QByteArray health = "GET /api/streaming/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
        + QByteArray(2000, 'p') + "\r\n\r\n";
    const int waiting = int(2 * HttpConnection::ReadBufferBytes / health.size());
    RawConnection streaming(m_server->url({}));
    streaming.send("GET /api/streaming/sessions/pipe/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                   "Accept: text/event-stream\r\n\r\n"
        + health.repeated(waiting));
    QVERIFY(QTest::qWaitFor([&] { return streaming.received().contains("second"); }, 15000));
    QTest::qWait(200);
    QVERIFY(!streaming.received().contains("\"status\""));
    QCOMPARE(m_server->del(QStringLiteral("/sessions/pipe")).status, 200);
    QVERIFY2(QTest::qWaitFor(
                 [&] { return streaming.received().count("\"status\":\"healthy\"") == waiting; }, 30000),
        qPrintable(QStringLiteral("%1 of %2 answered")
                       .arg(streaming.received().count("\"status\":\"healthy\""))
                       .arg(waiting)));
    const QByteArray all = streaming.received();
    QVERIFY(all.indexOf("0\r\n\r\nHTTP/1.1 200") > all.indexOf("session_end"));
}

void StreamingApiTest::chunkedBodiesAndExpectContinueAreRead()
{
    RawConnection chunked(m_server->url({}));
    chunked.send(
        "POST /api/streaming/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
        "8\r\n{\"sessio\r\n"
        "f;ext=1\r\nn_id\":\"chunks\"}\r\n"
        "0\r\n\r\n");
    const QList<RawHttpResponse> created = chunked.responses(1);
    QCOMPARE(created.size(), 1);
    QVERIFY2(created.at(0).status == 201, created.at(0).body.constData());
    QCOMPARE(m_server->get(QStringLiteral("/sessions/chunks")).status, 200);

    // The go-ahead comes before the body is sent, and the body is read after it.
    RawConnection expecting(m_server->url({}));
    const QByteArray body = thinkingBody("chunks", "waited");
    expecting.send(
        "POST /api/streaming/thinking HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Expect: 100-continue\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n");
    QList<RawHttpResponse> answers = expecting.responses(1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.at(0).status, 100);
    expecting.send(body);
    answers = expecting.responses(2);
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers.at(1).status, 201);

    // A body over the limit is refused at once: the client never sends it.
    RawConnection refused(m_server->url({}));
    refused.send("POST /api/streaming/thinking HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
                 "Content-Length: 999999999\r\n\r\n");
    answers = refused.responses(1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.at(0).status, 413);
}

void StreamingApiTest::headAndHttp10AreFramedForTheirClients()
{
    // HEAD gets GET's headers, Content-Length included, and no body: the next response must follow at once.
    RawConnection connection(m_server->url({}));
    connection.send("HEAD /api/streaming/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + HealthRequest);
    QVERIFY(QTest::qWaitFor([&] { return connection.received().contains("\"status\":\"healthy\""); }, 15000));
    const QByteArray raw = connection.received();
    const qsizetype firstEnd = raw.indexOf("\r\n\r\n");
    QVERIFY2(raw.startsWith("HTTP/1.1 200"), raw.constData());
    QVERIFY(raw.left(firstEnd).contains("Content-Length: "));
    QVERIFY2(raw.mid(firstEnd + 4).startsWith("HTTP/1.1 200"), raw.constData()); // no body in between
    QVERIFY(raw.mid(firstEnd + 4).contains("\"status\":\"healthy\""));

    // HTTP/1.0 knows no chunks and no keep-alive by default: a whole response, then the connection closes.
    QVERIFY(m_server->createSession(QStringLiteral("old")));
    m_server->publishThinking(QStringLiteral("old"), QStringLiteral("one"));
    RawConnection old(m_server->url({}));
    old.send("GET /api/streaming/sessions/old/events HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: "
             "keep-alive\r\n\r\n");
    QVERIFY(old.waitForClose());
    const RawHttpResponse response = parseRawResponse(old.received());
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("connection"), QByteArray("close"));
    QVERIFY(response.header("transfer-encoding").isEmpty());
    QVERIFY(response.body.contains("\"one\""));
}

void StreamingApiTest::stalledRequestsTimeOutIdleConnectionsDoNot()
{
    ServerOptions options;
    options.requestTimeoutMs = 300;
    BackendFixture server(options);
    QVERIFY(server.start());

    RawConnection idle(server.url({}));
    idle.send(HealthRequest);
    QCOMPARE(idle.responses(1).size(), 1);
    QTest::qWait(900); // three timeouts with nothing underway: the connection stays
    idle.send(HealthRequest);
    QCOMPARE(idle.responses(2).size(), 2);

    QCOMPARE(
        answerThenClose(server.url({}), "GET /api/streaming/health HTTP/1.1\r\nHost: 127.0.0.1\r\n").status,
        408);

    RawConnection stalledBody(server.url({}));
    stalledBody.send(HealthRequest
        + "POST /api/streaming/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n{");
    const QList<RawHttpResponse> answers = stalledBody.responses(2);
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers.at(0).status, 200);
    QCOMPARE(answers.at(1).status, 408);
    QVERIFY(stalledBody.waitForClose());
}

void StreamingApiTest::connectionsPastTheLimitWaitForOneToClose()
{
    ServerOptions options;
    options.maxConnections = 2;
    BackendFixture server(options);
    QVERIFY(server.start());
    auto first = std::make_unique<RawConnection>(server.url({}));
    first->send(HealthRequest);
    QCOMPARE(first->responses(1).size(), 1);
    WebSocketTestClient second; // a WebSocket holds its place as long as an HTTP connection does
    QVERIFY(second.open(server.webSocketUrl(QStringLiteral("/ws/sessions/any"))));

    auto third = std::make_unique<RawConnection>(server.url({})); // queued: nothing is read from it yet
    third->send(HealthRequest);
    auto fourth = std::make_unique<RawConnection>(server.url({}));
    QTest::qWait(300);
    QVERIFY(third->received().isEmpty());
    fourth.reset(); // leaves while queued: it must not hold a place once taken
    first.reset();
    QCOMPARE(third->responses(1).size(), 1);
    third.reset();

    RawConnection fifth(server.url({}));
    fifth.send(HealthRequest);
    QCOMPARE(fifth.responses(1).size(), 1);
}

void StreamingApiTest::closedWebSocketsLeaveNoSocketBehind()
{
    QVERIFY(m_server->createSession(QStringLiteral("gone")));
    const auto socketsLeft = [&] { return m_server->backend().findChildren<QTcpSocket *>().size(); };
    const qsizetype before = socketsLeft();
    {
        std::vector<std::unique_ptr<WebSocketTestClient>> clients;
        for (int i = 0; i < 5; ++i) {
            clients.push_back(std::make_unique<WebSocketTestClient>());
            QVERIFY(clients.back()->open(m_server->webSocketUrl(QStringLiteral("/ws/sessions/gone"))));
        }
        WebSocketTestClient refused; // closed by the server: the session does not exist
        QVERIFY(refused.open(m_server->webSocketUrl(QStringLiteral("/ws/sessions/nobody"))));
        QVERIFY(QTest::qWaitFor([&] { return refused.closed(); }, 15000));
        // Passes Ponder's checks, fails QWebSocketServer's handshake (no key): it closes the socket.
        RawConnection keyless(m_server->url({}));
        keyless.send("GET /ws/sessions/gone HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QVERIFY(keyless.waitForClose());
        QVERIFY(QTest::qWaitFor([&] { return socketsLeft() == before + 5; }, 15000));
    } // the clients close their sockets
    QVERIFY2(QTest::qWaitFor([&] { return socketsLeft() == before; }, 15000),
        qPrintable(QStringLiteral("%1 sockets left, %2 before").arg(socketsLeft()).arg(before)));
}

void StreamingApiTest::anAnswerLeavesWithoutWaitingForTheLoop()
{
    // A response goes to the client when it is sent, not on a later pass of the server's event loop.
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, listener.serverPort());
    QVERIFY(listener.waitForNewConnection(15000));
    QTcpSocket *server = listener.nextPendingConnection();
    QVERIFY(client.waitForConnected(15000));

    auto *responder = new HttpResponder(server, {});
    responder->send(200, "sent at once", "text/plain");
    // Waiting on the client's socket alone runs no event loop: only what was already written arrives.
    QByteArray received;
    while (!received.contains("sent at once") && client.waitForReadyRead(5000))
        received += client.readAll();
    QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
    QVERIFY(received.endsWith("sent at once"));
}

QTEST_GUILESS_MAIN(StreamingApiTest)
#include "tst_streaming_api.moc"
