#include "api/openai/CompletionResponse.h"

#include "http/HttpResponder.h"
#include "upstream/Generation.h"

CompletionResponse *CompletionResponse::create(
    const CompletionRequest &request, HttpResponder &responder, int keepAliveMs)
{
    return new CompletionResponse(request, responder, keepAliveMs);
}

CompletionResponse::CompletionResponse(
    const CompletionRequest &request, HttpResponder &responder, int keepAliveMs)
    : QObject(&responder)
    , m_request(request)
    , m_responder(&responder)
    , m_format(request.model)
{
    responder.addHeader("X-Session-Id", request.sessionId.toUtf8());
    connect(&responder, &HttpResponder::clientDisconnected, this, [this] {
        if (m_generation)
            m_generation->abort();
    });
    m_keepAlive.setInterval(keepAliveMs);
    connect(&m_keepAlive, &QTimer::timeout, this, &CompletionResponse::onKeepAlive);
    if (m_request.stream)
        m_keepAlive.start();
}

void CompletionResponse::attach(Generation *generation)
{
    m_generation = generation;
    connect(generation, &Generation::stageChanged, this, [this](Generation::Stage stage) {
        if (stage == Generation::Stage::WaitingForFirstToken && m_request.stream)
            beginStream();
    });
    connect(generation, &Generation::contentDelta, this, &CompletionResponse::onContent);
    connect(generation, &Generation::reasoningDelta, this, &CompletionResponse::onReasoning);
    connect(generation, &Generation::toolCallsDelta, this, &CompletionResponse::onToolCalls);
    connect(generation, &Generation::finished, this, &CompletionResponse::onFinished);
    connect(generation, &Generation::failed, this,
        [this](const UpstreamError &error) { fail(error.toApiError()); });
}

void CompletionResponse::beginStream()
{
    if (!m_responder || m_responder->hasResponded())
        return;
    m_responder->addHeader("Cache-Control", "no-cache");
    m_responder->addHeader("X-Accel-Buffering", "no"); // tells nginx-style proxies not to buffer
    m_responder->beginStream(200, "text/event-stream; charset=utf-8");
    write(m_format.role());
}

void CompletionResponse::write(const QByteArray &event)
{
    if (m_responder && m_responder->writeChunk(event))
        m_keepAlive.start(); // silence is counted from the last write
}

void CompletionResponse::onContent(const QString &text)
{
    if (m_request.stream) {
        beginStream();
        write(m_format.content(text));
    }
}

void CompletionResponse::onReasoning(const QString &text)
{
    if (m_request.stream) {
        beginStream();
        write(m_format.reasoning(text));
    }
}

void CompletionResponse::onToolCalls(const QJsonArray &fragments)
{
    if (m_request.stream) {
        beginStream();
        write(m_format.toolCalls(fragments));
    }
}

void CompletionResponse::onFinished(const GenerationOutcome &outcome)
{
    m_keepAlive.stop();
    if (!m_responder)
        return;
    if (!m_request.stream)
        return m_responder->sendJson(200, m_format.completion(m_generation->transcript(), outcome));
    beginStream();
    write(m_format.finish(outcome.finishReason));
    // Only the upstream's own count is reported; a usage chunk is never made up.
    if (m_request.includeUsage && outcome.usage)
        write(m_format.usage(*outcome.usage));
    write(CompletionFormatter::done());
    m_responder->endStream();
}

void CompletionResponse::fail(const ApiError &error)
{
    m_keepAlive.stop();
    if (!m_responder)
        return;
    if (!m_responder->isStreaming())
        return sendApiError(*m_responder, error);
    // Mid-stream the status is gone: the error travels as an event (the SDKs throw on it), then the
    // stream ends cleanly. No content is ever invented in its place.
    write(CompletionFormatter::error(error));
    m_responder->endStream();
}

void CompletionResponse::onKeepAlive()
{
    if (!m_responder)
        return;
    beginStream();
    write(QByteArrayLiteral(": keep-alive\n\n"));
}
