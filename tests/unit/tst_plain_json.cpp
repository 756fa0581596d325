// SPDX-License-Identifier: MIT
// The plainest streamed chunks are read without a QJsonDocument (PlainJson). What they say must not change
// for it: for every text here, plain or not, valid or not, the chunk readers give exactly what reading a
// QJsonDocument gives. And the shapes real servers stream most (a delta of text) do take the plain path.
#include "protocols/openai/OpenAiChatRelay.h"
#include "upstream/JsonScan.h"
#include "upstream/OllamaChunk.h"
#include "upstream/OpenAiChunk.h"
#include "upstream/PlainJson.h"

#include <QJsonDocument>
#include <QTest>

#include <algorithm>

namespace {

QString described(const OpenAiChunk &chunk)
{
    QStringList parts {QString::number(int(chunk.kind)), chunk.errorMessage, chunk.reasoningContent,
        chunk.reasoning, chunk.content, chunk.text, chunk.finishReason.value_or(QStringLiteral("<none>"))};
    parts
        << (chunk.finishReason ? QStringLiteral("reason") : QStringLiteral("no reason"))
        << (chunk.usage
                   ? QStringLiteral("%1/%2").arg(chunk.usage->promptTokens).arg(chunk.usage->completionTokens)
                   : QStringLiteral("no usage"))
        << (chunk.toolCalls
                   ? QString::fromUtf8(QJsonDocument(*chunk.toolCalls).toJson(QJsonDocument::Compact))
                   : QStringLiteral("no tools"))
        << (chunk.durations ? QStringLiteral("%1/%2/%3")
                                  .arg(chunk.durations->promptNs)
                                  .arg(chunk.durations->evalNs)
                                  .arg(chunk.durations->totalNs)
                            : QStringLiteral("no durations"))
        << (chunk.promptProgress ? QStringLiteral("%1/%2/%3/%4")
                                       .arg(chunk.promptProgress->total)
                                       .arg(chunk.promptProgress->cache)
                                       .arg(chunk.promptProgress->processed)
                                       .arg(chunk.promptProgress->timeMs)
                                 : QStringLiteral("no progress"));
    return parts.join(QLatin1Char('|'));
}

QString described(const OllamaChunk &chunk)
{
    QStringList parts {QString::number(chunk.isObject), QString::number(chunk.isError), chunk.thinking,
        chunk.content, QString::number(chunk.done), chunk.doneReason,
        chunk.usage
            ? QStringLiteral("%1/%2").arg(chunk.usage->promptTokens).arg(chunk.usage->completionTokens)
            : QStringLiteral("no usage"),
        chunk.durations ? QString::number(chunk.durations->totalNs) : QStringLiteral("no durations")};
    for (const OllamaChunk::ToolCall &call : chunk.toolCalls)
        parts << call.name.toString() << call.arguments;
    return parts.join(QLatin1Char('|'));
}

// Texts that differ from a plain chunk in one way each: what either reader must get right.
QList<QByteArray> variantsOf(const QByteArray &member, const QByteArray &plainValue)
{
    QList<QByteArray> values {plainValue, "\"\"", "null", "7", "true", "[\"x\"]", "{\"a\":1}",
        "\"tab\\there \\\"quoted\\\" back\\\\slash \\/ \\b\\f\\n\\r\"", "\"\\u00e9\\u4e2d\\u0000\"",
        "\"\\ud83d\\ude00\"", "\"\\ud83d alone\"", "\"caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80\"",
        "\"bad \xff\"", "\"overlong \xc0\xaf\"", "\"surrogate \xed\xa0\x80\"", "\"cut \xe4\xb8\"",
        "\"raw\x01control\"", "\"bad \\x escape\"", "\"short \\u12\"", "\"unclosed"};
    QList<QByteArray> texts;
    for (const QByteArray &value : values)
        texts << member + value;
    return texts;
}

// A number member, written the ways a server may write it (and some it should not).
QList<QByteArray> numbersOf(const QByteArray &member)
{
    QList<QByteArray> texts;
    for (const char *value : {"3", "3.0", "3.5", "0", "-0", "-2", "0.25", "-0.5", "123456789012345",
             "-123456789012345", "123456789012345.5", "123456789012345.000000000000001", "1234567890123456",
             "1e3", "\"3\"", "null", "true", "{}", "[3]"})
        texts << member + value;
    return texts;
}

// Chat completion chunks: the plain shapes and every way one may differ from them.
QList<QByteArray> openAiTexts()
{
    const QByteArray envelope = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                                "\"model\":\"m\",\"system_fingerprint\":null,";
    QList<QByteArray> texts;
    for (const QByteArray &content : variantsOf("\"content\":", "\"tok1 \""))
        texts << envelope + "\"choices\":[{\"index\":0,\"delta\":{" + content + "},\"finish_reason\":null}]}";
    for (const QByteArray &reason : variantsOf("\"finish_reason\":", "\"stop\""))
        texts << envelope + "\"choices\":[{\"index\":0,\"delta\":{}," + reason + "}]}";
    for (const QByteArray &text : variantsOf("\"text\":", "\"completed \""))
        texts << envelope + "\"choices\":[{\"index\":0," + text + ",\"finish_reason\":null}]}";
    // The last chunk's usage and llama.cpp's timings and prompt progress: numbers, read as the document
    // reads them.
    for (const QByteArray &tokens : numbersOf("\"prompt_tokens\":") + variantsOf("\"prompt_tokens\":", "3"))
        texts << envelope + "\"choices\":[],\"usage\":{" + tokens + ",\"completion_tokens\":5}}";
    for (const QByteArray &ms : numbersOf("\"prompt_ms\":") + variantsOf("\"predicted_ms\":", "2.5"))
        texts << envelope + "\"choices\":[],\"timings\":{\"predicted_ms\":7.25," + ms + "}}";
    for (const QByteArray &step : numbersOf("\"processed\":"))
        texts << envelope + "\"choices\":[],\"prompt_progress\":{\"total\":9,\"cache\":1," + step
                + ",\"time_ms\":4}}";
    for (const QByteArray &value : {QByteArray("7"), QByteArray("[]"), QByteArray("\"x\""), QByteArray("{}")})
        texts << envelope + "\"choices\":[],\"usage\":" + value + ",\"timings\":" + value
                + ",\"prompt_progress\":" + value + "}";
    texts << envelope + "\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"prompt_tokens\":2}}"
          << envelope + "\"choices\":[],\"usage\":{\"prompt_\\u0074okens\":1}}"
          << envelope + "\"choices\":[],\"usage\":{\"prompt_tokens\":1},\"usage\":null}"
          << envelope
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":1,"
              "\"total_tokens\":12,\"prompt_tokens_details\":{\"cached_tokens\":3}},"
              "\"timings\":{\"cache_n\":3,\"prompt_n\":8,\"prompt_ms\":4.512,"
              "\"prompt_per_second\":1773.04,\"predicted_n\":1,\"predicted_ms\":0.9}}";
    for (const QByteArray &model : variantsOf("\"model\":", "\"m\""))
        texts << "{" + model + ",\"choices\":[{\"delta\":{\"content\":\"x\"}}]}";
    texts << envelope + "\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":null}}]}"
          << envelope + "\"choices\":[{\"delta\":{\"reasoning_content\":\"why\",\"reasoning\":\"how\"}}]}"
          << envelope + "\"choices\":[{\"delta\":{\"content\":\"a\",\"content\":\"b\"}}]}"
          << envelope + "\"choices\":[{\"delta\":{\"con\\u0074ent\":\"escaped key\"}}]}"
          << envelope + "\"choices\":[{\"delta\":{\"content\":\"a\"}},{\"delta\":{\"content\":\"b\"}}]}"
          << envelope + "\"choices\":[7,{\"delta\":{\"content\":\"b\"}}]}" << envelope + "\"choices\":{}}"
          << envelope + "\"choices\":[{\"delta\":\"text\"}]}" << envelope + "\"choices\":[]}"
          << envelope + "\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5}}"
          << envelope + "\"choices\":[],\"usage\":null,\"timings\":null,\"prompt_progress\":null}"
          << envelope
            + "\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"timings\":{\"prompt_ms\":1.5,"
              "\"predicted_ms\":2}}"
          << envelope + "\"choices\":[],\"prompt_progress\":{\"total\":9,\"processed\":3}}"
          << envelope
            + "\"choices\":[{\"delta\":{\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":\"{"
              "\"}}]}}]}"
          << "{\"error\":{\"message\":\"Rate limit reached\"}}"
          << "{\"error\":null,\"choices\":[]}"
          << "{\"choices\":[],\"n\":1e5}"
          << "{\"choices\":[],\"n\":01}"
          << "{\"choices\":[],\"n\":-0.5}"
          << "{\"choices\":[],\"n\":12345678901234567890}"
          << "{\"choices\":[],\"n\":-}"
          << "{\"choices\":[],\"n\":1.}"
          << "{\"choices\":[],\"n\":tru}"
          << "{\"choices\":[]} x"
          << " \n{\"choices\":[{\"delta\":{\"content\":\"spaced\"}}]}\r\n "
          << "{\"choices\" : [ { \"delta\" : { \"content\" : \"spaced inside\" } } ] }"
          << "{\"choices\":[],}"
          << "{\"choices\":[1,]}"
          << "{\"choices\":[]"
          << "{}"
          << "[]"
          << "\"text\""
          << ""
          << "{\"deep\":" + QByteArray(40, '[') + QByteArray(40, ']') + ",\"choices\":[]}"
          << "{\"deep\":" + QByteArray(8, '[') + QByteArray(8, ']')
            + ",\"choices\":[{\"delta\":{\"content\":\"ok\"}}]}";
    return texts;
}

// Whether a scan finds every object's members and every array's elements in `json` where JsonSpans finds
// them, from the value at `at` down.
bool scanFindsAlike(JsonScan &scan, QByteArrayView json, qsizetype at)
{
    const auto same = [](const JsonSpans::Span &a, const JsonSpans::Span &b) {
        return a.begin == b.begin && a.end == b.end;
    };
    const QList<JsonSpans::Member> members = JsonSpans::members(json, at);
    const std::span<const JsonSpans::Member> scannedMembers = scan.members(at);
    if (!std::equal(members.begin(), members.end(), scannedMembers.begin(), scannedMembers.end(),
            [&](const JsonSpans::Member &a, const JsonSpans::Member &b) {
                return same(a.key, b.key) && same(a.value, b.value);
            }))
        return false;
    const QList<JsonSpans::Span> elements = JsonSpans::elements(json, at);
    const std::span<const JsonSpans::Span> scannedElements = scan.elements(at);
    if (!std::equal(elements.begin(), elements.end(), scannedElements.begin(), scannedElements.end(), same))
        return false;
    for (const JsonSpans::Member &member : members) {
        if (!scanFindsAlike(scan, json, member.value.begin))
            return false;
    }
    for (const JsonSpans::Span &element : elements) {
        if (!scanFindsAlike(scan, json, element.begin))
            return false;
    }
    return true;
}

} // namespace

class TestPlainJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openAiChunks_readAlike()
    {
        const QList<QByteArray> texts = openAiTexts();
        int plain = 0;
        for (const QByteArray &text : texts) {
            QCOMPARE(
                described(OpenAiChunk::fromEvent(text)), described(OpenAiChunk::fromEventDocument(text)));
            plain += PlainJson::object(text).has_value();
        }
        QVERIFY(plain > 20); // the plain path was taken, not only the document's
    }

    void openAiChunks_readAlikeAfterTheRelayScannedThem()
    {
        // A relaying route looks into each unit first, and the reader finds what it found (JsonScan): the
        // reading must be the one made alone, and the relay must write what it writes alone.
        OpenAiChatRelay::Options options;
        options.modelPrefix = "up/"; // looks into every chunk
        for (const QByteArray &text : openAiTexts()) {
            OpenAiChatRelay alone(options);
            const QList<QByteArray> written = alone.feed(text) + alone.finish();
            const JsonScan::Shared scan(text);
            OpenAiChatRelay relay(options);
            QCOMPARE(relay.feed(text) + relay.finish(), written);
            QCOMPARE(
                described(OpenAiChunk::fromEvent(text)), described(OpenAiChunk::fromEventDocument(text)));
        }
    }

    void aScanFindsWhatJsonSpansFinds()
    {
        // In one walk for a plain text, level by level for any other: the same members and elements.
        int plain = 0;
        for (const QByteArray &text : openAiTexts()) {
            JsonScan scan(text);
            QVERIFY2(scanFindsAlike(scan, text, 0), text.constData());
            plain += scan.isPlain();
        }
        QVERIFY(plain > 20);
    }

    void aSharedScanIsOnlyForItsOwnBytes()
    {
        const QByteArray chunk = "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}";
        const QByteArray equal(chunk.constData(), chunk.size()); // the same text in a buffer of its own
        const JsonScan::Shared scan(chunk);
        QVERIFY(JsonScan(chunk).json().data() == chunk.constData());
        QVERIFY(JsonScan(equal).json().data() == equal.constData());
        {
            const JsonScan::Shared inner(equal);
            QCOMPARE(JsonScan(chunk).members().size(), std::size_t(1));
            QCOMPARE(JsonScan(equal).elements(JsonScan(equal).members().front().value.begin).size(),
                std::size_t(1));
        }
        QCOMPARE(OpenAiChunk::fromEvent(chunk).content, QStringLiteral("a"));
        QCOMPARE(OpenAiChunk::fromEvent(equal).content, QStringLiteral("a"));
    }

    void ollamaLines_readAlike()
    {
        QList<QByteArray> texts;
        const QByteArray head = "{\"model\":\"m\",\"created_at\":\"2025-01-01T00:00:00.000Z\",";
        for (const QByteArray &content : variantsOf("\"content\":", "\"tok1 \""))
            texts << head + "\"message\":{\"role\":\"assistant\"," + content + "},\"done\":false}";
        for (const QByteArray &thinking : variantsOf("\"thinking\":", "\"hmm\""))
            texts << head + "\"message\":{\"role\":\"assistant\",\"content\":\"\"," + thinking
                    + "},\"done\":false}";
        for (const QByteArray &reason : variantsOf("\"done_reason\":", "\"stop\""))
            texts << head + "\"message\":{\"content\":\"\"},\"done\":true," + reason + "}";
        for (const QByteArray &done : variantsOf("\"done\":", "true"))
            texts << head + "\"message\":{\"content\":\"x\"}," + done + "}";
        texts << head + "\"message\":{\"content\":\"a\",\"content\":\"b\"},\"done\":false}"
              << head + "\"message\":{\"content\":\"a\"},\"done\":false,\"done\":true}"
              << head + "\"message\":\"text\",\"done\":false}" << head + "\"done\":false}"
              << head
                + "\"message\":{\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":"
                  "9,"
                  "\"prompt_eval_count\":3,\"eval_count\":5}"
              << head
                + "\"message\":{\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":"
                  "{"
                  "\"a\":1}}}]},\"done\":false}"
              << "{\"error\":\"model runner stopped\"}"
              << "{}"
              << "[1]"
              << "{\"done\":true} x"
              << "";
        int plain = 0;
        for (const QByteArray &text : texts) {
            QCOMPARE(described(OllamaChunk::fromLine(text)), described(OllamaChunk::fromLineDocument(text)));
            plain += PlainJson::object(text).has_value();
        }
        QVERIFY(plain > 20);
    }

    void theCommonShapes_areReadPlainly()
    {
        // What the fake, llama.cpp, vLLM and Ollama stream for each token.
        for (const QByteArray &text :
            {QByteArray("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
                        "\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                        "\"delta\":{\"content\":\"tok \"},\"logprobs\":null,"
                        "\"finish_reason\":null}]}"),
                QByteArray("{\"model\":\"m\",\"created_at\":\"2025-01-01T00:00:00.1Z\",\"message\":{\"role\":"
                           "\"assistant\",\"content\":\"tok\"},\"done\":false}")})
            QVERIFY(PlainJson::object(text).has_value());
        QCOMPARE(
            OpenAiChunk::fromEvent("{\"choices\":[{\"delta\":{\"content\":\"a\\nb \\u00e9\"}}]}").content,
            QStringLiteral("a\nb \u00e9"));
    }
};

QTEST_GUILESS_MAIN(TestPlainJson)
#include "tst_plain_json.moc"
