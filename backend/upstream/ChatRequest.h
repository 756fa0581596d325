// SPDX-License-Identifier: MIT
// A request as handed to an upstream: the client's body in the client's API (already validated), which
// each provider forwards as it is when it speaks that API, or maps onto its own.
#pragma once

#include "upstream/WireApi.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

struct ChatRequest
{
    WireApi api = WireApi::OpenAiChat; // what `body` is written in
    QString model; // the upstream's own name for the model
    // messages (or prompt, or input), sampling parameters, tools, formats and any extra fields the client
    // sent; never Ponder's own fields (session_id, save_conversation, reasoning_field) nor stream settings.
    QJsonObject body;
    // The client's JSON text `body` was read from, when `body` is that object less some members, plus some
    // Ponder added, and with the members Ponder changed in place named in `rewritten`: a relay then copies
    // the long members as the client sent them (RelayedBody). Empty when `body` was built otherwise.
    QByteArray clientText;
    QStringList rewritten;
    // About how long the body for the upstream will be, in bytes: the client's request, plus a stored
    // conversation it goes on from. A request of megabytes is written for the upstream, and its prompt read,
    // off the server's loop (writing JSON costs some 6 ms a megabyte). Set by the routes, and by the window.
    qsizetype clientBytes = 0;

    // A body Ponder wrote (mapped from another API): nothing in it is the client's text.
    static ChatRequest written(WireApi api, const QString &model, const QJsonObject &body)
    {
        ChatRequest request;
        request.api = api;
        request.model = model;
        request.body = body;
        return request;
    }

    // The conversation in OpenAI's message shape, whatever the API: a prompt is a user message after its
    // system message; an embedding's input is one user message.
    QJsonArray messages() const;
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

// How long the upstream says it worked, in nanoseconds; -1 where it did not say. Ollama reports these on
// its last line; llama.cpp's `timings` give the prompt and generation times.
struct UpstreamDurations
{
    qint64 totalNs = -1;
    qint64 loadNs = -1;
    qint64 promptNs = -1;
    qint64 evalNs = -1;
};

struct GenerationOutcome
{
    QString finishReason = QStringLiteral("stop"); // stop | length | tool_calls | content_filter
    std::optional<TokenUsage> usage; // only what the upstream reported; never estimated
    std::optional<UpstreamDurations> durations; // only what the upstream reported
};

// llama.cpp's prompt processing progress (`return_progress`): tokens of the prompt read so far.
struct PromptProgress
{
    qint64 total = 0;
    qint64 cache = 0; // taken from the KV cache, not read again
    qint64 processed = 0;
    qint64 timeMs = 0;

    // How far the reading is, 0 to 100.
    double percentage() const { return total > 0 ? 100.0 * double(processed) / double(total) : 0.0; }
};
