// SPDX-License-Identifier: MIT
// A client's POST /v1/chat/completions body: validated (parseChatCompletionRequest) and mapped onto Ollama's
// request (toOllamaChatBody). Whatever the JSON, a refusal is a 400 that names a field, and an accepted
// request keeps Ponder's own fields away from the upstream and carries a usable session id.
#include "FuzzSupport.h"
#include "events/Session.h"
#include "protocols/openai/ChatCompletionRequest.h"
#include "upstream/OllamaRequest.h"

#include <QJsonDocument>

namespace {

void checkAccepted(const CompletionRequest &request, const QJsonObject &body)
{
    FUZZ_CHECK(!request.model.trimmed().isEmpty());
    const QJsonArray messages = request.upstream.messages();
    FUZZ_CHECK(!messages.isEmpty() && messages == body.value(QLatin1String("messages")).toArray());
    for (const char *own : {"model", "stream", "session_id", "save_conversation", "reasoning_field"})
        FUZZ_CHECK(!request.upstream.body.contains(QLatin1String(own)));
    // The client's own stream options go on only with a stream; metadata only without Ponder's session id.
    FUZZ_CHECK(request.stream || !request.upstream.body.contains(QLatin1String("stream_options")));
    FUZZ_CHECK(!request.upstream.body.value(QLatin1String("metadata"))
                    .toObject()
                    .contains(QLatin1String("session_id")));
    FUZZ_CHECK(!request.upstream.body.contains(QLatin1String("metadata"))
        || !request.upstream.body.value(QLatin1String("metadata")).toObject().isEmpty());
    FUZZ_CHECK(request.sessionId.isEmpty() || Session::isValidId(request.sessionId));
    FUZZ_CHECK(!request.maxTokens || *request.maxTokens >= 1);
    request.lastUserText();

    ChatRequest upstream = request.upstream;
    upstream.model = request.model;
    const QJsonObject ollama = toOllamaChatBody(upstream);
    FUZZ_CHECK(ollama.value(QLatin1String("messages")).toArray().size() == messages.size());
    FUZZ_CHECK(!QJsonDocument(ollama).toJson(QJsonDocument::Compact).isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!document.isObject())
        return 0; // answered 400 before it is read: JsonBody's part
    const QJsonObject body = document.object();

    auto parsed = parseChatCompletionRequest(body, QString());
    if (const auto *error = std::get_if<ApiError>(&parsed)) {
        FUZZ_CHECK(error->status == 400 && !error->param.isEmpty() && !error->message.isEmpty());
        return 0;
    }
    checkAccepted(std::get<CompletionRequest>(parsed), body);

    // An X-Session-Id header names the session, whatever the body says.
    const QString header = QStringLiteral("from-the-header");
    auto withHeader = parseChatCompletionRequest(body, header);
    FUZZ_CHECK(std::holds_alternative<CompletionRequest>(withHeader));
    FUZZ_CHECK(std::get<CompletionRequest>(withHeader).sessionId == header);
    return 0;
}
