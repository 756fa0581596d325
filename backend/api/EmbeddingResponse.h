// SPDX-License-Identifier: MIT
// Answers one embeddings request, OpenAI's /v1/embeddings or Ollama's /api/embed, with one JSON document.
// From an upstream of the client's API its answer goes on as it came (the model renamed only when the
// client named it with an upstream's prefix). Across APIs the vectors are carried over: OpenAI's `data`
// (floats, or base64 float32 when the client asked for it) and `usage.prompt_tokens`, Ollama's
// `embeddings` and `prompt_eval_count`, with the durations Ollama reported or Ponder measured.
#pragma once

#include "api/GenerationResponse.h"
#include "chat/CompletionRequest.h"

#include <QElapsedTimer>

class EmbeddingResponse : public GenerationResponse
{
    Q_OBJECT

public:
    static EmbeddingResponse *create(const CompletionRequest &request, HttpResponder &responder);

private:
    EmbeddingResponse(const CompletionRequest &request, HttpResponder &responder);

    void onAttached() override;
    void onUpstreamData(const QByteArray &data, const QByteArray &eventName) override;
    void onFinished(const GenerationOutcome &outcome) override;
    void sendError(const ApiError &error) override;
    QByteArray errorEvent(const ApiError &error) const override;

    QByteArray translated(const GenerationOutcome &outcome) const;

    CompletionRequest m_request;
    QByteArray m_answer;
    QElapsedTimer m_elapsed;
};
