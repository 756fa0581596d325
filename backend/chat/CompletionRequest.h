// SPDX-License-Identifier: MIT
// A chat completion as ChatService runs it, whichever front end asked: the OpenAI-compatible API (read by
// protocols/openai/ChatCompletionRequest), the window, and the APIs that translate into it.
#pragma once

#include "chat/ReasoningField.h"
#include "http/ApiError.h"
#include "upstream/ChatRequest.h"

#include <optional>

struct CompletionRequest
{
    QString model; // as the client named it
    ChatRequest upstream; // what goes to the model server (its model name is set once routed)
    bool stream = false; // the client wants the answer as it is generated
    bool includeUsage = false; // OpenAI's stream_options.include_usage: a last chunk with the usage
    QString sessionId; // the hub session it is shown in; empty: a new one
    bool saveConversation = true;
    QString user;
    // Who asked, for watchers of the session: the HTTP client's User-Agent, or "ponder-window" for the
    // window's own chats.
    QString client;
    std::optional<qint64> maxTokens;
    // Where an OpenAI-shaped answer carries reasoning: the request's `reasoning_field` or
    // X-Reasoning-Field, else the server's --reasoning-field.
    ReasoningField reasoningField = ReasoningField::ReasoningContent;
    // The API a translated request came through (responses, anthropic_messages), as its session says;
    // empty when the upstream request is in the client's own API, which then names the session.
    QString source;

    // What a session shows of what was asked: the last user message, clipped to MaxPromptChars. Set by
    // ChatService (for a request of megabytes, off the loop: reading it converts the whole message).
    QString prompt;
    static constexpr qsizetype MaxPromptChars = 32 * 1024;

    QString lastUserText() const;

    // Ponder's own fields, shared by every API's request: the session (header, `session_id`,
    // `metadata.session_id`), `save_conversation` and the reasoning field. Sets them on `request` and
    // takes them out of `forwarded`; a mistake is a 400 naming the field.
    static std::optional<ApiError> readPonderFields(const QJsonObject &body, const QString &headerSessionId,
        ReasoningField defaultReasoningField, const QString &headerReasoningField, CompletionRequest &request,
        QJsonObject &forwarded);
};
