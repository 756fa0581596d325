// SPDX-License-Identifier: MIT
// Ollama's API served by Ponder, in front of an Ollama upstream (its own lines relayed as they came) and
// in front of an OpenAI-compatible one (translated), with Ollama's error shape everywhere.
#include "BackendFixture.h"
#include "FakeAnswers.h"
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "chat/ChatService.h"
#include "history/ConversationStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

namespace {

QByteArray body(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject chat(const QString &model, bool stream)
{
    return {{QStringLiteral("model"), model}, {QStringLiteral("stream"), stream},
        {QStringLiteral("messages"),
            QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                {QStringLiteral("content"), QStringLiteral("Why is the sky blue?")}}}}};
}

QList<QJsonObject> lines(const QByteArray &ndjson)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : ndjson.split('\n')) {
        if (!line.trimmed().isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

FakeScript thinker()
{
    FakeScript script;
    script.reasoning = {QStringLiteral("Light scatters; "), QStringLiteral("blue most.")};
    script.content = {QStringLiteral("Rayleigh "), QStringLiteral("scattering.")};
    script.promptTokens = 9;
    return script;
}

} // namespace

class OllamaApiTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeUpstream> m_fake;

    RawHttpResponse post(BackendFixture &backend, const char *path, const QJsonObject &object,
        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return rawPost(backend.backend().baseUrl(), QLatin1String(path), body(object), headers);
    }

private Q_SLOTS:
    void init()
    {
        m_fake = std::make_unique<FakeUpstream>();
        QVERIFY(m_fake->start());
        m_fake->setScript(QStringLiteral("thinker"), thinker());
    }

    void chatOnOllama_relaysTheUpstreamsLinesAsTheyCame()
    {
        auto backend = BackendFixture::startedWith(m_fake->ollamaSpec());
        const RawHttpResponse streamed = post(*backend, "/api/chat", chat(QStringLiteral("thinker"), true));
        QCOMPARE(streamed.status, 200);
        QCOMPARE(streamed.header("content-type"), QByteArray("application/x-ndjson"));
        QVERIFY(!streamed.header("x-session-id").isEmpty());
        // Byte for byte but created_at, which the fake stamps as it writes.
        const QList<QJsonObject> got = lines(streamed.body);
        QList<QJsonObject> expected;
        for (const QByteArray &line : FakeAnswers::ollamaChat(QStringLiteral("thinker"), thinker()))
            expected.append(QJsonDocument::fromJson(line).object());
        QCOMPARE(got.size(), expected.size());
        for (qsizetype i = 0; i < got.size(); ++i) {
            QJsonObject a = got.at(i), b = expected.at(i);
            a.remove(QStringLiteral("created_at"));
            b.remove(QStringLiteral("created_at"));
            QCOMPARE(a, b);
        }
        QCOMPARE(m_fake->lastChatRequest().path, QByteArray("/api/chat"));

        const RawHttpResponse whole = post(*backend, "/api/chat", chat(QStringLiteral("thinker"), false),
            {{"X-Session-Id", "ollama-1"}, {"User-Agent", "ollama-js/0.6.3 (x64 linux Node.js/v20.19.2)"}});
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.header("x-session-id"), QByteArray("ollama-1"));
        // A session like a chat completion's, and in the history under that id.
        QTRY_COMPARE_WITH_TIMEOUT(
            HttpTestClient().get(backend->url(QStringLiteral("/api/streaming/sessions/ollama-1"))).status,
            200, 5000);
        // Who asked, as the live sessions list shows it.
        QCOMPARE(HttpTestClient()
                     .get(backend->url(QStringLiteral("/api/streaming/sessions/ollama-1")))
                     .json()[QLatin1String("system_context")][QLatin1String("client")]
                     .toString(),
            QStringLiteral("ollama-js/0.6.3 (x64 linux Node.js/v20.19.2)"));
        QList<StoredMessage> stored;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                backend->backend().history()->messages(
                    QStringLiteral("ollama-1"), [&](const QList<StoredMessage> &list) { stored = list; });
                return stored.size() == 2;
            }(),
            5000);
        QCOMPARE(stored.at(0).content, QStringLiteral("Why is the sky blue?"));
        QCOMPARE(stored.at(1).role, QStringLiteral("assistant"));
        QCOMPARE(stored.at(1).content, QStringLiteral("Rayleigh scattering."));
        const QJsonObject answer = QJsonDocument::fromJson(whole.body).object();
        QCOMPARE(answer[QLatin1String("message")][QLatin1String("content")].toString(),
            QStringLiteral("Rayleigh scattering."));
        QCOMPARE(answer[QLatin1String("message")][QLatin1String("thinking")].toString(),
            QStringLiteral("Light scatters; blue most."));
        QCOMPARE(answer[QLatin1String("done")].toBool(), true);
        QCOMPARE(answer[QLatin1String("done_reason")].toString(), QStringLiteral("stop"));
        QCOMPARE(answer[QLatin1String("eval_duration")].toInteger(), 100000000);
        QCOMPARE(answer[QLatin1String("prompt_eval_count")].toInt(), 9);
    }

    void chatOnOpenAi_isTranslatedWithCountsAndReason()
    {
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        QJsonObject request = chat(QStringLiteral("thinker"), true);
        request.insert(QStringLiteral("options"),
            QJsonObject {{QStringLiteral("temperature"), 0.5}, {QStringLiteral("num_predict"), 64}});
        const RawHttpResponse streamed = post(*backend, "/api/chat", request);
        QCOMPARE(streamed.status, 200);
        const QJsonObject sent = m_fake->lastChatRequest().body;
        QCOMPARE(m_fake->lastChatRequest().path, QByteArray("/v1/chat/completions"));
        QCOMPARE(sent[QLatin1String("temperature")].toDouble(), 0.5);
        QCOMPARE(sent[QLatin1String("max_tokens")].toInt(), 64);
        const QList<QJsonObject> got = lines(streamed.body);
        QString content;
        QString thinking;
        for (const QJsonObject &line : got) {
            content += line[QLatin1String("message")][QLatin1String("content")].toString();
            thinking += line[QLatin1String("message")][QLatin1String("thinking")].toString();
            QCOMPARE(line[QLatin1String("model")].toString(), QStringLiteral("thinker"));
        }
        QCOMPARE(content, QStringLiteral("Rayleigh scattering."));
        QCOMPARE(thinking, QStringLiteral("Light scatters; blue most."));
        const QJsonObject last = got.last();
        QCOMPARE(last[QLatin1String("done")].toBool(), true);
        QCOMPARE(last[QLatin1String("done_reason")].toString(), QStringLiteral("stop"));
        QCOMPARE(last[QLatin1String("prompt_eval_count")].toInt(), 9);
        QCOMPARE(last[QLatin1String("eval_count")].toInt(), 4);
        // llama.cpp's timings, in nanoseconds.
        QCOMPARE(last[QLatin1String("eval_duration")].toInteger(), qint64(250.25e6));
        QCOMPARE(last[QLatin1String("prompt_eval_duration")].toInteger(), qint64(12.5e6));
    }

    void generate_onBothKinds()
    {
        for (const QString &spec : {m_fake->ollamaSpec(), m_fake->openAiSpec()}) {
            auto backend = BackendFixture::startedWith(spec);
            const QJsonObject request {{QStringLiteral("model"), QStringLiteral("thinker")},
                {QStringLiteral("prompt"), QStringLiteral("Why is the sky blue?")},
                {QStringLiteral("stream"), false}};
            const RawHttpResponse whole = post(*backend, "/api/generate", request);
            QCOMPARE(whole.status, 200);
            const QJsonObject answer = QJsonDocument::fromJson(whole.body).object();
            QCOMPARE(answer[QLatin1String("response")].toString(), QStringLiteral("Rayleigh scattering."));
            QCOMPARE(answer[QLatin1String("done")].toBool(), true);
            QCOMPARE(answer[QLatin1String("prompt_eval_count")].toInt(), 9);
            QVERIFY(answer[QLatin1String("total_duration")].toInteger() > 0);
        }
        QCOMPARE(m_fake->lastChatRequest().path, QByteArray("/v1/chat/completions")); // templated: a chat
    }

    void embed_onBothKinds()
    {
        for (const QString &spec : {m_fake->ollamaSpec(), m_fake->openAiSpec()}) {
            auto backend = BackendFixture::startedWith(spec);
            const RawHttpResponse reply = post(*backend, "/api/embed",
                {{QStringLiteral("model"), QStringLiteral("thinker")},
                    {QStringLiteral("input"), QJsonArray {QStringLiteral("sky"), QStringLiteral("sea")}}});
            QCOMPARE(reply.status, 200);
            const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
            const QJsonArray embeddings = answer[QLatin1String("embeddings")].toArray();
            QCOMPARE(embeddings.size(), 2);
            QJsonArray sky;
            for (const double value : FakeAnswers::embeddingOf(QStringLiteral("sky"), 4))
                sky.append(value);
            QCOMPARE(embeddings.at(0).toArray(), sky);
            QCOMPARE(answer[QLatin1String("prompt_eval_count")].toInt(), 16);
        }
    }

    void modelsRunningAndVersion()
    {
        auto ollama = BackendFixture::startedWith(m_fake->ollamaSpec());
        HttpTestClient client;
        const HttpTestReply tags = client.get(ollama->url(QStringLiteral("/api/tags")));
        QCOMPARE(tags.status, 200);
        QCOMPARE(tags.body, FakeAnswers::ollamaTags({{QStringLiteral("thinker"), thinker()}}));
        QCOMPARE(client.get(ollama->url(QStringLiteral("/api/version"))).body,
            QByteArray(R"({"version":"0.12.0"})"));
        QCOMPARE(client.get(ollama->url(QStringLiteral("/api/ps"))).body,
            FakeAnswers::ollamaPs({{QStringLiteral("thinker"), thinker()}}));
        const RawHttpResponse show
            = post(*ollama, "/api/show", {{QStringLiteral("model"), QStringLiteral("thinker")}});
        QCOMPARE(show.status, 200);
        QCOMPARE(show.body, FakeAnswers::ollamaShow(thinker()));

        auto both = BackendFixture::startedWith({m_fake->ollamaSpec(), m_fake->openAiSpec()});
        QStringList names;
        for (const QJsonValue &model : QJsonDocument::fromJson(
                 client.get(both->url(QStringLiteral("/api/tags"))).body)[QLatin1String("models")]
                                           .toArray())
            names.append(model[QLatin1String("name")].toString());
        QCOMPARE(names, (QStringList {QStringLiteral("thinker"), QStringLiteral("openai/thinker")}));
        const RawHttpResponse openAiShow
            = post(*both, "/api/show", {{QStringLiteral("model"), QStringLiteral("openai/thinker")}});
        QCOMPARE(openAiShow.status, 200);
        QCOMPARE(QJsonDocument::fromJson(openAiShow.body)[QLatin1String("capabilities")].toArray(),
            QJsonArray {QStringLiteral("completion")});
    }

    void errors_areOllamasShape()
    {
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        const RawHttpResponse noModel
            = post(*backend, "/api/chat", {{QStringLiteral("messages"), QJsonArray {}}});
        QCOMPARE(noModel.status, 400);
        QCOMPARE(noModel.body, QByteArray(R"({"error":"model is required"})"));
        const RawHttpResponse badJson
            = rawPost(backend->backend().baseUrl(), QStringLiteral("/api/generate"), "{nope");
        QCOMPARE(badJson.status, 400);
        QVERIFY(QJsonDocument::fromJson(badJson.body)[QLatin1String("error")].isString());
        // A length no Go int holds (what the fuzzer sent) is refused here as Ollama refuses it.
        QJsonObject tooLong = chat(QStringLiteral("openai/thinker"), false);
        tooLong.insert(QStringLiteral("options"), QJsonObject {{QStringLiteral("num_predict"), 8.9e19}});
        const RawHttpResponse refusedLength = post(*backend, "/api/chat", tooLong);
        QCOMPARE(refusedLength.status, 400);
        QVERIFY(QJsonDocument::fromJson(refusedLength.body)[QLatin1String("error")].toString().contains(
            QLatin1String("num_predict")));
        // Options of the wrong type are refused as Ollama refuses them, not sent on to an upstream.
        QJsonObject wrongType = chat(QStringLiteral("openai/thinker"), false);
        wrongType.insert(
            QStringLiteral("options"), QJsonObject {{QStringLiteral("temperature"), QStringLiteral("hot")}});
        const RawHttpResponse refusedType = post(*backend, "/api/chat", wrongType);
        QCOMPARE(refusedType.status, 400);
        QVERIFY(QJsonDocument::fromJson(refusedType.body)[QLatin1String("error")].toString().contains(
            QLatin1String("temperature")));
        // A think level Ollama does not have, and a keep_alive that is neither a duration nor seconds.
        for (const auto &[field, value] :
            {std::pair {QStringLiteral("think"), QJsonValue(QStringLiteral("x"))},
                std::pair {QStringLiteral("keep_alive"), QJsonValue(QJsonObject {})}}) {
            QJsonObject odd = chat(QStringLiteral("thinker"), false);
            odd.insert(field, value);
            const RawHttpResponse refusedOdd = post(*backend, "/api/chat", odd);
            QCOMPARE(refusedOdd.status, 400);
            QVERIFY(
                QJsonDocument::fromJson(refusedOdd.body)[QLatin1String("error")].toString().contains(field));
        }
        // What Ollama itself takes is taken: its int options come from any number, with no range of their
        // own.
        QJsonObject asOllamaTakes = chat(QStringLiteral("thinker"), false);
        asOllamaTakes.insert(QStringLiteral("options"),
            QJsonObject {{QStringLiteral("top_k"), -1}, {QStringLiteral("seed"), -42},
                {QStringLiteral("num_ctx"), 6144.5}, {QStringLiteral("stop"), QStringLiteral("\n")}});
        const RawHttpResponse taken = post(*backend, "/api/chat", asOllamaTakes);
        QVERIFY2(taken.status == 200, taken.body.constData());
        const RawHttpResponse unknownShow
            = post(*backend, "/api/show", {{QStringLiteral("model"), QStringLiteral("nope")}});
        QCOMPARE(unknownShow.status, 404);
        QCOMPARE(unknownShow.body, QByteArray(R"({"error":"model 'nope' not found"})"));

        auto ollama = BackendFixture::startedWith(m_fake->ollamaSpec());
        const RawHttpResponse unknown = post(*ollama, "/api/chat", chat(QStringLiteral("nope"), true));
        QCOMPARE(unknown.status, 404); // Ollama's own answer, as it is
        QCOMPARE(unknown.body,
            FakeAnswers::ollamaError(QStringLiteral("model \"nope\" not found, try pulling it first")));

        ServerOptions keyed;
        keyed.access.apiKey = QStringLiteral("sekrit");
        auto locked = BackendFixture::startedWith(m_fake->ollamaSpec(), keyed);
        const RawHttpResponse refused = post(*locked, "/api/chat", chat(QStringLiteral("thinker"), true));
        QCOMPARE(refused.status, 401);
        QVERIFY(QJsonDocument::fromJson(refused.body)[QLatin1String("error")].isString());
        QCOMPARE(post(*locked, "/api/chat", chat(QStringLiteral("thinker"), false),
                     {{"Authorization", "Bearer sekrit"}})
                     .status,
            200);
        // A route of Ollama's that Ponder lacks is refused in Ollama's words, its 401 first.
        const RawHttpResponse pull = post(*locked, "/api/pull",
            {{QStringLiteral("model"), QStringLiteral("x")}}, {{"Authorization", "Bearer sekrit"}});
        QCOMPARE(pull.status, 404);
        QVERIFY(QJsonDocument::fromJson(pull.body)[QLatin1String("error")].isString());
        // The streaming API keeps its own routes and shape beside Ollama's.
        HttpTestClient client;
        QCOMPARE(client.get(locked->url(QStringLiteral("/api/streaming/sessions")), {{"X-Api-Key", "sekrit"}})
                     .status,
            200);
    }

    void clientGoingAway_abortsTheUpstream_andAFailureMidStreamEndsWithAnErrorLine()
    {
        FakeScript slow;
        for (int i = 0; i < 50; ++i)
            slow.content.append(QStringLiteral("word "));
        slow.delayMs = 100;
        m_fake->setScript(QStringLiteral("slow"), slow);
        for (const QString &spec : {m_fake->ollamaSpec(), m_fake->openAiSpec()}) {
            const int abandoned = m_fake->abandonedResponses();
            auto backend = BackendFixture::startedWith(spec);
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, backend->backend().port());
            QVERIFY(socket.waitForConnected(5000));
            const QByteArray request = body(chat(QStringLiteral("slow"), true));
            socket.write("POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                + QByteArray::number(request.size()) + "\r\n\r\n" + request);
            QByteArray received;
            QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("word"), 10000);
            socket.abort();
            QTRY_COMPARE_WITH_TIMEOUT(m_fake->abandonedResponses(), abandoned + 1, 3000);
            QTRY_COMPARE_WITH_TIMEOUT(backend->backend().chat().running(), 0, 3000);
        }

        FakeScript failing = thinker();
        failing.errorAfterDeltas = 2;
        failing.errorMessage = QStringLiteral("the GPU fell over");
        m_fake->setScript(QStringLiteral("failing"), failing);
        for (const QString &spec : {m_fake->ollamaSpec(), m_fake->openAiSpec()}) {
            auto backend = BackendFixture::startedWith(spec);
            const RawHttpResponse response
                = post(*backend, "/api/chat", chat(QStringLiteral("failing"), true));
            QCOMPARE(response.status, 200);
            QVERIFY(response.chunkedComplete);
            const QList<QJsonObject> got = lines(response.body);
            QVERIFY(
                got.last()[QLatin1String("error")].toString().contains(QLatin1String("the GPU fell over")));
            for (const QJsonObject &line : got.first(got.size() - 1))
                QVERIFY(!line[QLatin1String("done")].toBool()); // no made-up ending
        }
    }
};

QTEST_GUILESS_MAIN(OllamaApiTest)
#include "tst_ollama_api.moc"
