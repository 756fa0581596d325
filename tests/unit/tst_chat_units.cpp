// SPDX-License-Identifier: MIT
// The pure parts of the chat pipeline: stream parsers at every chunk boundary, think-tag splitting,
// reasoning steps, request validation, the OpenAI response format and upstream error mapping.
#include "chat/ReasoningSegmenter.h"
#include "protocols/openai/ChatCompletionRequest.h"
#include "protocols/openai/CompletionFormatter.h"
#include "secrets/Keychain.h"
#include "upstream/CompletionTranscript.h"
#include "upstream/LineSplitter.h"
#include "upstream/OllamaChunk.h"
#include "upstream/OllamaRequest.h"
#include "upstream/OpenAiChunk.h"
#include "upstream/ProxyRules.h"
#include "upstream/SseParser.h"
#include "upstream/ThinkTagSplitter.h"
#include "upstream/UpstreamConfig.h"
#include "upstream/UpstreamError.h"
#include "upstream/UpstreamProvider.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

namespace {

QJsonObject object(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

// The JSON of one "data: {...}\n\n" event; null if the bytes are not one such event.
QJsonObject eventJson(const QByteArray &event)
{
    if (!event.startsWith("data: ") || !event.endsWith("\n\n") || event.count('\n') != 2)
        return {};
    return QJsonDocument::fromJson(event.sliced(6, event.size() - 8)).object();
}

// Feeds `input` split at `cut` and returns what the splitter made of it, joined per kind.
QPair<QString, QString> splitAt(const QString &input, qsizetype cut)
{
    ThinkTagSplitter splitter;
    QString reasoning;
    QString content;
    auto take = [&](const QList<ThinkTagSplitter::Piece> &pieces) {
        for (const auto &piece : pieces)
            (piece.reasoning ? reasoning : content) += piece.text;
    };
    take(splitter.feed(input.left(cut)));
    take(splitter.feed(input.mid(cut)));
    take(splitter.flush());
    return {reasoning, content};
}

} // namespace

class ChatUnitsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sseParser_sameEventsAtEveryChunkBoundary()
    {
        const QByteArray stream = ": comment\r\ndata: {\"a\":1}\r\n\r\nevent: x\ndata: line1\ndata: line2\n\n"
                                  "data:no-space\r\rdata: [DONE]\n\n";
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            SseParser parser;
            QList<SseEvent> events = parser.feed(stream.left(cut));
            events += parser.feed(stream.mid(cut));
            QCOMPARE(events.size(), 4);
            QCOMPARE(events.at(0).data, QByteArray("{\"a\":1}"));
            QCOMPARE(events.at(1).event, QByteArray("x"));
            QCOMPARE(events.at(1).data, QByteArray("line1\nline2"));
            QCOMPARE(events.at(2).data, QByteArray("no-space"));
            QCOMPARE(events.at(3).data, QByteArray("[DONE]"));
        }
    }

    void lineSplitter_joinsLinesAcrossChunks()
    {
        LineSplitter lines;
        QCOMPARE(lines.feed("{\"a\"").size(), 0);
        QCOMPARE(lines.feed(":1}\n{\"b\":2}\n\n{\"c\""), (QList<QByteArray> {"{\"a\":1}", "{\"b\":2}"}));
        QCOMPARE(lines.rest(), QByteArray("{\"c\""));
    }

    void streamSplitters_failPastTheirBound()
    {
        // An upstream that never ends a line: the splitters hold up to the bound, then fail and say so.
        LineSplitter lines(100);
        QVERIFY(lines.feed(QByteArray(60, 'a')).isEmpty());
        QVERIFY(!lines.hasFailed());
        QVERIFY(lines.feed(QByteArray(60, 'a')).isEmpty());
        QVERIFY(lines.hasFailed());
        QCOMPARE(lines.error(), QStringLiteral("a line over 100 bytes"));
        QVERIFY(lines.rest().isEmpty()); // nothing kept

        SseParser line(100);
        QVERIFY(line.feed("data: " + QByteArray(200, 'x')).isEmpty());
        QCOMPARE(line.error(), QStringLiteral("a line over 100 bytes"));
        // Many short data lines make one event, bounded the same way.
        SseParser event(100);
        QVERIFY(event.feed(QByteArray("data: 0123456789\n").repeated(20)).isEmpty());
        QCOMPARE(event.error(), QStringLiteral("an event over 100 bytes"));
        // Within the bound, events before the failure still come out.
        SseParser partly(100);
        QCOMPARE(partly.feed("data: ok\n\ndata: " + QByteArray(200, 'x')).size(), 1);
        QVERIFY(partly.hasFailed());
    }

    void thinkTags_leadingWhitespaceIsHeldBackBoundedly()
    {
        ThinkTagSplitter splitter;
        QVERIFY(splitter.feed(QString(100, QLatin1Char(' '))).isEmpty()); // a tag may still come
        QVERIFY(splitter.heldBack() == 100);
        // Past the bound no think block opens this answer: the text is content, and nothing is held.
        const QList<ThinkTagSplitter::Piece> pieces = splitter.feed(
            QString(ThinkTagSplitter::MaxHeldBack, QLatin1Char('\n')) + QStringLiteral("<think>x"));
        QCOMPARE(pieces.size(), 1);
        QVERIFY(!pieces.first().reasoning);
        QVERIFY(pieces.first().text.endsWith(QLatin1String("<think>x")));
        QCOMPARE(splitter.heldBack(), 0);
    }

    void proxyRules_followCurlsConventions()
    {
        const auto rules
            = [](QHash<QString, QString> variables) { return ProxyRules::fromVariables(variables); };
        const QUrl http(QStringLiteral("http://models.example:8080/v1"));
        const QUrl https(QStringLiteral("https://api.example.com/v1"));
        // http_proxy for http://, https_proxy for https://, all_proxy for both; no scheme is http://, no
        // port 1080.
        const ProxyRules both = rules({{QStringLiteral("http_proxy"), QStringLiteral("proxy.local:3128")},
            {QStringLiteral("HTTPS_PROXY"), QStringLiteral("http://user:pw@secure.local")}});
        QCOMPARE(both.proxyFor(http), QUrl(QStringLiteral("http://proxy.local:3128")));
        QCOMPARE(both.proxyFor(https), QUrl(QStringLiteral("http://user:pw@secure.local:1080")));
        // HTTP_PROXY in capitals is not read (a CGI program's can come from a request's Proxy header).
        QVERIFY(rules({{QStringLiteral("HTTP_PROXY"), QStringLiteral("evil:1")}}).proxyFor(http).isEmpty());
        const ProxyRules all
            = rules({{QStringLiteral("ALL_PROXY"), QStringLiteral("socks5h://tunnel:1080")}});
        QCOMPARE(all.proxyFor(http).scheme(), QStringLiteral("socks5h"));
        QCOMPARE(all.proxyFor(https).scheme(), QStringLiteral("socks5h"));
        // no_proxy: names with their subdomains, addresses, ranges, and * for everything.
        const ProxyRules except = rules({{QStringLiteral("http_proxy"), QStringLiteral("proxy:3128")},
            {QStringLiteral("https_proxy"), QStringLiteral("proxy:3128")},
            {QStringLiteral("no_proxy"), QStringLiteral(" .example.com, 10.0.0.0/8,192.168.1.5,[fd00::1]")}});
        QVERIFY(except.proxyFor(https).isEmpty());
        QVERIFY(except.proxyFor(QUrl(QStringLiteral("http://example.com"))).isEmpty());
        QVERIFY(!except.proxyFor(QUrl(QStringLiteral("http://notexample.com"))).isEmpty());
        QVERIFY(except.proxyFor(QUrl(QStringLiteral("http://10.1.2.3:11434"))).isEmpty());
        QVERIFY(!except.proxyFor(QUrl(QStringLiteral("http://11.1.2.3"))).isEmpty());
        QVERIFY(except.proxyFor(QUrl(QStringLiteral("http://192.168.1.5"))).isEmpty());
        QVERIFY(except.proxyFor(QUrl(QStringLiteral("http://[fd00::1]:8000"))).isEmpty());
        QVERIFY(!except.proxyFor(http).isEmpty());
        QVERIFY(rules({{QStringLiteral("http_proxy"), QStringLiteral("proxy:1")},
                          {QStringLiteral("NO_PROXY"), QStringLiteral("*")}})
                    .proxyFor(http)
                    .isEmpty());
        // This machine is never reached through a proxy: a proxy would reach its own loopback instead.
        for (const char *local : {"http://localhost:11434", "http://127.0.0.1:8080", "http://[::1]:8080"})
            QVERIFY2(both.proxyFor(QUrl(QString::fromLatin1(local))).isEmpty(), local);
    }

    void thinkTags_splitAtEveryPosition_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("reasoning");
        QTest::addColumn<QString>("content");
        QTest::newRow("think") << QStringLiteral("<think>a plan</think>\n\nThe answer.")
                               << QStringLiteral("a plan") << QStringLiteral("The answer.");
        QTest::newRow("thinking, leading space")
            << QStringLiteral("\n <thinking>x</thinking>y") << QStringLiteral("x") << QStringLiteral("y");
        QTest::newRow("thought") << QStringLiteral("<thought>hm</thought>ok") << QStringLiteral("hm")
                                 << QStringLiteral("ok");
        QTest::newRow("no tag") << QStringLiteral("Just <b>text</b>") << QString()
                                << QStringLiteral("Just <b>text</b>");
        QTest::newRow("tag later is content")
            << QStringLiteral("Use a <think> tag.") << QString() << QStringLiteral("Use a <think> tag.");
        QTest::newRow("unclosed") << QStringLiteral("<think>still going") << QStringLiteral("still going")
                                  << QString();
        QTest::newRow("lookalike") << QStringLiteral("<thin>x") << QString() << QStringLiteral("<thin>x");
    }

    void thinkTags_splitAtEveryPosition()
    {
        QFETCH(QString, input);
        QFETCH(QString, reasoning);
        QFETCH(QString, content);
        for (qsizetype cut = 0; cut <= input.size(); ++cut) {
            const auto [gotReasoning, gotContent] = splitAt(input, cut);
            QVERIFY2(gotReasoning == reasoning && gotContent == content,
                qPrintable(QStringLiteral("cut %1: '%2' / '%3'").arg(cut).arg(gotReasoning, gotContent)));
        }
    }

    void reasoningSegmenter_stepPerParagraph()
    {
        ReasoningSegmenter segmenter;
        const QString first
            = QStringLiteral("The user asks for the capital of France, a geography question.");
        const QString second = QStringLiteral("Wait, let me check whether they mean the current capital.");
        QStringList steps = segmenter.feed(first.left(20));
        steps += segmenter.feed(first.mid(20) + QStringLiteral("\n\nshort\n\n") + second.left(10));
        QCOMPARE(steps, QStringList {first});
        steps = segmenter.feed(second.mid(10));
        QVERIFY(steps.isEmpty());
        QCOMPARE(segmenter.flush(), QStringList {QStringLiteral("short\n\n") + second});
    }

    void reasoningSegmenter_typesOnlyWhatALabelNames_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("type");
        // Words inside a step name nothing: this one once made every answer open with a red "risk" card.
        QTest::newRow("risk words inside")
            << QStringLiteral("The user asks about edge cases; I must be careful with the risk here.")
            << QStringLiteral("reasoning");
        QTest::newRow("wait, check") << QStringLiteral(
            "Wait, let me check whether they mean the current one.")
                                     << QStringLiteral("reasoning");
        QTest::newRow("so the answer")
            << QStringLiteral("So the answer is Paris.") << QStringLiteral("reasoning");
        QTest::newRow("label with a colon")
            << QStringLiteral("Plan: first read, then answer.") << QStringLiteral("planning");
        QTest::newRow("Markdown heading")
            << QStringLiteral("## Risks\nThe data may be stale.") << QStringLiteral("risk_assessment");
        QTest::newRow("bold label") << QStringLiteral("**Decision:** Paris.") << QStringLiteral("decision");
        QTest::newRow("label alone on its line")
            << QStringLiteral("Verification\n2 + 2 = 4, as said.") << QStringLiteral("evaluation");
        QTest::newRow("heading naming nothing")
            << QStringLiteral("**Analyzing the request**\nThey want X.") << QStringLiteral("reasoning");
        QTest::newRow("label word opening a sentence")
            << QStringLiteral("Plan the trip around the weather.") << QStringLiteral("reasoning");
    }

    void reasoningSegmenter_typesOnlyWhatALabelNames()
    {
        QFETCH(QString, step);
        QTEST(ReasoningSegmenter::typeNamedBy(step), "type");
    }

    void reasoningSegmenter_sameStepsWhereverTheDeltasAreCut()
    {
        // Paragraphs long and short, runs of blank lines, and a long stretch with no break at all.
        QString text;
        for (int i = 0; i < 40; ++i) {
            text += QStringLiteral("Paragraph %1 says something about the question at hand. ")
                        .arg(i)
                        .repeated(1 + i % 5);
            text += i % 7 == 0 ? QStringLiteral("\n\n\n\nok\n\n") : QStringLiteral("\n\n");
        }
        text += QStringLiteral("no break ").repeated(400) + QStringLiteral("end. ").repeated(300);
        ReasoningSegmenter whole;
        QStringList expected = whole.feed(text);
        expected += whole.flush();
        QVERIFY(expected.size() > 40);
        for (const QString &step : expected) {
            QVERIFY(step.size() <= ReasoningSegmenter::MaxStepLength + 1);
            QVERIFY(step == step.trimmed() && !step.isEmpty());
        }
        for (qsizetype piece : {1, 2, 3, 7, 64, 1000, 1201, 5000}) {
            ReasoningSegmenter segmenter;
            QStringList steps;
            for (qsizetype at = 0; at < text.size(); at += piece) {
                steps += segmenter.feed(text.mid(at, piece));
                QVERIFY(segmenter.heldBack() <= ReasoningSegmenter::MaxStepLength + 2);
            }
            steps += segmenter.flush();
            QCOMPARE(steps, expected);
        }
    }

    void reasoningSegmenter_longTextWithoutBreaksIsCut()
    {
        ReasoningSegmenter segmenter;
        const QString sentence = QStringLiteral("This sentence has some words in it. ");
        QStringList steps = segmenter.feed(sentence.repeated(60));
        QVERIFY(!steps.isEmpty());
        for (const QString &step : steps)
            QVERIFY(step.size() <= 1200 && step.endsWith(QLatin1Char('.')));
    }

    void completionRequest_rejectsWithTheFieldNamed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("param");
        const QByteArray messages = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
        QTest::newRow("no model") << ("{" + messages + "}") << QStringLiteral("model");
        QTest::newRow("model not a string") << ("{\"model\":5," + messages + "}") << QStringLiteral("model");
        QTest::newRow("no messages") << QByteArray("{\"model\":\"m\"}") << QStringLiteral("messages");
        QTest::newRow("empty messages")
            << QByteArray("{\"model\":\"m\",\"messages\":[]}") << QStringLiteral("messages");
        QTest::newRow("bad role") << QByteArray(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}")
                                  << QStringLiteral("messages[0].role");
        QTest::newRow("bad content") << QByteArray(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":5}]}")
                                     << QStringLiteral("messages[0].content");
        QTest::newRow("temperature") << ("{\"model\":\"m\",\"temperature\":3," + messages + "}")
                                     << QStringLiteral("temperature");
        QTest::newRow("top_p") << ("{\"model\":\"m\",\"top_p\":\"high\"," + messages + "}")
                               << QStringLiteral("top_p");
        QTest::newRow("max_tokens") << ("{\"model\":\"m\",\"max_tokens\":0," + messages + "}")
                                    << QStringLiteral("max_tokens");
        QTest::newRow("max_tokens fraction")
            << ("{\"model\":\"m\",\"max_tokens\":1.5," + messages + "}") << QStringLiteral("max_tokens");
        QTest::newRow("stop") << ("{\"model\":\"m\",\"stop\":[1]," + messages + "}")
                              << QStringLiteral("stop");
        QTest::newRow("n") << ("{\"model\":\"m\",\"n\":2," + messages + "}") << QStringLiteral("n");
        QTest::newRow("stream") << ("{\"model\":\"m\",\"stream\":\"yes\"," + messages + "}")
                                << QStringLiteral("stream");
        QTest::newRow("tools") << ("{\"model\":\"m\",\"tools\":{}," + messages + "}")
                               << QStringLiteral("tools");
        QTest::newRow("session id") << ("{\"model\":\"m\",\"session_id\":\"a b\"," + messages + "}")
                                    << QStringLiteral("session_id");
        // Numbers no integer type holds: converting them was undefined behaviour (UBSan float-cast-overflow).
        QTest::newRow("max_tokens 1e300")
            << ("{\"model\":\"m\",\"max_tokens\":1e300," + messages + "}") << QStringLiteral("max_tokens");
        QTest::newRow("max_completion_tokens 2^63")
            << ("{\"model\":\"m\",\"max_completion_tokens\":9223372036854775808," + messages + "}")
            << QStringLiteral("max_completion_tokens");
        QTest::newRow("seed 1e300") << ("{\"model\":\"m\",\"seed\":1e300," + messages + "}")
                                    << QStringLiteral("seed");
        QTest::newRow("seed -1e300") << ("{\"model\":\"m\",\"seed\":-1e300," + messages + "}")
                                     << QStringLiteral("seed");
        // A session id that is not a string is a mistake to report, not a request for a new session.
        QTest::newRow("session id a number")
            << ("{\"model\":\"m\",\"session_id\":7," + messages + "}") << QStringLiteral("session_id");
        QTest::newRow("metadata session id a number")
            << ("{\"model\":\"m\",\"metadata\":{\"session_id\":7}," + messages + "}")
            << QStringLiteral("metadata.session_id");
    }

    void completionRequest_rejectsWithTheFieldNamed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, param);
        const auto parsed = parseChatCompletionRequest(QJsonDocument::fromJson(body).object(), {});
        const ApiError *error = std::get_if<ApiError>(&parsed);
        QVERIFY(error);
        QCOMPARE(error->status, 400);
        QCOMPARE(error->param, param);
        QVERIFY2(error->message.contains(QLatin1Char('\'') + param + QLatin1Char('\'')),
            qPrintable(error->message));
    }

    void completionRequest_acceptsIntegersAtTheirLimits()
    {
        const auto parsed = parseChatCompletionRequest(
            object("{\"model\":\"m\",\"max_tokens\":4096,\"seed\":-9223372036854775808,"
                   "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
            {});
        const CompletionRequest *request = std::get_if<CompletionRequest>(&parsed);
        QVERIFY(request);
        QCOMPARE(request->maxTokens, std::optional<qint64>(4096));
    }

    void completionRequest_keepsUnknownFieldsAndDropsPondersOwn()
    {
        const auto parsed = parseChatCompletionRequest(
            object("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true,\n"
                   "                "
                   "\"stream_options\":{\"include_usage\":true},\"session_id\":\"s-1\",\"save_conversation\":"
                   "false,\n"
                   "                \"top_k\":40,\"metadata\":{\"session_id\":\"other\"},\"user\":\"ann\"}"),
            {});
        const auto &request = std::get<CompletionRequest>(parsed);
        QVERIFY(request.stream);
        QVERIFY(request.includeUsage);
        QVERIFY(!request.saveConversation);
        QCOMPARE(request.sessionId, QStringLiteral("s-1"));
        QCOMPARE(request.user, QStringLiteral("ann"));
        QCOMPARE(request.upstream.body.value(QLatin1String("top_k")).toInt(), 40);
        for (const char *gone : {"model", "stream", "session_id", "save_conversation", "metadata"})
            QVERIFY2(!request.upstream.body.contains(QLatin1String(gone)), gone);
        // The client's stream options are its own and go along (Ponder adds include_usage upstream).
        QVERIFY(request.upstream.body.value(QLatin1String("stream_options")).isObject());
        const auto fromHeader
            = parseChatCompletionRequest(object("{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                                                "\"content\":\"hi\"}],\"session_id\":\"body\"}"),
                QStringLiteral("header"));
        QCOMPARE(std::get<CompletionRequest>(fromHeader).sessionId, QStringLiteral("header"));
    }

    void ollamaRequest_mapsSamplingToOptions()
    {
        ChatRequest request;
        request.model = QStringLiteral("qwen3");
        request.body = object(
            "{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":[\n"
            "                {\"type\":\"text\",\"text\":\"what is "
            "this\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AAAA\"}}]},\n"
            "                "
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\n"
            "                \"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\":1}\"}}]}],\n"
            "                "
            "\"max_tokens\":64,\"stop\":\"END\",\"seed\":7,\"temperature\":0.2,\"top_p\":0.9,\"presence_"
            "penalty\":0.5,\n"
            "                "
            "\"frequency_penalty\":0.1,\"response_format\":{\"type\":\"json_object\"},\"think\":true}");
        const QJsonObject ollama = toOllamaChatBody(request);
        QCOMPARE(ollama.value(QLatin1String("model")).toString(), QStringLiteral("qwen3"));
        QVERIFY(ollama.value(QLatin1String("stream")).toBool());
        QVERIFY(ollama.value(QLatin1String("think")).toBool());
        QCOMPARE(ollama.value(QLatin1String("format")).toString(), QStringLiteral("json"));
        const QJsonObject options = ollama.value(QLatin1String("options")).toObject();
        QCOMPARE(options.value(QLatin1String("num_predict")).toInt(), 64);
        QCOMPARE(options.value(QLatin1String("stop")).toArray(), QJsonArray {QStringLiteral("END")});
        QCOMPARE(options.value(QLatin1String("seed")).toInt(), 7);
        QCOMPARE(options.value(QLatin1String("temperature")).toDouble(), 0.2);
        QCOMPARE(options.value(QLatin1String("top_p")).toDouble(), 0.9);
        QCOMPARE(options.value(QLatin1String("presence_penalty")).toDouble(), 0.5);
        QCOMPARE(options.value(QLatin1String("frequency_penalty")).toDouble(), 0.1);
        const QJsonArray messages = ollama.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(1)[QLatin1String("content")].toString(), QStringLiteral("what is this"));
        QCOMPARE(messages.at(1)[QLatin1String("images")].toArray(), QJsonArray {QStringLiteral("AAAA")});
        QCOMPARE(messages
                     .at(2)[QLatin1String("tool_calls")][0][QLatin1String("function")]
                           [QLatin1String("arguments")][QLatin1String("x")]
                     .toInt(),
            1);
    }

    void upstreamError_keepsItsMeaning()
    {
        const QByteArray ollamaBody = "{\"error\":\"model \\\"x\\\" not found, try pulling it first\"}";
        UpstreamError notFound = UpstreamError::fromHttpStatus(404, ollamaBody, QStringLiteral("ollama"));
        QCOMPARE(notFound.status, 404);
        QVERIFY(notFound.message.contains(QLatin1String("not found, try pulling it first")));
        QCOMPARE(
            UpstreamError::fromHttpStatus(429, "{\"error\":{\"message\":\"slow down\"}}", {}).status, 429);
        QCOMPARE(UpstreamError::fromHttpStatus(401, {}, {}).status, 502);
        QCOMPARE(UpstreamError::fromHttpStatus(500, {}, {}).status, 502);
        QCOMPARE(UpstreamError::fromHttpStatus(504, {}, {}).status, 504);
        QCOMPARE(UpstreamError::fromHttpStatus(400, {}, {}).status, 400);
        QCOMPARE(UpstreamError::fromFailure(HttpStreamClient::Failure::Unreachable, {}).status, 502);
        QCOMPARE(UpstreamError::fromFailure(HttpStreamClient::Failure::Timeout, {}).status, 504);
    }

    void ollamaChunk_readsALineWithoutTheConnection()
    {
        const OllamaChunk thinking = OllamaChunk::fromLine(
            "{\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Hm.\",\"tool_calls\":["
            "{\"function\":{\"name\":\"get\",\"arguments\":{\"city\":\"Oslo\"}}}]},\"done\":false}");
        QVERIFY(thinking.isObject && !thinking.isError && !thinking.done);
        QCOMPARE(thinking.thinking, QStringLiteral("Hm."));
        QCOMPARE(thinking.toolCalls.size(), 1);
        QCOMPARE(thinking.toolCalls.at(0).name.toString(), QStringLiteral("get"));
        QCOMPARE(thinking.toolCalls.at(0).arguments, QStringLiteral("{\"city\":\"Oslo\"}"));
        const OllamaChunk last
            = OllamaChunk::fromLine("{\"message\":{\"content\":\".\"},\"done\":true,\"done_reason\":"
                                    "\"length\",\"prompt_eval_count\":26,\"eval_count\":9}");
        QVERIFY(last.done);
        QCOMPARE(last.doneReason, QStringLiteral("length"));
        QCOMPARE(last.usage->promptTokens, 26);
        QCOMPARE(last.usage->completionTokens, 9);
        QVERIFY(OllamaChunk::fromLine("{\"error\":\"model runner stopped\"}").isError);
        QVERIFY(!OllamaChunk::fromLine("[1]").isObject);
    }

    void openAiChunk_readsAnEventWithoutTheConnection()
    {
        const OpenAiChunk delta
            = OpenAiChunk::fromEvent("{\"choices\":[{\"delta\":{\"reasoning_content\":\"a\","
                                     "\"reasoning\":\"b\",\"content\":\"c\",\"tool_calls\":[{"
                                     "\"function\":{\"arguments\":\"{\"}}]},\"finish_reason\":null}]}");
        QCOMPARE(delta.kind, OpenAiChunk::Kind::Delta);
        QCOMPARE(delta.reasoningContent + delta.reasoning + delta.content, QStringLiteral("abc"));
        // A fragment without an index (some servers leave it out) gets its place in the list.
        QCOMPARE(delta.toolCalls->at(0)[QLatin1String("index")].toInt(), 0);
        QVERIFY(!delta.finishReason);
        const OpenAiChunk usage = OpenAiChunk::fromEvent(
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17}}");
        QCOMPARE(usage.usage->completionTokens, 5);
        QCOMPARE(OpenAiChunk::fromEvent(" [DONE] ").kind, OpenAiChunk::Kind::Done);
        const OpenAiChunk error = OpenAiChunk::fromEvent("{\"error\":{\"message\":\"Rate limit reached\"}}");
        QCOMPARE(error.kind, OpenAiChunk::Kind::Error);
        QCOMPARE(error.errorMessage, QStringLiteral("Rate limit reached"));
        QCOMPARE(OpenAiChunk::fromEvent("{}").kind, OpenAiChunk::Kind::NotAnObject);
        const OpenAiChunk whole
            = OpenAiChunk::fromCompletion("{\"choices\":[{\"message\":{\"content\":\"Hi\"},\"finish_reason\":"
                                          "\"stop\"}],\"usage\":{\"prompt_tokens\":1}}");
        QCOMPARE(whole.content, QStringLiteral("Hi"));
        QCOMPARE(*whole.finishReason, QStringLiteral("stop"));
        QCOMPARE(OpenAiChunk::fromCompletion("{\"error\":\"no\"}").kind, OpenAiChunk::Kind::NotAnObject);
    }

    void upstreamConfig_parsesKindAndUrl()
    {
        QString error;
        auto openAi = UpstreamConfig::parse(QStringLiteral("openai:http://127.0.0.1:8080"), &error);
        QVERIFY(openAi);
        QCOMPARE(openAi->baseUrl.toString(), QStringLiteral("http://127.0.0.1:8080/v1"));
        auto keepsPath
            = UpstreamConfig::parse(QStringLiteral("openai:https://api.example.com/api/v1/"), &error);
        QCOMPARE(keepsPath->baseUrl.toString(), QStringLiteral("https://api.example.com/api/v1"));
        auto ollama = UpstreamConfig::parse(QStringLiteral("ollama:http://localhost:11434"), &error);
        QCOMPARE(ollama->kind, UpstreamConfig::Kind::Ollama);
        QVERIFY(!UpstreamConfig::parse(QStringLiteral("vllm:http://x"), &error));
        QVERIFY(error.contains(QLatin1String("ollama:URL")));
        QVERIFY(!UpstreamConfig::parse(QStringLiteral("openai:ftp://x"), &error));
        QVERIFY(!UpstreamConfig::parse(QStringLiteral("openai"), &error));
    }

    void retryAfter_readsSecondsAndHttpDates()
    {
        const QDateTime now = QDateTime(QDate(2015, 10, 21), QTime(7, 28), QTimeZone::utc());
        QCOMPARE(UpstreamError::parseRetryAfter("12", now), 12);
        QCOMPARE(UpstreamError::parseRetryAfter(" 0 ", now), 0);
        QCOMPARE(UpstreamError::parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now), 30);
        QCOMPARE(UpstreamError::parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now), 0); // already past
        QCOMPARE(UpstreamError::parseRetryAfter("", now), -1);
        QCOMPARE(UpstreamError::parseRetryAfter("soon", now), -1);
        QCOMPARE(UpstreamError::parseRetryAfter("-5", now), -1);
    }

    void upstreamConfig_normalisesTheUrlOnce_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("models");
        QTest::newRow("openai root, slash") << "openai:http://127.0.0.1:8080/"
                                            << "http://127.0.0.1:8080/v1"
                                            << "http://127.0.0.1:8080/v1/models";
        QTest::newRow("openai root, slashes") << "openai:http://127.0.0.1:8080//"
                                              << "http://127.0.0.1:8080/v1"
                                              << "http://127.0.0.1:8080/v1/models";
        QTest::newRow("openai /v1/") << "openai:http://127.0.0.1:8080/v1/"
                                     << "http://127.0.0.1:8080/v1"
                                     << "http://127.0.0.1:8080/v1/models";
        QTest::newRow("openai //v1//") << "openai:http://h//v1//"
                                       << "http://h/v1"
                                       << "http://h/v1/models";
        QTest::newRow("openai other path") << "openai:https://api.example.com/api/v1/"
                                           << "https://api.example.com/api/v1"
                                           << "https://api.example.com/api/v1/models";
        QTest::newRow("ollama slash") << "ollama:http://127.0.0.1:11434/"
                                      << "http://127.0.0.1:11434"
                                      << "http://127.0.0.1:11434/models";
        QTest::newRow("ollama /v1/") << "ollama:http://127.0.0.1:11434/v1/"
                                     << "http://127.0.0.1:11434"
                                     << "http://127.0.0.1:11434/models";
        QTest::newRow("ollama behind a path") << "ollama:http://h/ollama/"
                                              << "http://h/ollama"
                                              << "http://h/ollama/models";
    }

    void upstreamConfig_normalisesTheUrlOnce()
    {
        QFETCH(QString, spec);
        QFETCH(QString, baseUrl);
        QFETCH(QString, models);
        QString error;
        const auto config = UpstreamConfig::parse(spec, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->baseUrl.toString(), baseUrl);
        const auto provider = UpstreamProvider::create(*config);
        QCOMPARE(provider->endpoint(QStringLiteral("/models")).toString(), models);
    }

    void upstreamKeys_belongToTheServerNotToItsPlaceInTheList()
    {
        QString error;
        const auto both = UpstreamConfig::parseList({QStringLiteral("openai:http://a.example:8080"),
                                                        QStringLiteral("openai:http://b.example:8080/v1/")},
            &error);
        QVERIFY2(both, qPrintable(error));
        const auto onlyB
            = UpstreamConfig::parseList({QStringLiteral("openai:http://b.example:8080/v1")}, &error);
        QVERIFY2(onlyB, qPrintable(error));
        // Removing the first renames the second ("openai-2" becomes "openai")...
        QCOMPARE(both->at(0).name, onlyB->at(0).name);
        // ...but its key stays its own, and never becomes the removed server's.
        QCOMPARE(Keychain::upstreamKey(onlyB->at(0).baseUrl), Keychain::upstreamKey(both->at(1).baseUrl));
        QVERIFY(Keychain::upstreamKey(onlyB->at(0).baseUrl) != Keychain::upstreamKey(both->at(0).baseUrl));
        QCOMPARE(
            Keychain::upstreamKey(both->at(0).baseUrl), QStringLiteral("upstream/http://a.example:8080/v1"));
    }

    void completionFormatter_everyChunkOfAStreamIsOneEventOfOneCompletion()
    {
        const CompletionFormatter format(QStringLiteral("llama"));
        const QList<QByteArray> chunks {format.role(), format.reasoning(QStringLiteral("hmm")),
            format.content(QStringLiteral("Hi")),
            format.toolCalls(QJsonDocument::fromJson("[{\"index\":0,\"id\":\"c0\"}]").array()),
            format.finish(QStringLiteral("stop")), format.usage({3, 4})};
        const QString id = eventJson(chunks.first())[QLatin1String("id")].toString();
        QVERIFY2(id.startsWith(QLatin1String("chatcmpl-")) && id.size() == 9 + 24, qPrintable(id));
        for (const QByteArray &chunk : chunks) {
            const QJsonObject json = eventJson(chunk);
            QVERIFY2(!json.isEmpty(), chunk.constData());
            QCOMPARE(json[QLatin1String("id")].toString(), id);
            QCOMPARE(json[QLatin1String("object")].toString(), QStringLiteral("chat.completion.chunk"));
            QCOMPARE(json[QLatin1String("model")].toString(), QStringLiteral("llama"));
            QCOMPARE(json[QLatin1String("created")], eventJson(chunks.first())[QLatin1String("created")]);
        }
        // Another response is another completion.
        QVERIFY(eventJson(CompletionFormatter(QStringLiteral("llama")).role())[QLatin1String("id")].toString()
            != id);
    }

    void completionFormatter_deltasSayWhatTheyCarry()
    {
        const CompletionFormatter format(QStringLiteral("llama"));
        const auto delta = [](const QByteArray &chunk) {
            return eventJson(chunk)[QLatin1String("choices")][0][QLatin1String("delta")].toObject();
        };
        QCOMPARE(delta(format.role()), object("{\"role\":\"assistant\",\"content\":\"\"}"));
        QCOMPARE(delta(format.content(QStringLiteral("Hi"))), object("{\"content\":\"Hi\"}"));
        QCOMPARE(delta(format.reasoning(QStringLiteral("hmm"))), object("{\"reasoning_content\":\"hmm\"}"));
        QCOMPARE(delta(format.toolCalls(QJsonDocument::fromJson("[{\"index\":0}]").array())),
            object("{\"tool_calls\":[{\"index\":0}]}"));
        const QJsonObject content = eventJson(format.content(QStringLiteral("Hi")));
        QVERIFY(content[QLatin1String("choices")][0][QLatin1String("finish_reason")].isNull());
        QVERIFY(content[QLatin1String("usage")].isNull());

        const QJsonObject finish = eventJson(format.finish(QStringLiteral("length")));
        QCOMPARE(finish[QLatin1String("choices")][0][QLatin1String("delta")].toObject(), QJsonObject());
        QCOMPARE(finish[QLatin1String("choices")][0][QLatin1String("finish_reason")].toString(),
            QStringLiteral("length"));

        // The usage chunk (stream_options.include_usage) has no choices.
        const QJsonObject usage = eventJson(format.usage({3, 4}));
        QCOMPARE(usage[QLatin1String("choices")].toArray().size(), 0);
        QCOMPARE(usage[QLatin1String("usage")].toObject(),
            object("{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":7}"));
    }

    void completionFormatter_errorsAndTheEndAreEventsToo()
    {
        ApiError error(502, QStringLiteral("the upstream went away"));
        const QJsonObject json = eventJson(CompletionFormatter::error(error));
        QCOMPARE(json[QLatin1String("error")][QLatin1String("message")].toString(),
            QStringLiteral("the upstream went away"));
        QCOMPARE(CompletionFormatter::done(), QByteArray("data: [DONE]\n\n"));
    }

    void completionFormatter_aWholeCompletionHoldsTheTranscript()
    {
        const CompletionFormatter format(QStringLiteral("llama"));
        CompletionTranscript transcript;
        transcript.content = QStringLiteral("Hello");
        transcript.reasoning = QStringLiteral("greet back");
        GenerationOutcome outcome;
        outcome.finishReason = QStringLiteral("stop");
        const QJsonObject withoutUsage = format.completion(transcript, outcome);
        QCOMPARE(withoutUsage[QLatin1String("object")].toString(), QStringLiteral("chat.completion"));
        QCOMPARE(withoutUsage[QLatin1String("id")], eventJson(format.role())[QLatin1String("id")]);
        const QJsonObject choice = withoutUsage[QLatin1String("choices")][0].toObject();
        QCOMPARE(choice[QLatin1String("message")].toObject(),
            object("{\"role\":\"assistant\",\"content\":\"Hello\",\"reasoning_content\":\"greet back\"}"));
        QCOMPARE(choice[QLatin1String("finish_reason")].toString(), QStringLiteral("stop"));
        QVERIFY(
            withoutUsage[QLatin1String("usage")].isNull()); // never estimated: only what the upstream said

        outcome.usage = TokenUsage {5, 1};
        QCOMPARE(format.completion(transcript, outcome)[QLatin1String("usage")][QLatin1String("total_tokens")]
                     .toInt(),
            6);
    }

    void transcript_assemblesManyFragmentsInPlace()
    {
        // A call's arguments in 20,000 fragments: appended where they belong, not copied into a new JSON
        // object each time.
        CompletionTranscript transcript;
        const QJsonArray first = QJsonDocument::fromJson("[{\"index\":1,\"id\":\"c1\",\"type\":\"function\","
                                                         "\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]")
                                     .array();
        transcript.addToolCallFragments(first);
        const QJsonArray more
            = QJsonDocument::fromJson("[{\"index\":1,\"function\":{\"arguments\":\"abcde\"}}]").array();
        for (int i = 0; i < 20000; ++i)
            transcript.addToolCallFragments(more);
        const QJsonArray calls = transcript.toolCallsJson();
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls[0][QLatin1String("function")][QLatin1String("arguments")].toString(),
            QStringLiteral("abcde").repeated(20000));
        QCOMPARE(calls[0][QLatin1String("function")][QLatin1String("name")].toString(), QStringLiteral("f"));
        QCOMPARE(calls[0][QLatin1String("type")].toString(), QStringLiteral("function"));
    }

    void transcript_charsCountsTextReasoningAndArguments()
    {
        // What decides whether a whole answer is written on a worker: an answer of tool calls alone weighs
        // its arguments.
        CompletionTranscript transcript;
        QCOMPARE(transcript.chars(), 0);
        transcript.content = QStringLiteral("four");
        transcript.reasoning = QStringLiteral("two");
        transcript.addToolCallFragments(
            QJsonDocument::fromJson("[{\"index\":0,\"function\":{\"name\":\"f\",\"arguments\":\"abc\"}},"
                                    "{\"index\":1,\"function\":{\"arguments\":\"de\"}}]")
                .array());
        QCOMPARE(transcript.chars(), 4 + 3 + 3 + 2);
    }

    void transcript_mergesToolCallFragments()
    {
        CompletionTranscript transcript;
        transcript.addToolCallFragments(
            QJsonDocument::fromJson("[{\"index\":0,\"id\":\"c0\",\"type\":\"function\",\"function\":{"
                                    "\"name\":\"get\",\"arguments\":\"{\\\"ci\"}}]")
                .array());
        transcript.addToolCallFragments(
            QJsonDocument::fromJson("[{\"index\":0,\"function\":{\"arguments\":\"ty\\\":\\\"Oslo\\\"}\"}}]")
                .array());
        const QJsonObject message = transcript.message();
        QVERIFY(message.value(QLatin1String("content")).isNull());
        const QJsonObject call = message.value(QLatin1String("tool_calls"))[0].toObject();
        QCOMPARE(call.value(QLatin1String("id")).toString(), QStringLiteral("c0"));
        QCOMPARE(call.value(QLatin1String("function"))[QLatin1String("arguments")].toString(),
            QStringLiteral("{\"city\":\"Oslo\"}"));
    }
};

QTEST_GUILESS_MAIN(ChatUnitsTest)
#include "tst_chat_units.moc"
