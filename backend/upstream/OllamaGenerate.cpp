// SPDX-License-Identifier: MIT
#include "upstream/OllamaGenerate.h"

#include "core/UpstreamJson.h"
#include "upstream/OllamaChunk.h"
#include "upstream/OllamaProvider.h"
#include "upstream/OllamaRequest.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

OllamaGenerate::OllamaGenerate(const UpstreamProvider &provider, const ChatRequest &request, QObject *parent)
    : OllamaStream(provider.name(), request.model, WireApi::OllamaGenerate, parent)
{
    QJsonObject body = request.api == WireApi::OllamaGenerate ? request.body : toOllamaGenerateBody(request);
    body.insert("model"_L1, request.model);
    body.insert("stream"_L1, true); // watchers see it as it comes, whatever the client asked
    start(provider.request(
        "POST", QStringLiteral("/api/generate"), QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

void OllamaGenerate::readLine(const QByteArray &line)
{
    const QJsonObject chunk = parseUpstreamJson(line).object();
    if (failsOn(line, !chunk.isEmpty(), chunk.contains("error"_L1)))
        return;
    emitReasoning(chunk.value("thinking"_L1).toString());
    if (const QString text = chunk.value("response"_L1).toString(); !text.isEmpty())
        emitContent(text);
    if (!chunk.value("done"_L1).toBool())
        return;
    GenerationOutcome outcome;
    outcome.finishReason = chunk.value("done_reason"_L1).toString() == QLatin1String("length")
        ? QStringLiteral("length")
        : QStringLiteral("stop");
    outcome.usage = OllamaChunk::usageOf(chunk);
    outcome.durations = OllamaChunk::durationsOf(chunk);
    finish(outcome);
}
