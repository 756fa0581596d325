// SPDX-License-Identifier: MIT
// An answer in Ollama's NDJSON stream (POST /api/chat, /api/generate): one JSON object per line,
// relayed as it comes and read by the subclass (which says how: parseUnitsWith), ending in a line with
// `done`. A stream that ends before that line was cut off, which callers tell apart from a server that
// refused.
#pragma once

#include "upstream/Generation.h"
#include "upstream/LineSplitter.h"

struct OllamaChunk;

class OllamaStream : public Generation
{
    Q_OBJECT

protected:
    using Generation::Generation;

    void readBody(const QByteArray &bytes) final;
    void endOfBody() final;

    // Fails the generation when the line is not a JSON object or is Ollama's in-stream `error`.
    bool failsOn(const OllamaChunk &chunk);

private:
    LineSplitter m_lines;
};
