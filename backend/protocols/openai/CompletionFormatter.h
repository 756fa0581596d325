// SPDX-License-Identifier: MIT
// Writes one response in OpenAI's chat completion format: the SSE chunks of a stream, or the whole
// completion object. Every chunk of a response carries the same id and created time.
#pragma once

#include "chat/ReasoningField.h"
#include "http/ApiError.h"
#include "upstream/CompletionTranscript.h"

#include <QByteArray>

class CompletionFormatter
{
public:
    explicit CompletionFormatter(
        QString model, ReasoningField reasoningField = ReasoningField::ReasoningContent);

    // "data: {...}\n\n" events; the first chunk of a stream must be role().
    QByteArray role() const;
    QByteArray content(const QString &text) const;
    QByteArray reasoning(const QString &text) const;
    QByteArray toolCalls(const QJsonArray &fragments) const;
    QByteArray finish(const QString &finishReason) const;
    QByteArray usage(const TokenUsage &usage) const;
    static QByteArray error(const ApiError &error);
    static QByteArray done() { return QByteArrayLiteral("data: [DONE]\n\n"); }

    QJsonObject completion(const CompletionTranscript &transcript, const GenerationOutcome &outcome) const;

private:
    QByteArray chunk(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue::Null) const;
    QJsonObject envelope(const QString &object) const;

    QString m_id;
    qint64 m_created;
    QString m_model;
    ReasoningField m_reasoningField;
};
