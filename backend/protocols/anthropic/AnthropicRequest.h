// SPDX-License-Identifier: MIT
// A POST /v1/messages body (Anthropic's Messages API), validated and translated into the chat request every
// upstream kind runs: `system` becomes a system message; content blocks become chat content (text, images as
// data URLs), tool_use blocks tool calls, tool_result blocks tool messages, thinking blocks the assistant
// message's reasoning; `thinking` becomes `reasoning_effort` (which Ollama reads as think), `tools` and
// `tool_choice` their chat forms, `stop_sequences` `stop`. Pure: JSON in, request or 400 out.
#pragma once

#include "chat/CompletionRequest.h"
#include "http/ApiError.h"

#include <variant>

struct AnthropicRequest
{
    CompletionRequest chat;

    // count_tokens takes the same body without max_tokens.
    enum class MaxTokens
    {
        Required,
        Optional
    };
    static std::variant<AnthropicRequest, ApiError> fromJson(
        const QJsonObject &body, const QString &headerSessionId, MaxTokens maxTokens = MaxTokens::Required);

    // Anthropic's thinking budget as an OpenAI-style reasoning effort.
    static QString effortForBudget(qint64 budgetTokens);
};
