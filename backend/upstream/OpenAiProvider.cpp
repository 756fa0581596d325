// SPDX-License-Identifier: MIT
#include "upstream/OpenAiProvider.h"

#include "upstream/EmbeddingCall.h"
#include "upstream/OpenAiChunk.h"
#include "upstream/OpenAiCompletion.h"
#include "upstream/OpenAiRequest.h"

using namespace Qt::StringLiterals;

QByteArray OpenAiChat::upstreamBody(const ChatRequest &request)
{
    if (request.api == WireApi::OpenAiChat)
        return streamedWithUsage(request);
    return streamedWithUsage(
        ChatRequest::written(WireApi::OpenAiChat, request.model, toOpenAiChatBody(request)));
}

OpenAiChat::OpenAiChat(const UpstreamProvider &provider, const ChatRequest &request, QObject *parent)
    : OpenAiChat(
        provider, request, WireApi::OpenAiChat, QStringLiteral("/chat/completions"), &upstreamBody, parent)
{ }

OpenAiChat::OpenAiChat(const UpstreamProvider &provider, const ChatRequest &request, WireApi wire,
    const QString &path, QByteArray (*write)(const ChatRequest &), QObject *parent)
    : Generation(provider.name(), request.model, wire, parent)
{
    parseUnitsWith(&OpenAiChunk::fromEvent, &OpenAiChat::readChunk);
    HttpStreamClient::Request ask = provider.request("POST", path);
    ask.headers.append(qMakePair(QByteArray("Accept"), QByteArray("text/event-stream")));
    post(ask, request, [request, write] { return write(request); });
}

void OpenAiChat::readBody(const QByteArray &bytes)
{
    // A server that ignores stream:true answers with one JSON document.
    m_eventStream = !responseHeader("content-type").contains("application/json");
    if (!m_eventStream) {
        if (m_wholeBody.size() + bytes.size() > UpstreamLimits::MaxWholeBodyBytes)
            return fail(UpstreamError::badGateway(QStringLiteral("upstream '%1' sent an answer over %2 bytes")
                                                      .arg(upstreamName())
                                                      .arg(UpstreamLimits::MaxWholeBodyBytes)));
        m_wholeBody += bytes;
        return;
    }
    QList<AnswerUnit> events;
    for (const SseEvent &event : m_events.feed(bytes))
        events.append({event.data, event.event});
    readUnits(events, [this] {
        if (m_events.hasFailed())
            fail(UpstreamError::badGateway(
                QStringLiteral("upstream '%1' sent %2").arg(upstreamName(), m_events.error())));
    });
}

void OpenAiChat::readChunk(const OpenAiChunk &chunk)
{
    switch (chunk.kind) {
    case OpenAiChunk::Kind::Done:
        m_finishReason = m_finishReason.value_or(QStringLiteral("stop"));
        return finishWithWhatWasSaid();
    case OpenAiChunk::Kind::NotAnObject:
        return fail(UpstreamError::badGateway(
            QStringLiteral("upstream '%1' sent an event that is not a JSON object").arg(upstreamName())));
    case OpenAiChunk::Kind::Error: {
        UpstreamError error = UpstreamError::badGateway(
            QStringLiteral("upstream '%1': %2").arg(upstreamName(), chunk.errorMessage));
        error.inStream = true;
        error.said = chunk.errorMessage;
        return fail(error);
    }
    case OpenAiChunk::Kind::Delta:
        break;
    }
    if (chunk.usage)
        m_usage = chunk.usage;
    if (chunk.durations)
        m_durations = chunk.durations;
    if (chunk.promptProgress)
        emitPromptProgress(*chunk.promptProgress);
    readChoice(chunk);
}

void OpenAiChat::readChoice(const OpenAiChunk &chunk)
{
    emitReasoning(chunk.reasoningContent);
    emitReasoning(chunk.reasoning);
    if (!chunk.content.isEmpty())
        emitContent(chunk.content);
    if (!chunk.text.isEmpty()) // a text completion's
        emitContent(chunk.text);
    if (chunk.toolCalls)
        emitToolCalls(*chunk.toolCalls);
    if (chunk.finishReason)
        m_finishReason = chunk.finishReason;
}

void OpenAiChat::endOfBody()
{
    if (!isRunning())
        return;
    if (!m_eventStream) {
        relay(m_wholeBody);
        return parseWhole(m_wholeBody, &OpenAiChunk::fromCompletion, &OpenAiChat::readCompletion);
    }
    // Some servers end without [DONE]; a stream that said how it finished is complete anyway.
    if (m_finishReason)
        return finishWithWhatWasSaid();
    fail(cutOff(QStringLiteral("upstream '%1' ended the stream before it was done").arg(upstreamName())));
}

void OpenAiChat::readCompletion(const OpenAiChunk &completion)
{
    if (completion.kind != OpenAiChunk::Kind::Delta)
        return fail(
            UpstreamError::badGateway(QStringLiteral("upstream '%1' answered without choices: %2")
                                          .arg(upstreamName(), UpstreamError::messageFromBody(m_wholeBody))));
    m_usage = completion.usage;
    m_durations = completion.durations;
    readChoice(completion);
    finishWithWhatWasSaid();
}

void OpenAiChat::finishWithWhatWasSaid()
{
    if (!m_finishReason)
        return fail(UpstreamError::badGateway(
            QStringLiteral("upstream '%1' ended the stream without a finish reason").arg(upstreamName())));
    GenerationOutcome outcome;
    outcome.finishReason = *m_finishReason;
    outcome.usage = m_usage;
    outcome.durations = m_durations;
    finish(outcome);
}

Generation *OpenAiProvider::startChat(const ChatRequest &request, QObject *parent)
{
    switch (request.api) {
    case WireApi::OpenAiChat:
    case WireApi::OllamaChat:
        return new OpenAiChat(*this, request, parent);
    case WireApi::OllamaGenerate:
        // Ollama applies the model's template to a prompt, as a chat request does; a raw prompt or one
        // with a suffix (fill in the middle) is a text completion.
        if (request.body.value("raw"_L1).toBool() || request.body.value("suffix"_L1).isString())
            return new OpenAiCompletion(*this, request, parent);
        return new OpenAiChat(*this, request, parent);
    case WireApi::OpenAiCompletions:
        return new OpenAiCompletion(*this, request, parent);
    case WireApi::OpenAiEmbeddings:
    case WireApi::OllamaEmbed:
        return new EmbeddingCall(*this, request, WireApi::OpenAiEmbeddings, parent);
    }
    return nullptr;
}

void OpenAiProvider::listModels(ModelsDone done)
{
    fetchJson(
        QStringLiteral("/models"), [this, done](std::optional<QJsonObject> json, const UpstreamError &error) {
            if (!json)
                return done(std::nullopt, error);
            QList<ModelInfo> models;
            for (const QJsonValue &entry : json->value("data"_L1).toArray()) {
                ModelInfo model;
                model.id = entry["id"_L1].toString();
                model.created = entry["created"_L1].toInteger();
                model.ownedBy = entry["owned_by"_L1].toString();
                if (model.ownedBy.isEmpty())
                    model.ownedBy = name();
                if (!model.id.isEmpty())
                    models.append(model);
            }
            done(models, {});
        });
}
