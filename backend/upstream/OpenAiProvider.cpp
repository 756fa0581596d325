#include "upstream/OpenAiProvider.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

std::optional<TokenUsage> usageFrom(const QJsonValue &usage)
{
    if (!usage.isObject())
        return std::nullopt;
    return TokenUsage {usage["prompt_tokens"_L1].toInteger(), usage["completion_tokens"_L1].toInteger()};
}

} // namespace

OpenAiChat::OpenAiChat(const UpstreamProvider &provider, const ChatRequest &request, QObject *parent)
    : Generation(provider.name(), request.model, parent)
{
    QJsonObject body = request.body;
    body.insert("model"_L1, request.model);
    // Always stream from the upstream, with usage: watchers see progress even when the client asked
    // for one whole answer, and the usage reported is the upstream's own count.
    body.insert("stream"_L1, true);
    body.insert("stream_options"_L1, QJsonObject {{"include_usage"_L1, true}});
    HttpStreamClient::Request post = provider.request(
        "POST", QStringLiteral("/chat/completions"), QJsonDocument(body).toJson(QJsonDocument::Compact));
    post.headers.append(qMakePair(QByteArray("Accept"), QByteArray("text/event-stream")));
    start(post);
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
    for (const SseEvent &event : m_events.feed(bytes)) {
        if (!isRunning())
            return;
        readEvent(event.data);
    }
    if (m_events.hasFailed())
        fail(UpstreamError::badGateway(
            QStringLiteral("upstream '%1' sent %2").arg(upstreamName(), m_events.error())));
}

void OpenAiChat::readEvent(const QByteArray &data)
{
    if (data.trimmed() == "[DONE]") {
        m_finishReason = m_finishReason.value_or(QStringLiteral("stop"));
        return finishWithWhatWasSaid();
    }
    const QJsonObject chunk = QJsonDocument::fromJson(data).object();
    if (chunk.isEmpty())
        return fail(UpstreamError::badGateway(
            QStringLiteral("upstream '%1' sent an event that is not a JSON object").arg(upstreamName())));
    if (chunk.contains("error"_L1)) {
        const QJsonValue error = chunk.value("error"_L1);
        const QString message
            = error.isObject() ? error["message"_L1].toString() : error.toVariant().toString();
        return fail(
            UpstreamError::badGateway(QStringLiteral("upstream '%1': %2").arg(upstreamName(), message)));
    }
    if (auto usage = usageFrom(chunk.value("usage"_L1)))
        m_usage = usage;
    const QJsonArray choices = chunk.value("choices"_L1).toArray();
    if (!choices.isEmpty())
        readChoice(choices.first().toObject(), false);
}

void OpenAiChat::readChoice(const QJsonObject &choice, bool whole)
{
    const QJsonObject delta = choice.value(whole ? "message"_L1 : "delta"_L1).toObject();
    // llama.cpp and LM Studio say reasoning_content; Ollama's /v1 and gpt-oss servers say reasoning.
    emitReasoning(delta.value("reasoning_content"_L1).toString());
    emitReasoning(delta.value("reasoning"_L1).toString());
    if (const QString content = delta.value("content"_L1).toString(); !content.isEmpty())
        emitContent(content);
    if (delta.value("tool_calls"_L1).isArray()) {
        QJsonArray fragments = delta.value("tool_calls"_L1).toArray();
        for (qsizetype i = 0; i < fragments.size(); ++i) {
            QJsonObject fragment = fragments.at(i).toObject();
            if (!fragment.contains("index"_L1))
                fragment.insert("index"_L1, int(i));
            fragments.replace(i, fragment);
        }
        emitToolCalls(fragments);
    }
    if (choice.value("finish_reason"_L1).isString())
        m_finishReason = choice.value("finish_reason"_L1).toString();
}

void OpenAiChat::endOfBody()
{
    if (!isRunning())
        return;
    if (!m_eventStream) {
        const QJsonObject completion = QJsonDocument::fromJson(m_wholeBody).object();
        if (completion.contains("error"_L1) || !completion.value("choices"_L1).isArray())
            return fail(UpstreamError::badGateway(
                QStringLiteral("upstream '%1' answered without choices: %2")
                    .arg(upstreamName(), UpstreamError::messageFromBody(m_wholeBody))));
        m_usage = usageFrom(completion.value("usage"_L1));
        readChoice(completion.value("choices"_L1).toArray().first().toObject(), true);
        return finishWithWhatWasSaid();
    }
    // Some servers end without [DONE]; a stream that said how it finished is complete anyway.
    if (m_finishReason)
        return finishWithWhatWasSaid();
    fail(cutOff(QStringLiteral("upstream '%1' ended the stream before it was done").arg(upstreamName())));
}

void OpenAiChat::finishWithWhatWasSaid()
{
    if (!m_finishReason)
        return fail(UpstreamError::badGateway(
            QStringLiteral("upstream '%1' ended the stream without a finish reason").arg(upstreamName())));
    GenerationOutcome outcome;
    outcome.finishReason = *m_finishReason;
    outcome.usage = m_usage;
    finish(outcome);
}

Generation *OpenAiProvider::startChat(const ChatRequest &request, QObject *parent)
{
    return new OpenAiChat(*this, request, parent);
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
