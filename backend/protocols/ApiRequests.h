// SPDX-License-Identifier: MIT
// What reading the request bodies of the APIs beside chat completions shares (Ollama's /api/chat,
// /api/generate and /api/embed in protocols/ollama/OllamaRequests, OpenAI's /v1/completions and
// /v1/embeddings in protocols/openai/TextAndEmbeddingRequests). Each becomes a CompletionRequest (the one
// request type ChatService runs) whose upstream body is the client's own, minus Ponder's fields; a mistake is
// an ApiError naming the field, which the route answers in its API's shape.
#pragma once

#include "chat/CompletionRequest.h"
#include "protocols/FieldChecks.h"
#include "upstream/WireApi.h"

#include <QJsonObject>

#include <variant>

namespace ApiRequests {

struct Context
{
    QString headerSessionId;
    ReasoningField reasoningField = ReasoningField::ReasoningContent;
    QString headerReasoningField;
};

using Parsed = std::variant<CompletionRequest, ApiError>;

using FieldChecks::invalid;
bool absent(const QJsonValue &value);
// The member `name`, when present and not null, passes `is`; else a 400 saying it must be `what`.
std::optional<ApiError> expect(
    const QJsonObject &body, const char *name, bool (QJsonValue::*is)() const, const char *what);
bool isStringList(const QJsonValue &value);
// A whole number of at least `low` (FieldChecks::integer with no upper bound).
std::optional<ApiError> expectWholeNumber(const QJsonObject &body, const char *name, qint64 low);
// What every API's request has: the model, stream (with the API's default), Ponder's own fields.
std::optional<ApiError> readCommon(const QJsonObject &body, const Context &context, WireApi api,
    bool streamByDefault, CompletionRequest &request);

} // namespace ApiRequests
