// SPDX-License-Identifier: MIT
// Anthropic's Messages API end to end inside one process: a real Backend in front of the fake upstream
// (Ollama and OpenAI-compatible), over raw sockets: the stream's framing and order byte by byte, the
// translation both ways (thinking, tools), and every error in Anthropic's shape, the HTTP edge's included.
#include "BackendFixture.h"
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "MidStreamFailure.h"
#include "TypedSse.h"
#include "chat/ChatService.h"
#include "history/ConversationStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <optional>

namespace {

QJsonObject userMessage(const QJsonValue &content)
{
    return {{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), content}};
}

QByteArray body(const QString &model, bool stream, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("model"), model);
    if (!extra.contains(QLatin1String("messages")))
        extra.insert(
            QStringLiteral("messages"), QJsonArray {userMessage(QStringLiteral("Why is the sky blue?"))});
    if (!extra.contains(QLatin1String("max_tokens")))
        extra.insert(QStringLiteral("max_tokens"), 2048);
    extra.insert(QStringLiteral("stream"), stream);
    return QJsonDocument(extra).toJson(QJsonDocument::Compact);
}

FakeScript thinkingScript()
{
    FakeScript script;
    script.reasoning = {QStringLiteral("Light scatters; "), QStringLiteral("blue scatters most.")};
    script.content = {QStringLiteral("Rayleigh "), QStringLiteral("scattering.")};
    script.promptTokens = 9;
    return script;
}

// Anthropic's error body: {"type":"error","error":{"type","message"}} and nothing of OpenAI's shape.
QString anthropicErrorType(const QByteArray &body)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (json.value(QLatin1String("type")).toString() != QLatin1String("error")
        || !json.value(QLatin1String("error"))[QLatin1String("message")].isString()
        || json.value(QLatin1String("error"))[QLatin1String("param")].isUndefined() == false)
        return QStringLiteral("not Anthropic's shape: ") + QString::fromUtf8(body.left(300));
    return json.value(QLatin1String("error"))[QLatin1String("type")].toString();
}

QString textOf(const TypedSse &sse, const char *deltaType, const char *field)
{
    QString text;
    for (const QJsonObject &event : sse.named(QStringLiteral("content_block_delta"))) {
        if (event[QLatin1String("delta")][QLatin1String("type")].toString() == QLatin1String(deltaType))
            text += event[QLatin1String("delta")][QLatin1String(field)].toString();
    }
    return text;
}

// Every event's name is its data's type, and blocks open and close one after another, in index order.
QString framingProblem(const TypedSse &sse)
{
    if (!sse.framingError.isEmpty())
        return sse.framingError;
    int open = -1;
    int next = 0;
    for (const TypedSseEvent &event : sse.events) {
        if (event.data.value(QLatin1String("type")).toString() != event.name)
            return QStringLiteral("event %1 has type %2")
                .arg(event.name, event.data.value(QLatin1String("type")).toString());
        const int index = event.data.value(QLatin1String("index")).toInt(-1);
        if (event.name == QLatin1String("content_block_start")) {
            if (open != -1 || index != next)
                return QStringLiteral("block %1 started while %2 is open (expected %3)")
                    .arg(index)
                    .arg(open)
                    .arg(next);
            open = index;
            ++next;
        } else if (event.name == QLatin1String("content_block_delta")) {
            if (index != open)
                return QStringLiteral("a delta for block %1 while %2 is open").arg(index).arg(open);
        } else if (event.name == QLatin1String("content_block_stop")) {
            if (index != open)
                return QStringLiteral("block %1 stopped while %2 is open").arg(index).arg(open);
            open = -1;
        }
    }
    return {};
}

} // namespace

class AnthropicApiTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeUpstream> m_fake;

    RawHttpResponse post(BackendFixture &backend, const QByteArray &json,
        const QList<QPair<QByteArray, QByteArray>> &headers = {},
        const QString &path = QStringLiteral("/v1/messages"))
    {
        QList<QPair<QByteArray, QByteArray>> all = headers;
        all.append(qMakePair(QByteArray("anthropic-version"), QByteArray("2023-06-01")));
        return rawPost(backend.backend().baseUrl(), path, json, all);
    }

private Q_SLOTS:
    void init()
    {
        m_fake = std::make_unique<FakeUpstream>();
        QVERIFY(m_fake->start());
        m_fake->setScript(QStringLiteral("thinker"), thinkingScript());
        FakeScript plain;
        plain.content = {QStringLiteral("Hello, "), QStringLiteral("world")};
        m_fake->setScript(QStringLiteral("plain"), plain);
    }

    void streamed_eventsInOrderFromEitherUpstream_data()
    {
        QTest::addColumn<bool>("ollama");
        QTest::newRow("ollama") << true;
        QTest::newRow("openai") << false;
    }

    void streamed_eventsInOrderFromEitherUpstream()
    {
        QFETCH(bool, ollama);
        auto backend = BackendFixture::startedWith(ollama ? m_fake->ollamaSpec() : m_fake->openAiSpec());
        const RawHttpResponse response = post(*backend,
            body(QStringLiteral("thinker"), true,
                {{QStringLiteral("thinking"),
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("enabled")},
                        {QStringLiteral("budget_tokens"), 1024}}}}),
            {{"X-Session-Id", "anthropic-1"}});
        QCOMPARE(response.status, 200);
        QVERIFY(response.chunkedComplete);
        QCOMPARE(response.header("x-session-id"), QByteArray("anthropic-1"));
        const TypedSse sse = TypedSse::parse(response.body);
        QVERIFY2(framingProblem(sse).isEmpty(), qPrintable(framingProblem(sse)));
        const QStringList expected {QStringLiteral("message_start"), QStringLiteral("content_block_start"),
            QStringLiteral("content_block_delta"), QStringLiteral("content_block_delta"),
            QStringLiteral("content_block_stop"), QStringLiteral("content_block_start"),
            QStringLiteral("content_block_delta"), QStringLiteral("content_block_delta"),
            QStringLiteral("content_block_stop"), QStringLiteral("message_delta"),
            QStringLiteral("message_stop")};
        QCOMPARE(sse.names(), expected);
        const QJsonObject message = sse.events.first().data[QLatin1String("message")].toObject();
        QVERIFY(message[QLatin1String("id")].toString().startsWith(QLatin1String("msg_")));
        QCOMPARE(message[QLatin1String("role")].toString(), QStringLiteral("assistant"));
        QCOMPARE(message[QLatin1String("content")].toArray(), QJsonArray {});
        QCOMPARE(sse.events.at(1).data[QLatin1String("content_block")][QLatin1String("type")].toString(),
            QStringLiteral("thinking"));
        QCOMPARE(sse.events.at(5).data[QLatin1String("content_block")][QLatin1String("type")].toString(),
            QStringLiteral("text"));
        QCOMPARE(
            textOf(sse, "thinking_delta", "thinking"), QStringLiteral("Light scatters; blue scatters most."));
        QCOMPARE(textOf(sse, "text_delta", "text"), QStringLiteral("Rayleigh scattering."));
        const QJsonObject delta = sse.named(QStringLiteral("message_delta")).first();
        QCOMPARE(delta[QLatin1String("delta")][QLatin1String("stop_reason")].toString(),
            QStringLiteral("end_turn"));
        QCOMPARE(delta[QLatin1String("usage")][QLatin1String("input_tokens")].toInt(), 9);
        QCOMPARE(delta[QLatin1String("usage")][QLatin1String("output_tokens")].toInt(), 4);
        // Thinking was asked for in each upstream's own words.
        const QJsonObject sent = m_fake->lastChatRequest().body;
        if (ollama)
            QCOMPARE(sent[QLatin1String("think")].toBool(), true);
        else
            QCOMPARE(sent[QLatin1String("reasoning_effort")].toString(), QStringLiteral("low"));
    }

    void toolUse_roundTripFromEitherUpstream_data()
    {
        QTest::addColumn<bool>("ollama");
        QTest::newRow("ollama") << true;
        QTest::newRow("openai") << false;
    }

    void toolUse_roundTripFromEitherUpstream()
    {
        QFETCH(bool, ollama);
        FakeScript caller;
        caller.content = {QStringLiteral("Let me look.")};
        caller.toolCalls = {QJsonObject {{QStringLiteral("name"), QStringLiteral("get_weather")},
            {QStringLiteral("arguments"), QJsonObject {{QStringLiteral("city"), QStringLiteral("Paris")}}}}};
        m_fake->setScript(QStringLiteral("caller"), caller);
        auto backend = BackendFixture::startedWith(ollama ? m_fake->ollamaSpec() : m_fake->openAiSpec());
        const QJsonArray tools {QJsonObject {{QStringLiteral("name"), QStringLiteral("get_weather")},
            {QStringLiteral("description"), QStringLiteral("Weather in a city")},
            {QStringLiteral("input_schema"),
                QJsonObject {{QStringLiteral("type"), QStringLiteral("object")}}}}};
        const RawHttpResponse streamed = post(*backend,
            body(QStringLiteral("caller"), true,
                {{QStringLiteral("tools"), tools},
                    {QStringLiteral("tool_choice"),
                        QJsonObject {{QStringLiteral("type"), QStringLiteral("any")}}}}));
        const TypedSse sse = TypedSse::parse(streamed.body);
        QVERIFY2(framingProblem(sse).isEmpty(), qPrintable(framingProblem(sse)));
        const QJsonObject toolStart = sse.named(QStringLiteral("content_block_start")).last();
        QCOMPARE(toolStart[QLatin1String("content_block")][QLatin1String("type")].toString(),
            QStringLiteral("tool_use"));
        QCOMPARE(toolStart[QLatin1String("content_block")][QLatin1String("name")].toString(),
            QStringLiteral("get_weather"));
        QCOMPARE(toolStart[QLatin1String("content_block")][QLatin1String("input")].toObject(), QJsonObject());
        QCOMPARE(QJsonDocument::fromJson(textOf(sse, "input_json_delta", "partial_json").toUtf8()).object(),
            (QJsonObject {{QStringLiteral("city"), QStringLiteral("Paris")}}));
        QCOMPARE(sse.named(QStringLiteral("message_delta"))
                     .first()[QLatin1String("delta")][QLatin1String("stop_reason")]
                     .toString(),
            QStringLiteral("tool_use"));
        const QJsonObject sent = m_fake->lastChatRequest().body;
        QCOMPARE(sent[QLatin1String("tools")][0][QLatin1String("function")][QLatin1String("parameters")]
                     .toObject(),
            (QJsonObject {{QStringLiteral("type"), QStringLiteral("object")}}));
        if (!ollama) // Ollama's API has no tool_choice
            QCOMPARE(sent[QLatin1String("tool_choice")].toString(), QStringLiteral("required"));

        const RawHttpResponse whole
            = post(*backend, body(QStringLiteral("caller"), false, {{QStringLiteral("tools"), tools}}));
        QCOMPARE(whole.status, 200);
        const QJsonObject message = QJsonDocument::fromJson(whole.body).object();
        QCOMPARE(message[QLatin1String("stop_reason")].toString(), QStringLiteral("tool_use"));
        const QJsonArray content = message[QLatin1String("content")].toArray();
        QCOMPARE(content[0][QLatin1String("text")].toString(), QStringLiteral("Let me look."));
        const QJsonObject toolUse = content[1].toObject();
        QCOMPARE(toolUse[QLatin1String("input")].toObject(),
            (QJsonObject {{QStringLiteral("city"), QStringLiteral("Paris")}}));

        // The result goes back: tool_use and tool_result become a tool call and its tool message.
        const QJsonArray conversation {userMessage(QStringLiteral("Weather in Paris?")),
            QJsonObject {
                {QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), content}},
            userMessage(QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("tool_result")},
                {QStringLiteral("tool_use_id"), toolUse[QLatin1String("id")]},
                {QStringLiteral("content"), QStringLiteral("sunny")}}})};
        QCOMPARE(post(*backend,
                     body(QStringLiteral("plain"), false,
                         {{QStringLiteral("messages"), conversation}, {QStringLiteral("tools"), tools}}))
                     .status,
            200);
        const QJsonArray messages = m_fake->lastChatRequest().body[QLatin1String("messages")].toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages[1][QLatin1String("tool_calls")][0][QLatin1String("function")][QLatin1String("name")]
                     .toString(),
            QStringLiteral("get_weather"));
        QCOMPARE(messages[2][QLatin1String("role")].toString(), QStringLiteral("tool"));
        QCOMPARE(messages[2][QLatin1String("content")].toString(), QStringLiteral("sunny"));
        if (!ollama)
            QCOMPARE(messages[2][QLatin1String("tool_call_id")], toolUse[QLatin1String("id")]);
    }

    void notStreamed_isOneMessage_andRequestIsTranslated()
    {
        auto backend = BackendFixture::startedWith(m_fake->ollamaSpec());
        const QJsonArray conversation {userMessage(QStringLiteral("Hi")),
            QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                {QStringLiteral("content"),
                    QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("thinking")},
                                    {QStringLiteral("thinking"), QStringLiteral("A greeting.")},
                                    {QStringLiteral("signature"), QStringLiteral("x")}},
                        QJsonObject {{QStringLiteral("type"), QStringLiteral("text")},
                            {QStringLiteral("text"), QStringLiteral("Hello!")}}}}},
            userMessage(QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("text")},
                                        {QStringLiteral("text"), QStringLiteral("Look:")}},
                QJsonObject {{QStringLiteral("type"), QStringLiteral("image")},
                    {QStringLiteral("source"),
                        QJsonObject {{QStringLiteral("type"), QStringLiteral("base64")},
                            {QStringLiteral("media_type"), QStringLiteral("image/png")},
                            {QStringLiteral("data"), QStringLiteral("AAAA")}}}}})};
        const RawHttpResponse response = post(*backend,
            body(QStringLiteral("thinker"), false,
                {{QStringLiteral("messages"), conversation},
                    {QStringLiteral("system"),
                        QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("text")},
                            {QStringLiteral("text"), QStringLiteral("Be kind.")}}}},
                    {QStringLiteral("stop_sequences"), QJsonArray {QStringLiteral("END")}},
                    {QStringLiteral("top_k"), 5}, {QStringLiteral("temperature"), 0.3},
                    {QStringLiteral("max_tokens"), 100}}));
        QCOMPARE(response.status, 200);
        const QJsonObject message = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(message[QLatin1String("type")].toString(), QStringLiteral("message"));
        QCOMPARE(message[QLatin1String("content")][0][QLatin1String("type")].toString(),
            QStringLiteral("thinking"));
        QCOMPARE(message[QLatin1String("content")][0][QLatin1String("thinking")].toString(),
            QStringLiteral("Light scatters; blue scatters most."));
        QCOMPARE(message[QLatin1String("content")][1][QLatin1String("text")].toString(),
            QStringLiteral("Rayleigh scattering."));
        QCOMPARE(message[QLatin1String("stop_reason")].toString(), QStringLiteral("end_turn"));
        QCOMPARE(message[QLatin1String("usage")][QLatin1String("input_tokens")].toInt(), 9);
        const QJsonObject sent = m_fake->lastChatRequest().body;
        const QJsonArray messages = sent[QLatin1String("messages")].toArray();
        QCOMPARE(messages[0][QLatin1String("role")].toString(), QStringLiteral("system"));
        QCOMPARE(messages[0][QLatin1String("content")].toString(), QStringLiteral("Be kind."));
        QCOMPARE(messages[2][QLatin1String("thinking")].toString(), QStringLiteral("A greeting."));
        QCOMPARE(messages[3][QLatin1String("images")].toArray(), (QJsonArray {QStringLiteral("AAAA")}));
        QCOMPARE(sent[QLatin1String("options")][QLatin1String("stop")].toArray(),
            (QJsonArray {QStringLiteral("END")}));
        QCOMPARE(sent[QLatin1String("options")][QLatin1String("top_k")].toInt(), 5);
        QCOMPARE(sent[QLatin1String("options")][QLatin1String("num_predict")].toInt(), 100);
        QVERIFY(!sent.contains(QLatin1String("think"))); // not asked for: Ollama refuses it on some models
    }

    void lengthIsMaxTokens()
    {
        FakeScript cut = thinkingScript();
        cut.finishReason = QStringLiteral("length");
        m_fake->setScript(QStringLiteral("cut"), cut);
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        const RawHttpResponse response = post(*backend, body(QStringLiteral("cut"), false));
        QCOMPARE(QJsonDocument::fromJson(response.body)[QLatin1String("stop_reason")].toString(),
            QStringLiteral("max_tokens"));
    }

    void failureMidStream_endsWithAnErrorEvent_data() { MidStreamFailure::addRows(); }

    void failureMidStream_endsWithAnErrorEvent()
    {
        QFETCH(bool, ollama);
        QFETCH(bool, breakConnection);
        m_fake->setScript(
            QStringLiteral("fragile"), MidStreamFailure::failing(thinkingScript(), breakConnection, 3));
        auto backend = BackendFixture::startedWith(ollama ? m_fake->ollamaSpec() : m_fake->openAiSpec());
        const RawHttpResponse response = post(*backend, body(QStringLiteral("fragile"), true));
        QCOMPARE(response.status, 200);
        QVERIFY(response.chunkedComplete);
        const TypedSse sse = TypedSse::parse(response.body);
        QVERIFY2(framingProblem(sse).isEmpty(), qPrintable(framingProblem(sse)));
        QCOMPARE(sse.names().last(), QStringLiteral("error"));
        QVERIFY(!sse.names().contains(QStringLiteral("message_stop")));
        QVERIFY(!sse.names().contains(QStringLiteral("message_delta")));
        const QJsonObject error = sse.events.last().data;
        QCOMPARE(
            error[QLatin1String("error")][QLatin1String("type")].toString(), QStringLiteral("api_error"));
        if (!breakConnection)
            QVERIFY(error[QLatin1String("error")][QLatin1String("message")].toString().contains(
                MidStreamFailure::message()));
        QCOMPARE(textOf(sse, "text_delta", "text"), QStringLiteral("Rayleigh "));
    }

    void everyError_isAnthropicShaped()
    {
        FakeScript slow;
        slow.content = {QStringLiteral("a"), QStringLiteral("b")};
        slow.delayMs = 1500;
        m_fake->setScript(QStringLiteral("slow"), slow);
        ServerOptions options;
        options.access.apiKey = QStringLiteral("s3cret");
        options.chatLimits.maxBodyBytes = 4000;
        options.maxConcurrentGenerations = 1;
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec(), options);
        const QList<QPair<QByteArray, QByteArray>> key {{"x-api-key", "s3cret"}};

        // Ponder's own refusals at the HTTP edge, before any handler: key, body size, unknown path.
        const RawHttpResponse noKey = post(*backend, body(QStringLiteral("plain"), false));
        QCOMPARE(noKey.status, 401);
        QCOMPARE(anthropicErrorType(noKey.body), QStringLiteral("authentication_error"));
        QCOMPARE(
            post(*backend, body(QStringLiteral("plain"), false), {{"Authorization", "Bearer s3cret"}}).status,
            200);
        const RawHttpResponse tooBig = post(*backend,
            body(QStringLiteral("plain"), false,
                {{QStringLiteral("messages"), QJsonArray {userMessage(QString(5000, QLatin1Char('x')))}}}),
            key);
        QCOMPARE(tooBig.status, 413);
        QCOMPARE(anthropicErrorType(tooBig.body), QStringLiteral("request_too_large"));
        const RawHttpResponse noRoute = post(*backend, "{}", key, QStringLiteral("/v1/messages/batches"));
        QCOMPARE(noRoute.status, 404);
        QCOMPARE(anthropicErrorType(noRoute.body), QStringLiteral("not_found_error"));
        // Other routes keep OpenAI's shape.
        const RawHttpResponse chatNoKey
            = rawPost(backend->backend().baseUrl(), QStringLiteral("/v1/chat/completions"), "{}");
        QVERIFY(
            QJsonDocument::fromJson(chatNoKey.body)[QLatin1String("error")][QLatin1String("param")].isNull());

        // The handler's: bad JSON, missing max_tokens, a bad field, an unknown model.
        const RawHttpResponse badJson = post(*backend, "{\"model\":", key);
        QCOMPARE(badJson.status, 400);
        QCOMPARE(anthropicErrorType(badJson.body), QStringLiteral("invalid_request_error"));
        QJsonObject noMax = QJsonDocument::fromJson(body(QStringLiteral("plain"), false)).object();
        noMax.remove(QStringLiteral("max_tokens"));
        const RawHttpResponse missing = post(*backend, QJsonDocument(noMax).toJson(), key);
        QCOMPARE(missing.status, 400);
        QCOMPARE(anthropicErrorType(missing.body), QStringLiteral("invalid_request_error"));
        QVERIFY(missing.body.contains("max_tokens"));
        for (const QJsonObject &extra : {QJsonObject {{QStringLiteral("temperature"), 1.5}},
                 QJsonObject {{QStringLiteral("thinking"),
                     QJsonObject {{QStringLiteral("type"), QStringLiteral("enabled")},
                         {QStringLiteral("budget_tokens"), 10}}}},
                 QJsonObject {{QStringLiteral("tools"),
                     QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("web_search_20250305")},
                         {QStringLiteral("name"), QStringLiteral("web")}}}}},
                 QJsonObject {{QStringLiteral("messages"),
                     QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("system")},
                         {QStringLiteral("content"), QStringLiteral("x")}}}}}}) {
            const RawHttpResponse refused = post(*backend, body(QStringLiteral("plain"), false, extra), key);
            QCOMPARE(refused.status, 400);
            QCOMPARE(anthropicErrorType(refused.body), QStringLiteral("invalid_request_error"));
        }
        const RawHttpResponse unknown = post(*backend, body(QStringLiteral("no-such-model"), true), key);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(anthropicErrorType(unknown.body), QStringLiteral("not_found_error"));

        // Over --max-generations.
        QTcpSocket first;
        first.connectToHost(QHostAddress::LocalHost, backend->backend().port());
        QVERIFY(first.waitForConnected(5000));
        const QByteArray json = body(QStringLiteral("slow"), true);
        first.write("POST /v1/messages HTTP/1.1\r\nHost: localhost\r\nx-api-key: s3cret\r\nContent-Length: "
            + QByteArray::number(json.size()) + "\r\n\r\n" + json);
        QTRY_COMPARE_WITH_TIMEOUT(backend->backend().chat().running(), 1, 5000);
        const RawHttpResponse busy = post(*backend, body(QStringLiteral("plain"), false), key);
        QCOMPARE(busy.status, 429);
        QCOMPARE(anthropicErrorType(busy.body), QStringLiteral("rate_limit_error"));
    }

    void countTokens_whereTheUpstreamCan()
    {
        auto openai = BackendFixture::startedWith(m_fake->openAiSpec());
        const QByteArray request
            = QJsonDocument(QJsonObject {{QStringLiteral("model"), QStringLiteral("plain")},
                                {QStringLiteral("system"), QStringLiteral("Be kind.")},
                                {QStringLiteral("messages"),
                                    QJsonArray {userMessage(QStringLiteral("Why is the sky blue?"))}}})
                  .toJson();
        const RawHttpResponse counted
            = post(*openai, request, {}, QStringLiteral("/v1/messages/count_tokens"));
        QCOMPARE(counted.status, 200);
        // The fake renders "<|system|> Be kind.\n<|user|> Why is the sky blue?\n" and counts words.
        QCOMPARE(QJsonDocument::fromJson(counted.body)[QLatin1String("input_tokens")].toInt(), 8);
        QCOMPARE(m_fake->requests().last().path, QByteArray("/tokenize"));

        auto ollama = BackendFixture::startedWith(m_fake->ollamaSpec());
        const RawHttpResponse refused
            = post(*ollama, request, {}, QStringLiteral("/v1/messages/count_tokens"));
        QCOMPARE(refused.status, 501);
        QCOMPARE(anthropicErrorType(refused.body), QStringLiteral("api_error"));
        QVERIFY(refused.body.contains("Ollama"));
    }

    // A Messages request is a session like a chat completion: live in the hub (progress and thinking
    // steps, its source named) and kept in history as the question and the answer the client was sent.
    void everyRequest_isAVisibleSession_keptInHistory()
    {
        auto backend = BackendFixture::startedWith(m_fake->ollamaSpec());
        const QByteArray json = body(QStringLiteral("thinker"), true,
            {{QStringLiteral("thinking"),
                QJsonObject {{QStringLiteral("type"), QStringLiteral("enabled")},
                    {QStringLiteral("budget_tokens"), 1024}}}});
        QCOMPARE(
            post(*backend, json, {{"X-Session-Id", "watched-msg"}, {"User-Agent", "Anthropic/JS 0.71.0"}})
                .status,
            200);

        HttpTestClient client;
        const QString events = QStringLiteral("/api/streaming/sessions/watched-msg/events");
        QTRY_VERIFY_WITH_TIMEOUT(client.get(backend->url(events)).body.contains("\"completion\""), 10000);
        QStringList types;
        for (const QJsonValue &event :
            client.get(backend->url(events)).json()[QLatin1String("events")].toArray())
            types.append(event[QLatin1String("type")].toString());
        QVERIFY2(types.contains(QLatin1String("thinking_step")), qPrintable(types.join(u',')));
        const QJsonObject session
            = client.get(backend->url(QStringLiteral("/api/streaming/sessions/watched-msg"))).json().object();
        QCOMPARE(session[QLatin1String("system_context")][QLatin1String("source")].toString(),
            QStringLiteral("anthropic_messages"));
        // Who asked, as the live sessions list shows it.
        QCOMPARE(session[QLatin1String("system_context")][QLatin1String("client")].toString(),
            QStringLiteral("Anthropic/JS 0.71.0"));

        // History is written on its own thread once the exchange ends: ask until both turns are there.
        QList<StoredMessage> stored;
        auto readBack = [&] {
            auto answered = std::make_shared<std::optional<QList<StoredMessage>>>();
            backend->backend().history()->messages(
                QStringLiteral("watched-msg"), [answered](QList<StoredMessage> list) { *answered = list; });
            if (!QTest::qWaitFor([&] { return answered->has_value(); }, 5000))
                return qsizetype(-1);
            stored = **answered;
            return stored.size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(readBack(), qsizetype(2), 5000);
        QCOMPARE(stored.at(0).role, QStringLiteral("user"));
        QCOMPARE(stored.at(0).content, QStringLiteral("Why is the sky blue?"));
        QCOMPARE(stored.at(1).role, QStringLiteral("assistant"));
        QCOMPARE(stored.at(1).content, QStringLiteral("Rayleigh scattering."));
        QCOMPARE(stored.at(1).reasoning, QStringLiteral("Light scatters; blue scatters most."));
    }

    void clientDisconnect_abortsTheUpstreamRequest()
    {
        FakeScript slow;
        for (int i = 0; i < 50; ++i)
            slow.content.append(QStringLiteral("word "));
        slow.delayMs = 100;
        m_fake->setScript(QStringLiteral("slow"), slow);
        auto backend = BackendFixture::startedWith(m_fake->ollamaSpec());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, backend->backend().port());
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray json = body(QStringLiteral("slow"), true);
        socket.write("POST /v1/messages HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
            + QByteArray::number(json.size()) + "\r\n\r\n" + json);
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("word"), 10000);
        socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(m_fake->abandonedResponses(), 1, 3000);
        QTRY_COMPARE(backend->backend().chat().running(), 0);
    }

    void keepAlive_pingsWhileTheUpstreamIsSilent()
    {
        FakeScript sleepy;
        sleepy.content = {QStringLiteral("finally")};
        sleepy.firstByteDelayMs = 900;
        m_fake->setScript(QStringLiteral("sleepy"), sleepy);
        ServerOptions options;
        options.chatLimits.keepAliveMs = 200;
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec(), options);
        const RawHttpResponse response = post(*backend, body(QStringLiteral("sleepy"), true));
        const TypedSse sse = TypedSse::parse(response.body);
        QVERIFY2(framingProblem(sse).isEmpty(), qPrintable(framingProblem(sse)));
        // The stream opens with message_start even when a ping is what opens it.
        QCOMPARE(sse.names().first(), QStringLiteral("message_start"));
        QVERIFY(sse.names().contains(QStringLiteral("ping")));
        QCOMPARE(sse.names().last(), QStringLiteral("message_stop"));
        QCOMPARE(textOf(sse, "text_delta", "text"), QStringLiteral("finally"));
    }
};

QTEST_GUILESS_MAIN(AnthropicApiTest)
#include "tst_anthropic_api.moc"
