// A chat completion as ChatService runs it, whichever front end asked: the OpenAI-compatible API (read by
// protocols/openai/ChatCompletionRequest), the window, and the APIs that translate into it.
#pragma once

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
    std::optional<qint64> maxTokens;

    QString lastUserText() const;
};
