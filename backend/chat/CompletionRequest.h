// A POST /v1/chat/completions body, validated: a client's mistake becomes a 400 that names the field,
// and fields Ponder does not know are kept and forwarded (Open WebUI and the SDKs send extras).
#pragma once

#include "http/ApiError.h"
#include "upstream/ChatRequest.h"

#include <optional>
#include <variant>

struct CompletionRequest
{
    QString model; // as the client named it
    ChatRequest upstream; // what goes to the model server (its model name is set once routed)
    bool stream = false;
    bool includeUsage = false;
    QString sessionId; // from X-Session-Id, session_id or metadata.session_id; empty: a new one
    bool saveConversation = true;
    QString user;
    std::optional<qint64> maxTokens;

    QString lastUserText() const;

    static std::variant<CompletionRequest, ApiError> fromJson(
        const QJsonObject &body, const QString &headerSessionId);
};
