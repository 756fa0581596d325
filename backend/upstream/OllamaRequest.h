// Maps an OpenAI-shaped chat request onto Ollama's native POST /api/chat body.
#pragma once

#include "upstream/ChatRequest.h"

QJsonObject toOllamaChatBody(const ChatRequest &request);
