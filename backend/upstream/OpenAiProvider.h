// SPDX-License-Identifier: MIT
// Any OpenAI-compatible server (llama.cpp, vLLM, LM Studio, OpenAI): POST /chat/completions as SSE,
// reasoning from `reasoning_content`, `reasoning` or think tags, llama.cpp's prompt progress and timings;
// POST /completions and /embeddings; GET /models.
#pragma once

#include "upstream/Generation.h"
#include "upstream/SseParser.h"
#include "upstream/UpstreamProvider.h"

struct OpenAiChunk;

class OpenAiChat : public Generation
{
    Q_OBJECT

public:
    OpenAiChat(const UpstreamProvider &provider, const ChatRequest &request, QObject *parent);

    // What goes upstream: the client's own body when it speaks OpenAI's API (unknown fields included),
    // else the mapping of it; always streamed, with usage.
    static QByteArray upstreamBody(const ChatRequest &request);

protected:
    // A request of another OpenAI-shaped kind (text completions): POSTs what `write` makes of `request` to
    // `path`, read as this is.
    OpenAiChat(const UpstreamProvider &provider, const ChatRequest &request, WireApi wire,
        const QString &path, QByteArray (*write)(const ChatRequest &), QObject *parent);

    void readBody(const QByteArray &bytes) override;
    void endOfBody() override;

private:
    void readChunk(const OpenAiChunk &chunk);
    void readChoice(const OpenAiChunk &chunk);
    // A server that ignored stream:true: its one JSON document.
    void readCompletion(const OpenAiChunk &completion);
    void finishWithWhatWasSaid();

    SseParser m_events;
    bool m_eventStream = true;
    QByteArray m_wholeBody;
    std::optional<QString> m_finishReason;
    std::optional<TokenUsage> m_usage;
    std::optional<UpstreamDurations> m_durations;
};

class OpenAiProvider : public UpstreamProvider
{
    Q_OBJECT

public:
    explicit OpenAiProvider(UpstreamConfig config)
        : UpstreamProvider(std::move(config))
    { }

    Generation *startChat(const ChatRequest &request, QObject *parent) override;
    void listModels(ModelsDone done) override;
};
