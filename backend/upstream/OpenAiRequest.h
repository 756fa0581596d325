// SPDX-License-Identifier: MIT
// Maps the requests of Ollama's API onto an OpenAI-compatible server's: /api/chat and a templated
// /api/generate onto chat completions, a raw /api/generate (or one with a suffix) onto text completions,
// /api/embed onto embeddings. Only what OpenAI's API carries goes along (Ollama's top_k, num_ctx or
// keep_alive have no place there, and OpenAI itself refuses fields it does not know).
#pragma once

#include "upstream/ChatRequest.h"

QJsonObject toOpenAiChatBody(const ChatRequest &request);
QJsonObject toOpenAiCompletionBody(const ChatRequest &request);
QJsonObject toOpenAiEmbeddingsBody(const ChatRequest &request);

// The request's body (in OpenAI's API) as sent upstream: for request.model, always streamed, with usage.
// Watchers see progress even when the client asked for one whole answer, and the usage reported is the
// upstream's own count; the client's other stream options go along. The client's long members are copied
// as it sent them (RelayedBody).
QByteArray streamedWithUsage(const ChatRequest &request);
