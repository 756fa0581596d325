// SPDX-License-Identifier: MIT
#include "api/openai/CompletionResponse.h"

#include "http/HttpResponder.h"
#include "http/SseDataEvent.h"
#include "upstream/Generation.h"

#include <QJsonDocument>

namespace {

// What the relay changes: `upstreamModel` is the upstream's own name of the model the client named.
OpenAiChatRelay::Options relayOptions(const CompletionRequest &request, const QString &upstreamModel)
{
    OpenAiChatRelay::Options options;
    options.reasoningField = request.reasoningField;
    options.clientAskedUsage = request.includeUsage;
    if (request.model != upstreamModel && request.model.endsWith(QLatin1Char('/') + upstreamModel))
        options.modelPrefix = request.model.chopped(upstreamModel.size()).toUtf8();
    return options;
}

} // namespace

CompletionResponse *CompletionResponse::create(
    const CompletionRequest &request, HttpResponder &responder, int keepAliveMs)
{
    return new CompletionResponse(request, responder, keepAliveMs);
}

CompletionResponse::CompletionResponse(
    const CompletionRequest &request, HttpResponder &responder, int keepAliveMs)
    : GenerationResponse({WireApi::OpenAiChat, request.stream, "text/event-stream; charset=utf-8",
                             QByteArrayLiteral(": keep-alive\n\n")},
        request.sessionId, responder, keepAliveMs)
    , m_request(request)
    , m_format(request.model, request.reasoningField)
{ }

void CompletionResponse::onUpstreamData(const QByteArray &data, const QByteArray &)
{
    if (!isStreaming())
        return m_assembler.add(data);
    if (!m_relay)
        m_relay.emplace(relayOptions(m_request, generation()->model()));
    beginStream();
    for (const QByteArray &event : m_relay->feed(data)) {
        m_doneWritten = m_doneWritten || QByteArrayView(event).trimmed() == "[DONE]";
        writeSseData(event);
    }
}

void CompletionResponse::onStreamBegun()
{
    write(m_format.role());
}

void CompletionResponse::onContent(const QString &text)
{
    if (isStreaming()) {
        beginStream();
        write(m_format.content(text));
    }
}

void CompletionResponse::onReasoning(const QString &text)
{
    if (isStreaming()) {
        beginStream();
        write(m_format.reasoning(text));
    }
}

void CompletionResponse::onToolCalls(const QJsonArray &fragments)
{
    if (isStreaming()) {
        beginStream();
        write(m_format.toolCalls(fragments));
    }
}

void CompletionResponse::onFinished(const GenerationOutcome &outcome)
{
    if (isRelaying()) {
        if (!isStreaming()) {
            return sendAnswer(m_assembler.completion(relayOptions(m_request, generation()->model())));
        }
        beginStream();
        for (const QByteArray &event : m_relay ? m_relay->finish() : QList<QByteArray> {})
            writeSseData(event);
        if (!m_doneWritten) // some servers end without it; Ponder's clients get it all the same
            write(CompletionFormatter::done());
        return endStream();
    }
    if (!isStreaming())
        return sendAnswer(m_format.completion(generation()->transcript(), outcome));
    beginStream();
    write(m_format.finish(outcome.finishReason));
    // Only the upstream's own count is reported; a usage chunk is never made up.
    if (m_request.includeUsage && outcome.usage)
        write(m_format.usage(*outcome.usage));
    write(CompletionFormatter::done());
    endStream();
}

void CompletionResponse::sendError(const ApiError &error)
{
    if (responder())
        sendApiError(*responder(), error);
}

QByteArray CompletionResponse::errorEvent(const ApiError &error) const
{
    return CompletionFormatter::error(error);
}
