// SPDX-License-Identifier: MIT
// The streaming API's WebSocket routes over real sockets: order, replay, bad clients, slow ones, budgets.
#include "BackendFixture.h"
#include "HttpTestClient.h"
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

class StreamingWebSocketTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

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
    void aMalformedHandshakeIsA400_data();
    void aMalformedHandshakeIsA400();
    void closedWebSocketsLeaveNoSocketBehind();
    void slowClientIsDroppedWithoutSlowingOthers();
    void watchersTogetherStayWithinTheBudget();
    void manyWatchersGetEveryLargeEventInOrderAndAlike();
    void aWatcherThatNeverReadsHoldsAWindowNotItsBacklog();
    void keepalivesFillSilenceOnly();
    void aServerGoingAwayTellsItsWatchers();
    void aHistoryOverTheClientsLimitIsDeliveredWhole();

private:
    std::unique_ptr<BackendFixture> m_server;
};

void StreamingWebSocketTest::init()
{
    m_server = std::make_unique<BackendFixture>();
    QVERIFY(m_server->start());
}

void StreamingWebSocketTest::cleanup()
{
    m_server.reset();
}

void StreamingWebSocketTest::webSocketGetsEstablishedThenHistoryThenLive()
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

void StreamingWebSocketTest::eachWebSocketRouteCarriesItsOwnStream()
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
    QVERIFY(thinking.roundTrip() && progress.roundTrip() && both.roundTrip());
    QCOMPARE(thinking.eventIds(), QStringList {t});
    QCOMPARE(progress.eventIds(), QStringList {p});
    QCOMPARE(both.eventIds(), (QStringList {t, p}));
}

void StreamingWebSocketTest::twoSocketsGetEveryEventOnceInOrder()
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
    QVERIFY(a.roundTrip() && b.roundTrip());
    QCOMPARE(a.eventIds(), published);
    QCOMPARE(b.eventIds(), published);
}

void StreamingWebSocketTest::socketsJoiningMidStreamSeeNoGapAndNoDuplicate()
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
        QVERIFY(client->roundTrip());
        QCOMPARE(client->eventIds(), published);
    }
}

void StreamingWebSocketTest::sinceResumesAfterTheGivenId()
{
    QVERIFY(m_server->createSession(QStringLiteral("since")));
    QStringList ids;
    for (int i = 0; i < 4; ++i)
        ids << m_server->publishThinking(QStringLiteral("since"), QString::number(i));
    WebSocketTestClient client;
    QVERIFY(client.open(m_server->webSocketUrl(QStringLiteral("/ws/thinking/since?since=") + ids.at(1))));
    QVERIFY(client.waitForMessages(3));
    QVERIFY(client.roundTrip());
    QCOMPARE(client.eventIds(), ids.mid(2));
}

void StreamingWebSocketTest::unknownSessionIsClosedWithAReason()
{
    WebSocketTestClient client;
    client.socket().open(m_server->webSocketUrl(QStringLiteral("/ws/thinking/missing")));
    QVERIFY(client.waitForClose());
    QCOMPARE(client.closeCode(), 4404);
    QCOMPARE(client.closeReason(), QStringLiteral("session not found"));
    QCOMPARE(m_server->backend().hub().watcherCount(), 0);
}

void StreamingWebSocketTest::badClientMessagesGetAnErrorAndTheSocketStaysOpen()
{
    QVERIFY(m_server->createSession(QStringLiteral("bad")));
    WebSocketTestClient client;
    QVERIFY(client.open(m_server->webSocketUrl(QStringLiteral("/ws/sessions/bad"))));
    QVERIFY(client.waitForMessages(1));
    client.sendText(QStringLiteral("hello"));
    client.sendText(QStringLiteral("{not json"));
    client.sendJson({{QStringLiteral("type"), QStringLiteral("subscribe_all")}});
    client.socket().sendBinaryMessage(R"({"type":"ping"})");
    QVERIFY(client.waitForMessages(5));
    QCOMPARE(client.messagesOfType(QStringLiteral("error")).size(), 4);
    client.sendJson({{QStringLiteral("type"), QStringLiteral("ping")}});
    QVERIFY(client.waitForMessages(6));
    QCOMPARE(client.messages().last().value(QLatin1String("type")).toString(), QStringLiteral("pong"));
    QVERIFY(!client.closed());
}

void StreamingWebSocketTest::oversizedClientMessageClosesTheSocket()
{
    QVERIFY(m_server->createSession(QStringLiteral("big")));
    WebSocketTestClient client;
    QVERIFY(client.open(m_server->webSocketUrl(QStringLiteral("/ws/sessions/big"))));
    client.socket().sendTextMessage(QString(100 * 1024, QLatin1Char('x')));
    QVERIFY(QTest::qWaitFor([&] { return client.closed(); }, 15000));
    QCOMPARE(client.closeCode(), int(QWebSocketProtocol::CloseCodeTooMuchData));
    QCOMPARE(m_server->get(QStringLiteral("/health")).status, 200);
}

void StreamingWebSocketTest::getHistoryAndGetStatsAnswer()
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

void StreamingWebSocketTest::aMalformedHandshakeIsA400_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("mentions");
    const QByteArray start
        = "GET /ws/sessions/hs HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n";
    QTest::newRow("no key") << start + "Sec-WebSocket-Version: 13\r\n\r\n"
                            << QStringLiteral("Sec-WebSocket-Key");
    QTest::newRow("an empty key") << start + "Sec-WebSocket-Key:\r\nSec-WebSocket-Version: 13\r\n\r\n"
                                  << QStringLiteral("Sec-WebSocket-Key");
    QTest::newRow("a key that is no base64")
        << start + "Sec-WebSocket-Key: not base64 at all!\r\nSec-WebSocket-Version: 13\r\n\r\n"
        << QStringLiteral("Sec-WebSocket-Key");
    QTest::newRow("another version") << start
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n"
                                     << QStringLiteral("version 13");
}

// QWebSocketServer drops a malformed handshake without a word; the client is told what was wrong.
void StreamingWebSocketTest::aMalformedHandshakeIsA400()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, mentions);
    QVERIFY(m_server->createSession(QStringLiteral("hs")));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->url({}).port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write(head);
    QByteArray raw;
    QVERIFY(QTest::qWaitFor(
        [&] {
            raw += socket.readAll();
            return socket.state() != QAbstractSocket::ConnectedState;
        },
        15000));
    raw += socket.readAll();
    const RawHttpResponse response = parseRawResponse(raw);
    QCOMPARE(response.status, 400);
    QCOMPARE(response.header("sec-websocket-version"), QByteArray("13"));
    QVERIFY2(response.body.contains(mentions.toUtf8()), response.body.constData());
    QCOMPARE(m_server->backend().hub().watcherCount(), 0);
}

void StreamingWebSocketTest::unknownWebSocketPathIsRefused()
{
    WebSocketTestClient client;
    QSignalSpy connected(&client.socket(), &QWebSocket::connected);
    QSignalSpy disconnected(&client.socket(), &QWebSocket::disconnected);
    client.socket().open(m_server->webSocketUrl(QStringLiteral("/ws/nothing/here")));
    QVERIFY(disconnected.wait(15000) || !disconnected.isEmpty());
    QCOMPARE(connected.size(), 0);
}

void StreamingWebSocketTest::closedWebSocketsLeaveNoSocketBehind()
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
        RawHttpConnection keyless(m_server->url({}));
        keyless.send("GET /ws/sessions/gone HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QVERIFY(keyless.waitForClose());
        QVERIFY(QTest::qWaitFor([&] { return socketsLeft() == before + 5; }, 15000));
    } // the clients close their sockets
    QVERIFY2(QTest::qWaitFor([&] { return socketsLeft() == before; }, 15000),
        qPrintable(QStringLiteral("%1 sockets left, %2 before").arg(socketsLeft()).arg(before)));
}

void StreamingWebSocketTest::slowClientIsDroppedWithoutSlowingOthers()
{
    ServerOptions options;
    options.hubLimits.maxWatcherBacklogBytes = 512 * 1024;
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(server.createSession(QStringLiteral("slow")));

    // A client that completes the handshake and then never reads.
    const std::unique_ptr<QTcpSocket> stalled
        = connectStalledReader(server.url({}), webSocketHandshake("/ws/thinking/slow"));
    QVERIFY(stalled);
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

void StreamingWebSocketTest::watchersTogetherStayWithinTheBudget()
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
    for (int i = 0; i < 3; ++i)
        stalled.push_back(connectStalledReader(server.url({}), webSocketHandshake("/ws/thinking/crowd")));
    stalled.push_back(connectStalledReader(
        server.url({}), eventStreamRequest("/api/streaming/sessions/crowd/events?kind=thinking")));
    for (const auto &socket : stalled)
        QVERIFY(socket);
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

void StreamingWebSocketTest::manyWatchersGetEveryLargeEventInOrderAndAlike()
{
    // Events far larger together than what a watcher's socket is handed at a time (its window), so each
    // watcher's queue fills and drains while its client reads.
    QVERIFY(m_server->createSession(QStringLiteral("many")));
    std::vector<std::unique_ptr<WebSocketTestClient>> clients;
    for (int i = 0; i < 12; ++i) {
        clients.push_back(std::make_unique<WebSocketTestClient>());
        QVERIFY(clients.back()->open(m_server->webSocketUrl(QStringLiteral("/ws/thinking/many"))));
    }
    QVERIFY(QTest::qWaitFor([&] { return m_server->backend().hub().watcherCount() == 12; }, 15000));
    QStringList published, contents;
    for (int i = 0; i < 30; ++i) {
        contents << QString(20 * 1024, QLatin1Char(char('a' + i % 26))) + QString::number(i);
        published << m_server->publishThinking(QStringLiteral("many"), contents.last());
    }
    WebSocketTestClient &reference = *clients.front();
    QVERIFY(reference.waitForMessages(31, 60000));
    QVERIFY(reference.roundTrip());
    const QList<QJsonObject> first = reference.messagesOfType(QStringLiteral("thinking_step"));
    QCOMPARE(first.size(), 30);
    for (int i = 0; i < 30; ++i) {
        QCOMPARE(first.at(i).value(QLatin1String("id")).toString(), published.at(i));
        QCOMPARE(
            first.at(i).value(QLatin1String("data")).toObject().value(QLatin1String("content")).toString(),
            contents.at(i));
    }
    for (auto &client : clients) {
        QVERIFY(client->waitForMessages(31, 60000));
        QVERIFY(client->roundTrip());
        QCOMPARE(client->eventIds(), published);
        QCOMPARE(client->messagesOfType(QStringLiteral("thinking_step")), first);
        QVERIFY(!client->closed());
    }
}

void StreamingWebSocketTest::aWatcherThatNeverReadsHoldsAWindowNotItsBacklog()
{
    // What a client has not read waits in Ponder as frames shared with the other watchers; its socket's
    // own buffer holds one window (64 KiB) and the frame that crossed it, not a copy of the backlog.
    ServerOptions options;
    options.hubLimits.maxWatcherBacklogBytes = 64 << 20;
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(server.createSession(QStringLiteral("stall")));
    const std::unique_ptr<QTcpSocket> stalled
        = connectStalledReader(server.url({}), webSocketHandshake("/ws/thinking/stall"));
    QVERIFY(stalled);
    WebSocketTestClient healthy;
    QVERIFY(healthy.open(server.webSocketUrl(QStringLiteral("/ws/thinking/stall"))));
    QVERIFY(QTest::qWaitFor([&] { return server.backend().hub().watcherCount() == 2; }, 15000));

    const qint64 frameBytes = 100 * 1024;
    const QString chunk(frameBytes, QLatin1Char('s'));
    int published = 0;
    for (; published < 300 && server.queuedWatcherBytes() < (8 << 20); ++published)
        QVERIFY(!server.publishThinking(QStringLiteral("stall"), chunk).isEmpty());
    QVERIFY2(server.queuedWatcherBytes() >= 8 << 20, "the stalled client never fell behind");
    QCOMPARE(server.backend().hub().watcherCount(), 2);

    const QList<QWebSocket *> sockets = server.backend().findChildren<QWebSocket *>();
    QCOMPARE(sockets.size(), 2);
    for (QWebSocket *socket : sockets)
        QVERIFY2(socket->bytesToWrite() <= 64 * 1024 + frameBytes + 1024,
            qPrintable(QStringLiteral("a watcher's socket holds %1 bytes").arg(socket->bytesToWrite())));
    QVERIFY(healthy.waitForMessages(1 + published, 60000));
    QVERIFY(!healthy.closed());
}

void StreamingWebSocketTest::keepalivesFillSilenceOnly()
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

// A backend that stops (the window closing, `ponder serve` ended) closes its watchers with 1001 rather than
// leaving them to Qt's destructor, whose close frame leaks its reason in Qt 6.4 (the asan preset fails then).
void StreamingWebSocketTest::aServerGoingAwayTellsItsWatchers()
{
    QVERIFY(m_server->createSession(QStringLiteral("leaving")));
    WebSocketTestClient client;
    QVERIFY(client.open(m_server->webSocketUrl(QStringLiteral("/ws/sessions/leaving"))));
    QVERIFY(client.waitForMessages(1));
    m_server.reset();
    QVERIFY(client.waitForClose());
    QCOMPARE(client.closeCode(), int(QWebSocketProtocol::CloseCodeGoingAway));
    QCOMPARE(client.closeReason(), QStringLiteral("server shutting down"));
}

// A session's history is handed to a new watcher at once, before it could read any: a history over the
// per-client limit (8 MiB by default; a long agent run holds more) is delivered whole, then the live events.
void StreamingWebSocketTest::aHistoryOverTheClientsLimitIsDeliveredWhole()
{
    ServerOptions options;
    options.hubLimits.maxWatcherBacklogBytes = 64 * 1024;
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(server.createSession(QStringLiteral("long")));
    const QString step(8 * 1024, QLatin1Char('h'));
    for (int i = 0; i < 40; ++i) // 320 KiB of history
        QVERIFY(!server.publishThinking(QStringLiteral("long"), step).isEmpty());
    WebSocketTestClient client;
    QVERIFY(client.open(server.webSocketUrl(QStringLiteral("/ws/sessions/long"))));
    QVERIFY(client.waitForMessages(1 + 40));
    QVERIFY(!server.publishThinking(QStringLiteral("long"), QStringLiteral("live")).isEmpty());
    QVERIFY(client.waitForMessages(1 + 40 + 1));
    QVERIFY(!client.closed());
}

QTEST_GUILESS_MAIN(StreamingWebSocketTest)
#include "tst_streaming_websocket.moc"
