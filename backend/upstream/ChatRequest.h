// A chat request as handed to an upstream: OpenAI's request shape (already validated), which each
// provider forwards or maps to its own API.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

struct ChatRequest
{
    QString model; // the upstream's own name for the model
    // messages, sampling parameters, tools, response_format and any extra fields the client sent;
    // never Ponder's own fields (session_id, save_conversation) nor stream settings.
    QJsonObject body;

    QJsonArray messages() const { return body.value(QLatin1String("messages")).toArray(); }
};

struct TokenUsage
{
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;

    qint64 totalTokens() const { return promptTokens + completionTokens; }
    QJsonObject toJson() const
    {
        return {{QStringLiteral("prompt_tokens"), promptTokens},
            {QStringLiteral("completion_tokens"), completionTokens},
            {QStringLiteral("total_tokens"), totalTokens()}};
    }
};

struct GenerationOutcome
{
    QString finishReason = QStringLiteral("stop"); // stop | length | tool_calls | content_filter
    std::optional<TokenUsage> usage; // only what the upstream reported; never estimated
};
