// SPDX-License-Identifier: MIT
#include "upstream/OllamaProvider.h"

#include "upstream/EmbeddingCall.h"
#include "upstream/OllamaChunk.h"
#include "upstream/OllamaGenerate.h"
#include "upstream/OllamaRequest.h"
#include "upstream/RelayedBody.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

OllamaChat::OllamaChat(const UpstreamProvider &provider, const ChatRequest &request, QObject *parent)
    : OllamaStream(provider.name(), request.model, WireApi::OllamaChat, parent)
{
    parseUnitsWith(&OllamaChunk::fromLine, &OllamaChat::readChunk);
    post(provider.request("POST", QStringLiteral("/api/chat")), request, [request] {
        const ChatRequest ollama = request.api == WireApi::OllamaChat
            ? request
            : ChatRequest::written(WireApi::OllamaChat, request.model, toOllamaChatBody(request));
        // Streamed even for a client that asked for one answer: watchers see it as it comes.
        return RelayedBody::write(
            ollama, {{QStringLiteral("model"), request.model}, {QStringLiteral("stream"), true}});
    });
}

void OllamaChat::readChunk(const OllamaChunk &chunk)
{
    if (failsOn(chunk))
        return;

    emitReasoning(chunk.thinking);
    if (!chunk.content.isEmpty())
        emitContent(chunk.content);
    QJsonArray fragments;
    for (const OllamaChunk::ToolCall &call : chunk.toolCalls) {
        fragments.append(QJsonObject {{QStringLiteral("index"), m_toolCalls++},
            {QStringLiteral("id"),
                QStringLiteral("call_") + QUuid::createUuid().toString(QUuid::Id128).left(24)},
            {QStringLiteral("type"), QStringLiteral("function")},
            {QStringLiteral("function"),
                QJsonObject {
                    {QStringLiteral("name"), call.name}, {QStringLiteral("arguments"), call.arguments}}}});
    }
    emitToolCalls(fragments);

    if (!chunk.done)
        return;
    GenerationOutcome outcome;
    outcome.finishReason = m_toolCalls > 0            ? QStringLiteral("tool_calls")
        : chunk.doneReason == QLatin1String("length") ? QStringLiteral("length")
                                                      : QStringLiteral("stop");
    outcome.usage = chunk.usage;
    outcome.durations = chunk.durations;
    finish(outcome);
}

Generation *OllamaProvider::startChat(const ChatRequest &request, QObject *parent)
{
    switch (request.api) {
    case WireApi::OpenAiChat:
    case WireApi::OllamaChat:
        return new OllamaChat(*this, request, parent);
    case WireApi::OpenAiCompletions:
    case WireApi::OllamaGenerate:
        return new OllamaGenerate(*this, request, parent);
    case WireApi::OpenAiEmbeddings:
    case WireApi::OllamaEmbed:
        return new EmbeddingCall(*this, request, WireApi::OllamaEmbed, parent);
    }
    return nullptr;
}

void OllamaProvider::listModels(ModelsDone done)
{
    fetchJson(
        QStringLiteral("/api/tags"), [done](std::optional<QJsonObject> json, const UpstreamError &error) {
            if (!json)
                return done(std::nullopt, error);
            QList<ModelInfo> models;
            for (const QJsonValue &entry : json->value(QLatin1String("models")).toArray()) {
                ModelInfo model;
                model.id = entry[QLatin1String("name")].toString();
                if (model.id.isEmpty())
                    model.id = entry[QLatin1String("model")].toString();
                const QDateTime modified = QDateTime::fromString(
                    entry[QLatin1String("modified_at")].toString(), Qt::ISODateWithMs);
                model.created = modified.isValid() ? modified.toSecsSinceEpoch() : 0;
                model.ownedBy = QStringLiteral("ollama");
                const QJsonObject details = entry[QLatin1String("details")].toObject();
                model.parameterSize = details.value(QLatin1String("parameter_size")).toString();
                model.family = details.value(QLatin1String("family")).toString();
                if (!model.id.isEmpty())
                    models.append(model);
            }
            done(models, {});
        });
}

void OllamaProvider::describeModel(
    const QString &model, std::function<void(std::optional<ModelCapabilities>)> done)
{
    if (const auto known = m_described.constFind(model); known != m_described.cend())
        return done(*known);
    fetchJson("POST", QStringLiteral("/api/show"), {{QStringLiteral("model"), model}},
        [this, model, done](std::optional<QJsonObject> json, const UpstreamError &) {
            if (!json)
                return done(std::nullopt); // an older Ollama, or the model went: nothing to say
            ModelCapabilities described;
            for (const QJsonValue &capability : json->value(QLatin1String("capabilities")).toArray())
                described.capabilities << capability.toString();
            const QJsonObject details = json->value(QLatin1String("details")).toObject();
            described.parameterSize = details.value(QLatin1String("parameter_size")).toString();
            described.family = details.value(QLatin1String("family")).toString();
            m_described.insert(model, described);
            done(described);
        });
}
