// SPDX-License-Identifier: MIT
// A client's POST /v1/messages body: read (AnthropicRequest), mapped onto Ollama's request, and answered by
// the Messages writer from deltas the input itself chooses. Whatever the JSON, a refusal is a 400 that
// names a field; an accepted request has max_tokens and a usable session id; the writer's blocks open and
// close one after another, each delta for the block that is open.
#include "FuzzSupport.h"
#include "events/Session.h"
#include "protocols/anthropic/AnthropicEvents.h"
#include "protocols/anthropic/AnthropicRequest.h"
#include "upstream/OllamaRequest.h"

#include <QJsonDocument>

namespace {

struct BlockOrder
{
    int open = -1;
    int next = 0;

    void check(const QList<StreamEvent> &events)
    {
        // A writer that found a problem gives no events from then on (the answer fails instead).
        for (const StreamEvent &event : events) {
            FUZZ_CHECK(event.data.value(QLatin1String("type")).toString() == event.type);
            const int index = event.data.value(QLatin1String("index")).toInt(-1);
            if (event.type == QLatin1String("content_block_start")) {
                FUZZ_CHECK(open == -1 && index == next++);
                open = index;
            } else if (event.type == QLatin1String("content_block_delta")) {
                FUZZ_CHECK(index == open);
            } else if (event.type == QLatin1String("content_block_stop")) {
                FUZZ_CHECK(index == open);
                open = -1;
            }
        }
    }
};

void answer(const AnthropicRequest &request, QByteArrayView input)
{
    AnthropicEvents writer(request.chat.model);
    BlockOrder order;
    order.check(writer.start());
    Pieces pieces(input);
    int toolIndex = 0;
    while (!pieces.atEnd() && !writer.problem()) {
        const QByteArrayView piece = pieces.next(input);
        const QString text = QString::fromUtf8(piece);
        switch (uint8_t(piece.front()) % 4) {
        case 0:
            order.check(writer.content(text));
            break;
        case 1:
            order.check(writer.reasoning(text));
            break;
        case 2:
            toolIndex += piece.size() % 2;
            order.check(writer.toolCalls({QJsonObject {{QStringLiteral("index"), toolIndex},
                {QStringLiteral("function"),
                    QJsonObject {{QStringLiteral("arguments"), QStringLiteral("{}")}}}}}));
            break;
        default:
            toolIndex = piece.size() % 3;
            break;
        }
    }
    if (writer.problem())
        return;
    const QList<StreamEvent> closing = writer.finish({QStringLiteral("length"), std::nullopt, std::nullopt});
    if (writer.problem())
        return;
    order.check(closing);
    FUZZ_CHECK(order.open == -1);
    FUZZ_CHECK(closing.last().type == QLatin1String("message_stop"));
    FUZZ_CHECK(writer.result().value(QLatin1String("stop_reason")).toString() == QLatin1String("max_tokens"));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        return 0; // answered 400 before it is read: JsonBody's part
    auto parsed = AnthropicRequest::fromJson(document.object(), QString());
    if (const auto *error = std::get_if<ApiError>(&parsed)) {
        FUZZ_CHECK(error->status == 400 && !error->param.isEmpty() && !error->message.isEmpty());
        return 0;
    }
    const AnthropicRequest &request = std::get<AnthropicRequest>(parsed);
    FUZZ_CHECK(!request.chat.model.trimmed().isEmpty());
    FUZZ_CHECK(request.chat.maxTokens && *request.chat.maxTokens >= 1);
    FUZZ_CHECK(!request.chat.upstream.messages().isEmpty());
    for (const char *own : {"system", "stop_sequences", "thinking", "metadata", "stream"})
        FUZZ_CHECK(!request.chat.upstream.body.contains(QLatin1String(own)));
    ChatRequest upstream = request.chat.upstream;
    upstream.model = request.chat.model;
    FUZZ_CHECK(toOllamaChatBody(upstream).value(QLatin1String("messages")).toArray().size()
        == upstream.messages().size());
    answer(request, bytes);
    return 0;
}
