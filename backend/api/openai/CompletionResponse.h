// SPDX-License-Identifier: MIT
// Answers one /v1/chat/completions request from its Generation: as SSE chunks the moment each arrives,
// or as one completion object at the end.
//
// From an OpenAI-compatible upstream the upstream's own chunks go on (OpenAiChatRelay): logprobs,
// system_fingerprint, usage details, timings and anything else it sent reach the client, and a client
// that did not stream gets them assembled into one completion (OpenAiChatAssembler). From Ollama, the
// chunks are written from the deltas (CompletionFormatter), with usage from Ollama's counts and the
// finish reason from its done_reason.
#pragma once

#include "api/GenerationResponse.h"
#include "chat/CompletionRequest.h"
#include "protocols/openai/CompletionFormatter.h"
#include "protocols/openai/OpenAiChatAssembler.h"
#include "protocols/openai/OpenAiChatRelay.h"

class CompletionResponse : public GenerationResponse
{
    Q_OBJECT

public:
    // Lives as a child of the responder; the generation should be its child, so they end together.
    static CompletionResponse *create(
        const CompletionRequest &request, HttpResponder &responder, int keepAliveMs);

private:
    CompletionResponse(const CompletionRequest &request, HttpResponder &responder, int keepAliveMs);

    void onUpstreamData(const QByteArray &data, const QByteArray &eventName) override;
    void onContent(const QString &text) override;
    void onReasoning(const QString &text) override;
    void onToolCalls(const QJsonArray &fragments) override;
    void onStreamBegun() override;
    void onFinished(const GenerationOutcome &outcome) override;
    void sendError(const ApiError &error) override;
    QByteArray errorEvent(const ApiError &error) const override;

    CompletionRequest m_request;
    CompletionFormatter m_format;
    std::optional<OpenAiChatRelay> m_relay; // made once the upstream's name of the model is known
    OpenAiChatAssembler m_assembler;
    bool m_doneWritten = false; // the upstream's own [DONE] went out
};
