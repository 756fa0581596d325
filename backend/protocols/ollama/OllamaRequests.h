// SPDX-License-Identifier: MIT
// Ollama's request bodies: /api/chat, /api/generate and /api/embed (streamed by default, but embed).
#pragma once

#include "protocols/ApiRequests.h"

namespace ApiRequests {

Parsed ollamaChat(const QJsonObject &body, const Context &context);
Parsed ollamaGenerate(const QJsonObject &body, const Context &context);
Parsed ollamaEmbed(const QJsonObject &body, const Context &context);

} // namespace ApiRequests
