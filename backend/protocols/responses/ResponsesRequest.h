// SPDX-License-Identifier: MIT
// A POST /v1/responses body (OpenAI's Responses API), validated and translated into the chat request every
// upstream kind runs: `input` items become chat messages (function calls and their outputs as tool calls
// and tool messages, reasoning items as the next assistant message's reasoning), `instructions` a system
// message, function tools and `tool_choice` their chat forms, `reasoning.effort` `reasoning_effort`,
// `max_output_tokens` `max_tokens`, `text.format` `response_format`. Pure: JSON in, request or 400 out.
#pragma once

#include "chat/CompletionRequest.h"
#include "http/ApiError.h"

#include <optional>
#include <variant>

struct ResponsesRequest
{
    CompletionRequest chat; // what runs; its messages are this turn's alone until continueFrom()
    QJsonArray turnMessages; // this turn's input as chat messages, without the instructions
    QString instructions; // not carried to a later turn, as OpenAI does
    QString previousResponseId;
    bool store = true;
    // What the response object repeats of the request: tools, tool_choice, reasoning, metadata, ...
    QJsonObject echo;

    // Puts the messages of the earlier turns (from history) between the instructions and this turn.
    void continueFrom(const QJsonArray &earlierMessages);

    static std::variant<ResponsesRequest, ApiError> fromJson(
        const QJsonObject &body, const QString &headerSessionId);
};
