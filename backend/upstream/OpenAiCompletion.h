// SPDX-License-Identifier: MIT
// A legacy text completion at an OpenAI-compatible server: POST /completions, streamed as SSE
// `text_completion` chunks, read like a chat stream (OpenAiChunk reads each choice's `text`).
#pragma once

#include "upstream/OpenAiProvider.h"

class OpenAiCompletion : public OpenAiChat
{
    Q_OBJECT

public:
    OpenAiCompletion(const UpstreamProvider &provider, const ChatRequest &request, QObject *parent);

    // The client's own body when it speaks OpenAI's API, else the mapping of an Ollama generate request;
    // always streamed, with usage.
    static QByteArray upstreamBody(const ChatRequest &request);
};
