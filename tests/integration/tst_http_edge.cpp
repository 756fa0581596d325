// SPDX-License-Identifier: MIT
// The HTTP edge as an attacker meets it, over raw sockets: paths spelled to slip past the API key,
// paths and headers that would blow up an answer, bodies sent to requests that are refused anyway,
// ambiguous Host headers, and a burst of connects while the server is busy.
#include "BackendFixture.h"
#include "RawHttpConnection.h"
#include "StalledReader.h"

#include <QFile>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

class HttpEdgeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void apiKeyHoldsHoweverThePathIsSpelled_data();
    void apiKeyHoldsHoweverThePathIsSpelled();
    void everyRouteButHealthNeedsTheKey();
    void webSocketsAreServedAtTheNormalisedPath();
    void encodedSlashesStayInTheirSegment();
    void brokenEncodingsAre400();
    void pathsAreQuotedNeverSubstituted();
    void echoedHeadersAreClipped();
    void refusalsComeFromTheHeadBeforeTheBody_data();
    void refusalsComeFromTheHeadBeforeTheBody();
    void aRefusalWithoutABodyKeepsTheConnection();
    void hostHeaderRules();
    void bearerSchemeIsCaseInsensitive();
    void preflightsAllowPrivateNetworkForAllowedOrigins();
    void aBurstOfConnectsWaitsInTheQueue();

private:
    std::unique_ptr<BackendFixture> m_open; // no API key
    std::unique_ptr<BackendFixture> m_keyed; // --api-key s3cret --allowed-origin https://chat.example
};

namespace {

const QByteArray Key = "s3cret";

RawHttpResponse exchange(const QUrl &server, const QByteArray &request)
{
    RawHttpConnection connection(server);
    connection.send(request);
    const QList<RawHttpResponse> answers = connection.responses(1);
    return answers.isEmpty() ? RawHttpResponse {} : answers.first();
}

QByteArray get(const QByteArray &target, const QByteArray &headers = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
}

QByteArray post(const QByteArray &target, const QByteArray &body, const QByteArray &headers = {})
{
    return "POST " + target
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n" + headers + "\r\n" + body;
}

QString errorMessage(const RawHttpResponse &response)
{
    return QJsonDocument::fromJson(response.body)
        .object()
        .value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("message"))
        .toString();
}

} // namespace

void HttpEdgeTest::initTestCase()
{
    m_open = std::make_unique<BackendFixture>();
    QVERIFY(m_open->start());
    ServerOptions keyed;
    keyed.access.apiKey = QString::fromLatin1(Key);
    keyed.access.allowedOrigins = {QStringLiteral("https://chat.example")};
    m_keyed = std::make_unique<BackendFixture>(keyed);
    QVERIFY(m_keyed->start());
}

void HttpEdgeTest::cleanupTestCase()
{
    m_keyed.reset();
    m_open.reset();
}

void HttpEdgeTest::apiKeyHoldsHoweverThePathIsSpelled_data()
{
    QTest::addColumn<QByteArray>("request");

    const QByteArray session = "{\"session_id\":\"sneaked-in\"}";
    const QByteArray chat = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    // Each of these reached a route without the key: the policy read the raw path, the router dropped
    // empty segments.
    QTest::newRow("//v1/chat/completions") << post("//v1/chat/completions", chat);
    QTest::newRow("///v1/chat/completions") << post("///v1/chat/completions", chat);
    QTest::newRow("//v1/models") << get("//v1/models");
    QTest::newRow("//api/streaming/sessions POST") << post("//api/streaming/sessions", session);
    QTest::newRow("//api/streaming/sessions GET") << get("//api/streaming/sessions");
    QTest::newRow("/./api/streaming/sessions") << get("/./api/streaming/sessions");
    QTest::newRow("/health/../api/streaming/sessions") << get("/health/../api/streaming/sessions");
    QTest::newRow("/%61pi/streaming/sessions") << get("/%61pi/streaming/sessions");
    QTest::newRow("/api/streaming//thinking") << post("/api/streaming//thinking",
        "{\"session_id\":\"sneaked-in\",\"thinking_type\":\"analysis\",\"content\":\"c\"}");
    QTest::newRow("//api/streaming/sessions/x DELETE")
        << QByteArray("DELETE //api/streaming/sessions/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

void HttpEdgeTest::apiKeyHoldsHoweverThePathIsSpelled()
{
    QFETCH(QByteArray, request);
    const RawHttpResponse refused = exchange(m_keyed->url({}), request);
    QCOMPARE(refused.status, 401);
    QCOMPARE(QJsonDocument::fromJson(refused.body)[QLatin1String("error")][QLatin1String("code")].toString(),
        QStringLiteral("invalid_api_key"));
    // Nothing got through: no session was created.
    const RawHttpResponse check
        = exchange(m_keyed->url({}), get("/api/streaming/sessions/sneaked-in", "X-Api-Key: " + Key + "\r\n"));
    QCOMPARE(check.status, 404);
}

void HttpEdgeTest::everyRouteButHealthNeedsTheKey()
{
    const QUrl server = m_keyed->url({});
    // Default-deny: a path no route serves needs the key too, so a route added later is protected.
    QCOMPARE(exchange(server, get("/nothing/here")).status, 401);
    QCOMPARE(exchange(server, get("/api/streaming/health")).status, 401);
    QCOMPARE(exchange(server, get("/health")).status, 200);
    QCOMPARE(exchange(server, get("//health/")).status, 200); // the same route, spelled otherwise
    QCOMPARE(exchange(server, get("/nothing/here", "X-Api-Key: " + Key + "\r\n")).status, 404);
    QCOMPARE(
        exchange(server, get("//api//streaming/sessions", "Authorization: Bearer " + Key + "\r\n")).status,
        200);
}

void HttpEdgeTest::webSocketsAreServedAtTheNormalisedPath()
{
    const QUrl server = m_keyed->url({});
    QVERIFY(exchange(server,
                post("/api/streaming/sessions", "{\"session_id\":\"ws-edge\"}", "X-Api-Key: " + Key + "\r\n"))
                .status
        == 201);

    const RawHttpResponse noKey = answerThenClose(server, webSocketHandshake("//ws/sessions/ws-edge"));
    QCOMPARE(noKey.status, 401);

    // Accepted and served at the path the filters saw: the progress stream is left out of /ws/thinking.
    RawHttpConnection socket(server);
    socket.send(webSocketHandshake("/ws/progress/..//thinking/./ws-edge?api_key=" + Key));
    QVERIFY(QTest::qWaitFor([&] { return socket.received().contains("connection_established"); }, 15000));
    QVERIFY2(socket.received().startsWith("HTTP/1.1 101"), socket.received().constData());
    QVERIFY2(socket.received().contains("\"streams\":[\"thinking\"]"), socket.received().constData());
}

void HttpEdgeTest::encodedSlashesStayInTheirSegment()
{
    const QUrl server = m_keyed->url({});
    const QByteArray key = "X-Api-Key: " + Key + "\r\n";
    // Data inside one segment for the policy and the router alike: never a way to another route.
    QCOMPARE(exchange(server, get("/api%2Fstreaming%2Fsessions")).status, 401);
    QCOMPARE(exchange(server, get("/api%2fstreaming%2fsessions", key)).status, 404);
    QCOMPARE(exchange(server, get("/%2Fhealth")).status, 401);
    const RawHttpResponse badId = exchange(server, get("/api/streaming/sessions/a%2Fb", key));
    QCOMPARE(badId.status, 400);
    QCOMPARE(QJsonDocument::fromJson(badId.body)[QLatin1String("error")][QLatin1String("param")].toString(),
        QStringLiteral("session_id"));
}

void HttpEdgeTest::brokenEncodingsAre400()
{
    for (const QByteArray &target :
        {QByteArray("/%zz"), QByteArray("/api/streaming/sessions/%4"), QByteArray("/%1%1")}) {
        const RawHttpResponse refused = answerThenClose(m_open->url({}), get(target));
        QCOMPARE(refused.status, 400);
        QVERIFY(errorMessage(refused).contains(QLatin1String("percent-encoding")));
        QCOMPARE(
            QJsonDocument::fromJson(refused.body)[QLatin1String("error")][QLatin1String("type")].toString(),
            QStringLiteral("invalid_request_error"));
    }
}

void HttpEdgeTest::pathsAreQuotedNeverSubstituted()
{
    // Each "%1A" was once replaced by the whole path: a 4 KB path got a 5 MB answer.
    QByteArray target = "/";
    while (target.size() < 4096)
        target += "%1A";
    const RawHttpResponse notFound = exchange(m_open->url({}), get(target));
    QCOMPARE(notFound.status, 404);
    QVERIFY2(notFound.body.size() < 1024, QByteArray::number(notFound.body.size()).constData());
    QVERIFY(errorMessage(notFound).startsWith(QLatin1String("no route for GET /%1A%1A")));

    const RawHttpResponse noEndpoint = exchange(m_open->url({}), webSocketHandshake("/ws/x" + target));
    QCOMPARE(noEndpoint.status, 404);
    QVERIFY2(noEndpoint.body.size() < 1024, QByteArray::number(noEndpoint.body.size()).constData());
}

void HttpEdgeTest::echoedHeadersAreClipped()
{
    const QByteArray longName(10000, 'a');
    const RawHttpResponse origin
        = exchange(m_keyed->url({}), get("/health", "Origin: https://" + longName + ".example\r\n"));
    QCOMPARE(origin.status, 403);
    QVERIFY2(origin.body.size() < 1024, QByteArray::number(origin.body.size()).constData());
    const RawHttpResponse host
        = exchange(m_keyed->url({}), "GET /health HTTP/1.1\r\nHost: " + longName + ".example\r\n\r\n");
    QCOMPARE(host.status, 403);
    QVERIFY2(host.body.size() < 1024, QByteArray::number(host.body.size()).constData());
}

void HttpEdgeTest::refusalsComeFromTheHeadBeforeTheBody_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");

    const QByteArray key = "X-Api-Key: " + Key + "\r\n";
    const QByteArray big
        = "Content-Type: application/json\r\nContent-Length: 30000000\r\nExpect: 100-continue\r\n";
    QTest::newRow("Origin not allowed") << "POST /api/streaming/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + key + "Origin: https://evil.example\r\n" + big
            + "\r\n" << 403;
    QTest::newRow("Host not allowed") << "POST /api/streaming/sessions HTTP/1.1\r\nHost: evil.example\r\n"
            + key + big + "\r\n" << 403;
    QTest::newRow("no key") << "POST //v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n" + big + "\r\n"
                            << 401;
    QTest::newRow("no key, chunked") << QByteArray(
        "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Transfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n")
                                     << 401;
    // Under the server's largest body (32 MiB, for chat) but over this route's (1 MiB).
    QTest::newRow("over the route's limit") << "POST /api/streaming/thinking HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + key + "Content-Length: 2000000\r\nExpect: 100-continue\r\n\r\n"
                                            << 413;
    QTest::newRow("no route") << "POST /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n" + key + big + "\r\n" << 404;
    QTest::newRow("wrong method") << "PUT /api/streaming/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n" + key + big
            + "\r\n" << 405;
    QTest::newRow("body on a GET") << "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + big + "\r\n" << 413;
}

void HttpEdgeTest::refusalsComeFromTheHeadBeforeTheBody()
{
    QFETCH(QByteArray, head);
    // Only the head is sent: the answer must come without the body, and without a go-ahead for it.
    RawHttpConnection connection(m_keyed->url({}));
    connection.send(head);
    const QList<RawHttpResponse> answers = connection.responses(1);
    QVERIFY2(answers.size() == 1, connection.received().constData());
    QVERIFY2(!connection.received().contains("100 Continue"), connection.received().constData());
    QTEST(answers.first().status, "status");
    QVERIFY(!errorMessage(answers.first()).isEmpty());
    QCOMPARE(answers.first().header("connection"), QByteArray("close"));
    // What the client still sends is read and dropped until the connection closes.
    connection.send(QByteArray(64 * 1024, 'x'));
    QVERIFY(connection.waitForClose());
}

void HttpEdgeTest::aRefusalWithoutABodyKeepsTheConnection()
{
    RawHttpConnection connection(m_keyed->url({}));
    connection.send(get("/api/streaming/sessions")
        + get("/api/streaming/sessions", "Authorization: Bearer " + Key + "\r\n"));
    const QList<RawHttpResponse> answers = connection.responses(2);
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers.at(0).status, 401);
    QCOMPARE(answers.at(1).status, 200);
}

void HttpEdgeTest::hostHeaderRules()
{
    const QUrl server = m_open->url({});
    const RawHttpResponse twoHosts
        = answerThenClose(server, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n");
    QCOMPARE(twoHosts.status, 400);
    QVERIFY(errorMessage(twoHosts).contains(QLatin1String("Host")));
    const RawHttpResponse noHost = answerThenClose(server, "GET /health HTTP/1.1\r\n\r\n");
    QCOMPARE(noHost.status, 400);
    QVERIFY(errorMessage(noHost).contains(QLatin1String("Host")));
    // HTTP/1.0 has no Host requirement.
    QCOMPARE(answerThenClose(server, "GET /health HTTP/1.0\r\n\r\n").status, 200);
}

void HttpEdgeTest::bearerSchemeIsCaseInsensitive()
{
    const QUrl server = m_keyed->url({});
    for (const QByteArray &authorization :
        {QByteArray("bearer "), QByteArray("BEARER "), QByteArray("Bearer   ")})
        QCOMPARE(
            exchange(server, get("/api/streaming/sessions", "Authorization: " + authorization + Key + "\r\n"))
                .status,
            200);
    for (const QByteArray &authorization :
        {QByteArray("Basic "), QByteArray("Bearer"), QByteArray("Bearer x")})
        QCOMPARE(
            exchange(server, get("/api/streaming/sessions", "Authorization: " + authorization + Key + "\r\n"))
                .status,
            401);
}

void HttpEdgeTest::preflightsAllowPrivateNetworkForAllowedOrigins()
{
    const QUrl server = m_keyed->url({});
    const QByteArray preflight = "OPTIONS /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 "Access-Control-Request-Method: POST\r\n";
    const RawHttpResponse allowed = exchange(server,
        preflight + "Origin: https://chat.example\r\nAccess-Control-Request-Private-Network: true\r\n\r\n");
    QCOMPARE(allowed.status, 204);
    QCOMPARE(allowed.header("access-control-allow-private-network"), QByteArray("true"));
    QCOMPARE(allowed.header("access-control-allow-origin"), QByteArray("https://chat.example"));

    const RawHttpResponse notAsked = exchange(server, preflight + "Origin: https://chat.example\r\n\r\n");
    QCOMPARE(notAsked.status, 204);
    QVERIFY(notAsked.header("access-control-allow-private-network").isEmpty());

    const RawHttpResponse evil = exchange(server,
        preflight + "Origin: https://evil.example\r\nAccess-Control-Request-Private-Network: true\r\n\r\n");
    QCOMPARE(evil.status, 403);
    QVERIFY(evil.header("access-control-allow-private-network").isEmpty());
}

void HttpEdgeTest::aBurstOfConnectsWaitsInTheQueue()
{
    // While this test waits on its sockets the server's event loop does not run, as when it is busy: every
    // connect must wait in the kernel's queue. Qt's default queue of 50 dropped the rest.
    QFile somaxconn(QStringLiteral("/proc/sys/net/core/somaxconn"));
    int burst = 300;
    if (somaxconn.open(QIODevice::ReadOnly))
        burst = std::min(burst, somaxconn.readAll().trimmed().toInt());
    QVERIFY2(burst > 51, "the kernel's own limit leaves nothing to test");
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < burst; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QHostAddress::LocalHost, quint16(m_open->url({}).port()));
    }
    for (int i = 0; i < burst; ++i)
        QVERIFY2(sockets[size_t(i)]->waitForConnected(10000),
            qPrintable(QStringLiteral("connect %1 was dropped").arg(i)));
    sockets.clear();
    QCOMPARE(exchange(m_open->url({}), get("/health")).status, 200);
}

QTEST_GUILESS_MAIN(HttpEdgeTest)
#include "tst_http_edge.moc"
