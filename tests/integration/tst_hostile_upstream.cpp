// SPDX-License-Identifier: MIT
// Ponder in front of an upstream that misbehaves on purpose (HostileUpstream): lines, events, chunk-size
// lines, trailers, heads and error bodies that never end; interim answers, bodies shorter or longer than
// declared, redirects, and the way through a proxy. Each is met with a clear answer in OpenAI's error shape
// (a 502, or the stream's error event once it has begun), and what Ponder reads of the upstream is bounded:
// the fake writes only as fast as Ponder reads, so what it wrote is what Ponder took.
#include "BackendFixture.h"
#include "HostileUpstream.h"
#include "HttpTestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

namespace {

constexpr qint64 MiB = 1024 * 1024;

QByteArray chatBody(const QString &model, bool stream)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("model"), model}, {QStringLiteral("stream"), stream},
                             {QStringLiteral("messages"),
                                 QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                     {QStringLiteral("content"), QStringLiteral("hi")}}}}})
        .toJson(QJsonDocument::Compact);
}

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray sseEvent(const QJsonObject &delta)
{
    return "data: "
        + QJsonDocument(
            QJsonObject {{QStringLiteral("choices"),
                QJsonArray {QJsonObject {{QStringLiteral("index"), 0}, {QStringLiteral("delta"), delta}}}}})
              .toJson(QJsonDocument::Compact)
        + "\n\n";
}

const QByteArray SseHead
    = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";

// `total` bytes of `byte` as 64 KiB chunks of a chunked body, never built whole.
HostileUpstream::Piece endlessChunks(char byte, qint64 total)
{
    return {chunk(QByteArray(64 * 1024, byte)), total / (64 * 1024)};
}

QByteArray modelList(const QString &id)
{
    const QByteArray body
        = "{\"object\":\"list\",\"data\":[{\"id\":\"" + id.toUtf8() + "\",\"object\":\"model\"}]}";
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QString errorMessage(const HttpTestReply &reply)
{
    return reply.json().object().value(QLatin1String("error"))[QLatin1String("message")].toString();
}

// What a client read of an answer: a streamed one's text joined from its events, as that API's client
// joins it, or a whole one's text.
QString answerText(const QString &route, bool streamed, const RawHttpResponse &response)
{
    QString text;
    if (!streamed) {
        const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
        if (route == QLatin1String("/api/chat"))
            return answer[QLatin1String("message")][QLatin1String("content")].toString();
        if (route == QLatin1String("/v1/messages"))
            return answer[QLatin1String("content")][0][QLatin1String("text")].toString();
        return answer[QLatin1String("choices")][0][QLatin1String("message")][QLatin1String("content")]
            .toString();
    }
    const QList<QByteArray> events
        = route == QLatin1String("/api/chat") ? response.body.split('\n') : response.sseData();
    for (const QByteArray &event : events) {
        // Decoded first, as a client's TextDecoder does: a broken sequence is U+FFFD, the rest is read.
        const QJsonObject object = QJsonDocument::fromJson(QString::fromUtf8(event).toUtf8()).object();
        if (route == QLatin1String("/api/chat"))
            text += object[QLatin1String("message")][QLatin1String("content")].toString();
        else if (route == QLatin1String("/v1/messages"))
            text += object[QLatin1String("delta")][QLatin1String("text")].toString();
        else
            text += object[QLatin1String("choices")][0][QLatin1String("delta")][QLatin1String("content")]
                        .toString();
    }
    return text;
}

} // namespace

class HostileUpstreamTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void anSseLineThatNeverEndsIsA502();
    void anEventOfManyDataLinesAddsNoFieldsOfItsOwn_data();
    void anEventOfManyDataLinesAddsNoFieldsOfItsOwn();
    void anSseLineThatNeverEndsMidStreamIsTheStreamsError();
    void anNdjsonLineThatNeverEndsIsA502();
    void anAnswerThatNeverEndsIsA502();
    void chunkSizeLinesTrailersAndHeadsAreBounded_data();
    void chunkSizeLinesTrailersAndHeadsAreBounded();
    void anErrorBodyThatNeverEndsIsNotWaitedFor();
    void interimResponsesAreSkipped();
    void aHeadThatDoesNotParseIsA502WhateverItsStatus_data();
    void aHeadThatDoesNotParseIsA502WhateverItsStatus();
    void aBodyLongerOrShorterThanDeclaredIsAnError_data();
    void aBodyLongerOrShorterThanDeclaredIsAnError();
    void aNoContentAnswerHasNoBody();
    void anOllamaAnswerNoOllamaClientCanReadIsPutInOllamasShape_data();
    void anOllamaAnswerNoOllamaClientCanReadIsPutInOllamasShape();
    void aModelListRedirectIsFollowedOnce();
    void theKeyIsNotSentToAnotherServer();
    void httpUpstreamsGoThroughAnHttpProxyInAbsoluteForm();
    void httpsUpstreamsGoThroughAConnectTunnelAndTlsErrorsSayWhat();
    void aClientThatDoesNotReadHoldsTheUpstreamBack();
    void bytesThatAreNotUtf8CostOnlyTheirCharacters_data();
    void bytesThatAreNotUtf8CostOnlyTheirCharacters();

private:
    // A backend whose one upstream is `spec` (openai:URL or ollama:URL), with the given key.
    std::unique_ptr<BackendFixture> startBackend(const QString &spec, const QString &key = {});
    // The /health entry of the backend's one upstream, once it has been asked.
    QJsonObject upstreamHealth(BackendFixture &backend);

    std::unique_ptr<HostileUpstream> m_hostile;
    HttpTestClient m_client;
};

void HostileUpstreamTest::init()
{
    m_hostile = std::make_unique<HostileUpstream>();
    QVERIFY(m_hostile->start());
}

void HostileUpstreamTest::cleanup()
{
    m_hostile.reset();
    for (const char *name : {"http_proxy", "https_proxy", "no_proxy"})
        qunsetenv(name);
}

std::unique_ptr<BackendFixture> HostileUpstreamTest::startBackend(const QString &spec, const QString &key)
{
    ServerOptions options;
    QString error;
    auto config = UpstreamConfig::parse(spec, &error);
    if (!config)
        return nullptr;
    config->idleTimeoutMs = 30'000;
    config->apiKey = key;
    options.upstreams.append(*config);
    auto backend = std::make_unique<BackendFixture>(options);
    return backend->start() ? std::move(backend) : nullptr;
}

QJsonObject HostileUpstreamTest::upstreamHealth(BackendFixture &backend)
{
    return backend.get(QStringLiteral("/health"))
        .json()
        .object()
        .value(QLatin1String("upstreams"))[0]
        .toObject();
}

void HostileUpstreamTest::anSseLineThatNeverEndsIsA502()
{
    // 64 MiB offered as one line: Ponder takes up to its bound (8 MiB), answers, and closes.
    m_hostile->answer("/v1/chat/completions",
        {{{SseHead + chunk("data: {\"choices\":[{\"delta\":{\"content\":\""), 1},
             endlessChunks('x', 64 * MiB)},
            false, false});
    const auto backend = startBackend(QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1"));
    QVERIFY(backend);
    const HttpTestReply reply = m_client.send("POST", backend->url(QStringLiteral("/v1/chat/completions")),
        chatBody(QStringLiteral("m"), false), {{"Content-Type", "application/json"}});
    QCOMPARE(reply.status, 502);
    QCOMPARE(reply.json().object().value(QLatin1String("error"))[QLatin1String("type")].toString(),
        QStringLiteral("server_error"));
    QVERIFY2(errorMessage(reply).contains(QLatin1String("sent a line over 8388608 bytes")),
        qPrintable(errorMessage(reply)));
    QTRY_COMPARE(m_hostile->connectionsClosedByClients(), 1);
    QVERIFY2(m_hostile->bytesWritten() < 24 * MiB, qPrintable(QString::number(m_hostile->bytesWritten())));
}

void HostileUpstreamTest::anEventOfManyDataLinesAddsNoFieldsOfItsOwn_data()
{
    QTest::addColumn<QString>("route");
    QTest::newRow("chat completions") << QStringLiteral("/v1/chat/completions");
    QTest::newRow("completions") << QStringLiteral("/v1/completions");
}

// An upstream event's data of several lines is relayed as the same data: every line its own "data:" line,
// so the upstream cannot give the client's EventSource an event type, an id or a reconnection delay.
void HostileUpstreamTest::anEventOfManyDataLinesAddsNoFieldsOfItsOwn()
{
    QFETCH(QString, route);
    const QByteArray injected = "data: event: evil\ndata: id: 999\ndata: retry: 86400000\n\n";
    m_hostile->answer(route.toUtf8(),
        {{{SseHead
                 + chunk(sseEvent({{QStringLiteral("content"), QStringLiteral("Hel")}}).chopped(1) + injected
                     + "data: [DONE]\n\n")
                 + chunk({}),
             1}},
            true, false});
    const auto backend = startBackend(QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1"));
    QVERIFY(backend);
    const QByteArray body = route.endsWith(QLatin1String("/chat/completions"))
        ? chatBody(QStringLiteral("m"), true)
        : QByteArray(R"({"model":"m","prompt":"hi","stream":true})");
    const RawHttpResponse response = rawPost(backend->url(QStringLiteral("/")), route, body);
    QCOMPARE(response.status, 200);
    QVERIFY(response.chunkedComplete);
    for (const QByteArray &line : response.body.split('\n'))
        QVERIFY2(line.isEmpty() || line.startsWith("data: ") || line.startsWith(':'), line.constData());
    QVERIFY2(response.body.contains("data: event: evil\ndata: id: 999\ndata: retry: 86400000\n\n"),
        response.body.constData());
}

void HostileUpstreamTest::anSseLineThatNeverEndsMidStreamIsTheStreamsError()
{
    m_hostile->answer("/v1/chat/completions",
        {{{SseHead
                  + chunk(sseEvent({{QStringLiteral("role"), QStringLiteral("assistant")}})
                      + sseEvent({{QStringLiteral("content"), QStringLiteral("Hel")}}))
                  + chunk("data: "),
              1},
             endlessChunks('x', 64 * MiB)},
            false, false});
    const auto backend = startBackend(QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1"));
    QVERIFY(backend);
    const RawHttpResponse response = rawPost(backend->url(QStringLiteral("/")),
        QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("m"), true));
    QCOMPARE(response.status, 200); // the stream had begun
    QVERIFY(response.chunkedComplete);
    const QList<QByteArray> events = response.sseData();
    QVERIFY(events.size() >= 2);
    QVERIFY(events.first().contains("\"role\":\"assistant\""));
    const QJsonObject error
        = QJsonDocument::fromJson(events.last()).object().value(QLatin1String("error")).toObject();
    QVERIFY2(
        error.value(QLatin1String("message")).toString().contains(QLatin1String("a line over 8388608 bytes")),
        events.last().constData());
    QVERIFY(m_hostile->bytesWritten() < 24 * MiB);
}

void HostileUpstreamTest::anNdjsonLineThatNeverEndsIsA502()
{
    m_hostile->answer("/api/chat",
        {{{"HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n", 1},
             endlessChunks('{', 64 * MiB)},
            false, false});
    const auto backend = startBackend(QStringLiteral("ollama:") + m_hostile->url());
    QVERIFY(backend);
    const HttpTestReply reply = m_client.send("POST", backend->url(QStringLiteral("/v1/chat/completions")),
        chatBody(QStringLiteral("m"), false), {{"Content-Type", "application/json"}});
    QCOMPARE(reply.status, 502);
    QVERIFY2(errorMessage(reply).contains(QLatin1String("sent a line over 8388608 bytes")),
        qPrintable(errorMessage(reply)));
    QTRY_COMPARE(m_hostile->connectionsClosedByClients(), 1);
    QVERIFY(m_hostile->bytesWritten() < 24 * MiB);
}

void HostileUpstreamTest::anAnswerThatNeverEndsIsA502()
{
    // Well-formed deltas of 64 Ki characters, 128 Mi characters of them: the answer the transcript keeps
    // (for a non-streamed response and the history) stops at 32 Mi.
    const QByteArray delta
        = chunk(sseEvent({{QStringLiteral("content"), QString(64 * 1024, QLatin1Char('a'))}}));
    m_hostile->answer("/v1/chat/completions", {{{SseHead, 1}, {delta, 2048}}, false, false});
    const auto backend = startBackend(QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1"));
    QVERIFY(backend);
    const HttpTestReply reply = m_client.send("POST", backend->url(QStringLiteral("/v1/chat/completions")),
        chatBody(QStringLiteral("m"), false), {{"Content-Type", "application/json"}});
    QCOMPARE(reply.status, 502);
    QVERIFY2(errorMessage(reply).contains(QLatin1String("sent an answer over 33554432 characters")),
        qPrintable(errorMessage(reply)));
    QTRY_COMPARE(m_hostile->connectionsClosedByClients(), 1);
    QVERIFY(m_hostile->bytesWritten() < 48 * MiB);
}

void HostileUpstreamTest::chunkSizeLinesTrailersAndHeadsAreBounded_data()
{
    QTest::addColumn<QByteArray>("start");
    QTest::addColumn<QByteArray>("endless"); // repeated after `start`, 64 MiB of it
    QTest::addColumn<QString>("mentions");

    QTest::newRow("chunk-size line") << SseHead << QByteArray(4096, '1')
                                     << QStringLiteral(
                                            "invalid HTTP response: malformed chunked body: a chunk-size "
                                            "line over 1024 bytes");
    QTest::newRow("trailers") << SseHead + chunk(sseEvent({{QStringLiteral("content"), QStringLiteral("a")}}))
            + "0\r\n" << QByteArray("X-Trailer: more\r\n").repeated(256)
                              << QStringLiteral("malformed chunked body: trailers over 8192 bytes");
    QTest::newRow("head") << QByteArray("HTTP/1.1 200 OK\r\n")
                          << QByteArray("X-Header: value\r\n").repeated(256)
                          << QStringLiteral("invalid HTTP response: more than 256 response headers");
    QTest::newRow("one header line") << QByteArray("HTTP/1.1 200 OK\r\nX-Header: ") << QByteArray(4096, 'h')
                                     << QStringLiteral(
                                            "invalid HTTP response: response headers over 65536 bytes");
}

void HostileUpstreamTest::chunkSizeLinesTrailersAndHeadsAreBounded()
{
    QFETCH(QByteArray, start);
    QFETCH(QByteArray, endless);
    QFETCH(QString, mentions);
    m_hostile->answer(
        "/v1/chat/completions", {{{start, 1}, {endless, 64 * MiB / endless.size()}}, false, false});
    const auto backend = startBackend(QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1"));
    QVERIFY(backend);
    const HttpTestReply reply = m_client.send("POST", backend->url(QStringLiteral("/v1/chat/completions")),
        chatBody(QStringLiteral("m"), false), {{"Content-Type", "application/json"}});
    QCOMPARE(reply.status, 502);
    QVERIFY2(errorMessage(reply).contains(mentions), qPrintable(errorMessage(reply)));
    QTRY_COMPARE(m_hostile->connectionsClosedByClients(), 1);
    QVERIFY(m_hostile->bytesWritten() < 8 * MiB);
}

void HostileUpstreamTest::anErrorBodyThatNeverEndsIsNotWaitedFor()
{
    // A 500 announcing a gigabyte: its first 64 KiB say enough, and the rest is not read.
    m_hostile->answer("/v1/chat/completions",
        {{{"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: "
           "1073741824\r\n\r\n"
           "the model server fell over ",
              1},
             {QByteArray(64 * 1024, 'e'), 1024}},
            false, false});
    const auto backend = startBackend(QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1"));
    QVERIFY(backend);
    const HttpTestReply reply = m_client.send("POST", backend->url(QStringLiteral("/v1/chat/completions")),
        chatBody(QStringLiteral("m"), false), {{"Content-Type", "application/json"}});
    QCOMPARE(reply.status, 502);
    QVERIFY2(errorMessage(reply).contains(QLatin1String("the model server fell over")),
        qPrintable(errorMessage(reply)));
    QTRY_COMPARE(m_hostile->connectionsClosedByClients(), 1);
    QVERIFY(m_hostile->bytesWritten() < 8 * MiB);
}

void HostileUpstreamTest::interimResponsesAreSkipped()
{
    const QByteArray events = sseEvent({{QStringLiteral("role"), QStringLiteral("assistant")}})
        + sseEvent({{QStringLiteral("content"), QStringLiteral("Hello")}})
        + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
    m_hostile->answer("/v1/chat/completions",
        HostileUpstream::whole(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </style.css>\r\n\r\n" + SseHead
            + chunk(events) + "0\r\n\r\n"));
    const auto backend = startBackend(QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1"));
    QVERIFY(backend);
    const HttpTestReply reply = m_client.send("POST", backend->url(QStringLiteral("/v1/chat/completions")),
        chatBody(QStringLiteral("m"), false), {{"Content-Type", "application/json"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()
                 .object()
                 .value(QLatin1String("choices"))[0][QLatin1String("message")][QLatin1String("content")]
                 .toString(),
        QStringLiteral("Hello"));
}

// A head that fails to parse says nothing about the answer, whatever status its first line gave: the client
// gets 502 with what was wrong, not that status with an empty body (a 1xx one left clients waiting).
void HostileUpstreamTest::aHeadThatDoesNotParseIsA502WhateverItsStatus_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("101") << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n")
                         << QStringLiteral("invalid HTTP response: a switch of protocols (101)");
    QTest::newRow("endless 100s") << QByteArray("HTTP/1.1 100 Continue\r\n\r\n").repeated(17)
                                  << QStringLiteral(
                                         "invalid HTTP response: more than 16 interim (1xx) responses");
    QTest::newRow("500 with a bad header")
        << QByteArray("HTTP/1.1 500 Internal Server Error\r\nnot a header\r\n\r\n")
        << QStringLiteral("invalid HTTP response: a malformed response header line");
}

void HostileUpstreamTest::aHeadThatDoesNotParseIsA502WhateverItsStatus()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, mentions);
    m_hostile->answer("/v1/chat/completions", HostileUpstream::whole(head));
    const auto backend = startBackend(QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1"));
    QVERIFY(backend);
    for (const bool stream : {false, true}) {
        const HttpTestReply reply
            = m_client.send("POST", backend->url(QStringLiteral("/v1/chat/completions")),
                chatBody(QStringLiteral("m"), stream), {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 502);
        QVERIFY2(errorMessage(reply).contains(mentions), qPrintable(errorMessage(reply)));
    }
}

void HostileUpstreamTest::aBodyLongerOrShorterThanDeclaredIsAnError_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QString>("mentions");
    const QByteArray list = "{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\"}]}";
    // The declared length covers a whole JSON document: taking it and dropping the rest would list a model.
    QTest::newRow("longer") << "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(list.size()) + "\r\n\r\n" + list
            + "{\"more\":1}" << QStringLiteral("longer than its Content-Length");
    QTest::newRow("shorter") << "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(list.size() + 10) + "\r\n\r\n"
            + list << QStringLiteral("the connection closed after");
}

void HostileUpstreamTest::aBodyLongerOrShorterThanDeclaredIsAnError()
{
    QFETCH(QByteArray, response);
    QFETCH(QString, mentions);
    m_hostile->answer("/v1/models", HostileUpstream::whole(response));
    const auto backend = startBackend(QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1"));
    QVERIFY(backend);
    const QJsonObject health = upstreamHealth(*backend);
    QCOMPARE(health.value(QLatin1String("reachable")).toBool(true), false);
    QVERIFY2(health.value(QLatin1String("error")).toString().contains(mentions),
        qPrintable(health.value(QLatin1String("error")).toString()));
}

void HostileUpstreamTest::aNoContentAnswerHasNoBody()
{
    // A 204 whose headers promise a body, on a connection held open: there is nothing to wait for.
    m_hostile->answer(
        "/v1/models", {{{"HTTP/1.1 204 No Content\r\nContent-Length: 100\r\n\r\n", 1}}, false, false});
    const auto backend = startBackend(QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1"));
    QVERIFY(backend);
    const QJsonObject health = upstreamHealth(*backend);
    QVERIFY2(health.value(QLatin1String("error")).toString().contains(QLatin1String("not JSON")),
        qPrintable(health.value(QLatin1String("error")).toString()));
}

void HostileUpstreamTest::anOllamaAnswerNoOllamaClientCanReadIsPutInOllamasShape_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::newRow("tags: no content")
        << QByteArray("/api/tags") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << 502
        << QStringLiteral("status 204 and no body");
    QTest::newRow("version: a proxy's page")
        << QByteArray("/api/version")
        << QByteArray(
               "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<h1>hi</h1>\r\n")
        << 502 << QStringLiteral("no JSON: <h1>hi</h1>");
    QTest::newRow("ps: not modified")
        << QByteArray("/api/ps") << QByteArray("HTTP/1.1 304 Not Modified\r\n\r\n") << 502
        << QStringLiteral("status 304");
    // An error in words keeps its status: an older Ollama has no /api/ps and says so in plain text.
    QTest::newRow("ps: an older Ollama's 404")
        << QByteArray("/api/ps")
        << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 18\r\n\r\n404 "
                      "page not found")
        << 404 << QStringLiteral("404 page not found");
}

void HostileUpstreamTest::anOllamaAnswerNoOllamaClientCanReadIsPutInOllamasShape()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, answer);
    QFETCH(int, status);
    QFETCH(QString, error);
    m_hostile->answer(path, HostileUpstream::whole(answer));
    const auto backend = startBackend(QStringLiteral("ollama:") + m_hostile->url());
    QVERIFY(backend);
    const HttpTestReply reply = m_client.get(backend->url(QString::fromLatin1(path)));
    QCOMPARE(reply.status, status);
    QVERIFY2(reply.json().object().value(QLatin1String("error")).toString().contains(error),
        reply.body.constData());
}

void HostileUpstreamTest::aModelListRedirectIsFollowedOnce()
{
    // Followed once, with the key (the same server): the model list is there.
    m_hostile->answer("/v1/models",
        HostileUpstream::whole(
            "HTTP/1.1 307 Temporary Redirect\r\nLocation: /v2/models\r\nContent-Length: 0\r\n\r\n"));
    m_hostile->answer("/v2/models", HostileUpstream::whole(modelList(QStringLiteral("moved-model"))));
    {
        const auto backend = startBackend(
            QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1"), QStringLiteral("k1"));
        QVERIFY(backend);
        const HttpTestReply models = m_client.get(backend->url(QStringLiteral("/v1/models")));
        QCOMPARE(models.status, 200);
        QCOMPARE(models.json().object().value(QLatin1String("data"))[0][QLatin1String("id")].toString(),
            QStringLiteral("moved-model"));
        QCOMPARE(m_hostile->requests().last().target, QByteArray("/v2/models"));
        QCOMPARE(m_hostile->requests().last().header("authorization"), QByteArray("Bearer k1"));
    }
    // Not twice: a loop ends with an error that says so.
    m_hostile->answer("/v2/models",
        HostileUpstream::whole("HTTP/1.1 302 Found\r\nLocation: /v1/models\r\nContent-Length: 0\r\n\r\n"));
    const auto looping = startBackend(QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1"));
    QVERIFY(looping);
    const QString error = upstreamHealth(*looping).value(QLatin1String("error")).toString();
    QVERIFY2(error.contains(QLatin1String("more than once")), qPrintable(error));
}

void HostileUpstreamTest::theKeyIsNotSentToAnotherServer()
{
    HostileUpstream other;
    QVERIFY(other.start());
    other.answer("/v1/models", HostileUpstream::whole(modelList(QStringLiteral("elsewhere"))));
    m_hostile->answer("/v1/models",
        HostileUpstream::whole("HTTP/1.1 301 Moved Permanently\r\nLocation: " + other.url().toUtf8()
            + "/v1/models\r\nContent-Length: 0\r\n\r\n"));
    const auto backend = startBackend(
        QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1"), QStringLiteral("secret"));
    QVERIFY(backend);
    QCOMPARE(m_client.get(backend->url(QStringLiteral("/v1/models")))
                 .json()
                 .object()
                 .value(QLatin1String("data"))[0][QLatin1String("id")]
                 .toString(),
        QStringLiteral("elsewhere"));
    QCOMPARE(m_hostile->requests().first().header("authorization"), QByteArray("Bearer secret"));
    QCOMPARE(other.requests().size(), 1);
    QVERIFY(other.requests().first().header("authorization").isEmpty());
}

void HostileUpstreamTest::httpUpstreamsGoThroughAnHttpProxyInAbsoluteForm()
{
    // The upstream's name does not resolve here: only the proxy can reach it, so it must be asked.
    qputenv("http_proxy",
        QStringLiteral("http://user:pa%20ss@127.0.0.1:%1").arg(m_hostile->serverPort()).toUtf8());
    m_hostile->answer("/v1/models", HostileUpstream::whole(modelList(QStringLiteral("proxied-model"))));
    const auto backend = startBackend(QStringLiteral("openai:http://upstream.invalid:8080/v1"));
    QVERIFY(backend);
    QCOMPARE(m_client.get(backend->url(QStringLiteral("/v1/models")))
                 .json()
                 .object()
                 .value(QLatin1String("data"))[0][QLatin1String("id")]
                 .toString(),
        QStringLiteral("proxied-model"));
    const HostileUpstream::Request request = m_hostile->requests().first();
    QCOMPARE(request.target, QByteArray("http://upstream.invalid:8080/v1/models"));
    QCOMPARE(request.header("host"), QByteArray("upstream.invalid:8080"));
    QCOMPARE(request.header("proxy-authorization"), "Basic " + QByteArray("user:pa ss").toBase64());

    // no_proxy names the ones reached directly.
    qputenv("no_proxy", "upstream.invalid");
    const auto direct = startBackend(QStringLiteral("openai:http://upstream.invalid:8080/v1"));
    QVERIFY(direct);
    const QString error = upstreamHealth(*direct).value(QLatin1String("error")).toString();
    QVERIFY2(error.contains(QLatin1String("cannot reach")), qPrintable(error));
    QCOMPARE(m_hostile->requests().size(), 1);
}

void HostileUpstreamTest::httpsUpstreamsGoThroughAConnectTunnelAndTlsErrorsSayWhat()
{
    qputenv("https_proxy", m_hostile->url().toUtf8());
    m_hostile->answer("CONNECT", {{{"HTTP/1.1 200 Connection established\r\n\r\n", 1}}, false, true});
    const auto backend = startBackend(QStringLiteral("openai:https://upstream.invalid/v1"));
    QVERIFY(backend);
    const HttpTestReply reply = m_client.send("POST", backend->url(QStringLiteral("/v1/chat/completions")),
        chatBody(QStringLiteral("m"), false), {{"Content-Type", "application/json"}});
    QCOMPARE(m_hostile->requests().first().method, QByteArray("CONNECT"));
    QCOMPARE(m_hostile->requests().first().target, QByteArray("upstream.invalid:443"));
    // The certificate is self-signed and names another host: which host, and what was wrong.
    QCOMPARE(reply.status, 502);
    QCOMPARE(reply.json().object().value(QLatin1String("error"))[QLatin1String("code")].toString(),
        QStringLiteral("upstream_tls_error"));
    const QString message = errorMessage(reply);
    QVERIFY2(message.contains(QLatin1String("TLS with upstream.invalid:443 failed")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("self-signed"), Qt::CaseInsensitive), qPrintable(message));
}

namespace {

// A chunked body's data, or a null array if it is not one whole.
QByteArray dechunked(const QByteArray &body)
{
    QByteArray data;
    qsizetype at = 0;
    while (true) {
        const qsizetype lineEnd = body.indexOf("\r\n", at);
        if (lineEnd < 0)
            return {};
        bool ok = false;
        const qsizetype size = body.mid(at, lineEnd - at).toLongLong(&ok, 16);
        if (!ok)
            return {};
        if (size == 0)
            return body.mid(lineEnd + 2) == "\r\n" ? data : QByteArray();
        data += body.mid(lineEnd + 2, size);
        at = lineEnd + 2 + size + 2;
    }
}

} // namespace

void HostileUpstreamTest::aClientThatDoesNotReadHoldsTheUpstreamBack()
{
    // An Ollama stream of 48 MiB (far more than every buffer on the way holds), relayed to /api/chat.
    const QByteArray line
        = R"({"model":"m","created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant",)"
          R"("content":"0123456789"},"done":false})"
          "\n";
    const QByteArray lines = line.repeated(64);
    const qint64 repeat = 48 * MiB / lines.size();
    const QByteArray last
        = R"({"model":"m","created_at":"2024-01-01T00:00:01Z","message":{"role":"assistant","content":""},)"
          R"("done":true,"done_reason":"stop","eval_count":1})"
          "\n";
    m_hostile->answer("/api/chat",
        {{{"HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n", 1},
             {chunk(lines), repeat}, {chunk(last) + "0\r\n\r\n", 1}},
            false, false});
    const auto backend = startBackend(QStringLiteral("ollama:") + m_hostile->url());
    QVERIFY(backend);

    // A client that asks and then reads nothing: its socket takes 64 KiB from the kernel, no more.
    QTcpSocket client;
    client.setReadBufferSize(64 * 1024);
    client.connectToHost(QHostAddress::LocalHost, quint16(backend->url(QStringLiteral("/")).port()));
    QVERIFY(client.waitForConnected(10'000));
    const QByteArray body = QJsonDocument(
        QJsonObject {{QStringLiteral("model"), QStringLiteral("m")}, {QStringLiteral("stream"), true},
            {QStringLiteral("messages"),
                QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                    {QStringLiteral("content"), QStringLiteral("hi")}}}}})
                                .toJson(QJsonDocument::Compact);
    client.write("POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                 "Connection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);

    // The upstream stalls: it has more to write, and nothing it wrote was taken since the last look.
    qint64 seen = -1;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const qint64 written = m_hostile->bytesWritten();
            const bool stalled = m_hostile->isWaitingForTheClient() && written > MiB && written == seen;
            seen = written;
            return stalled;
        }(),
        60'000);
    // What Ponder pulled is what the buffers on the way hold, not the whole answer.
    QVERIFY2(m_hostile->bytesWritten() < 16 * MiB, qPrintable(QString::number(m_hostile->bytesWritten())));

    // Once the client reads, the stream goes on to its end with nothing lost.
    QByteArray received;
    connect(&client, &QTcpSocket::readyRead, this, [&] { received += client.readAll(); });
    client.setReadBufferSize(0);
    received += client.readAll();
    QTRY_VERIFY_WITH_TIMEOUT(
        client.state() == QAbstractSocket::UnconnectedState || received.endsWith("0\r\n\r\n"), 120'000);
    QVERIFY(received.startsWith("HTTP/1.1 200"));
    const QByteArray relayed = dechunked(received.mid(received.indexOf("\r\n\r\n") + 4));
    QCOMPARE(relayed.size(), lines.size() * repeat + last.size());
    QVERIFY(relayed == lines.repeated(repeat) + last);
}

void HostileUpstreamTest::bytesThatAreNotUtf8CostOnlyTheirCharacters_data()
{
    QTest::addColumn<QString>("upstream");
    QTest::addColumn<QString>("route");
    QTest::addColumn<bool>("streamed");
    QTest::newRow("chat completions relayed, streamed") << "openai"
                                                        << "/v1/chat/completions" << true;
    QTest::newRow("chat completions, whole") << "openai"
                                             << "/v1/chat/completions" << false;
    QTest::newRow("Messages from chat completions, streamed") << "openai"
                                                              << "/v1/messages" << true;
    QTest::newRow("Ollama chat relayed, streamed") << "ollama"
                                                   << "/api/chat" << true;
    QTest::newRow("chat completions from Ollama, whole") << "ollama"
                                                         << "/v1/chat/completions" << false;
}

void HostileUpstreamTest::bytesThatAreNotUtf8CostOnlyTheirCharacters()
{
    // A stray byte and a character cut short in the middle of an answer: every client's decoder reads each
    // broken sequence as U+FFFD and goes on, and so must Ponder, to the answer's end.
    QFETCH(QString, upstream);
    QFETCH(QString, route);
    QFETCH(bool, streamed);
    const QList<QByteArray> pieces {"Hello ", "bad \xff bytes, ", "half \xe2\x82 euro, ", "world"};
    QByteArray body;
    QByteArray brokenUnit; // one unit of the upstream's stream, as it wrote it
    if (upstream == QLatin1String("openai")) {
        for (const QByteArray &piece : pieces) {
            const QByteArray event = R"(data: {"choices":[{"index":0,"delta":{"content":")" + piece
                + R"("},"finish_reason":null}]})" + "\n\n";
            body += chunk(event);
            if (piece.contains('\xff'))
                brokenUnit = event;
        }
        body += chunk(R"(data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})"
                      "\n\ndata: [DONE]\n\n");
        m_hostile->answer("/v1/chat/completions", HostileUpstream::whole(SseHead + body + chunk({})));
    } else {
        for (const QByteArray &piece : pieces) {
            const QByteArray line
                = R"({"model":"m","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":")"
                + piece + R"("},"done":false})" + "\n";
            body += chunk(line);
            if (piece.contains('\xff'))
                brokenUnit = line;
        }
        body += chunk(
            R"({"model":"m","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop"})"
            "\n");
        m_hostile->answer("/api/chat",
            HostileUpstream::whole(
                "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
                + body + chunk({})));
    }
    const auto backend = startBackend(upstream == QLatin1String("openai")
            ? QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1")
            : QStringLiteral("ollama:") + m_hostile->url());
    QVERIFY(backend);
    QJsonObject request {{QStringLiteral("model"), QStringLiteral("m")}, {QStringLiteral("stream"), streamed},
        {QStringLiteral("messages"),
            QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                {QStringLiteral("content"), QStringLiteral("hi")}}}}};
    if (route == QLatin1String("/v1/messages"))
        request.insert(QStringLiteral("max_tokens"), 100);
    const RawHttpResponse response = rawPost(backend->url(QStringLiteral("/")), route,
        QJsonDocument(request).toJson(QJsonDocument::Compact), {{"Content-Type", "application/json"}});
    QCOMPARE(response.status, 200);
    const QString replacement(QChar::ReplacementCharacter);
    const QString expected
        = QStringLiteral("Hello bad %1 bytes, half %2 euro, world").arg(replacement, replacement.repeated(2));
    QCOMPARE(answerText(route, streamed, response), expected);
    const bool relayed
        = (upstream == QLatin1String("openai")) == route.startsWith(QLatin1String("/v1/chat")) && streamed;
    if (relayed) // the client and the upstream speak one API: the upstream's bytes, as they came
        QVERIFY2(response.body.contains(brokenUnit), response.body.constData());
    else // what Ponder writes itself is UTF-8
        QVERIFY2(response.body.isValidUtf8(), response.body.constData());
    QVERIFY(!response.body.contains("\"error\""));
}

QTEST_GUILESS_MAIN(HostileUpstreamTest)
#include "tst_hostile_upstream.moc"
