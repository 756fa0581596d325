// SPDX-License-Identifier: MIT
// Nothing lost on the way: where the client and the upstream speak the same API, what the upstream sent
// reaches the client as it sent it (here byte for byte against what the fake upstream wrote, in
// llama.cpp's manner), and Ponder changes only what it must.
#include "BackendFixture.h"
#include "FakeAnswers.h"
#include "FakeUpstream.h"
#include "HttpTestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QWebSocket>

namespace {

QByteArray chatBody(const QString &model, bool stream, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("model"), model);
    extra.insert(QStringLiteral("messages"),
        QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
            {QStringLiteral("content"), QStringLiteral("Why is the sky blue?")}}});
    extra.insert(QStringLiteral("stream"), stream);
    return QJsonDocument(extra).toJson(QJsonDocument::Compact);
}

// The data of each SSE event the fake wrote.
QList<QByteArray> dataOf(const QList<QByteArray> &events)
{
    QList<QByteArray> data;
    for (const QByteArray &event : events)
        data.append(event.sliced(6).trimmed()); // "data: X\n\n"
    return data;
}

FakeScript llamaScript()
{
    FakeScript script;
    script.reasoning = {QStringLiteral("Light scatters; "), QStringLiteral("blue most.")};
    script.content = {QStringLiteral("Rayleigh "), QStringLiteral("scattering.")};
    script.promptTokens = 21;
    script.delayMs = 2;
    return script;
}

} // namespace

class RelayTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeUpstream> m_fake;

    QList<QJsonObject> watch(BackendFixture &backend, const QString &sessionId)
    {
        QWebSocket watcher;
        QList<QJsonObject> seen;
        connect(&watcher, &QWebSocket::textMessageReceived, this,
            [&](const QString &text) { seen.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
        watcher.open(backend.webSocketUrl(QStringLiteral("/ws/sessions/") + sessionId));
        const bool done = QTest::qWaitFor(
            [&] {
                return std::any_of(seen.begin(), seen.end(), [](const QJsonObject &m) {
                    return m[QLatin1String("data")][QLatin1String("update_type")].toString()
                        == QLatin1String("completion");
                });
            },
            10000);
        if (!done)
            qWarning() << "the session never completed";
        return seen;
    }

private Q_SLOTS:
    void init()
    {
        m_fake = std::make_unique<FakeUpstream>();
        QVERIFY(m_fake->start());
        m_fake->setScript(QStringLiteral("llama"), llamaScript());
    }

    void streamedChunks_areTheUpstreamsByteForByte_data()
    {
        QTest::addColumn<bool>("includeUsage");
        QTest::newRow("with usage") << true;
        QTest::newRow("without usage") << false;
    }

    void streamedChunks_areTheUpstreamsByteForByte()
    {
        QFETCH(bool, includeUsage);
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        QJsonObject extra {{QStringLiteral("logprobs"), true}, {QStringLiteral("top_logprobs"), 2},
            {QStringLiteral("vendor_option"), QStringLiteral("kept")}};
        if (includeUsage)
            extra.insert(
                QStringLiteral("stream_options"), QJsonObject {{QStringLiteral("include_usage"), true}});
        const RawHttpResponse response = rawPost(backend->backend().baseUrl(),
            QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("llama"), true, extra));
        QCOMPARE(response.status, 200);
        const QJsonObject sent = m_fake->lastChatRequest().body;
        QCOMPARE(sent[QLatin1String("vendor_option")].toString(), QStringLiteral("kept"));
        QCOMPARE(sent[QLatin1String("top_logprobs")].toInt(), 2);

        QList<QByteArray> expected
            = dataOf(FakeAnswers::openAiChat(QStringLiteral("llama"), llamaScript(), sent));
        if (!includeUsage) {
            // Ponder asked for usage; the client did not. Its chunk goes, and its timings move to the
            // finish chunk, where llama.cpp puts them for a client that did not ask.
            const QByteArray usageChunk = expected.takeAt(expected.size() - 2);
            QVERIFY(usageChunk.contains("\"usage\":{"));
            const QJsonValue timings = QJsonDocument::fromJson(usageChunk)[QLatin1String("timings")];
            QByteArray &finish = expected[expected.size() - 2];
            finish.insert(finish.lastIndexOf('}'),
                ",\"timings\":" + QJsonDocument(timings.toObject()).toJson(QJsonDocument::Compact));
        }
        QCOMPARE(response.sseData(), expected);
        QVERIFY(response.body.contains("\"logprobs\":{\"content\":[{"));
        QVERIFY(response.body.contains("\"system_fingerprint\":\"b6399-fake\""));
        QCOMPARE(response.body.contains("\"prompt_tokens_details\":{\"cached_tokens\":3}"), includeUsage);
    }

    void wholeAnswer_keepsEveryMemberTheUpstreamSent()
    {
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        HttpTestClient client;
        const HttpTestReply reply = client.send("POST", backend->url(QStringLiteral("/v1/chat/completions")),
            chatBody(QStringLiteral("llama"), false,
                {{QStringLiteral("logprobs"), true}, {QStringLiteral("top_logprobs"), 2}}),
            {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 200);
        const QJsonObject got = QJsonDocument::fromJson(reply.body).object();
        // What the fake would have answered, had Ponder not streamed to show the request live.
        QJsonObject request = m_fake->lastChatRequest().body;
        const QJsonObject whole = QJsonDocument::fromJson(
            FakeAnswers::openAiChatWhole(QStringLiteral("llama"), llamaScript(), request))
                                      .object();
        QCOMPARE(got[QLatin1String("object")].toString(), QStringLiteral("chat.completion"));
        for (const char *member : {"id", "created", "model", "system_fingerprint", "usage", "timings"})
            QCOMPARE(got[QLatin1String(member)], whole[QLatin1String(member)]);
        const QJsonObject choice = got[QLatin1String("choices")][0].toObject();
        const QJsonObject wholeChoice = whole[QLatin1String("choices")][0].toObject();
        QCOMPARE(choice[QLatin1String("logprobs")], wholeChoice[QLatin1String("logprobs")]);
        QCOMPARE(choice[QLatin1String("finish_reason")], wholeChoice[QLatin1String("finish_reason")]);
        QCOMPARE(choice[QLatin1String("message")], wholeChoice[QLatin1String("message")]);
    }

    void upstreamErrorBodies_arePassedOnWithTheirStatus_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("streamed") << true;
        QTest::newRow("whole") << false;
    }

    void upstreamErrorBodies_arePassedOnWithTheirStatus()
    {
        QFETCH(bool, stream);
        FakeScript tooLong;
        tooLong.status = 400;
        tooLong.errorBody
            = R"({"error":{"code":400,"message":"the request exceeds the available context size, try increasing it","type":"exceed_context_size_error","n_prompt_tokens":5021,"n_ctx":4096}})";
        m_fake->setScript(QStringLiteral("small-context"), tooLong);
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        const RawHttpResponse response = rawPost(backend->backend().baseUrl(),
            QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("small-context"), stream));
        QCOMPARE(response.status, 400);
        QCOMPARE(response.body, tooLong.errorBody);
        QVERIFY(!response.header("x-session-id").isEmpty());
    }

    void anErrorInsideTheStream_goesOnAsTheUpstreamSentIt()
    {
        FakeScript failing = llamaScript();
        failing.errorAfterDeltas = 2;
        failing.errorMessage = QStringLiteral("the GPU fell over");
        m_fake->setScript(QStringLiteral("failing"), failing);
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        const RawHttpResponse response = rawPost(backend->backend().baseUrl(),
            QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("failing"), true));
        QCOMPARE(response.status, 200);
        QVERIFY(response.chunkedComplete);
        const QList<QByteArray> data = response.sseData();
        QCOMPARE(data.last(),
            QByteArray(R"({"error":{"code":500,"message":"the GPU fell over","type":"server_error"}})"));
        QCOMPARE(data.count(data.last()), 1); // once: Ponder adds no error event of its own
        QVERIFY(!data.contains("[DONE]"));
    }

    void aPrefixedModel_isNamedAsTheClientNamedIt()
    {
        auto backend = BackendFixture::startedWith({m_fake->ollamaSpec(), m_fake->openAiSpec()});
        const RawHttpResponse response = rawPost(backend->backend().baseUrl(),
            QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("openai/llama"), true));
        QCOMPARE(response.status, 200);
        QCOMPARE(m_fake->lastChatRequest().body[QLatin1String("model")].toString(), QStringLiteral("llama"));
        int chunks = 0;
        for (const QByteArray &data : response.sseData()) {
            if (data == "[DONE]")
                continue;
            ++chunks;
            QCOMPARE(QJsonDocument::fromJson(data)[QLatin1String("model")].toString(),
                QStringLiteral("openai/llama"));
        }
        QVERIFY(chunks > 4);
    }

    void reasoningField_isTheOneTheClientReads_data()
    {
        QTest::addColumn<QString>("upstreamField");
        QTest::addColumn<QString>("serverDefault");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QStringList>("fields");
        const QString content = QStringLiteral("reasoning_content");
        const QString reasoning = QStringLiteral("reasoning");
        QTest::newRow("default") << reasoning << QString() << QByteArray() << QStringList {content};
        QTest::newRow("server says reasoning")
            << content << reasoning << QByteArray() << QStringList {reasoning};
        QTest::newRow("request says both")
            << content << QString() << QByteArray("both") << QStringList {content, reasoning};
    }

    void reasoningField_isTheOneTheClientReads()
    {
        QFETCH(QString, upstreamField);
        QFETCH(QString, serverDefault);
        QFETCH(QByteArray, header);
        QFETCH(QStringList, fields);
        FakeScript script = llamaScript();
        script.openAiReasoningField = upstreamField;
        m_fake->setScript(QStringLiteral("llama"), script);
        ServerOptions options;
        if (!serverDefault.isEmpty())
            options.reasoningField = *reasoningFieldFromName(serverDefault);
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec(), options);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!header.isEmpty())
            headers.append({"X-Reasoning-Field", header});
        for (const bool stream : {true, false}) {
            const RawHttpResponse response = rawPost(backend->backend().baseUrl(),
                QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("llama"), stream), headers);
            QCOMPARE(response.status, 200);
            for (const QString &name : {QStringLiteral("reasoning_content"), QStringLiteral("reasoning")}) {
                QString text;
                if (stream) {
                    for (const QByteArray &data : response.sseData())
                        text += QJsonDocument::fromJson(
                            data)[QLatin1String("choices")][0][QLatin1String("delta")][name]
                                    .toString();
                } else {
                    text = QJsonDocument::fromJson(
                        response.body)[QLatin1String("choices")][0][QLatin1String("message")][name]
                               .toString();
                }
                QCOMPARE(
                    text, fields.contains(name) ? QStringLiteral("Light scatters; blue most.") : QString());
            }
        }
    }

    void promptProgress_becomesProgressInTheHub()
    {
        FakeScript script = llamaScript();
        script.promptTokens = 200;
        script.cachedTokens = 40;
        script.promptProgressSteps = 4;
        m_fake->setScript(QStringLiteral("llama"), script);
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        const RawHttpResponse response
            = rawPost(backend->backend().baseUrl(), QStringLiteral("/v1/chat/completions"),
                chatBody(QStringLiteral("llama"), true, {{QStringLiteral("return_progress"), true}}),
                {{"X-Session-Id", "reading-1"}});
        QCOMPARE(response.status, 200);
        // The client gets the upstream's progress chunks as they came.
        QCOMPARE(response.sseData().first(),
            dataOf(FakeAnswers::openAiChat(QStringLiteral("llama"), script, m_fake->lastChatRequest().body))
                .first());
        QStringList messages;
        QList<double> percentages;
        for (const QJsonObject &message : watch(*backend, QStringLiteral("reading-1"))) {
            const QJsonObject data = message[QLatin1String("data")].toObject();
            if (data[QLatin1String("current_activity")].toString() != QLatin1String("reading_prompt"))
                continue;
            messages.append(data[QLatin1String("message")].toString());
            percentages.append(
                data[QLatin1String("metrics")][QLatin1String("prompt_progress")][QLatin1String("percentage")]
                    .toDouble());
        }
        QVERIFY2(!messages.isEmpty(), "no prompt progress in the hub");
        QCOMPARE(messages.first(),
            QStringLiteral("Reading the prompt, 40% (80 of 200 tokens, 40 from the cache)"));
        QCOMPARE(percentages.last(), 100.0);
        QVERIFY(std::is_sorted(percentages.begin(), percentages.end()));
    }

    void textCompletions_relayedAndTranslated()
    {
        auto openAi = BackendFixture::startedWith(m_fake->openAiSpec());
        const QJsonObject request {{QStringLiteral("model"), QStringLiteral("llama")},
            {QStringLiteral("prompt"), QStringLiteral("The sky is")}, {QStringLiteral("stream"), true},
            {QStringLiteral("stream_options"), QJsonObject {{QStringLiteral("include_usage"), true}}}};
        const RawHttpResponse streamed = rawPost(openAi->backend().baseUrl(),
            QStringLiteral("/v1/completions"), QJsonDocument(request).toJson(QJsonDocument::Compact));
        QCOMPARE(streamed.status, 200);
        QCOMPARE(m_fake->lastChatRequest().path, QByteArray("/v1/completions"));
        QCOMPARE(streamed.sseData(),
            dataOf(FakeAnswers::openAiCompletion(
                QStringLiteral("llama"), llamaScript(), m_fake->lastChatRequest().body)));

        auto ollama = BackendFixture::startedWith(m_fake->ollamaSpec());
        QJsonObject whole = request;
        whole.insert(QStringLiteral("stream"), false);
        whole.remove(QStringLiteral("stream_options"));
        const RawHttpResponse reply = rawPost(ollama->backend().baseUrl(), QStringLiteral("/v1/completions"),
            QJsonDocument(whole).toJson(QJsonDocument::Compact));
        QCOMPARE(reply.status, 200);
        QCOMPARE(m_fake->lastChatRequest().path, QByteArray("/api/generate"));
        QVERIFY(m_fake->lastChatRequest().body[QLatin1String("raw")].toBool());
        const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
        QCOMPARE(answer[QLatin1String("object")].toString(), QStringLiteral("text_completion"));
        QCOMPARE(answer[QLatin1String("choices")][0][QLatin1String("text")].toString(),
            QStringLiteral("Rayleigh scattering."));
        QCOMPARE(answer[QLatin1String("usage")][QLatin1String("prompt_tokens")].toInt(), 21);
    }

    void embeddings_relayedAndTranslated()
    {
        const QJsonObject request {{QStringLiteral("model"), QStringLiteral("llama")},
            {QStringLiteral("input"), QJsonArray {QStringLiteral("sky"), QStringLiteral("sea")}},
            {QStringLiteral("encoding_format"), QStringLiteral("base64")}};
        const QByteArray body = QJsonDocument(request).toJson(QJsonDocument::Compact);
        auto openAi = BackendFixture::startedWith(m_fake->openAiSpec());
        const RawHttpResponse relayed
            = rawPost(openAi->backend().baseUrl(), QStringLiteral("/v1/embeddings"), body);
        QCOMPARE(relayed.status, 200);
        QCOMPARE(relayed.body,
            FakeAnswers::openAiEmbeddings(
                QStringLiteral("llama"), llamaScript(), m_fake->lastChatRequest().body));

        auto ollama = BackendFixture::startedWith(m_fake->ollamaSpec());
        const RawHttpResponse translated
            = rawPost(ollama->backend().baseUrl(), QStringLiteral("/v1/embeddings"), body);
        QCOMPARE(translated.status, 200);
        QCOMPARE(m_fake->lastChatRequest().path, QByteArray("/api/embed"));
        // The same vectors either way: base64 float32, as the client asked.
        QCOMPARE(QJsonDocument::fromJson(translated.body)[QLatin1String("data")],
            QJsonDocument::fromJson(relayed.body)[QLatin1String("data")]);
        QCOMPARE(
            QJsonDocument::fromJson(translated.body)[QLatin1String("usage")][QLatin1String("prompt_tokens")]
                .toInt(),
            16);
    }

    // Relayed under the client's name for the model: only the name changes, every other byte is the
    // upstream's.
    void embeddings_aPrefixedModelIsRenamedInTheRelayedAnswer()
    {
        auto backend = BackendFixture::startedWith({m_fake->ollamaSpec(), m_fake->openAiSpec()});
        const QJsonObject request {{QStringLiteral("model"), QStringLiteral("openai/llama")},
            {QStringLiteral("input"), QJsonArray {QStringLiteral("sky"), QStringLiteral("sea")}}};
        const RawHttpResponse relayed = rawPost(backend->backend().baseUrl(),
            QStringLiteral("/v1/embeddings"), QJsonDocument(request).toJson(QJsonDocument::Compact));
        QCOMPARE(relayed.status, 200);
        QByteArray expected = FakeAnswers::openAiEmbeddings(
            QStringLiteral("llama"), llamaScript(), m_fake->lastChatRequest().body);
        QVERIFY(expected.contains(R"("model":"llama")"));
        expected.replace(R"("model":"llama")", R"("model":"openai/llama")");
        QCOMPARE(relayed.body, expected);
    }

    // A long member goes on as the client wrote it (its escapes too, which Qt would write otherwise), not
    // written again; what Ponder changes (the model, stream, its own fields, a metadata.session_id) is.
    void aLongMessage_reachesTheUpstreamAsTheClientWroteIt_data()
    {
        QTest::addColumn<bool>("ollama");
        QTest::newRow("openai") << false;
        QTest::newRow("ollama") << true;
    }
    void aLongMessage_reachesTheUpstreamAsTheClientWroteIt()
    {
        QFETCH(bool, ollama);
        const QByteArray messages
            = "[{\"role\":\"user\",\"content\":\"caf\\u00e9 \\/ " + QByteArray(8192, 'x') + "\"}]";
        const QByteArray metadata = "{\"session_id\":\"s-long\",\"note\":\"" + QByteArray(5000, 'n') + "\"}";
        const QByteArray body
            = "{\"model\":\"llama\", \"stream\":false, \"save_conversation\":false, \"metadata\":" + metadata
            + ", \"messages\":" + messages + "}";
        auto server = BackendFixture::startedWith(ollama ? m_fake->ollamaSpec() : m_fake->openAiSpec());
        const RawHttpResponse reply = rawPost(server->backend().baseUrl(),
            ollama ? QStringLiteral("/api/chat") : QStringLiteral("/v1/chat/completions"), body);
        QCOMPARE(reply.status, 200);

        const FakeRequest sent = m_fake->lastChatRequest();
        QVERIFY(sent.rawBody.contains("\"messages\":" + messages));
        QCOMPARE(sent.body[QLatin1String("model")].toString(), QStringLiteral("llama"));
        QVERIFY(sent.body[QLatin1String("stream")].toBool());
        QVERIFY(!sent.body.contains(QLatin1String("save_conversation")));
        const QJsonObject forwardedMetadata = sent.body[QLatin1String("metadata")].toObject();
        QVERIFY(!forwardedMetadata.contains(QLatin1String("session_id")));
        QCOMPARE(forwardedMetadata[QLatin1String("note")].toString().size(), 5000);
        if (!ollama)
            QVERIFY(sent.body[QLatin1String("stream_options")][QLatin1String("include_usage")].toBool());
        QCOMPARE(sent.body[QLatin1String("messages")][0][QLatin1String("content")].toString(),
            QString::fromUtf8("caf\xc3\xa9 / ") + QString(8192, u'x'));
    }
};

QTEST_GUILESS_MAIN(RelayTest)
#include "tst_relay.moc"
