// SPDX-License-Identifier: MIT
// A document of megabytes is read on a worker thread, and the server answers others meanwhile: a client's
// JSON request body (parsed before its route runs, in every API), an OTLP export, an upstream's answer sent
// whole. Each test holds the worker at a gate (OffLoop::setWorkerGate) while it asks the server something
// else, so "the loop was free" is an order of events, not a timing: /health is answered while the big
// document waits at the gate. What was sent after it on the same connection waits its turn; a client gone
// or a server destroyed while it waits drops it unread.
#include "BackendFixture.h"
#include "FakeUpstream.h"
#include "HostileUpstream.h"
#include "RawHttpConnection.h"
#include "chat/CompletionRequest.h"
#include "core/OffLoop.h"
#include "http/HttpConnection.h"
#include "upstream/UpstreamConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSemaphore>
#include <QTcpSocket>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MiB = 1024 * 1024;

// Holds every piece of off-loop work at its start until opened; counts the pieces that reached it.
class WorkerGate
{
public:
    WorkerGate()
    {
        OffLoop::setWorkerGate([this] {
            ++m_reached;
            m_open.acquire();
            if (m_opened)
                m_open.release(); // open for all that follow; else it let this one through alone
        });
    }
    ~WorkerGate()
    {
        open();
        QThreadPool::globalInstance()->waitForDone();
        OffLoop::setWorkerGate({});
    }
    int reached() const { return m_reached; }
    void open()
    {
        if (!m_opened.exchange(true))
            m_open.release();
    }
    void letOneThrough() { m_open.release(); }

private:
    std::atomic<int> m_reached = 0;
    QSemaphore m_open;
    std::atomic<bool> m_opened = false;
};

// A JSON object of about `bytes` that breaks off at its end: valid for megabytes, so a parser reads all of
// it before it finds out.
QByteArray brokenJson(qsizetype bytes)
{
    return "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + QByteArray(bytes, 'x')
        + "\"}";
}

QByteArray post(const QByteArray &path, const QByteArray &body, const QByteArray &type = "application/json")
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type
        + "\r\nanthropic-version: 2023-06-01\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n\r\n" + body;
}

const QByteArray HealthRequest = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

// A span whose attribute is `bytes` long: an export of megabytes that is valid.
QByteArray bigExport(qsizetype bytes)
{
    return R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c",
        "spanId":"eee19b7ec3c1b174","name":"invoke_agent helper","startTimeUnixNano":"1700000000000000000",
        "endTimeUnixNano":"1700000001000000000","attributes":[{"key":"gen_ai.agent.name","value":
        {"stringValue":"helper"}},{"key":"big","value":{"stringValue":")"
        + QByteArray(bytes, 'y') + R"("}}]}]}]}]})";
}

// The message of an error answer, wherever its API puts it.
QString messageOf(const RawHttpResponse &response, const QString &where)
{
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    if (where == QLatin1String("error"))
        return answer.value(where).toString();
    if (where == QLatin1String("message"))
        return answer.value(where).toString();
    return answer.value(QLatin1String("error"))[QLatin1String("message")].toString();
}

// The streaming API with room for events of megabytes (its defaults refuse bodies over 1 MiB).
ServerOptions roomyStreaming()
{
    ServerOptions options;
    options.hubLimits.maxBodyBytes = 8 * MiB;
    options.hubLimits.maxEventBytes = 8 * MiB;
    return options;
}

} // namespace

class OffLoopParseTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aLargeBadBodyWaitsOffTheLoopAndGetsItsApisError_data();
    void aLargeBadBodyWaitsOffTheLoopAndGetsItsApisError();
    void aRequestPipelinedBehindALargeBodyIsAnsweredAfterIt();
    void aLargeValidBodyReachesItsRoute();
    void aClientGoneDuringTheParseLeavesItUnread();
    void aServerDestroyedDuringTheParseLeavesItUnread();
    void aLargeOtlpExportIsReadOffTheLoopAndStored();
    void aLargeAnswerSentWholeIsReadOffTheLoop();
    void aLargeRequestsPromptIsReadOffTheLoop();
    void aLargeRequestIsWrittenForTheUpstreamOffTheLoop_data();
    void aLargeRequestIsWrittenForTheUpstreamOffTheLoop();
    void aLargeAnswerIsWrittenForTheClientOffTheLoop_data();
    void aLargeRequestsTokensAreCountedOffTheLoop();
    void aLargeAnswerIsWrittenForTheClientOffTheLoop();
    void anAnswerOfLargeToolCallsIsWrittenOffTheLoop();
    void runIfLarge_worksOnASmallInputAtOnceAndALargeOneOnAWorker();

private:
    HttpTestClient m_client;
};

void OffLoopParseTest::aLargeBadBodyWaitsOffTheLoopAndGetsItsApisError_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("where"); // of the message in the error answer
    QTest::addColumn<QString>("mentions");
    QTest::newRow("openai chat") << QByteArray("/v1/chat/completions") << "error.message"
                                 << "not valid JSON";
    QTest::newRow("openai responses") << QByteArray("/v1/responses") << "error.message"
                                      << "not valid JSON";
    QTest::newRow("anthropic") << QByteArray("/v1/messages") << "error.message"
                               << "not valid JSON";
    QTest::newRow("ollama chat") << QByteArray("/api/chat") << "error"
                                 << "not valid JSON";
    QTest::newRow("ollama generate") << QByteArray("/api/generate") << "error"
                                     << "not valid JSON";
    QTest::newRow("streaming thinking") << QByteArray("/api/streaming/thinking") << "error.message"
                                        << "not valid JSON";
    QTest::newRow("otlp json") << QByteArray("/v1/traces") << "message"
                               << "not valid JSON";
}

// While the big body waits at the gate, another connection's /health is answered; then the body is read
// and refused with 400 in its API's own shape, as a small one is.
void OffLoopParseTest::aLargeBadBodyWaitsOffTheLoopAndGetsItsApisError()
{
    QFETCH(QByteArray, path);
    QFETCH(QString, where);
    QFETCH(QString, mentions);
    BackendFixture server(roomyStreaming());
    QVERIFY(server.start());
    WorkerGate gate;
    RawHttpConnection big(server.url(QStringLiteral("/")));
    big.send(post(path, brokenJson(3 * MiB)));
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 1, 30'000);

    QCOMPARE(m_client.get(server.url(QStringLiteral("/health"))).status, 200);
    QVERIFY(big.received().isEmpty()); // held at the gate: /health came first

    gate.open();
    const QList<RawHttpResponse> answers = big.responses(1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 400);
    const QString message = messageOf(answers.first(), where);
    QVERIFY2(message.contains(mentions), qPrintable(message));
}

void OffLoopParseTest::aRequestPipelinedBehindALargeBodyIsAnsweredAfterIt()
{
    BackendFixture server;
    QVERIFY(server.start());
    WorkerGate gate;
    RawHttpConnection pipelined(server.url(QStringLiteral("/")));
    pipelined.send(post("/v1/chat/completions", brokenJson(3 * MiB)) + HealthRequest);
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 1, 30'000);

    // Another connection is served; the request behind the big one on its own connection is not.
    QCOMPARE(m_client.get(server.url(QStringLiteral("/health"))).status, 200);
    QVERIFY(pipelined.received().isEmpty());

    gate.open();
    const QList<RawHttpResponse> answers = pipelined.responses(2);
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers.at(0).status, 400);
    QCOMPARE(answers.at(1).status, 200);
    QVERIFY(answers.at(1).body.contains("\"status\""));
}

// A body parsed off the loop is what the route reads: an event of megabytes is stored whole.
void OffLoopParseTest::aLargeValidBodyReachesItsRoute()
{
    BackendFixture server(roomyStreaming());
    QVERIFY(server.start());
    QVERIFY(server.createSession(QStringLiteral("s1")));
    WorkerGate gate;
    const QString content(2 * MiB, u'z');
    const QByteArray body = QJsonDocument(
        QJsonObject {{QStringLiteral("session_id"), QStringLiteral("s1")},
            {QStringLiteral("thinking_type"), QStringLiteral("analysis")},
            {QStringLiteral("content"),
                content}}).toJson(QJsonDocument::Compact);
    RawHttpConnection big(server.url(QStringLiteral("/")));
    big.send(post("/api/streaming/thinking", body));
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 1, 30'000);
    gate.open();
    const QList<RawHttpResponse> answers = big.responses(1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 201);
    const QJsonArray events = server.storedEvents(QStringLiteral("s1"));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first()[QLatin1String("data")][QLatin1String("content")].toString(), content);
}

void OffLoopParseTest::aClientGoneDuringTheParseLeavesItUnread()
{
    BackendFixture server;
    QVERIFY(server.start());
    WorkerGate gate;
    {
        QTcpSocket socket;
        socket.connectToHost(
            server.url(QStringLiteral("/")).host(), quint16(server.url(QStringLiteral("/")).port()));
        QVERIFY(socket.waitForConnected(15'000));
        socket.write(post("/v1/chat/completions", brokenJson(3 * MiB)));
        QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 1, 30'000);
        socket.abort();
    }
    // The connection is gone on the server's side while its body still waits at the gate.
    QTRY_VERIFY(server.backend().findChildren<HttpConnection *>().isEmpty());
    gate.open();
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::sendPostedEvents();
    QCOMPARE(m_client.get(server.url(QStringLiteral("/health"))).status, 200);
}

void OffLoopParseTest::aServerDestroyedDuringTheParseLeavesItUnread()
{
    auto server = std::make_unique<BackendFixture>();
    QVERIFY(server->start());
    WorkerGate gate;
    RawHttpConnection big(server->url(QStringLiteral("/")));
    big.send(post("/v1/chat/completions", brokenJson(3 * MiB)));
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 1, 30'000);
    server.reset();
    gate.open();
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::sendPostedEvents();
    QVERIFY(big.waitForClose());
    QVERIFY(big.received().isEmpty());
}

void OffLoopParseTest::aLargeOtlpExportIsReadOffTheLoopAndStored()
{
    BackendFixture server;
    QVERIFY(server.start());
    WorkerGate gate;
    RawHttpConnection big(server.url(QStringLiteral("/")));
    big.send(post("/v1/traces", bigExport(2 * MiB)));
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 1, 30'000);
    QCOMPARE(m_client.get(server.url(QStringLiteral("/health"))).status, 200);
    QVERIFY(big.received().isEmpty());
    gate.open();
    const QList<RawHttpResponse> answers = big.responses(1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 200);
    QVERIFY(!server.storedEvents(QStringLiteral("5b8efff798038103d269b633813fc60c")).isEmpty());
}

// A server that ignores stream:true answers with one JSON document of megabytes: it is read on a worker,
// and a client of another API (Anthropic's, translated) gets all of it once read.
void OffLoopParseTest::aLargeAnswerSentWholeIsReadOffTheLoop()
{
    HostileUpstream hostile;
    QVERIFY(hostile.start());
    const QString content(3 * MiB, u'w');
    const QByteArray answer
        = QJsonDocument(QJsonObject {{QStringLiteral("choices"),
                            QJsonArray {QJsonObject {{QStringLiteral("index"), 0},
                                {QStringLiteral("finish_reason"), QStringLiteral("stop")},
                                {QStringLiteral("message"),
                                    QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                                        {QStringLiteral("content"), content}}}}}}})
              .toJson(QJsonDocument::Compact);
    hostile.answer("/v1/chat/completions",
        HostileUpstream::whole("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(answer.size()) + "\r\n\r\n" + answer));
    ServerOptions options;
    QString error;
    auto config
        = UpstreamConfig::parse(QStringLiteral("openai:") + hostile.url() + QStringLiteral("/v1"), &error);
    QVERIFY2(config, qPrintable(error));
    options.upstreams.append(*config);
    BackendFixture server(options);
    QVERIFY(server.start());

    WorkerGate gate;
    RawHttpConnection client(server.url(QStringLiteral("/")));
    client.send(
        post("/v1/messages", R"({"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"}]})"));
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 1, 30'000);
    QCOMPARE(m_client.get(server.url(QStringLiteral("/health"))).status, 200);
    QVERIFY(client.received().isEmpty());
    gate.open();
    const QList<RawHttpResponse> answers = client.responses(1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 200);
    const QJsonObject message = QJsonDocument::fromJson(answers.first().body).object();
    QCOMPARE(message[QLatin1String("content")][0][QLatin1String("text")].toString().size(), content.size());
}

// A valid request of megabytes: after its parse, the prompt its session shows (the last user message,
// clipped) is read on a worker as well, before it goes upstream; /health is answered meanwhile.
void OffLoopParseTest::aLargeRequestsPromptIsReadOffTheLoop()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    FakeScript script;
    script.content = {QStringLiteral("ok")};
    fake.setScript(QStringLiteral("m"), script);
    auto server = BackendFixture::startedWith(fake.openAiSpec());
    QVERIFY(server);
    WorkerGate gate;
    RawHttpConnection client(server->url(QStringLiteral("/")));
    client.send(post("/v1/chat/completions",
        R"({"model":"m","stream":false,"session_id":"big","messages":[{"role":"user","content":")"
            + QByteArray(2 * MiB, 'p') + R"("}]})"));
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 1, 30'000); // the body's parse
    gate.letOneThrough();
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 2, 30'000); // its prompt
    QCOMPARE(m_client.get(server->url(QStringLiteral("/health"))).status, 200);
    const auto sentUpstream = [&fake] {
        const QList<FakeRequest> requests = fake.requests();
        return std::any_of(requests.begin(), requests.end(),
            [](const FakeRequest &r) { return r.path.endsWith("/chat/completions"); });
    };
    QVERIFY(!sentUpstream());

    gate.open();
    const QList<RawHttpResponse> answers = client.responses(1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 200);
    QVERIFY(sentUpstream());
    QString prompt;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonValue &event : server->storedEvents(QStringLiteral("big"))) {
                if (event[QLatin1String("data")][QLatin1String("prompt")].isString())
                    prompt = event[QLatin1String("data")][QLatin1String("prompt")].toString();
            }
            return !prompt.isEmpty();
        }(),
        10'000);
    QCOMPARE(prompt, QString(CompletionRequest::MaxPromptChars, u'p'));
}

void OffLoopParseTest::aLargeRequestIsWrittenForTheUpstreamOffTheLoop_data()
{
    QTest::addColumn<bool>("ollama"); // the upstream's kind
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("before"); // the body, around the user's message
    QTest::addColumn<QByteArray>("after");
    const QByteArray chat = R"({"model":"m","stream":false,"messages":[{"role":"user","content":")";
    QTest::newRow("openai chat, relayed")
        << false << QByteArray("/v1/chat/completions") << chat << QByteArray(R"("}]})");
    QTest::newRow("openai chat to ollama")
        << true << QByteArray("/v1/chat/completions") << chat << QByteArray(R"("}]})");
    QTest::newRow("anthropic to openai")
        << false << QByteArray("/v1/messages")
        << QByteArray(R"({"model":"m","max_tokens":10,"messages":[{"role":"user","content":")")
        << QByteArray(R"("}]})");
    QTest::newRow("responses to ollama")
        << true << QByteArray("/v1/responses") << QByteArray(R"({"model":"m","store":false,"input":")")
        << QByteArray(R"("})");
}

// Writing the JSON for the upstream costs some 6 ms a megabyte: for a request of megabytes it is done on a
// worker, relayed or translated, and the request leaves once it is written, with the client's message whole.
void OffLoopParseTest::aLargeRequestIsWrittenForTheUpstreamOffTheLoop()
{
    QFETCH(bool, ollama);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    FakeUpstream fake;
    QVERIFY(fake.start());
    FakeScript script;
    script.content = {QStringLiteral("ok")};
    fake.setScript(QStringLiteral("m"), script);
    auto server = BackendFixture::startedWith(ollama ? fake.ollamaSpec() : fake.openAiSpec());
    QVERIFY(server);
    const QByteArray message(2 * MiB, 'w');
    WorkerGate gate;
    RawHttpConnection client(server->url(QStringLiteral("/")));
    client.send(post(path, before + message + after));
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 1, 30'000); // the body's parse
    gate.letOneThrough();
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 2, 30'000); // its prompt
    gate.letOneThrough();
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 3, 30'000); // the body for the upstream
    QCOMPARE(m_client.get(server->url(QStringLiteral("/health"))).status, 200);
    const QByteArray chatPath = ollama ? "/api/chat" : "/chat/completions";
    const auto sentUpstream = [&fake, &chatPath]() -> std::optional<FakeRequest> {
        for (const FakeRequest &request : fake.requests()) {
            if (request.path.endsWith(chatPath))
                return request;
        }
        return std::nullopt;
    };
    QVERIFY(!sentUpstream());

    gate.open();
    const QList<RawHttpResponse> answers = client.responses(1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 200);
    const std::optional<FakeRequest> sent = sentUpstream();
    QVERIFY(sent);
    QVERIFY(sent->rawBody.contains("\"" + message + "\""));
    QCOMPARE(sent->body.value(QLatin1String("model")).toString(), QStringLiteral("m"));
}

void OffLoopParseTest::aLargeAnswerIsWrittenForTheClientOffTheLoop_data()
{
    QTest::addColumn<bool>("ollama"); // the upstream's kind
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("content"); // where the answer's text is in the client's API
    const QByteArray chat = R"({"model":"m","stream":false,"messages":[{"role":"user","content":"hi"}]})";
    QTest::newRow("openai chat, relayed")
        << false << QByteArray("/v1/chat/completions") << chat << "choices.0.message.content";
    QTest::newRow("openai chat onto ollama")
        << true << QByteArray("/v1/chat/completions") << chat << "choices.0.message.content";
    QTest::newRow("ollama chat, relayed") << true << QByteArray("/api/chat") << chat << "message.content";
    QTest::newRow("text completion onto ollama")
        << true << QByteArray("/v1/completions") << QByteArray(R"({"model":"m","prompt":"hi"})")
        << "choices.0.text";
}

// An answer of megabytes to a client that did not stream is written as JSON on a worker (some 6 ms a
// megabyte), whichever API it is in; /health is answered meanwhile, and the answer arrives whole.
void OffLoopParseTest::aLargeAnswerIsWrittenForTheClientOffTheLoop()
{
    QFETCH(bool, ollama);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, content);
    FakeUpstream fake;
    QVERIFY(fake.start());
    FakeScript script;
    for (int i = 0; i < 48; ++i) // streamed to Ponder in pieces no one of which is large
        script.content.append(QString(64 * 1024, QChar(u'a' + i % 26)));
    fake.setScript(QStringLiteral("m"), script);
    auto server = BackendFixture::startedWith(ollama ? fake.ollamaSpec() : fake.openAiSpec());
    QVERIFY(server);
    WorkerGate gate;
    RawHttpConnection client(server->url(QStringLiteral("/")));
    client.send(post(path, body));
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 1, 30'000);
    QCOMPARE(m_client.get(server->url(QStringLiteral("/health"))).status, 200);
    QVERIFY(client.received().isEmpty());

    gate.open();
    const QList<RawHttpResponse> answers = client.responses(1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 200);
    QJsonValue text = QJsonDocument::fromJson(answers.first().body).object();
    for (const QString &step : content.split(u'.'))
        text = step.front().isDigit() ? text[step.toInt()] : text[step];
    QCOMPARE(text.toString(), script.content.join(QString()));
}

// An answer that is all tool calls weighs its arguments: three calls of half a megabyte each are written
// on a worker like an answer's text of that size.
void OffLoopParseTest::anAnswerOfLargeToolCallsIsWrittenOffTheLoop()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    FakeScript script;
    script.content.clear();
    for (int i = 0; i < 3; ++i) // each streamed in two halves, no one of which is large
        script.toolCalls.append(QJsonObject {{QStringLiteral("name"), QStringLiteral("save")},
            {QStringLiteral("arguments"),
                QJsonObject {{QStringLiteral("text"), QString(512 * 1024, QChar(u'a' + i))}}}});
    fake.setScript(QStringLiteral("m"), script);
    auto server = BackendFixture::startedWith(fake.openAiSpec());
    QVERIFY(server);
    WorkerGate gate;
    RawHttpConnection client(server->url(QStringLiteral("/")));
    client.send(post("/v1/chat/completions",
        R"({"model":"m","stream":false,"messages":[{"role":"user","content":"hi"}]})"));
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 1, 30'000);
    QCOMPARE(m_client.get(server->url(QStringLiteral("/health"))).status, 200);
    QVERIFY(client.received().isEmpty());

    gate.open();
    const QList<RawHttpResponse> answers = client.responses(1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 200);
    const QJsonArray calls
        = QJsonDocument::fromJson(answers.first().body)["choices"_L1][0]["message"_L1]["tool_calls"_L1]
              .toArray();
    QCOMPARE(calls.size(), 3);
    const QJsonObject last
        = QJsonDocument::fromJson(calls[2]["function"_L1]["arguments"_L1].toString().toUtf8()).object();
    QCOMPARE(last["text"_L1].toString(), QString(512 * 1024, u'c'));
}

// The rule every caller goes through: below OffLoop::MinBytes the result is there when the call returns;
// at or above it the work waits for a worker and its result comes in a later turn of the loop.
void OffLoopParseTest::runIfLarge_worksOnASmallInputAtOnceAndALargeOneOnAWorker()
{
    QObject context;
    WorkerGate gate;
    std::optional<int> small;
    OffLoop::runIfLarge(
        OffLoop::MinBytes - 1, &context, [] { return 1; }, [&](int r) { small = r; });
    QCOMPARE(small, std::optional(1));
    QCOMPARE(gate.reached(), 0);

    std::optional<int> large;
    OffLoop::runIfLarge(
        OffLoop::MinBytes, &context, [] { return 2; }, [&](int r) { large = r; });
    QVERIFY(!large);
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 1, 30'000);
    gate.open();
    QTRY_COMPARE_WITH_TIMEOUT(large, std::optional(2), 30'000);
}

// count_tokens of a request of megabytes: the template request for llama.cpp's server is written on a
// worker too, and the count comes back.
void OffLoopParseTest::aLargeRequestsTokensAreCountedOffTheLoop()
{
    FakeUpstream fake;
    QVERIFY(fake.start());
    fake.setScript(QStringLiteral("m"), FakeScript());
    auto server = BackendFixture::startedWith(fake.openAiSpec());
    QVERIFY(server);
    WorkerGate gate;
    RawHttpConnection client(server->url(QStringLiteral("/")));
    client.send(post("/v1/messages/count_tokens",
        R"({"model":"m","messages":[{"role":"user","content":")" + QByteArray(2 * MiB, 't') + R"("}]})"));
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 1, 30'000); // the body's parse
    gate.letOneThrough();
    QTRY_COMPARE_WITH_TIMEOUT(gate.reached(), 2, 30'000); // the body for /apply-template
    QCOMPARE(m_client.get(server->url(QStringLiteral("/health"))).status, 200);
    const QList<FakeRequest> before = fake.requests();
    QVERIFY(std::none_of(before.begin(), before.end(),
        [](const FakeRequest &r) { return r.path.endsWith("/apply-template"); }));

    gate.open();
    const QList<RawHttpResponse> answers = client.responses(1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, 200);
    QVERIFY(QJsonDocument::fromJson(answers.first().body)[QLatin1String("input_tokens")].toInt() > 0);
}

QTEST_GUILESS_MAIN(OffLoopParseTest)
#include "tst_offloop_parse.moc"
