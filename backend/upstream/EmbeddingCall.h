// SPDX-License-Identifier: MIT
// Embeddings at an upstream: one JSON request, one JSON answer read whole (POST /api/embed at Ollama,
// /embeddings at an OpenAI-compatible server). A Generation without deltas, so that it is a session, is
// counted against the concurrency limit, aborts with its client and fails like every other request; the
// answer goes out through upstreamData, and finished() carries the upstream's counts.
#pragma once

#include "upstream/Generation.h"
#include "upstream/UpstreamProvider.h"

class EmbeddingCall : public Generation
{
    Q_OBJECT

public:
    // `wire`: the API the upstream speaks, OllamaEmbed or OpenAiEmbeddings.
    EmbeddingCall(
        const UpstreamProvider &provider, const ChatRequest &request, WireApi wire, QObject *parent);

protected:
    void readBody(const QByteArray &bytes) override;
    void endOfBody() override;

private:
    static QJsonObject objectOf(const QByteArray &body);
    void readAnswer(const QJsonObject &answer);

    QByteArray m_body;
};
