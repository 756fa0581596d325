// SPDX-License-Identifier: MIT
// OpenAI's Responses API end to end inside one process: a real Backend in front of the fake upstream
// (Ollama and OpenAI-compatible), driven over raw sockets so the stream's framing is checked byte by byte:
// event names, sequence numbers, the order of events, every error path, history and previous_response_id.
#include "BackendFixture.h"
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "MidStreamFailure.h"
#include "TypedSse.h"
#include "chat/ChatService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

namespace {

QByteArray body(const QString &model, bool stream, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("model"), model);
    if (!extra.contains(QLatin1String("input")))
        extra.insert(QStringLiteral("input"), QStringLiteral("Why is the sky blue?"));
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

QJsonObject errorOf(const RawHttpResponse &response)
{
    return QJsonDocument::fromJson(response.body)[QLatin1String("error")].toObject();
}

// Every event's name is its data's type, and sequence numbers count up from 0 without a gap.
QString framingProblem(const TypedSse &sse)
{
    if (!sse.framingError.isEmpty())
        return sse.framingError;
    for (qsizetype i = 0; i < sse.events.size(); ++i) {
        const TypedSseEvent &event = sse.events.at(i);
        if (event.data.value(QLatin1String("type")).toString() != event.name)
            return QStringLiteral("event %1 is named %2 but its type is %3")
                .arg(i)
                .arg(event.name, event.data.value(QLatin1String("type")).toString());
        if (event.data.value(QLatin1String("sequence_number")).toInt(-1) != i)
            return QStringLiteral("event %1 (%2) has sequence_number %3")
                .arg(i)
                .arg(event.name)
                .arg(event.data.value(QLatin1String("sequence_number")).toInt(-1));
    }
    return {};
}

} // namespace

class ResponsesApiTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeUpstream> m_fake;

    RawHttpResponse post(BackendFixture &backend, const QByteArray &json,
        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return rawPost(backend.backend().baseUrl(), QStringLiteral("/v1/responses"), json, headers);
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
        const RawHttpResponse response
            = post(*backend, body(QStringLiteral("thinker"), true), {{"X-Session-Id", "resp-session-1"}});
        QCOMPARE(response.status, 200);
        QVERIFY(response.chunkedComplete);
        QVERIFY(response.header("content-type").startsWith("text/event-stream"));
        QCOMPARE(response.header("x-session-id"), QByteArray("resp-session-1"));
        QVERIFY(!response.body.contains("[DONE]"));
        const TypedSse sse = TypedSse::parse(response.body);
        QVERIFY2(framingProblem(sse).isEmpty(), qPrintable(framingProblem(sse)));
        const QStringList expected {QStringLiteral("response.created"),
            QStringLiteral("response.in_progress"), QStringLiteral("response.output_item.added"),
            QStringLiteral("response.content_part.added"), QStringLiteral("response.reasoning_text.delta"),
            QStringLiteral("response.reasoning_text.delta"), QStringLiteral("response.reasoning_text.done"),
            QStringLiteral("response.content_part.done"), QStringLiteral("response.output_item.done"),
            QStringLiteral("response.output_item.added"), QStringLiteral("response.content_part.added"),
            QStringLiteral("response.output_text.delta"), QStringLiteral("response.output_text.delta"),
            QStringLiteral("response.output_text.done"), QStringLiteral("response.content_part.done"),
            QStringLiteral("response.output_item.done"), QStringLiteral("response.completed")};
        QCOMPARE(sse.names(), expected);

        const QJsonObject created = sse.events.first().data[QLatin1String("response")].toObject();
        QCOMPARE(created[QLatin1String("status")].toString(), QStringLiteral("in_progress"));
        QVERIFY(created[QLatin1String("id")].toString().startsWith(QLatin1String("resp_")));
        const QJsonObject done = sse.events.last().data[QLatin1String("response")].toObject();
        QCOMPARE(done[QLatin1String("id")], created[QLatin1String("id")]);
        QCOMPARE(done[QLatin1String("status")].toString(), QStringLiteral("completed"));
        const QJsonArray output = done[QLatin1String("output")].toArray();
        QCOMPARE(output.size(), 2);
        QCOMPARE(output[0][QLatin1String("type")].toString(), QStringLiteral("reasoning"));
        QCOMPARE(output[0][QLatin1String("content")][0][QLatin1String("text")].toString(),
            QStringLiteral("Light scatters; blue scatters most."));
        QCOMPARE(output[1][QLatin1String("type")].toString(), QStringLiteral("message"));
        QCOMPARE(output[1][QLatin1String("content")][0][QLatin1String("type")].toString(),
            QStringLiteral("output_text"));
        QCOMPARE(output[1][QLatin1String("content")][0][QLatin1String("text")].toString(),
            QStringLiteral("Rayleigh scattering."));
        QCOMPARE(done[QLatin1String("usage")][QLatin1String("input_tokens")].toInt(), 9);
        QCOMPARE(done[QLatin1String("usage")][QLatin1String("output_tokens")].toInt(), 4);
        // Deltas name their item and where it sits.
        const QJsonObject firstText = sse.named(QStringLiteral("response.output_text.delta")).first();
        QCOMPARE(firstText[QLatin1String("output_index")].toInt(), 1);
        QCOMPARE(firstText[QLatin1String("item_id")], output[1][QLatin1String("id")]);
        QCOMPARE(firstText[QLatin1String("delta")].toString(), QStringLiteral("Rayleigh "));
    }

    void streamed_toolCallsFromEitherUpstream_data()
    {
        QTest::addColumn<bool>("ollama");
        QTest::newRow("ollama") << true;
        QTest::newRow("openai") << false;
    }

    void streamed_toolCallsFromEitherUpstream()
    {
        QFETCH(bool, ollama);
        FakeScript caller;
        caller.toolCalls = {QJsonObject {{QStringLiteral("name"), QStringLiteral("get_weather")},
                                {QStringLiteral("arguments"),
                                    QJsonObject {{QStringLiteral("city"), QStringLiteral("Paris")}}}},
            QJsonObject {{QStringLiteral("name"), QStringLiteral("get_time")},
                {QStringLiteral("arguments"),
                    QJsonObject {{QStringLiteral("zone"), QStringLiteral("CET")}}}}};
        m_fake->setScript(QStringLiteral("caller"), caller);
        auto backend = BackendFixture::startedWith(ollama ? m_fake->ollamaSpec() : m_fake->openAiSpec());
        const QJsonArray tools {QJsonObject {{QStringLiteral("type"), QStringLiteral("function")},
            {QStringLiteral("name"), QStringLiteral("get_weather")},
            {QStringLiteral("parameters"),
                QJsonObject {{QStringLiteral("type"), QStringLiteral("object")}}}}};
        const RawHttpResponse response
            = post(*backend, body(QStringLiteral("caller"), true, {{QStringLiteral("tools"), tools}}));
        const TypedSse sse = TypedSse::parse(response.body);
        QVERIFY2(framingProblem(sse).isEmpty(), qPrintable(framingProblem(sse)));
        QCOMPARE(sse.named(QStringLiteral("response.output_item.added")).size(), 2);
        const QList<QJsonObject> argumentsDone
            = sse.named(QStringLiteral("response.function_call_arguments.done"));
        QCOMPARE(argumentsDone.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(argumentsDone[0][QLatin1String("arguments")].toString().toUtf8())
                     .object(),
            (QJsonObject {{QStringLiteral("city"), QStringLiteral("Paris")}}));
        QString streamedArguments;
        for (const QJsonObject &delta : sse.named(QStringLiteral("response.function_call_arguments.delta"))) {
            if (delta[QLatin1String("output_index")].toInt() == 0)
                streamedArguments += delta[QLatin1String("delta")].toString();
        }
        QCOMPARE(streamedArguments, argumentsDone[0][QLatin1String("arguments")].toString());
        const QJsonObject done
            = sse.named(QStringLiteral("response.completed")).first()[QLatin1String("response")].toObject();
        const QJsonObject call = done[QLatin1String("output")][1].toObject();
        QCOMPARE(call[QLatin1String("type")].toString(), QStringLiteral("function_call"));
        QCOMPARE(call[QLatin1String("name")].toString(), QStringLiteral("get_time"));
        QCOMPARE(call[QLatin1String("status")].toString(), QStringLiteral("completed"));
        QVERIFY(!call[QLatin1String("call_id")].toString().isEmpty());
        // The upstream got the tool in the chat form it speaks.
        const QJsonObject sent = m_fake->lastChatRequest().body;
        QCOMPARE(sent[QLatin1String("tools")][0][QLatin1String("function")][QLatin1String("name")].toString(),
            QStringLiteral("get_weather"));
    }

    void notStreamed_isOneResponseObject_andLengthIsIncomplete()
    {
        FakeScript cut = thinkingScript();
        cut.finishReason = QStringLiteral("length");
        m_fake->setScript(QStringLiteral("cut"), cut);
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        const RawHttpResponse whole = post(*backend, body(QStringLiteral("thinker"), false));
        QCOMPARE(whole.status, 200);
        const QJsonObject response = QJsonDocument::fromJson(whole.body).object();
        QCOMPARE(response[QLatin1String("object")].toString(), QStringLiteral("response"));
        QCOMPARE(response[QLatin1String("status")].toString(), QStringLiteral("completed"));
        QCOMPARE(response[QLatin1String("output")][1][QLatin1String("content")][0][QLatin1String("text")]
                     .toString(),
            QStringLiteral("Rayleigh scattering."));
        QCOMPARE(response[QLatin1String("output")][1][QLatin1String("status")].toString(),
            QStringLiteral("completed"));
        QVERIFY(!whole.header("x-session-id").isEmpty());

        const RawHttpResponse incomplete
            = post(*backend, body(QStringLiteral("cut"), true, {{QStringLiteral("max_output_tokens"), 4}}));
        const TypedSse sse = TypedSse::parse(incomplete.body);
        QCOMPARE(sse.names().last(), QStringLiteral("response.incomplete"));
        const QJsonObject last = sse.events.last().data[QLatin1String("response")].toObject();
        QCOMPARE(last[QLatin1String("status")].toString(), QStringLiteral("incomplete"));
        QCOMPARE(last[QLatin1String("incomplete_details")][QLatin1String("reason")].toString(),
            QStringLiteral("max_output_tokens"));
        QCOMPARE(last[QLatin1String("max_output_tokens")].toInt(), 4);
        QCOMPARE(m_fake->lastChatRequest().body[QLatin1String("max_tokens")].toInt(), 4);
    }

    void failureMidStream_endsWithErrorAndFailed_data() { MidStreamFailure::addRows(); }

    void failureMidStream_endsWithErrorAndFailed()
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
        const QStringList names = sse.names();
        QCOMPARE(names.mid(names.size() - 2),
            (QStringList {QStringLiteral("error"), QStringLiteral("response.failed")}));
        QVERIFY(!names.contains(QStringLiteral("response.completed")));
        if (!breakConnection)
            QVERIFY(sse.named(QStringLiteral("error"))
                        .first()[QLatin1String("message")]
                        .toString()
                        .contains(MidStreamFailure::message()));
        const QJsonObject failed = sse.events.last().data[QLatin1String("response")].toObject();
        QCOMPARE(failed[QLatin1String("status")].toString(), QStringLiteral("failed"));
        QVERIFY(failed[QLatin1String("error")][QLatin1String("message")].isString());
        // Only what the upstream said before it failed: the first content delta, unfinished; nothing
        // invented.
        QString text;
        for (const QJsonObject &delta : sse.named(QStringLiteral("response.output_text.delta")))
            text += delta[QLatin1String("delta")].toString();
        QCOMPARE(text, QStringLiteral("Rayleigh "));
        QCOMPARE(sse.named(QStringLiteral("response.output_text.done")).size(), 0);
    }

    void errorsBeforeTheStream_areOpenAiShaped()
    {
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        const RawHttpResponse unknown = post(*backend, body(QStringLiteral("no-such-model"), true));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(errorOf(unknown)[QLatin1String("type")].toString(), QStringLiteral("not_found_error"));

        const QList<QPair<QJsonObject, QString>> invalid {
            {{{QStringLiteral("temperature"), 3}}, QStringLiteral("temperature")},
            {{{QStringLiteral("input"), QJsonArray {}}}, QStringLiteral("input")},
            {{{QStringLiteral("input"),
                 QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("item_reference")},
                     {QStringLiteral("id"), QStringLiteral("x")}}}}},
                QStringLiteral("input[0].type")},
            {{{QStringLiteral("tools"),
                 QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("web_search")}}}}},
                QStringLiteral("tools[0].type")},
            {{{QStringLiteral("max_output_tokens"), 1e300}}, QStringLiteral("max_output_tokens")},
            {{{QStringLiteral("reasoning"),
                 QJsonObject {{QStringLiteral("effort"), QStringLiteral("extreme")}}}},
                QStringLiteral("reasoning.effort")},
            {{{QStringLiteral("metadata"), QJsonObject {{QStringLiteral("n"), 1}}}},
                QStringLiteral("metadata.n")},
            {{{QStringLiteral("background"), true}}, QStringLiteral("background")},
        };
        for (const auto &[extra, param] : invalid) {
            const RawHttpResponse refused = post(*backend, body(QStringLiteral("plain"), true, extra));
            QCOMPARE(refused.status, 400);
            QCOMPARE(
                errorOf(refused)[QLatin1String("type")].toString(), QStringLiteral("invalid_request_error"));
            QCOMPARE(errorOf(refused)[QLatin1String("param")].toString(), param);
        }
        QCOMPARE(rawPost(backend->backend().baseUrl(), QStringLiteral("/v1/responses"), "{\"model\":").status,
            400);
        QCOMPARE(m_fake->requests().size(), 1); // only the unknown model reached the upstream
    }

    void inputItems_becomeTheChatConversation()
    {
        auto backend = BackendFixture::startedWith(m_fake->ollamaSpec());
        const QJsonArray input {
            QJsonObject {{QStringLiteral("role"), QStringLiteral("developer")},
                {QStringLiteral("content"), QStringLiteral("Be brief.")}},
            QJsonObject {{QStringLiteral("type"), QStringLiteral("message")},
                {QStringLiteral("role"), QStringLiteral("user")},
                {QStringLiteral("content"),
                    QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("input_text")},
                                    {QStringLiteral("text"), QStringLiteral("Weather?")}},
                        QJsonObject {{QStringLiteral("type"), QStringLiteral("input_image")},
                            {QStringLiteral("image_url"), QStringLiteral("data:image/png;base64,AAAA")}}}}},
            QJsonObject {{QStringLiteral("type"), QStringLiteral("reasoning")},
                {QStringLiteral("summary"), QJsonArray {}},
                {QStringLiteral("content"),
                    QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("reasoning_text")},
                        {QStringLiteral("text"), QStringLiteral("Need the tool.")}}}}},
            QJsonObject {{QStringLiteral("type"), QStringLiteral("function_call")},
                {QStringLiteral("call_id"), QStringLiteral("call_1")},
                {QStringLiteral("name"), QStringLiteral("get_weather")},
                {QStringLiteral("arguments"), QStringLiteral("{\"city\":\"Paris\"}")}},
            QJsonObject {{QStringLiteral("type"), QStringLiteral("function_call_output")},
                {QStringLiteral("call_id"), QStringLiteral("call_1")},
                {QStringLiteral("output"), QStringLiteral("sunny")}},
        };
        const RawHttpResponse response = post(*backend,
            body(QStringLiteral("plain"), false,
                {{QStringLiteral("input"), input},
                    {QStringLiteral("instructions"), QStringLiteral("You are terse.")},
                    {QStringLiteral("reasoning"),
                        QJsonObject {{QStringLiteral("effort"), QStringLiteral("high")}}},
                    {QStringLiteral("temperature"), 0.5}}));
        QCOMPARE(response.status, 200);
        const QJsonObject sent = m_fake->lastChatRequest().body;
        const QJsonArray messages = sent[QLatin1String("messages")].toArray();
        QCOMPARE(messages.size(), 5);
        QCOMPARE(messages[0][QLatin1String("role")].toString(), QStringLiteral("system"));
        QCOMPARE(messages[0][QLatin1String("content")].toString(), QStringLiteral("You are terse."));
        QCOMPARE(messages[1][QLatin1String("role")].toString(), QStringLiteral("system"));
        QCOMPARE(messages[2][QLatin1String("content")].toString(), QStringLiteral("Weather?"));
        QCOMPARE(messages[2][QLatin1String("images")].toArray(), (QJsonArray {QStringLiteral("AAAA")}));
        QCOMPARE(messages[3][QLatin1String("role")].toString(), QStringLiteral("assistant"));
        QCOMPARE(messages[3][QLatin1String("thinking")].toString(), QStringLiteral("Need the tool."));
        QCOMPARE(
            messages[3][QLatin1String("tool_calls")][0][QLatin1String("function")][QLatin1String("arguments")]
                .toObject(),
            (QJsonObject {{QStringLiteral("city"), QStringLiteral("Paris")}}));
        QCOMPARE(messages[4][QLatin1String("role")].toString(), QStringLiteral("tool"));
        QCOMPARE(messages[4][QLatin1String("content")].toString(), QStringLiteral("sunny"));
        QCOMPARE(sent[QLatin1String("think")].toBool(), true); // reasoning.effort on Ollama
        QCOMPARE(sent[QLatin1String("options")][QLatin1String("temperature")].toDouble(), 0.5);
    }

    void previousResponseId_continuesFromHistory_andRetrieveFindsIt()
    {
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        const RawHttpResponse first
            = post(*backend, body(QStringLiteral("plain"), true), {{"X-Session-Id", "chain-1"}});
        const QJsonObject firstResponse
            = TypedSse::parse(first.body).events.last().data[QLatin1String("response")].toObject();
        const QString firstId = firstResponse[QLatin1String("id")].toString();
        QVERIFY(firstId.startsWith(QLatin1String("resp_")));

        // At once: the response is kept before the client hears it is complete.
        const RawHttpResponse second = post(*backend,
            body(QStringLiteral("plain"), false,
                {{QStringLiteral("input"), QStringLiteral("And sunsets?")},
                    {QStringLiteral("previous_response_id"), firstId}}));
        QCOMPARE(second.status, 200);
        QCOMPARE(second.header("x-session-id"), QByteArray("chain-1")); // the conversation's session goes on
        const QJsonObject secondResponse = QJsonDocument::fromJson(second.body).object();
        QCOMPARE(secondResponse[QLatin1String("previous_response_id")].toString(), firstId);
        const QJsonArray messages = m_fake->lastChatRequest().body[QLatin1String("messages")].toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages[0][QLatin1String("content")].toString(), QStringLiteral("Why is the sky blue?"));
        QCOMPARE(messages[1][QLatin1String("role")].toString(), QStringLiteral("assistant"));
        QCOMPARE(messages[1][QLatin1String("content")].toString(), QStringLiteral("Hello, world"));
        QCOMPARE(messages[2][QLatin1String("content")].toString(), QStringLiteral("And sunsets?"));

        // A third turn brings back both before it.
        const QString secondId = secondResponse[QLatin1String("id")].toString();
        QCOMPARE(post(*backend,
                     body(QStringLiteral("plain"), false,
                         {{QStringLiteral("input"), QStringLiteral("Thanks")},
                             {QStringLiteral("previous_response_id"), secondId},
                             {QStringLiteral("instructions"), QStringLiteral("Only now.")}}))
                     .status,
            200);
        const QJsonArray third = m_fake->lastChatRequest().body[QLatin1String("messages")].toArray();
        QCOMPARE(third.size(), 6);
        QCOMPARE(third[0][QLatin1String("content")].toString(), QStringLiteral("Only now."));

        HttpTestClient client;
        const HttpTestReply fetched = client.get(backend->url(QStringLiteral("/v1/responses/") + firstId));
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.json().object(), firstResponse);
        QCOMPARE(client.get(backend->url(QStringLiteral("/v1/responses/resp_nope"))).status, 404);

        const RawHttpResponse unknown = post(*backend,
            body(QStringLiteral("plain"), false,
                {{QStringLiteral("previous_response_id"), QStringLiteral("resp_nope")}}));
        QCOMPARE(unknown.status, 400);
        QCOMPARE(errorOf(unknown)[QLatin1String("param")].toString(), QStringLiteral("previous_response_id"));

        // store: false keeps nothing to fetch or continue.
        const RawHttpResponse unstored
            = post(*backend, body(QStringLiteral("plain"), false, {{QStringLiteral("store"), false}}));
        const QString unstoredId = QJsonDocument::fromJson(unstored.body)[QLatin1String("id")].toString();
        QCOMPARE(QJsonDocument::fromJson(unstored.body)[QLatin1String("store")].toBool(true), false);
        QCOMPARE(client.get(backend->url(QStringLiteral("/v1/responses/") + unstoredId)).status, 404);
        QCOMPARE(
            post(*backend,
                body(QStringLiteral("plain"), false, {{QStringLiteral("previous_response_id"), unstoredId}}))
                .status,
            400);

        const HttpTestReply deleted
            = client.send("DELETE", backend->url(QStringLiteral("/v1/responses/") + firstId));
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.json()[QLatin1String("deleted")].toBool(), true);
        QCOMPARE(client.get(backend->url(QStringLiteral("/v1/responses/") + firstId)).status, 404);
    }

    void stateless_keepsNothing_andSaysSo()
    {
        ServerOptions stateless;
        stateless.stateless = true;
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec(), stateless);
        const RawHttpResponse response = post(*backend, body(QStringLiteral("plain"), false));
        QCOMPARE(response.status, 200);
        const QString id = QJsonDocument::fromJson(response.body)[QLatin1String("id")].toString();
        const RawHttpResponse continued = post(
            *backend, body(QStringLiteral("plain"), false, {{QStringLiteral("previous_response_id"), id}}));
        QCOMPARE(continued.status, 400);
        QVERIFY(errorOf(continued)[QLatin1String("message")].toString().contains(QLatin1String("stateless")));
        QCOMPARE(HttpTestClient().get(backend->url(QStringLiteral("/v1/responses/") + id)).status, 404);
    }

    void everyRequest_isAVisibleSession()
    {
        auto backend = BackendFixture::startedWith(m_fake->ollamaSpec());
        QCOMPARE(post(*backend, body(QStringLiteral("thinker"), true),
                     {{"X-Session-Id", "watched-resp"}, {"User-Agent", "OpenAI/JS 6.9.1"}})
                     .status,
            200);
        HttpTestClient client;
        QTRY_VERIFY_WITH_TIMEOUT(
            client.get(backend->url(QStringLiteral("/api/streaming/sessions/watched-resp/events")))
                .body.contains("\"completion\""),
            10000);
        const QJsonArray events
            = client.get(backend->url(QStringLiteral("/api/streaming/sessions/watched-resp/events")))
                  .json()[QLatin1String("events")]
                  .toArray();
        bool thinking = false;
        for (const QJsonValue &event : events)
            thinking = thinking || event[QLatin1String("type")].toString() == QLatin1String("thinking_step");
        QVERIFY(thinking);
        const QJsonObject session
            = client.get(backend->url(QStringLiteral("/api/streaming/sessions/watched-resp")))
                  .json()
                  .object();
        QCOMPARE(session[QLatin1String("system_context")][QLatin1String("source")].toString(),
            QStringLiteral("responses"));
        // Who asked, as the live sessions list shows it.
        QCOMPARE(session[QLatin1String("system_context")][QLatin1String("client")].toString(),
            QStringLiteral("OpenAI/JS 6.9.1"));
    }

    void clientDisconnect_abortsTheUpstreamRequest()
    {
        FakeScript slow;
        for (int i = 0; i < 50; ++i)
            slow.content.append(QStringLiteral("word "));
        slow.delayMs = 100;
        m_fake->setScript(QStringLiteral("slow"), slow);
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, backend->backend().port());
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray json = body(QStringLiteral("slow"), true);
        socket.write("POST /v1/responses HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
            + QByteArray::number(json.size()) + "\r\n\r\n" + json);
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("word"), 10000);
        socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(m_fake->abandonedResponses(), 1, 3000);
        QTRY_COMPARE(backend->backend().chat().running(), 0);
    }

    void limits_bodySizeAndConcurrency()
    {
        FakeScript slow;
        slow.content = {QStringLiteral("a"), QStringLiteral("b")};
        slow.delayMs = 1500;
        m_fake->setScript(QStringLiteral("slow"), slow);
        ServerOptions options;
        options.chatLimits.maxBodyBytes = 2000;
        options.maxConcurrentGenerations = 1;
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec(), options);
        const RawHttpResponse tooBig = post(*backend,
            body(QStringLiteral("plain"), false,
                {{QStringLiteral("input"), QString(3000, QLatin1Char('x'))}}));
        QCOMPARE(tooBig.status, 413);
        QTcpSocket first;
        first.connectToHost(QHostAddress::LocalHost, backend->backend().port());
        QVERIFY(first.waitForConnected(5000));
        const QByteArray json = body(QStringLiteral("slow"), true);
        first.write("POST /v1/responses HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
            + QByteArray::number(json.size()) + "\r\n\r\n" + json);
        QTRY_COMPARE_WITH_TIMEOUT(backend->backend().chat().running(), 1, 5000);
        const RawHttpResponse busy = post(*backend, body(QStringLiteral("plain"), false));
        QCOMPARE(busy.status, 429);
        QCOMPARE(errorOf(busy)[QLatin1String("type")].toString(), QStringLiteral("rate_limit_error"));
    }
};

QTEST_GUILESS_MAIN(ResponsesApiTest)
#include "tst_responses_api.moc"
