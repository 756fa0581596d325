// SPDX-License-Identifier: MIT
#include "upstream/OllamaGenerate.h"

#include "upstream/OllamaChunk.h"
#include "upstream/OllamaProvider.h"
#include "upstream/OllamaRequest.h"
#include "upstream/RelayedBody.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

OllamaGenerate::OllamaGenerate(const UpstreamProvider &provider, const ChatRequest &request, QObject *parent)
    : OllamaStream(provider.name(), request.model, WireApi::OllamaGenerate, parent)
{
    parseUnitsWith(&OllamaChunk::fromGenerateLine, &OllamaGenerate::readChunk);
    post(provider.request("POST", QStringLiteral("/api/generate")), request, [request] {
        const ChatRequest ollama = request.api == WireApi::OllamaGenerate
            ? request
            : ChatRequest::written(WireApi::OllamaGenerate, request.model, toOllamaGenerateBody(request));
        // Streamed: watchers see it as it comes, whatever the client asked.
        return RelayedBody::write(ollama, {{"model"_L1, request.model}, {"stream"_L1, true}});
    });
}

void OllamaGenerate::readChunk(const OllamaChunk &chunk)
{
    if (failsOn(chunk))
        return;
    emitReasoning(chunk.thinking);
    if (!chunk.content.isEmpty())
        emitContent(chunk.content);
    if (!chunk.done)
        return;
    GenerationOutcome outcome;
    outcome.finishReason
        = chunk.doneReason == QLatin1String("length") ? QStringLiteral("length") : QStringLiteral("stop");
    outcome.usage = chunk.usage;
    outcome.durations = chunk.durations;
    finish(outcome);
}
