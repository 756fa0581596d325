// SPDX-License-Identifier: MIT
// A client's body for each API beside chat completions (Ollama's /api/chat, /api/generate, /api/embed;
// OpenAI's /v1/completions, /v1/embeddings), read by its reader. Whatever the JSON, a refusal is a 400 that
// names a field, and an accepted request is in the reader's API, keeps Ponder's own fields away from the
// upstream and carries a usable session id, the X-Session-Id header's when one is given.
#include "FuzzSupport.h"
#include "events/Session.h"
#include "protocols/ollama/OllamaRequests.h"
#include "protocols/openai/TextAndEmbeddingRequests.h"

#include <QJsonDocument>

namespace {

void check(ApiRequests::Parsed (*read)(const QJsonObject &, const ApiRequests::Context &), WireApi api,
    const QJsonObject &body)
{
    const ApiRequests::Parsed parsed = read(body, {});
    if (const auto *error = std::get_if<ApiError>(&parsed)) {
        FUZZ_CHECK(error->status == 400 && !error->param.isEmpty() && !error->message.isEmpty());
        return;
    }
    const CompletionRequest &request = std::get<CompletionRequest>(parsed);
    FUZZ_CHECK(request.upstream.api == api);
    FUZZ_CHECK(!request.model.trimmed().isEmpty());
    for (const char *own : {"model", "stream", "session_id", "save_conversation", "reasoning_field"})
        FUZZ_CHECK(!request.upstream.body.contains(QLatin1String(own)));
    FUZZ_CHECK(request.sessionId.isEmpty() || Session::isValidId(request.sessionId));
    FUZZ_CHECK(!request.maxTokens || *request.maxTokens >= 1);
    request.lastUserText();

    const QString header = QStringLiteral("from-the-header");
    const ApiRequests::Parsed withHeader = read(body, {header, ReasoningField::ReasoningContent, {}});
    FUZZ_CHECK(std::holds_alternative<CompletionRequest>(withHeader));
    FUZZ_CHECK(std::get<CompletionRequest>(withHeader).sessionId == header);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!document.isObject())
        return 0; // answered 400 before it is read: JsonBody's part
    const QJsonObject body = document.object();
    check(&ApiRequests::ollamaChat, WireApi::OllamaChat, body);
    check(&ApiRequests::ollamaGenerate, WireApi::OllamaGenerate, body);
    check(&ApiRequests::ollamaEmbed, WireApi::OllamaEmbed, body);
    check(&ApiRequests::openAiCompletions, WireApi::OpenAiCompletions, body);
    check(&ApiRequests::openAiEmbeddings, WireApi::OpenAiEmbeddings, body);
    return 0;
}
