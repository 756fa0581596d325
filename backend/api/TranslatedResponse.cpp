// SPDX-License-Identifier: MIT
#include "api/TranslatedResponse.h"

#include "api/WholeAnswer.h"
#include "http/HttpResponder.h"
#include "upstream/Generation.h"

#include <QJsonDocument>

TranslatedResponse *TranslatedResponse::create(std::unique_ptr<GenerationTranslation> translation,
    bool stream, const QString &sessionId, HttpResponder &responder, int keepAliveMs)
{
    return new TranslatedResponse(std::move(translation), stream, sessionId, responder, keepAliveMs);
}

TranslatedResponse::TranslatedResponse(std::unique_ptr<GenerationTranslation> translation, bool stream,
    const QString &sessionId, HttpResponder &responder, int keepAliveMs)
    : QObject(&responder)
    , m_translation(std::move(translation))
    , m_stream(stream)
    , m_responder(&responder)
{
    if (!stream)
        m_translation->answerWhole();
    responder.addHeader("X-Session-Id", sessionId.toUtf8());
    connect(&responder, &HttpResponder::clientDisconnected, this, [this] {
        if (m_generation)
            m_generation->abort();
    });
    m_keepAlive.setInterval(keepAliveMs);
    m_keepAlive.onTimeout([this] { onKeepAlive(); });
    if (m_stream)
        m_keepAlive.start();
}

void TranslatedResponse::attach(Generation *generation)
{
    m_generation = generation;
    connect(generation, &Generation::stageChanged, this, [this](Generation::Stage stage) {
        if (stage == Generation::Stage::WaitingForFirstToken)
            beginStream();
    });
    // A stream's opening events are written before the translation hears of the first delta, so its
    // events (and their sequence numbers) leave in the order it made them.
    connect(generation, &Generation::contentDelta, this, [this](const QString &text) {
        beginStream();
        send(m_translation->content(text));
    });
    connect(generation, &Generation::reasoningDelta, this, [this](const QString &text) {
        beginStream();
        send(m_translation->reasoning(text));
    });
    connect(generation, &Generation::toolCallsDelta, this, [this](const QJsonArray &fragments) {
        beginStream();
        send(m_translation->toolCalls(fragments));
    });
    connect(generation, &Generation::finished, this, &TranslatedResponse::onFinishedGeneration);
    connect(generation, &Generation::failed, this,
        [this](const UpstreamError &error) { fail(error.toApiError()); });
}

void TranslatedResponse::beginStream()
{
    if (!m_stream || m_ended || !m_responder || m_responder->hasResponded())
        return;
    m_responder->addHeader("Cache-Control", "no-cache");
    m_responder->addHeader("X-Accel-Buffering", "no"); // tells nginx-style proxies not to buffer
    m_responder->beginStream(200, "text/event-stream; charset=utf-8");
    send(m_translation->start());
}

void TranslatedResponse::send(const QList<StreamEvent> &events)
{
    if (m_ended)
        return;
    if (const auto problem = m_translation->problem()) {
        // What the upstream sent cannot be said in this API: stop it, and say so.
        if (m_generation)
            m_generation->abort();
        return fail(*problem);
    }
    if (!m_stream)
        return; // the translation keeps the whole answer for result()
    for (const StreamEvent &event : events)
        write(event.toSse());
}

void TranslatedResponse::write(const QByteArray &bytes)
{
    if (m_responder && m_responder->writeChunk(bytes))
        m_keepAlive.start(); // silence is counted from the last write
}

void TranslatedResponse::onFinishedGeneration(const GenerationOutcome &outcome)
{
    beginStream();
    const QList<StreamEvent> closing = m_translation->finish(outcome);
    if (m_translation->problem())
        return send(closing);
    if (m_finished && m_generation)
        m_finished(m_translation->result(), m_generation->transcript());
    m_keepAlive.stop();
    if (m_stream) {
        send(closing);
        m_ended = true;
        if (m_responder)
            m_responder->endStream();
        return;
    }
    m_ended = true;
    if (!m_responder)
        return;
    WholeAnswer::send(*m_responder, m_translation->result(), m_generation);
}

void TranslatedResponse::fail(const ApiError &error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_keepAlive.stop();
    if (!m_responder)
        return;
    if (!m_responder->isStreaming())
        return sendApiError(*m_responder, error);
    for (const StreamEvent &event : m_translation->fail(error))
        write(event.toSse());
    m_responder->endStream();
}

void TranslatedResponse::onKeepAlive()
{
    if (!m_responder || m_ended)
        return;
    beginStream();
    write(m_translation->keepAlive());
}
