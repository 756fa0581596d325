// SPDX-License-Identifier: MIT
#include "protocols/openai/CompletionFormatter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

namespace {

QByteArray event(const QJsonObject &json)
{
    return "data: " + QJsonDocument(json).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace

CompletionFormatter::CompletionFormatter(QString model, ReasoningField reasoningField)
    : m_id(QStringLiteral("chatcmpl-") + QUuid::createUuid().toString(QUuid::Id128).left(24))
    , m_created(QDateTime::currentSecsSinceEpoch())
    , m_model(std::move(model))
    , m_reasoningField(reasoningField)
{ }

QJsonObject CompletionFormatter::envelope(const QString &object) const
{
    return {{QStringLiteral("id"), m_id}, {QStringLiteral("object"), object},
        {QStringLiteral("created"), m_created}, {QStringLiteral("model"), m_model},
        {QStringLiteral("system_fingerprint"), QJsonValue::Null}};
}

QByteArray CompletionFormatter::chunk(const QJsonObject &delta, const QJsonValue &finishReason) const
{
    QJsonObject json = envelope(QStringLiteral("chat.completion.chunk"));
    json.insert(QStringLiteral("choices"),
        QJsonArray {QJsonObject {{QStringLiteral("index"), 0}, {QStringLiteral("delta"), delta},
            {QStringLiteral("logprobs"), QJsonValue::Null},
            {QStringLiteral("finish_reason"), finishReason}}});
    json.insert(QStringLiteral("usage"), QJsonValue::Null);
    return event(json);
}

QByteArray CompletionFormatter::role() const
{
    return chunk(
        {{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QString()}});
}

QByteArray CompletionFormatter::content(const QString &text) const
{
    return chunk({{QStringLiteral("content"), text}});
}

QByteArray CompletionFormatter::reasoning(const QString &text) const
{
    QJsonObject delta;
    for (const QString &name : reasoningFieldNames(m_reasoningField))
        delta.insert(name, text);
    return chunk(delta);
}

QByteArray CompletionFormatter::toolCalls(const QJsonArray &fragments) const
{
    return chunk({{QStringLiteral("tool_calls"), fragments}});
}

QByteArray CompletionFormatter::finish(const QString &finishReason) const
{
    return chunk({}, finishReason);
}

QByteArray CompletionFormatter::usage(const TokenUsage &usage) const
{
    QJsonObject json = envelope(QStringLiteral("chat.completion.chunk"));
    json.insert(QStringLiteral("choices"), QJsonArray {});
    json.insert(QStringLiteral("usage"), usage.toJson());
    return event(json);
}

QByteArray CompletionFormatter::error(const ApiError &error)
{
    return event(error.toJson());
}

QJsonObject CompletionFormatter::completion(
    const CompletionTranscript &transcript, const GenerationOutcome &outcome) const
{
    QJsonObject json = envelope(QStringLiteral("chat.completion"));
    QJsonObject message = transcript.message();
    if (message.contains(QLatin1String("reasoning_content"))) {
        const QJsonValue reasoning = message.take(QLatin1String("reasoning_content"));
        for (const QString &name : reasoningFieldNames(m_reasoningField))
            message.insert(name, reasoning);
    }
    json.insert(QStringLiteral("choices"),
        QJsonArray {QJsonObject {{QStringLiteral("index"), 0}, {QStringLiteral("message"), message},
            {QStringLiteral("logprobs"), QJsonValue::Null},
            {QStringLiteral("finish_reason"), outcome.finishReason}}});
    json.insert(QStringLiteral("usage"),
        outcome.usage ? QJsonValue(outcome.usage->toJson()) : QJsonValue(QJsonValue::Null));
    return json;
}
