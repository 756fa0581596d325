// SPDX-License-Identifier: MIT
// Answers one legacy /v1/completions request: `text_completion` SSE chunks, or one object. From an
// OpenAI-compatible upstream its own chunks go on (OpenAiChatRelay without think-tag splitting: a text
// completion is text), assembled for a client that did not stream; from Ollama (a raw /api/generate) they
// are written from the deltas, with usage from Ollama's counts and the finish reason from done_reason.
#pragma once

#include "api/GenerationResponse.h"
#include "chat/CompletionRequest.h"
#include "protocols/openai/OpenAiChatAssembler.h"
#include "protocols/openai/OpenAiChatRelay.h"

class TextCompletionResponse : public GenerationResponse
{
    Q_OBJECT

public:
    static TextCompletionResponse *create(
        const CompletionRequest &request, HttpResponder &responder, int keepAliveMs);

private:
    TextCompletionResponse(const CompletionRequest &request, HttpResponder &responder, int keepAliveMs);

    void onUpstreamData(const QByteArray &data, const QByteArray &eventName) override;
    void onContent(const QString &text) override;
    void onFinished(const GenerationOutcome &outcome) override;
    void sendError(const ApiError &error) override;
    QByteArray errorEvent(const ApiError &error) const override;

    OpenAiChatRelay::Options relayOptions() const;
    QJsonObject chunk(const QString &text, const QJsonValue &finishReason) const;

    CompletionRequest m_request;
    std::optional<OpenAiChatRelay> m_relay;
    OpenAiChatAssembler m_assembler;
    QString m_id;
    qint64 m_created;
    bool m_doneWritten = false;
};
