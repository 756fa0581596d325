// SPDX-License-Identifier: MIT
// Counts the tokens of a chat request's prompt at an upstream that can say, without generating anything:
// llama.cpp's server, which renders the chat template (POST /apply-template) and tokenizes the result
// (POST /tokenize), both at the server's root beside /v1. Ollama has no such endpoint: asked there, or
// where either endpoint is missing (404/405/501), the answer is `unsupported`, never an estimate.
#pragma once

#include "upstream/ChatRequest.h"
#include "upstream/UpstreamError.h"

#include <functional>
#include <optional>

class UpstreamProvider;

namespace TokenCounter {

struct Result
{
    std::optional<qint64> tokens;
    bool unsupported = false; // the upstream cannot count
    UpstreamError error; // when neither
};

void count(UpstreamProvider &provider, const ChatRequest &request, std::function<void(Result)> done);

} // namespace TokenCounter
