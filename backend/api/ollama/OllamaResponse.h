// SPDX-License-Identifier: MIT
// Answers one Ollama /api/chat or /api/generate request: NDJSON lines as they come (Ollama's default), or
// one object for stream:false. From an Ollama upstream its own lines go on as they came (the model renamed
// only when the client named it with an upstream's prefix); a client that did not stream gets them joined as
// Ollama would (OllamaAssembler). From an OpenAI-compatible upstream the lines are written from the deltas:
// message.content / response, message.thinking / thinking, tool calls whole, and the last line with
// done_reason (from the finish reason), prompt_eval_count and eval_count (from usage) and the durations the
// upstream reported (llama.cpp's timings) or, where it reported none, the ones Ponder measured.
#pragma once

#include "api/GenerationResponse.h"
#include "chat/CompletionRequest.h"
#include "protocols/ollama/OllamaAssembler.h"

#include <QElapsedTimer>

class OllamaResponse : public GenerationResponse
{
    Q_OBJECT

public:
    static OllamaResponse *create(
        const CompletionRequest &request, HttpResponder &responder, int keepAliveMs);
    // Ollama's error shape: {"error": "..."} with the status.
    static void sendOllamaError(HttpResponder &responder, const ApiError &error);

private:
    OllamaResponse(const CompletionRequest &request, HttpResponder &responder, int keepAliveMs);

    void onUpstreamData(const QByteArray &data, const QByteArray &eventName) override;
    void onContent(const QString &text) override;
    void onReasoning(const QString &text) override;
    void onFinished(const GenerationOutcome &outcome) override;
    void sendError(const ApiError &error) override;
    QByteArray errorEvent(const ApiError &error) const override;

    bool isChat() const { return m_request.upstream.api == WireApi::OllamaChat; }
    QJsonObject line(const QString &content, const QString &thinking) const;
    QJsonObject lastLine(const GenerationOutcome &outcome) const;
    void writeLine(const QJsonObject &object);

    CompletionRequest m_request;
    OllamaAssembler m_assembler;
    QByteArray m_modelPrefix;
    QElapsedTimer m_elapsed;
    qint64 m_firstTokenNs = -1;
};
