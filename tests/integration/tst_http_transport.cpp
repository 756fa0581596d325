// SPDX-License-Identifier: MIT
// Ponder's HTTP server over raw sockets: limits read from the head, pipelining, chunked bodies and
// 100-continue, HEAD and HTTP/1.0 framing, stalls and the connection limit.
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

class HttpTransportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void oversizedRequestsAreRefusedBeforeTheyAreRead();
    void pipelinedRequestsAreAnsweredInOrder();
    void chunkedBodiesAndExpectContinueAreRead();
    void headAndHttp10AreFramedForTheirClients();
    void stalledRequestsTimeOutIdleConnectionsDoNot();
    void connectionsPastTheLimitWaitForOneToClose();
    void anAnswerLeavesWithoutWaitingForTheLoop();
    void aStreamsEndLeavesWithoutWaitingForTheLoop();
    void aChunkInPartsLeavesAsOneFrame();
    void aChunkInPartsTheKernelCannotTakeArrivesWhole();

private:
    std::unique_ptr<BackendFixture> m_server;
};

void HttpTransportTest::init()
{
    m_server = std::make_unique<BackendFixture>();
    QVERIFY(m_server->start());
}

void HttpTransportTest::cleanup()
{
    m_server.reset();
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

// Both ends of one loopback connection, made without running an event loop, so that a test can tell what
// the server's side writes at once from what waits for a later pass of the loop.
struct SocketPair
{
    QTcpServer listener;
    QTcpSocket client;
    QTcpSocket *server = nullptr;

    bool connect()
    {
        if (!listener.listen(QHostAddress::LocalHost, 0))
            return false;
        client.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        if (!listener.waitForNewConnection(15000))
            return false;
        server = listener.nextPendingConnection();
        return server && client.waitForConnected(15000);
    }

    // Waiting on the client's socket alone runs no event loop: only what was already written arrives.
    QByteArray receivedWithoutTheLoop(const QByteArray &until)
    {
        QByteArray received;
        while (!received.endsWith(until) && client.waitForReadyRead(5000))
            received += client.readAll();
        return received;
    }
};

} // namespace

void HttpTransportTest::oversizedRequestsAreRefusedBeforeTheyAreRead()
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

void HttpTransportTest::pipelinedRequestsAreAnsweredInOrder()
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

void HttpTransportTest::chunkedBodiesAndExpectContinueAreRead()
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

void HttpTransportTest::headAndHttp10AreFramedForTheirClients()
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

void HttpTransportTest::stalledRequestsTimeOutIdleConnectionsDoNot()
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

void HttpTransportTest::connectionsPastTheLimitWaitForOneToClose()
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

void HttpTransportTest::anAnswerLeavesWithoutWaitingForTheLoop()
{
    // A response goes to the client when it is sent, not on a later pass of the server's event loop.
    SocketPair sockets;
    QVERIFY(sockets.connect());
    auto *responder = new HttpResponder(sockets.server, {});
    responder->send(200, "sent at once", "text/plain");
    const QByteArray received = sockets.receivedWithoutTheLoop("sent at once");
    QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
    QVERIFY(received.endsWith("sent at once"));
}

void HttpTransportTest::aStreamsEndLeavesWithoutWaitingForTheLoop()
{
    // The last chunk of a stream goes to the client when the stream ends, like the chunks before it: a
    // client reading one-delta answers waits for the end, not only for the delta.
    SocketPair sockets;
    QVERIFY(sockets.connect());
    auto *responder = new HttpResponder(sockets.server, {});
    responder->beginStream(200, "text/event-stream");
    QVERIFY(responder->writeChunk("data: one\n\n"));
    responder->endStream();
    const QByteArray received = sockets.receivedWithoutTheLoop("\r\n0\r\n\r\n");
    QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
    QVERIFY2(received.endsWith("data: one\n\n\r\n0\r\n\r\n"), received.constData());
}

void HttpTransportTest::aChunkInPartsLeavesAsOneFrame()
{
    // An upstream's event between the framing Ponder adds is written without being joined: the client
    // reads the one chunk it would have read joined, at once.
    SocketPair sockets;
    QVERIFY(sockets.connect());
    auto *responder = new HttpResponder(sockets.server, {});
    responder->beginStream(200, "text/event-stream");
    const QByteArray event = "{\"choices\":[]}";
    QVERIFY(responder->writeChunk({"data: ", event, "", "\n\n"}));
    QVERIFY(!responder->writeChunk({"", ""})); // nothing: no empty chunk, which would end the stream
    const QByteArray received = sockets.receivedWithoutTheLoop("\n\n\r\n");
    QVERIFY2(received.endsWith("\r\n\r\n16\r\ndata: {\"choices\":[]}\n\n\r\n"), received.constData());
    responder->endStream();
}

void HttpTransportTest::aChunkInPartsTheKernelCannotTakeArrivesWhole()
{
    // What the kernel does not take of a chunk written in parts waits in the socket's buffer, joined, and
    // the chunks after it behind it: the client reads every byte once, in order.
    SocketPair sockets;
    QVERIFY(sockets.connect());
    sockets.server->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 4096);
    auto *responder = new HttpResponder(sockets.server, {});
    responder->beginStream(200, "text/event-stream");
    QByteArray expected;
    for (int i = 0; i < 8; ++i) {
        const QByteArray data = QByteArray(60000, char('a' + i));
        QVERIFY(responder->writeChunk({"data: ", data, "\n\n"}));
        expected += QByteArray::number(data.size() + 8, 16) + "\r\ndata: " + data + "\n\n\r\n";
    }
    responder->endStream();
    expected += "0\r\n\r\n";
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += sockets.client.readAll()).endsWith(expected), 15000);
    QCOMPARE(received.sliced(received.indexOf("\r\n\r\n") + 4), expected);
}

QTEST_GUILESS_MAIN(HttpTransportTest)
#include "tst_http_transport.moc"
