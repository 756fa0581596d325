// SPDX-License-Identifier: MIT
// What an OpenAI-compatible server says in one SSE event of a streamed completion, or in the whole body
// of one that ignored stream:true, read apart from the connection so that unit tests and the fuzzer can
// give it anything.
#pragma once

#include "upstream/ChatRequest.h"

#include <optional>

struct OpenAiChunk
{
    enum class Kind
    {
        Delta, // a chunk (or completion) to read: its first choice's fields below
        Done, // "[DONE]"
        NotAnObject,
        Error // {"error": ...}; errorMessage says what
    };

    Kind kind = Kind::NotAnObject;
    QString errorMessage;
    std::optional<TokenUsage> usage;
    // The first choice's delta (or message): llama.cpp and LM Studio say reasoning_content, Ollama's /v1
    // and gpt-oss servers say reasoning.
    QString reasoningContent;
    QString reasoning;
    QString content;
    QString text; // a text completion's choice.text
    std::optional<QJsonArray> toolCalls; // fragments, each with its index
    std::optional<QString> finishReason;
    std::optional<UpstreamDurations> durations; // llama.cpp's `timings`
    std::optional<PromptProgress> promptProgress; // llama.cpp's `prompt_progress` (return_progress)

    static OpenAiChunk fromEvent(const QByteArray &data);
    // What fromEvent reads from an event's data that is not "[DONE]", always through a QJsonDocument (it
    // reads the plainest chunks without one): for the tests that hold the two readings alike.
    static OpenAiChunk fromEventDocument(const QByteArray &data);
    // A whole chat.completion (or text_completion); NotAnObject also when it has an error or no choices.
    static OpenAiChunk fromCompletion(const QByteArray &body);

private:
    void readChoice(const QJsonObject &choice, bool whole);
};
