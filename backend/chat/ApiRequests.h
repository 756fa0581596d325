// SPDX-License-Identifier: MIT
// Reads the request bodies of the APIs beside chat completions: Ollama's /api/chat, /api/generate and
// /api/embed, and OpenAI's /v1/completions and /v1/embeddings. Each becomes a CompletionRequest (the one
// request type ChatService runs) whose upstream body is the client's own, minus Ponder's fields; a mistake is
// an ApiError naming the field, which the route answers in its API's shape.
#pragma once

#include "chat/CompletionRequest.h"

namespace ApiRequests {

struct Context
{
    QString headerSessionId;
    ReasoningField reasoningField = ReasoningField::ReasoningContent;
    QString headerReasoningField;
};

using Parsed = std::variant<CompletionRequest, ApiError>;

Parsed ollamaChat(const QJsonObject &body, const Context &context);
Parsed ollamaGenerate(const QJsonObject &body, const Context &context);
Parsed ollamaEmbed(const QJsonObject &body, const Context &context);
Parsed openAiCompletions(const QJsonObject &body, const Context &context);
Parsed openAiEmbeddings(const QJsonObject &body, const Context &context);

} // namespace ApiRequests
