// SPDX-License-Identifier: MIT
// A prompt completion at Ollama: POST /api/generate, an NDJSON stream of `response` (and `thinking`)
// pieces ending in a line with `done`, its reason, counts and durations.
#pragma once

#include "upstream/OllamaStream.h"
#include "upstream/UpstreamProvider.h"

struct OllamaChunk;

class OllamaGenerate : public OllamaStream
{
    Q_OBJECT

public:
    OllamaGenerate(const UpstreamProvider &provider, const ChatRequest &request, QObject *parent);

private:
    void readChunk(const OllamaChunk &chunk);
};
