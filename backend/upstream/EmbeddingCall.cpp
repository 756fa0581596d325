// SPDX-License-Identifier: MIT
#include "upstream/EmbeddingCall.h"

#include "core/UpstreamJson.h"
#include "upstream/OllamaChunk.h"
#include "upstream/OllamaProvider.h"
#include "upstream/OllamaRequest.h"
#include "upstream/OpenAiRequest.h"
#include "upstream/RelayedBody.h"
#include "upstream/UpstreamLimits.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

EmbeddingCall::EmbeddingCall(
    const UpstreamProvider &provider, const ChatRequest &request, WireApi wire, QObject *parent)
    : Generation(provider.name(), request.model, wire, parent)
{
    const QString path
        = wire == WireApi::OllamaEmbed ? QStringLiteral("/api/embed") : QStringLiteral("/embeddings");
    post(provider.request("POST", path), request, [request, wire] {
        ChatRequest upstream = request;
        if (request.api != wire)
            upstream = ChatRequest::written(wire, request.model,
                wire == WireApi::OllamaEmbed ? toOllamaEmbedBody(request) : toOpenAiEmbeddingsBody(request));
        return RelayedBody::write(upstream, {{"model"_L1, request.model}});
    });
}

void EmbeddingCall::readBody(const QByteArray &bytes)
{
    if (m_body.size() + bytes.size() > UpstreamLimits::MaxWholeBodyBytes)
        return fail(UpstreamError::badGateway(QStringLiteral("upstream '%1' sent an answer over %2 bytes")
                                                  .arg(upstreamName())
                                                  .arg(UpstreamLimits::MaxWholeBodyBytes)));
    m_body += bytes;
}

void EmbeddingCall::endOfBody()
{
    if (!isRunning())
        return;
    parseWhole(m_body, &EmbeddingCall::objectOf, &EmbeddingCall::readAnswer);
}

QJsonObject EmbeddingCall::objectOf(const QByteArray &body)
{
    return parseUpstreamJson(body).object();
}

void EmbeddingCall::readAnswer(const QJsonObject &answer)
{
    const bool ollama = wire() == WireApi::OllamaEmbed;
    if (!answer.value(ollama ? "embeddings"_L1 : "data"_L1).isArray())
        return fail(
            UpstreamError::badGateway(QStringLiteral("upstream '%1' answered without embeddings: %2")
                                          .arg(upstreamName(), UpstreamError::messageFromBody(m_body))));
    relay(m_body);
    GenerationOutcome outcome;
    if (ollama) {
        if (answer.contains("prompt_eval_count"_L1))
            outcome.usage = TokenUsage {answer.value("prompt_eval_count"_L1).toInteger(), 0};
        outcome.durations = OllamaChunk::durationsOf(answer);
    } else if (answer.value("usage"_L1).isObject()) {
        outcome.usage = TokenUsage {answer.value("usage"_L1)["prompt_tokens"_L1].toInteger(), 0};
    }
    finish(outcome);
}
