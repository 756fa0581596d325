// SPDX-License-Identifier: MIT
// OpenAI's request bodies beside chat completions: /v1/completions (one prompt, one choice) and
// /v1/embeddings.
#pragma once

#include "protocols/ApiRequests.h"

namespace ApiRequests {

Parsed openAiCompletions(const QJsonObject &body, const Context &context);
Parsed openAiEmbeddings(const QJsonObject &body, const Context &context);

} // namespace ApiRequests
