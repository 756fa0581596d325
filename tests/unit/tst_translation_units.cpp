// SPDX-License-Identifier: MIT
// The pure translation classes of the Responses and Anthropic Messages APIs, without sockets: request
// readers (JSON in, chat request or 400 out) and event writers (generation signals in, events out).
#include "protocols/anthropic/AnthropicError.h"
#include "protocols/anthropic/AnthropicEvents.h"
#include "protocols/anthropic/AnthropicRequest.h"
#include "protocols/responses/ResponsesEvents.h"
#include "protocols/responses/ResponsesRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

// Sized so that work quadratic in the calls takes minutes where linear work takes a second; under ASan,
// which makes every allocation several times dearer, a tenth of that keeps linear work inside Qt's
// per-function timeout and quadratic work still far outside it.
#if defined(__SANITIZE_ADDRESS__)
constexpr int ScaleDown = 10;
#else
constexpr int ScaleDown = 1;
#endif

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

QStringList types(const QList<StreamEvent> &events)
{
    QStringList list;
    for (const StreamEvent &event : events)
        list.append(event.type);
    return list;
}

QJsonArray fragment(int index, const char *id, const char *name, const char *arguments)
{
    QJsonObject function {{QStringLiteral("arguments"), QLatin1String(arguments)}};
    if (name)
        function.insert(QStringLiteral("name"), QLatin1String(name));
    QJsonObject call {{QStringLiteral("index"), index}, {QStringLiteral("function"), function}};
    if (id)
        call.insert(QStringLiteral("id"), QLatin1String(id));
    return {call};
}

} // namespace

class TranslationUnitsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void responsesRequest_stringInputAndOptions()
    {
        auto parsed = ResponsesRequest::fromJson(
            json(R"({"model":"m","input":"hi","instructions":"be brief","max_output_tokens":50,
                     "reasoning":{"effort":"low","summary":"auto"},"text":{"format":{"type":"json_schema","name":"x","schema":{"type":"object"}}},
                     "tool_choice":{"type":"function","name":"f"},"tools":[{"type":"function","name":"f","parameters":{}}],
                     "metadata":{"session_id":"s-1"},"unknown_field":1})"),
            {});
        QVERIFY(std::holds_alternative<ResponsesRequest>(parsed));
        const ResponsesRequest request = std::get<ResponsesRequest>(parsed);
        const QJsonObject chat = request.chat.upstream.body;
        QCOMPARE(chat[QLatin1String("messages")].toArray().size(), 2);
        QCOMPARE(
            chat[QLatin1String("messages")][0][QLatin1String("role")].toString(), QStringLiteral("system"));
        QCOMPARE(chat[QLatin1String("max_tokens")].toInt(), 50);
        QCOMPARE(chat[QLatin1String("reasoning_effort")].toString(), QStringLiteral("low"));
        QCOMPARE(chat[QLatin1String("response_format")][QLatin1String("json_schema")][QLatin1String("name")]
                     .toString(),
            QStringLiteral("x"));
        QCOMPARE(
            chat[QLatin1String("tool_choice")][QLatin1String("function")][QLatin1String("name")].toString(),
            QStringLiteral("f"));
        QVERIFY(!chat.contains(QLatin1String("unknown_field"))); // the upstream speaks chat, not Responses
        QCOMPARE(request.chat.sessionId, QStringLiteral("s-1"));
        QCOMPARE(request.turnMessages.size(), 1); // the instructions are not part of the turn
        QCOMPARE(request.chat.source, QStringLiteral("responses"));
    }

    void responsesRequest_consecutiveFunctionCallsShareOneAssistantMessage()
    {
        auto parsed = ResponsesRequest::fromJson(json(R"({"model":"m","input":[
            {"role":"user","content":"q"},
            {"type":"message","role":"assistant","content":[{"type":"output_text","text":"Let me check."}]},
            {"type":"function_call","call_id":"a","name":"f","arguments":"{}"},
            {"type":"function_call","call_id":"b","name":"g","arguments":"{}"},
            {"type":"function_call_output","call_id":"a","output":"1"},
            {"type":"function_call_output","call_id":"b","output":[{"type":"input_text","text":"2"}]}]})"),
            {});
        QVERIFY(std::holds_alternative<ResponsesRequest>(parsed));
        const QJsonArray messages = std::get<ResponsesRequest>(parsed).turnMessages;
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages[1][QLatin1String("content")].toString(), QStringLiteral("Let me check."));
        QCOMPARE(messages[1][QLatin1String("tool_calls")].toArray().size(), 2);
        QCOMPARE(messages[3][QLatin1String("tool_call_id")].toString(), QStringLiteral("b"));
        QCOMPARE(messages[3][QLatin1String("content")].toString(), QStringLiteral("2"));
    }

    void responsesRequest_badInputNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("param");
        QTest::newRow("no model") << QByteArray(R"({"input":"x"})") << "model";
        QTest::newRow("no input") << QByteArray(R"({"model":"m"})") << "input";
        QTest::newRow("input number") << QByteArray(R"({"model":"m","input":7})") << "input";
        QTest::newRow("item not object") << QByteArray(R"({"model":"m","input":[1]})") << "input[0]";
        QTest::newRow("bad role") << QByteArray(R"({"model":"m","input":[{"role":"tool","content":"x"}]})")
                                  << "input[0].role";
        QTest::newRow("bad part") << QByteArray(
            R"({"model":"m","input":[{"role":"user","content":[{"type":"input_audio"}]}]})")
                                  << "input[0].content[0].type";
        QTest::newRow("call without id")
            << QByteArray(R"({"model":"m","input":[{"type":"function_call","name":"f","arguments":"{}"}]})")
            << "input[0].call_id";
        QTest::newRow("bad tool choice")
            << QByteArray(R"({"model":"m","input":"x","tool_choice":"sometimes"})") << "tool_choice";
        QTest::newRow("bad format") << QByteArray(
            R"({"model":"m","input":"x","text":{"format":{"type":"yaml"}}})")
                                    << "text.format.type";
        QTest::newRow("bad session") << QByteArray(
            R"({"model":"m","input":"x","metadata":{"session_id":"a b"}})")
                                     << "metadata.session_id";
        QTest::newRow("conversation")
            << QByteArray(R"({"model":"m","input":"x","conversation":"c"})") << "conversation";
        QTest::newRow("huge tokens") << QByteArray(R"({"model":"m","input":"x","max_output_tokens":1e300})")
                                     << "max_output_tokens";
    }

    void responsesRequest_badInputNamesTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, param);
        auto parsed = ResponsesRequest::fromJson(QJsonDocument::fromJson(body).object(), {});
        QVERIFY(std::holds_alternative<ApiError>(parsed));
        QCOMPARE(std::get<ApiError>(parsed).status, 400);
        QCOMPARE(std::get<ApiError>(parsed).param, param);
    }

    void responsesEvents_sequenceAndItems()
    {
        ResponsesEvents events(QStringLiteral("m"), {}, {}, true);
        QList<StreamEvent> all = events.start();
        all += events.reasoning(QStringLiteral("think"));
        all += events.content(QStringLiteral("a"));
        all += events.content(QStringLiteral("b"));
        all += events.toolCalls(fragment(0, "call_1", "f", "{\"x\""));
        all += events.toolCalls(fragment(0, nullptr, nullptr, ":1}"));
        all += events.finish({QStringLiteral("tool_calls"), TokenUsage {3, 4}, std::nullopt});
        QVERIFY(!events.problem());
        for (qsizetype i = 0; i < all.size(); ++i) {
            QCOMPARE(all[i].data[QLatin1String("sequence_number")].toInt(), int(i));
            QCOMPARE(all[i].data[QLatin1String("type")].toString(), all[i].type);
        }
        QCOMPARE(types(all).count(QStringLiteral("response.output_item.added")), 3);
        QCOMPARE(types(all).count(QStringLiteral("response.output_item.done")), 3);
        const QJsonObject response = events.result();
        QCOMPARE(response[QLatin1String("status")].toString(), QStringLiteral("completed"));
        QCOMPARE(response[QLatin1String("output")][1][QLatin1String("content")][0][QLatin1String("text")]
                     .toString(),
            QStringLiteral("ab"));
        QCOMPARE(response[QLatin1String("output")][2][QLatin1String("arguments")].toString(),
            QStringLiteral("{\"x\":1}"));
        QCOMPARE(response[QLatin1String("output")][2][QLatin1String("call_id")].toString(),
            QStringLiteral("call_1"));
        QCOMPARE(response[QLatin1String("usage")][QLatin1String("total_tokens")].toInt(), 7);
        QCOMPARE(all.last().type, QStringLiteral("response.completed"));
    }

    void responsesEvents_sseTextIsTheDataAndResultIsTheLatestResponse()
    {
        // The events that carry the response write its text once for all of them: each one's SSE text must
        // still be exactly its own data (its own sequence_number and type), and result() the response as it
        // is now, not one an earlier event carried.
        ResponsesEvents events(QStringLiteral("m"),
            {{QStringLiteral("temperature"), 0.5},
                {QStringLiteral("metadata"), QJsonObject {{QStringLiteral("k"), QStringLiteral("v")}}}},
            QStringLiteral("resp_before"), true);
        QList<StreamEvent> all = events.start();
        QCOMPARE(events.result()[QLatin1String("status")].toString(), QStringLiteral("in_progress"));
        all += events.content(QStringLiteral("a \"quoted\" answer"));
        QCOMPARE(
            events.result()[QLatin1String("output")][0][QLatin1String("content")][0][QLatin1String("text")]
                .toString(),
            QStringLiteral("a \"quoted\" answer")); // a change since the last response made: made again
        all += events.finish({QStringLiteral("stop"), TokenUsage {3, 4}, std::nullopt});
        for (const StreamEvent &event : std::as_const(all)) {
            QCOMPARE(event.toSse(),
                "event: " + event.type.toUtf8()
                    + "\ndata: " + QJsonDocument(event.data).toJson(QJsonDocument::Compact) + "\n\n");
        }
        const QJsonObject completed = all.last().data[QLatin1String("response")].toObject();
        QCOMPARE(completed[QLatin1String("status")].toString(), QStringLiteral("completed"));
        QCOMPARE(events.result(), completed);
        const QList<StreamEvent> failed = events.fail(ApiError(502, QStringLiteral("gone")));
        QCOMPARE(events.result()[QLatin1String("status")].toString(), QStringLiteral("failed"));
        QCOMPARE(failed.last().toSse(),
            "event: response.failed\ndata: "
                + QJsonDocument(failed.last().data).toJson(QJsonDocument::Compact) + "\n\n");
    }

    void responsesEvents_noUsageIsNull_andGoingBackToAToolCallIsAProblem()
    {
        ResponsesEvents events(QStringLiteral("m"), {}, {}, false);
        events.start();
        events.toolCalls(fragment(0, "a", "f", "{}"));
        events.toolCalls(fragment(1, "b", "g", "{}"));
        QVERIFY(!events.problem());
        events.toolCalls(fragment(0, nullptr, nullptr, "more"));
        QVERIFY(events.problem());
        QCOMPARE(events.problem()->status, 502);

        ResponsesEvents plain(QStringLiteral("m"), {}, {}, false);
        plain.content(QStringLiteral("x"));
        plain.finish({QStringLiteral("stop"), std::nullopt, std::nullopt});
        QVERIFY(plain.result()[QLatin1String("usage")].isNull()); // never estimated
        QCOMPARE(plain.result()[QLatin1String("store")].toBool(true), false);
    }

    void anthropicRequest_translatesAndRequiresMaxTokens()
    {
        auto missing = AnthropicRequest::fromJson(
            json(R"({"model":"m","messages":[{"role":"user","content":"x"}]})"), {});
        QVERIFY(std::holds_alternative<ApiError>(missing));
        QCOMPARE(std::get<ApiError>(missing).param, QStringLiteral("max_tokens"));
        auto counted
            = AnthropicRequest::fromJson(json(R"({"model":"m","messages":[{"role":"user","content":"x"}]})"),
                {}, AnthropicRequest::MaxTokens::Optional);
        QVERIFY(std::holds_alternative<AnthropicRequest>(counted));

        auto parsed = AnthropicRequest::fromJson(json(R"({"model":"m","max_tokens":9000,"system":"s",
            "thinking":{"type":"enabled","budget_tokens":5000},
            "tool_choice":{"type":"tool","name":"f","disable_parallel_tool_use":true},
            "tools":[{"name":"f","input_schema":{"type":"object"}}],
            "messages":[{"role":"user","content":"q"},
              {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"f","input":{"a":1}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"text","text":"r"}],"is_error":true},
                                        {"type":"text","text":"and?"}]}]})"),
            {});
        QVERIFY(std::holds_alternative<AnthropicRequest>(parsed));
        const QJsonObject chat = std::get<AnthropicRequest>(parsed).chat.upstream.body;
        QCOMPARE(chat[QLatin1String("reasoning_effort")].toString(), QStringLiteral("medium"));
        QCOMPARE(chat[QLatin1String("parallel_tool_calls")].toBool(true), false);
        const QJsonArray messages = chat[QLatin1String("messages")].toArray();
        QCOMPARE(messages.size(), 5);
        QCOMPARE(
            messages[2][QLatin1String("tool_calls")][0][QLatin1String("function")][QLatin1String("arguments")]
                .toString(),
            QStringLiteral("{\"a\":1}"));
        QCOMPARE(messages[3][QLatin1String("role")].toString(), QStringLiteral("tool"));
        QCOMPARE(messages[3][QLatin1String("content")].toString(), QStringLiteral("Error: r"));
        QCOMPARE(messages[4][QLatin1String("role")].toString(), QStringLiteral("user"));
    }

    void anthropicRequest_budgetMustBeUnderMaxTokens()
    {
        auto parsed = AnthropicRequest::fromJson(json(R"({"model":"m","max_tokens":2000,
            "thinking":{"type":"enabled","budget_tokens":4000},"messages":[{"role":"user","content":"x"}]})"),
            {});
        QVERIFY(std::holds_alternative<ApiError>(parsed));
        QCOMPARE(std::get<ApiError>(parsed).param, QStringLiteral("thinking.budget_tokens"));
    }

    void anthropicRequest_aUserTurnOfNoBlocksIsRefused()
    {
        // Found by fuzz_anthropic_request: accepted, it left nothing to send upstream.
        auto parsed = AnthropicRequest::fromJson(
            json(R"({"model":"m","max_tokens":9,"messages":[{"role":"user","content":[]}]})"), {});
        QVERIFY(std::holds_alternative<ApiError>(parsed));
        QCOMPARE(std::get<ApiError>(parsed).status, 400);
        QCOMPARE(std::get<ApiError>(parsed).param, QStringLiteral("messages[0].content"));
    }

    void translationsAnsweringWhole_makeNoDeltaEventsAndTheSameAnswer()
    {
        // A request that is not streamed reads only result(): its deltas' events are never made.
        ResponsesEvents responses(QStringLiteral("m"), {}, {}, true);
        responses.answerWhole();
        QList<StreamEvent> all = responses.start();
        all += responses.reasoning(QStringLiteral("think"));
        all += responses.content(QStringLiteral("a"));
        all += responses.content(QStringLiteral("b"));
        all += responses.finish({QStringLiteral("stop"), TokenUsage {3, 4}, std::nullopt});
        QVERIFY(!types(all).contains(QStringLiteral("response.output_text.delta")));
        QVERIFY(!types(all).contains(QStringLiteral("response.reasoning_text.delta")));
        const QJsonObject response = responses.result();
        QCOMPARE(response[QLatin1String("status")].toString(), QStringLiteral("completed"));
        QCOMPARE(response[QLatin1String("output")][0][QLatin1String("type")].toString(),
            QStringLiteral("reasoning"));
        QCOMPARE(response[QLatin1String("output")][1][QLatin1String("content")][0][QLatin1String("text")]
                     .toString(),
            QStringLiteral("ab"));

        AnthropicEvents anthropic(QStringLiteral("m"));
        anthropic.answerWhole();
        all = anthropic.start();
        all += anthropic.reasoning(QStringLiteral("t"));
        all += anthropic.content(QStringLiteral("a"));
        all += anthropic.content(QStringLiteral("b"));
        all += anthropic.finish({QStringLiteral("stop"), TokenUsage {3, 4}, std::nullopt});
        QVERIFY(!types(all).contains(QStringLiteral("content_block_delta")));
        const QJsonObject message = anthropic.result();
        QCOMPARE(
            message[QLatin1String("content")][0][QLatin1String("thinking")].toString(), QStringLiteral("t"));
        QCOMPARE(
            message[QLatin1String("content")][1][QLatin1String("text")].toString(), QStringLiteral("ab"));
        QCOMPARE(message[QLatin1String("stop_reason")].toString(), QStringLiteral("end_turn"));
    }

    void anthropicEvents_blocksInOrder_andStopReasons()
    {
        AnthropicEvents events(QStringLiteral("m"));
        QList<StreamEvent> all = events.start();
        all += events.reasoning(QStringLiteral("t"));
        all += events.content(QStringLiteral("a"));
        all += events.toolCalls(fragment(0, "call_1", "f", "{\"x\":"));
        all += events.toolCalls(fragment(0, nullptr, nullptr, "1}"));
        all += events.finish({QStringLiteral("tool_calls"), TokenUsage {3, 4}, std::nullopt});
        QCOMPARE(types(all),
            (QStringList {QStringLiteral("message_start"), QStringLiteral("content_block_start"),
                QStringLiteral("content_block_delta"), QStringLiteral("content_block_stop"),
                QStringLiteral("content_block_start"), QStringLiteral("content_block_delta"),
                QStringLiteral("content_block_stop"), QStringLiteral("content_block_start"),
                QStringLiteral("content_block_delta"), QStringLiteral("content_block_delta"),
                QStringLiteral("content_block_stop"), QStringLiteral("message_delta"),
                QStringLiteral("message_stop")}));
        const QJsonObject message = events.result();
        QCOMPARE(message[QLatin1String("content")][2][QLatin1String("input")].toObject(),
            (QJsonObject {{QStringLiteral("x"), 1}}));
        QCOMPARE(message[QLatin1String("stop_reason")].toString(), QStringLiteral("tool_use"));
        QCOMPARE(AnthropicEvents::stopReason(QStringLiteral("length")), QStringLiteral("max_tokens"));
        QCOMPARE(AnthropicEvents::stopReason(QStringLiteral("stop")), QStringLiteral("end_turn"));
        QCOMPARE(AnthropicEvents::stopReason(QStringLiteral("content_filter")), QStringLiteral("refusal"));
    }

    void anthropicEvents_argumentsThatAreNoObjectAreAProblem()
    {
        AnthropicEvents events(QStringLiteral("m"));
        events.toolCalls(fragment(0, "c", "f", "[1,2]"));
        QVERIFY(events.finish({QStringLiteral("tool_calls"), std::nullopt, std::nullopt}).isEmpty());
        QVERIFY(events.problem());

        // Found when the next block starts (the fuzzer's case: "{}" twice is no object): no block starts
        // while the one before stays open, and nothing follows.
        AnthropicEvents twice(QStringLiteral("m"));
        twice.toolCalls(fragment(0, "c", "f", "{}"));
        twice.toolCalls(fragment(0, nullptr, nullptr, "{}"));
        QVERIFY(twice.content(QStringLiteral("x")).isEmpty());
        QVERIFY(twice.problem());
        QVERIFY(twice.reasoning(QStringLiteral("y")).isEmpty());
    }

    void anthropicEvents_goingBackToAToolCallIsAProblem()
    {
        AnthropicEvents events(QStringLiteral("m"));
        events.start();
        events.toolCalls(fragment(0, "a", "f", "{}"));
        events.toolCalls(fragment(1, "b", "g", "{}"));
        QVERIFY(!events.problem());
        events.toolCalls(fragment(0, nullptr, nullptr, "{}"));
        QVERIFY(events.problem());
        QCOMPARE(events.problem()->status, 502);
        QVERIFY2(events.problem()->message.contains(QLatin1String("Messages API")),
            qPrintable(events.problem()->message));
    }

    // Many calls at once: none may cost a pass over those before it (each would once copy every earlier
    // call, or look through every earlier item).
    void manyFunctionCallsInOneInput_areReadInLinearTime()
    {
        QJsonArray input {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
            {QStringLiteral("content"), QStringLiteral("q")}}};
        constexpr int Calls = 200'000 / ScaleDown;
        for (int i = 0; i < Calls; ++i)
            input.append(QJsonObject {{QStringLiteral("type"), QStringLiteral("function_call")},
                {QStringLiteral("call_id"), QString::number(i)},
                {QStringLiteral("name"), QStringLiteral("f")},
                {QStringLiteral("arguments"), QStringLiteral("{}")}});
        auto parsed = ResponsesRequest::fromJson(
            {{QStringLiteral("model"), QStringLiteral("m")}, {QStringLiteral("input"), input}}, {});
        QVERIFY(std::holds_alternative<ResponsesRequest>(parsed));
        const QJsonArray messages = std::get<ResponsesRequest>(parsed).turnMessages;
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[1][QLatin1String("tool_calls")].toArray().size(), Calls);
    }

    void manyToolCallsFromTheUpstream_areWrittenInLinearTime()
    {
        constexpr int Calls = 100'000 / ScaleDown;
        ResponsesEvents responses(QStringLiteral("m"), {}, {}, false);
        AnthropicEvents anthropic(QStringLiteral("m"));
        qsizetype events = 0;
        for (int i = 0; i < Calls; ++i) {
            events += responses.toolCalls(fragment(i, "c", "f", "{}")).size();
            events += anthropic.toolCalls(fragment(i, "c", "f", "{}")).size();
        }
        QVERIFY(!responses.problem());
        QVERIFY(!anthropic.problem());
        QVERIFY(events > 4 * Calls);
    }

    void anthropicError_typesByStatus()
    {
        const QList<QPair<int, QString>> expected {{400, QStringLiteral("invalid_request_error")},
            {401, QStringLiteral("authentication_error")}, {403, QStringLiteral("permission_error")},
            {404, QStringLiteral("not_found_error")}, {405, QStringLiteral("invalid_request_error")},
            {413, QStringLiteral("request_too_large")}, {429, QStringLiteral("rate_limit_error")},
            {500, QStringLiteral("api_error")}, {502, QStringLiteral("api_error")},
            {529, QStringLiteral("overloaded_error")}};
        for (const auto &[status, type] : expected)
            QCOMPARE(anthropicErrorType(status), type);
        const QJsonObject body = anthropicErrorBody(ApiError(404, QStringLiteral("gone")));
        QCOMPARE(body[QLatin1String("type")].toString(), QStringLiteral("error"));
        QCOMPARE(body[QLatin1String("error")][QLatin1String("message")].toString(), QStringLiteral("gone"));
    }
};

QTEST_GUILESS_MAIN(TranslationUnitsTest)
#include "tst_translation_units.moc"
