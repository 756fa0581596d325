// SPDX-License-Identifier: MIT
#include "upstream/OllamaGenerate.h"

#include "upstream/OllamaChunk.h"
#include "upstream/OllamaProvider.h"
#include "upstream/OllamaRequest.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

OllamaGenerate::OllamaGenerate(const UpstreamProvider &provider, const ChatRequest &request, QObject *parent)
    : Generation(provider.name(), request.model, WireApi::OllamaGenerate, parent)
{
    QJsonObject body = request.api == WireApi::OllamaGenerate ? request.body : toOllamaGenerateBody(request);
    body.insert("model"_L1, request.model);
    body.insert("stream"_L1, true); // watchers see it as it comes, whatever the client asked
    start(provider.request(
        "POST", QStringLiteral("/api/generate"), QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

void OllamaGenerate::readBody(const QByteArray &bytes)
{
    for (const QByteArray &line : m_lines.feed(bytes)) {
        if (!isRunning())
            return;
        relay(line);
        readLine(line);
    }
    if (m_lines.hasFailed())
        fail(UpstreamError::badGateway(
            QStringLiteral("upstream '%1' sent %2").arg(upstreamName(), m_lines.error())));
}

void OllamaGenerate::endOfBody()
{
    if (const QByteArray last = m_lines.rest().trimmed(); !last.isEmpty() && isRunning()) {
        relay(last);
        readLine(last);
    }
    if (isRunning())
        fail(UpstreamError::badGateway(
            QStringLiteral("upstream '%1' ended the stream before it was done").arg(upstreamName())));
}

void OllamaGenerate::readLine(const QByteArray &line)
{
    const QJsonObject chunk = QJsonDocument::fromJson(line).object();
    if (chunk.isEmpty())
        return fail(UpstreamError::badGateway(
            QStringLiteral("upstream '%1' sent a line that is not a JSON object").arg(upstreamName())));
    if (chunk.contains("error"_L1)) {
        UpstreamError error = UpstreamError::badGateway(
            QStringLiteral("upstream '%1': %2").arg(upstreamName(), UpstreamError::messageFromBody(line)));
        error.inStream = true;
        return fail(error);
    }
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
