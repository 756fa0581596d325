// SPDX-License-Identifier: MIT
// Maps OpenAI-shaped requests onto Ollama's native API: chat completions onto POST /api/chat, text
// completions onto a raw POST /api/generate, embeddings onto POST /api/embed.
#pragma once

#include "upstream/ChatRequest.h"

QJsonObject toOllamaChatBody(const ChatRequest &request);
QJsonObject toOllamaGenerateBody(const ChatRequest &request);
QJsonObject toOllamaEmbedBody(const ChatRequest &request);
