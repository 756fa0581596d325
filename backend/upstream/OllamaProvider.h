// SPDX-License-Identifier: MIT
// Ollama's native API: POST /api/chat and /api/generate (NDJSON streams, with `thinking`), /api/embed,
// GET /api/tags, and POST /api/show for what a model can do (cached per model: it changes only when the
// model is pulled again).
#pragma once

#include "upstream/OllamaStream.h"
#include "upstream/UpstreamProvider.h"

struct OllamaChunk;

#include <QHash>

class OllamaChat : public OllamaStream
{
    Q_OBJECT

public:
    OllamaChat(const UpstreamProvider &provider, const ChatRequest &request, QObject *parent);

private:
    void readChunk(const OllamaChunk &chunk);

    int m_toolCalls = 0;
};

class OllamaProvider : public UpstreamProvider
{
    Q_OBJECT

public:
    explicit OllamaProvider(UpstreamConfig config)
        : UpstreamProvider(std::move(config))
    { }

    Generation *startChat(const ChatRequest &request, QObject *parent) override;
    void listModels(ModelsDone done) override;
    void describeModel(
        const QString &model, std::function<void(std::optional<ModelCapabilities>)> done) override;

private:
    QHash<QString, ModelCapabilities> m_described;
};
