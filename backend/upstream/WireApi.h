// SPDX-License-Identifier: MIT
// The API a request or an answer is written in. A route serves one; an upstream answers in one. Where the
// two are the same, the route passes the upstream's own bytes on (docs/architecture.md, "Relaying").
#pragma once

#include <QString>

enum class WireApi
{
    OpenAiChat, // POST /v1/chat/completions
    OpenAiCompletions, // POST /v1/completions (legacy text completions)
    OpenAiEmbeddings, // POST /v1/embeddings
    OllamaChat, // POST /api/chat
    OllamaGenerate, // POST /api/generate
    OllamaEmbed, // POST /api/embed
};

// Answers as one JSON document, never a stream: nothing to show token by token.
inline bool isEmbedding(WireApi api)
{
    return api == WireApi::OpenAiEmbeddings || api == WireApi::OllamaEmbed;
}

inline bool isOllama(WireApi api)
{
    return api == WireApi::OllamaChat || api == WireApi::OllamaGenerate || api == WireApi::OllamaEmbed;
}
