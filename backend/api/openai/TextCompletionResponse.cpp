// SPDX-License-Identifier: MIT
#include "api/openai/TextCompletionResponse.h"

#include "http/HttpResponder.h"
#include "http/SseDataEvent.h"
#include "protocols/openai/CompletionFormatter.h"
#include "upstream/Generation.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

TextCompletionResponse *TextCompletionResponse::create(
    const CompletionRequest &request, HttpResponder &responder, int keepAliveMs)
{
    return new TextCompletionResponse(request, responder, keepAliveMs);
}

TextCompletionResponse::TextCompletionResponse(
    const CompletionRequest &request, HttpResponder &responder, int keepAliveMs)
    : GenerationResponse({WireApi::OpenAiCompletions, request.stream, "text/event-stream; charset=utf-8",
                             QByteArrayLiteral(": keep-alive\n\n")},
        request.sessionId, responder, keepAliveMs)
    , m_request(request)
    , m_id(QStringLiteral("cmpl-") + QUuid::createUuid().toString(QUuid::Id128).left(24))
    , m_created(QDateTime::currentSecsSinceEpoch())
{ }

OpenAiChatRelay::Options TextCompletionResponse::relayOptions() const
{
    OpenAiChatRelay::Options options;
    options.clientAskedUsage = m_request.includeUsage;
    options.splitThinkTags = false;
    const QString upstreamModel = generation()->model();
    if (m_request.model != upstreamModel && m_request.model.endsWith(QLatin1Char('/') + upstreamModel))
        options.modelPrefix = m_request.model.chopped(upstreamModel.size()).toUtf8();
    return options;
}

void TextCompletionResponse::onUpstreamData(const QByteArray &data, const QByteArray &)
{
    if (!isStreaming())
        return m_assembler.add(data);
    if (!m_relay)
        m_relay.emplace(relayOptions());
    beginStream();
    for (const QByteArray &event : m_relay->feed(data)) {
        m_doneWritten = m_doneWritten || QByteArrayView(event).trimmed() == "[DONE]";
        writeSseData(event);
    }
}

QJsonObject TextCompletionResponse::chunk(const QString &text, const QJsonValue &finishReason) const
{
    return {{"id"_L1, m_id}, {"object"_L1, "text_completion"_L1}, {"created"_L1, m_created},
        {"model"_L1, m_request.model},
        {"choices"_L1,
            QJsonArray {QJsonObject {{"text"_L1, text}, {"index"_L1, 0}, {"logprobs"_L1, QJsonValue::Null},
                {"finish_reason"_L1, finishReason}}}}};
}

void TextCompletionResponse::onContent(const QString &text)
{
    if (!isStreaming())
        return;
    beginStream();
    write(sseDataEvent(compact(chunk(text, QJsonValue::Null))));
}

void TextCompletionResponse::onFinished(const GenerationOutcome &outcome)
{
    if (isRelaying()) {
        if (!isStreaming())
            return sendAnswer(m_assembler.completion(relayOptions()));
        beginStream();
        for (const QByteArray &event : m_relay ? m_relay->finish() : QList<QByteArray> {})
            writeSseData(event);
        if (!m_doneWritten)
            write(CompletionFormatter::done());
        return endStream();
    }
    if (!isStreaming()) {
        QJsonObject whole = chunk(generation()->transcript().content, outcome.finishReason);
        whole.insert(
            "usage"_L1, outcome.usage ? QJsonValue(outcome.usage->toJson()) : QJsonValue(QJsonValue::Null));
        return sendAnswer(whole);
    }
    beginStream();
    write(sseDataEvent(compact(chunk(QString(), outcome.finishReason))));
    if (m_request.includeUsage && outcome.usage) {
        QJsonObject usage = chunk(QString(), QJsonValue::Null);
        usage.insert("choices"_L1, QJsonArray {});
        usage.insert("usage"_L1, outcome.usage->toJson());
        write(sseDataEvent(compact(usage)));
    }
    write(CompletionFormatter::done());
    endStream();
}

void TextCompletionResponse::sendError(const ApiError &error)
{
    if (responder())
        sendApiError(*responder(), error);
}

QByteArray TextCompletionResponse::errorEvent(const ApiError &error) const
{
    return CompletionFormatter::error(error);
}
