// SPDX-License-Identifier: MIT
// A client's POST /v1/responses body: read (ResponsesRequest), mapped onto Ollama's request, and answered
// by the Responses writer from deltas the input itself chooses. Whatever the JSON, a refusal is a 400 that
// names a field; an accepted request carries a usable session id and only chat fields upstream; the
// writer's events count their sequence numbers up from 0 and name themselves by their type.
#include "FuzzSupport.h"
#include "events/Session.h"
#include "protocols/responses/ResponsesEvents.h"
#include "protocols/responses/ResponsesRequest.h"
#include "upstream/OllamaRequest.h"

#include <QJsonDocument>

namespace {

void checkEvents(const QList<StreamEvent> &events, int &sequence)
{
    for (const StreamEvent &event : events) {
        FUZZ_CHECK(event.data.value(QLatin1String("type")).toString() == event.type);
        FUZZ_CHECK(event.data.value(QLatin1String("sequence_number")).toInt(-1) == sequence++);
    }
}

// Plays the request's own texts back as an answer: reasoning, content and tool calls in an order the
// input decides, then a finish or a failure.
void answer(const ResponsesRequest &request, QByteArrayView input)
{
    ResponsesEvents writer(request.chat.model, request.echo, request.previousResponseId, request.store);
    int sequence = 0;
    checkEvents(writer.start(), sequence);
    Pieces pieces(input);
    int toolIndex = 0;
    while (!pieces.atEnd() && !writer.problem()) {
        const QByteArrayView piece = pieces.next(input);
        const QString text = QString::fromUtf8(piece);
        switch (uint8_t(piece.front()) % 4) {
        case 0:
            checkEvents(writer.content(text), sequence);
            break;
        case 1:
            checkEvents(writer.reasoning(text), sequence);
            break;
        case 2:
            toolIndex += piece.size() % 2;
            checkEvents(
                writer.toolCalls({QJsonObject {{QStringLiteral("index"), toolIndex},
                    {QStringLiteral("function"), QJsonObject {{QStringLiteral("arguments"), text}}}}}),
                sequence);
            break;
        default:
            toolIndex = piece.size() % 3; // may go back: a problem, never a crash
            break;
        }
    }
    if (writer.problem())
        return;
    const bool fails = input.size() % 2;
    if (fails)
        checkEvents(writer.fail(ApiError(502, QStringLiteral("gone"))), sequence);
    else
        checkEvents(writer.finish({QStringLiteral("stop"), TokenUsage {1, 2}, std::nullopt}), sequence);
    FUZZ_CHECK(writer.result().value(QLatin1String("status")).toString()
        == (fails ? QLatin1String("failed") : QLatin1String("completed")));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        return 0; // answered 400 before it is read: JsonBody's part
    auto parsed = ResponsesRequest::fromJson(document.object(), QString());
    if (const auto *error = std::get_if<ApiError>(&parsed)) {
        FUZZ_CHECK(error->status == 400 && !error->param.isEmpty() && !error->message.isEmpty());
        return 0;
    }
    const ResponsesRequest &request = std::get<ResponsesRequest>(parsed);
    FUZZ_CHECK(!request.chat.model.trimmed().isEmpty());
    FUZZ_CHECK(request.chat.sessionId.isEmpty() || Session::isValidId(request.chat.sessionId));
    FUZZ_CHECK(!request.turnMessages.isEmpty());
    for (const char *own : {"input", "instructions", "store", "previous_response_id", "metadata", "stream"})
        FUZZ_CHECK(!request.chat.upstream.body.contains(QLatin1String(own)));
    ChatRequest upstream = request.chat.upstream;
    upstream.model = request.chat.model;
    FUZZ_CHECK(toOllamaChatBody(upstream).value(QLatin1String("messages")).toArray().size()
        == upstream.messages().size());
    answer(request, bytes);
    return 0;
}
