// SPDX-License-Identifier: MIT
// A unit of an upstream's answer of megabytes (an OpenAI-compatible SSE event, an Ollama /api/chat or
// /api/generate NDJSON line) is relayed in the turn it came in and parsed on a worker thread. What came
// behind it (more units, the end, a failure) is read after it, in order and whole; a generation deleted
// meanwhile drops it unread. The upstream is HostileUpstream, so that every byte, and where the body is cut,
// is the test's.
#include "BackendFixture.h"
#include "HostileUpstream.h"
#include "HttpTestClient.h"
#include "hub/StreamingHub.h"
#include "store/EventStore.h"
#include "upstream/Generation.h"
#include "upstream/OllamaProvider.h"
#include "upstream/OpenAiProvider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <QThreadPool>

namespace {

constexpr qsizetype MiB = 1024 * 1024;

// The upstream's kind of stream: what a unit, the end and a request look like.
enum class Stream
{
    OpenAiSse,
    OllamaChat,
    OllamaGenerate
};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

// Reasoning of about `bytes`: paragraphs with escapes, non-ASCII and a character outside the BMP, so the
// JSON text is not the text itself.
QString hugeReasoning(qsizetype bytes, QChar mark)
{
    const QString paragraph = QString(mark)
        + QString::fromUtf8(" thinks \"carefully\" about caf\u00e9 \U0001F600\t")
        + QStringLiteral("and weighs one more option. ").repeated(40) + QStringLiteral("\n\n");
    return paragraph.repeated(bytes / paragraph.size() + 1);
}

// One unit of the answer saying `reasoning` and `content`, as `stream` frames it.
QByteArray unit(Stream stream, const QString &reasoning, const QString &content)
{
    switch (stream) {
    case Stream::OpenAiSse: {
        QJsonObject delta;
        if (!reasoning.isEmpty())
            delta.insert(QStringLiteral("reasoning_content"), reasoning);
        if (!content.isEmpty())
            delta.insert(QStringLiteral("content"), content);
        return "data: "
            + compact({{QStringLiteral("choices"),
                QJsonArray {QJsonObject {{QStringLiteral("index"), 0}, {QStringLiteral("delta"), delta}}}}})
            + "\n\n";
    }
    case Stream::OllamaChat:
        return compact({{QStringLiteral("model"), QStringLiteral("m")},
                   {QStringLiteral("message"),
                       QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                           {QStringLiteral("content"), content}, {QStringLiteral("thinking"), reasoning}}},
                   {QStringLiteral("done"), false}})
            + "\n";
    case Stream::OllamaGenerate:
        return compact({{QStringLiteral("model"), QStringLiteral("m")}, {QStringLiteral("response"), content},
                   {QStringLiteral("thinking"), reasoning}, {QStringLiteral("done"), false}})
            + "\n";
    }
    return {};
}

// The units that end the answer.
QList<QByteArray> end(Stream stream)
{
    switch (stream) {
    case Stream::OpenAiSse:
        return {"data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n",
            "data: [DONE]\n\n"};
    case Stream::OllamaChat:
        return {"{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
                "\"done_reason\":\"stop\",\"eval_count\":3}\n"};
    case Stream::OllamaGenerate:
        return {
            "{\"model\":\"m\",\"response\":\"\",\"done\":true,\"done_reason\":\"stop\",\"eval_count\":3}\n"};
    }
    return {};
}

QByteArray head(Stream stream)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: "
        + QByteArray(stream == Stream::OpenAiSse ? "text/event-stream" : "application/x-ndjson")
        + "\r\nTransfer-Encoding: chunked\r\n\r\n";
}

QByteArray upstreamPath(Stream stream)
{
    switch (stream) {
    case Stream::OpenAiSse:
        return "/v1/chat/completions";
    case Stream::OllamaChat:
        return "/api/chat";
    case Stream::OllamaGenerate:
        return "/api/generate";
    }
    return {};
}

// What the upstream sends: two reasoning units of megabytes, an answer, its end, in one chunk of the body
// (so Ponder has every unit at once, the second huge one behind the first). A cut answer stops after the
// first huge unit and the answer, without the body's end.
struct BigUnits
{
    explicit BigUnits(Stream kind)
        : stream(kind)
    { }

    Stream stream;
    QString first = hugeReasoning(3 * MiB, u'A');
    QString second = hugeReasoning(2 * MiB, u'B');

    HostileUpstream::Answer answer() const
    {
        const QByteArray units = unit(stream, first, {}) + unit(stream, second, {})
            + unit(stream, {}, QStringLiteral("ok")) + end(stream).join();
        return {{{head(stream) + chunk(units) + chunk({}), 1}}, true, false};
    }
    HostileUpstream::Answer cutAnswer() const
    {
        return {{{head(stream) + chunk(unit(stream, first, {}) + unit(stream, {}, QStringLiteral("ok"))), 1}},
            true, false};
    }
};

// What a client was sent, in the terms of either API: each reasoning unit, each piece of content, the end;
// and all the reasoning.
struct ClientSaw
{
    QStringList units;
    QString reasoning;

    void read(const QJsonObject &object)
    {
        const QJsonObject delta = object[QLatin1String("choices")][0][QLatin1String("delta")].toObject();
        const QJsonObject message = object[QLatin1String("message")].toObject();
        for (const QJsonValue &said :
            {delta[QLatin1String("reasoning_content")], delta[QLatin1String("reasoning")],
                message[QLatin1String("thinking")], object[QLatin1String("thinking")]}) {
            if (!said.toString().isEmpty()) {
                reasoning += said.toString();
                units << QStringLiteral("reasoning");
            }
        }
        for (const QJsonValue &said : {delta[QLatin1String("content")], message[QLatin1String("content")],
                 object[QLatin1String("response")]})
            if (!said.toString().isEmpty())
                units << QStringLiteral("content ") + said.toString();
        if (object[QLatin1String("done")].toBool())
            units << QStringLiteral("done");
    }
    static ClientSaw of(const QByteArray &body)
    {
        ClientSaw saw;
        for (QByteArray line : body.split('\n')) {
            if (line.startsWith("data: "))
                line = line.sliced(6);
            if (line == "[DONE]")
                saw.units << QStringLiteral("done");
            else if (line.startsWith('{'))
                saw.read(QJsonDocument::fromJson(line).object());
        }
        return saw;
    }
};

} // namespace

Q_DECLARE_METATYPE(Stream)

class HugeUnitTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void aHugeUnitIsParsedAfterTheTurnItCameInAndReadInOrder_data();
    void aHugeUnitIsParsedAfterTheTurnItCameInAndReadInOrder();
    void aGenerationDeletedWhileItsHugeUnitIsParsedDropsItUnread_data();
    void aGenerationDeletedWhileItsHugeUnitIsParsedDropsItUnread();
    void aHugeUnitReachesTheClientAndTheHubWholeAndInOrder_data();
    void aHugeUnitReachesTheClientAndTheHubWholeAndInOrder();
    void aClientThatGoesAwayDuringAHugeUnitEndsTheGenerationAlone_data();
    void aClientThatGoesAwayDuringAHugeUnitEndsTheGenerationAlone();

private:
    void streams();
    // Routes that relay or translate each kind of stream: what a client posts where.
    void routes();
    std::unique_ptr<BackendFixture> startBackend(Stream stream);
    QString spec(Stream stream) const;
    // A generation at `stream`'s kind of upstream, which answers `answer`, each thing it says told in
    // `m_said`; a sentinel is queued when a huge unit is relayed, so that "turn ended" comes before its
    // reading only when it is read later.
    std::unique_ptr<Generation> start(Stream stream, const HostileUpstream::Answer &answer);
    bool waitForTheEnd();

    std::unique_ptr<HostileUpstream> m_hostile;
    std::unique_ptr<UpstreamProvider> m_provider;
    QStringList m_said;
    std::unique_ptr<QObject> m_sentinels; // gone with the test: a sentinel still queued then is dropped
};

void HugeUnitTest::init()
{
    m_hostile = std::make_unique<HostileUpstream>();
    QVERIFY(m_hostile->start());
    m_said.clear();
    m_sentinels = std::make_unique<QObject>();
}

void HugeUnitTest::cleanup()
{
    m_sentinels.reset();
    m_provider.reset();
    m_hostile.reset();
}

void HugeUnitTest::streams()
{
    QTest::addColumn<Stream>("stream");
    QTest::newRow("openai sse") << Stream::OpenAiSse;
    QTest::newRow("ollama chat") << Stream::OllamaChat;
    QTest::newRow("ollama generate") << Stream::OllamaGenerate;
}

QString HugeUnitTest::spec(Stream stream) const
{
    return stream == Stream::OpenAiSse ? QStringLiteral("openai:") + m_hostile->url() + QStringLiteral("/v1")
                                       : QStringLiteral("ollama:") + m_hostile->url();
}

std::unique_ptr<Generation> HugeUnitTest::start(Stream stream, const HostileUpstream::Answer &answer)
{
    m_hostile->answer(upstreamPath(stream), answer);
    QString error;
    const auto config = UpstreamConfig::parse(spec(stream), &error);
    if (!config)
        return nullptr;
    if (stream == Stream::OpenAiSse)
        m_provider = std::make_unique<OpenAiProvider>(*config);
    else
        m_provider = std::make_unique<OllamaProvider>(*config);
    ChatRequest request;
    request.model = QStringLiteral("m");
    request.api = stream == Stream::OllamaGenerate ? WireApi::OllamaGenerate
        : stream == Stream::OllamaChat             ? WireApi::OllamaChat
                                                   : WireApi::OpenAiChat;
    request.body = stream == Stream::OllamaGenerate
        ? QJsonObject {{QStringLiteral("prompt"), QStringLiteral("hi")}}
        : QJsonObject {{QStringLiteral("messages"),
            QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                {QStringLiteral("content"), QStringLiteral("hi")}}}}};
    std::unique_ptr<Generation> generation(m_provider->startChat(request, nullptr));
    connect(generation.get(), &Generation::upstreamData, this, [this](const QByteArray &data) {
        const bool huge = data.size() >= MiB;
        m_said << (huge ? QStringLiteral("relayed huge") : QStringLiteral("relayed small"));
        if (huge)
            QMetaObject::invokeMethod(
                m_sentinels.get(), [this] { m_said << QStringLiteral("turn ended"); }, Qt::QueuedConnection);
    });
    connect(generation.get(), &Generation::reasoningDelta, this, [this](const QString &text) {
        m_said << QStringLiteral("reasoning %1 of %2 characters").arg(text.front()).arg(text.size());
    });
    connect(generation.get(), &Generation::contentDelta, this,
        [this](const QString &text) { m_said << QStringLiteral("content ") + text; });
    connect(generation.get(), &Generation::finished, this, [this] { m_said << QStringLiteral("finished"); });
    connect(generation.get(), &Generation::failed, this,
        [this](const UpstreamError &) { m_said << QStringLiteral("failed"); });
    return generation;
}

bool HugeUnitTest::waitForTheEnd()
{
    return QTest::qWaitFor(
        [this] {
            return !m_said.isEmpty()
                && (m_said.last() == QLatin1String("finished") || m_said.last() == QLatin1String("failed"));
        },
        60'000);
}

void HugeUnitTest::aHugeUnitIsParsedAfterTheTurnItCameInAndReadInOrder_data()
{
    QTest::addColumn<Stream>("stream");
    QTest::addColumn<bool>("cut");
    for (const auto &[name, stream] :
        {std::pair {"openai sse", Stream::OpenAiSse}, std::pair {"ollama chat", Stream::OllamaChat},
            std::pair {"ollama generate", Stream::OllamaGenerate}}) {
        QTest::addRow("%s, whole", name) << stream << false;
        QTest::addRow("%s, cut off", name) << stream << true;
    }
}

// Each huge unit is read after the turn it was relayed in (the sentinel runs first), and the units after it,
// in the same bytes, wait and are read after it, in order. A body that breaks off behind a huge unit and the
// answer fails after both, as cut off.
void HugeUnitTest::aHugeUnitIsParsedAfterTheTurnItCameInAndReadInOrder()
{
    QFETCH(Stream, stream);
    QFETCH(bool, cut);
    const BigUnits units(stream);
    const std::unique_ptr<Generation> generation = start(stream, cut ? units.cutAnswer() : units.answer());
    QVERIFY(generation);
    UpstreamError failure;
    connect(
        generation.get(), &Generation::failed, this, [&](const UpstreamError &error) { failure = error; });
    QVERIFY(waitForTheEnd());
    QStringList expected {QStringLiteral("relayed huge"), QStringLiteral("turn ended"),
        QStringLiteral("reasoning A of %1 characters").arg(units.first.size())};
    if (!cut)
        expected << QStringLiteral("relayed huge") << QStringLiteral("turn ended")
                 << QStringLiteral("reasoning B of %1 characters").arg(units.second.size());
    expected << QStringLiteral("relayed small") << QStringLiteral("content ok");
    for (qsizetype i = 0; !cut && i < end(stream).size(); ++i)
        expected << QStringLiteral("relayed small");
    expected << (cut ? QStringLiteral("failed") : QStringLiteral("finished"));
    QCOMPARE(m_said, expected);
    QCOMPARE(failure.cutOff, cut);
    QCOMPARE(generation->transcript().reasoning, cut ? units.first : units.first + units.second);
    QCOMPARE(generation->transcript().content, QStringLiteral("ok"));
}

void HugeUnitTest::aGenerationDeletedWhileItsHugeUnitIsParsedDropsItUnread_data()
{
    streams();
}

// The client went away: the generation is deleted in the turn after its huge unit was relayed, before the
// worker's result is read (that comes later in the same queue). Nothing more is said, nothing freed is
// touched when the worker ends (the asan preset checks), and the upstream connection is closed.
void HugeUnitTest::aGenerationDeletedWhileItsHugeUnitIsParsedDropsItUnread()
{
    QFETCH(Stream, stream);
    const BigUnits units(stream);
    HostileUpstream::Answer held = units.answer();
    held.close = false; // only Ponder closes it
    std::unique_ptr<Generation> generation = start(stream, held);
    QVERIFY(generation);
    connect(generation.get(), &Generation::upstreamData, this, [&](const QByteArray &data) {
        if (data.size() >= MiB)
            QMetaObject::invokeMethod(
                m_sentinels.get(),
                [&] {
                    generation.reset();
                    m_said << QStringLiteral("deleted");
                },
                Qt::QueuedConnection);
    });
    QTRY_VERIFY_WITH_TIMEOUT(m_said.contains(QLatin1String("deleted")), 60'000);
    QThreadPool::globalInstance()->waitForDone();
    bool sentinelRan = false; // queued after whatever the worker's end queued
    QMetaObject::invokeMethod(
        m_sentinels.get(), [&] { sentinelRan = true; }, Qt::QueuedConnection);
    QTRY_VERIFY(sentinelRan);
    QCOMPARE(m_said,
        (QStringList {
            QStringLiteral("relayed huge"), QStringLiteral("turn ended"), QStringLiteral("deleted")}));
    QTRY_COMPARE(m_hostile->connectionsClosedByClients(), 1);
}

void HugeUnitTest::routes()
{
    QTest::addColumn<Stream>("stream");
    QTest::addColumn<QByteArray>("route");
    QTest::addColumn<QByteArray>("body");
    const QByteArray chat
        = compact({{QStringLiteral("model"), QStringLiteral("m")}, {QStringLiteral("stream"), true},
            {QStringLiteral("messages"),
                QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                    {QStringLiteral("content"), QStringLiteral("hi")}}}}});
    const QByteArray generate = compact({{QStringLiteral("model"), QStringLiteral("m")},
        {QStringLiteral("stream"), true}, {QStringLiteral("prompt"), QStringLiteral("hi")}});
    QTest::newRow("openai client, openai upstream")
        << Stream::OpenAiSse << QByteArray("/v1/chat/completions") << chat;
    QTest::newRow("ollama chat client, ollama upstream")
        << Stream::OllamaChat << QByteArray("/api/chat") << chat;
    QTest::newRow("ollama generate client, ollama upstream")
        << Stream::OllamaGenerate << QByteArray("/api/generate") << generate;
    QTest::newRow("openai client, ollama upstream")
        << Stream::OllamaChat << QByteArray("/v1/chat/completions") << chat;
}

std::unique_ptr<BackendFixture> HugeUnitTest::startBackend(Stream stream)
{
    ServerOptions options;
    QString error;
    auto config = UpstreamConfig::parse(spec(stream), &error);
    if (!config)
        return nullptr;
    options.upstreams.append(*config);
    auto backend = std::make_unique<BackendFixture>(options);
    return backend->start() ? std::move(backend) : nullptr;
}

void HugeUnitTest::aHugeUnitReachesTheClientAndTheHubWholeAndInOrder_data()
{
    routes();
}

// Through the whole server, relayed or translated: the client gets every unit, in order and whole, and the
// hub gets every step of both huge units (each paragraph one step, numbered in order), then the answer, then
// the end.
void HugeUnitTest::aHugeUnitReachesTheClientAndTheHubWholeAndInOrder()
{
    QFETCH(Stream, stream);
    QFETCH(QByteArray, route);
    QFETCH(QByteArray, body);
    const BigUnits units(stream);
    m_hostile->answer(upstreamPath(stream), units.answer());
    const auto backend = startBackend(stream);
    QVERIFY(backend);
    const QString session = QStringLiteral("huge-units");
    QStringList steps;
    QList<int> numbers;
    QStringList after; // what the session got after its first step, but steps
    connect(
        &backend->backend().hub().store(), &EventStore::eventAppended, this, [&](const StoredEvent &event) {
            if (event.sessionId != session)
                return;
            const QJsonObject data = event.data.object();
            if (event.kind == EventKind::Thinking) {
                steps << data[QLatin1String("content")].toString();
                numbers << data[QLatin1String("context_used")][QLatin1String("step")].toInt();
                if (!after.isEmpty())
                    after << QStringLiteral("a step after the answer");
            } else if (!steps.isEmpty()) {
                const QString type = data[QLatin1String("update_type")].toString();
                if (type == QLatin1String("intermediate_result"))
                    after << QStringLiteral("answer ") + data[QLatin1String("message")].toString();
                else if (type == QLatin1String("completion"))
                    after << QStringLiteral("completion");
            }
        });
    const RawHttpResponse response = rawPost(backend->url(QStringLiteral("/")), QString::fromLatin1(route),
        body, {{"X-Session-Id", session.toUtf8()}}, 30'000);
    QCOMPARE(response.status, 200);
    QVERIFY(response.chunkedComplete);
    const ClientSaw saw = ClientSaw::of(response.body);
    QCOMPARE(saw.units,
        (QStringList {QStringLiteral("reasoning"), QStringLiteral("reasoning"), QStringLiteral("content ok"),
            QStringLiteral("done")}));
    QVERIFY(saw.reasoning == units.first + units.second); // megabytes: not printed on failure
    QTRY_VERIFY_WITH_TIMEOUT(after.contains(QLatin1String("completion")), 60'000);
    QStringList paragraphs; // a step is its paragraph without the space around it
    for (const QString &paragraph :
        (units.first + units.second).split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        paragraphs << paragraph.trimmed();
    QCOMPARE(steps.size(), paragraphs.size());
    QVERIFY(steps == paragraphs);
    for (qsizetype i = 0; i < numbers.size(); ++i)
        QCOMPARE(numbers.at(i), int(i + 1));
    QCOMPARE(after, (QStringList {QStringLiteral("answer ok"), QStringLiteral("completion")}));
}

void HugeUnitTest::aClientThatGoesAwayDuringAHugeUnitEndsTheGenerationAlone_data()
{
    routes();
}

// The client hangs up once it has the first huge unit, while Ponder parses it: the upstream connection is
// closed, and the server goes on serving (the same route, the whole answer).
void HugeUnitTest::aClientThatGoesAwayDuringAHugeUnitEndsTheGenerationAlone()
{
    QFETCH(Stream, stream);
    QFETCH(QByteArray, route);
    QFETCH(QByteArray, body);
    const BigUnits units(stream);
    HostileUpstream::Answer held = units.answer();
    held.close = false; // only Ponder closes it
    m_hostile->answer(upstreamPath(stream), held);
    const auto backend = startBackend(stream);
    QVERIFY(backend);

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, quint16(backend->url(QStringLiteral("/")).port()));
    QVERIFY(client.waitForConnected(10'000));
    client.write("POST " + route + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    qint64 received = 0;
    connect(&client, &QTcpSocket::readyRead, this, [&] {
        received += client.readAll().size();
        if (received > units.first.size())
            client.abort();
    });
    QTRY_VERIFY_WITH_TIMEOUT(client.state() == QAbstractSocket::UnconnectedState, 60'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_hostile->connectionsClosedByClients(), 1, 60'000);
    QThreadPool::globalInstance()->waitForDone();

    m_hostile->answer(upstreamPath(stream), units.answer());
    const RawHttpResponse again
        = rawPost(backend->url(QStringLiteral("/")), QString::fromLatin1(route), body, {}, 30'000);
    QCOMPARE(again.status, 200);
    QVERIFY(again.chunkedComplete);
    QVERIFY(ClientSaw::of(again.body).reasoning == units.first + units.second);
}

QTEST_GUILESS_MAIN(HugeUnitTest)
#include "tst_huge_units.moc"
