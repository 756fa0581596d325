// SPDX-License-Identifier: MIT
// A prompt completion at Ollama: POST /api/generate, an NDJSON stream of `response` (and `thinking`)
// pieces ending in a line with `done`, its reason, counts and durations.
#pragma once

#include "upstream/Generation.h"
#include "upstream/LineSplitter.h"
#include "upstream/UpstreamProvider.h"

class OllamaGenerate : public Generation
{
    Q_OBJECT

public:
    OllamaGenerate(const UpstreamProvider &provider, const ChatRequest &request, QObject *parent);

protected:
    void readBody(const QByteArray &bytes) override;
    void endOfBody() override;

private:
    void readLine(const QByteArray &line);

    LineSplitter m_lines;
};
