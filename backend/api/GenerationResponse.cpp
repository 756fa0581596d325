// SPDX-License-Identifier: MIT
#include "api/GenerationResponse.h"

#include "api/WholeAnswer.h"
#include "core/Logging.h"
#include "http/HttpResponder.h"
#include "http/SseDataEvent.h"
#include "upstream/Generation.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimerEvent>

#include <utility>

GenerationResponse::GenerationResponse(
    Shape shape, const QString &sessionId, HttpResponder &responder, int keepAliveMs)
    : QObject(&responder)
    , m_shape(std::move(shape))
    , m_responder(&responder)
{
    responder.addHeader("X-Session-Id", sessionId.toUtf8());
    responder.setListener(this);
    m_keepAlive.setInterval(keepAliveMs);
    m_keepAlive.onTimeout([this] { onKeepAlive(); });
    if (m_shape.stream)
        m_keepAlive.start();
}

GenerationResponse::~GenerationResponse()
{
    if (m_responder) // deleted before its responder: it hears no more
        m_responder->setListener(nullptr);
    if (m_generation) // a child of this response, deleted after it: it tells no one now
        m_generation->setRoute(nullptr);
}

void GenerationResponse::attach(Generation *generation)
{
    m_generation = generation;
    m_relaying = generation->wire() == m_shape.api;
    generation->setRoute(this);
    onAttached();
}

void GenerationResponse::onClientDisconnected()
{
    if (m_generation)
        m_generation->abort();
}

void GenerationResponse::onBytesWritten()
{
    if (!m_paused)
        return;
    watchForStall(true); // it took something: counted from now
    applyBackpressure();
}

void GenerationResponse::onGenerationData(const QByteArray &data, const QByteArray &eventName)
{
    if (!m_relaying)
        return;
    m_lastUnit = data;
    onUpstreamData(data, eventName);
}

void GenerationResponse::onGenerationStage(Generation::Stage stage)
{
    if (stage == Generation::Stage::WaitingForFirstToken && m_shape.stream)
        beginStream();
}

void GenerationResponse::onGenerationContent(const QString &text)
{
    if (!m_relaying)
        onContent(text);
}

void GenerationResponse::onGenerationReasoning(const QString &text)
{
    if (!m_relaying)
        onReasoning(text);
}

void GenerationResponse::onGenerationToolCalls(const QJsonArray &fragments)
{
    if (!m_relaying)
        onToolCalls(fragments);
}

void GenerationResponse::onGenerationFinished(const GenerationOutcome &outcome)
{
    m_keepAlive.stop();
    if (m_responder)
        onFinished(outcome);
}

void GenerationResponse::onGenerationFailed(const UpstreamError &error)
{
    onFailed(error);
}

void GenerationResponse::beginStream()
{
    if (!m_responder || m_responder->hasResponded())
        return;
    m_responder->addHeader("Cache-Control", "no-cache");
    m_responder->addHeader("X-Accel-Buffering", "no"); // tells nginx-style proxies not to buffer
    m_responder->beginStream(200, m_shape.streamContentType);
    if (!m_relaying)
        onStreamBegun();
}

void GenerationResponse::write(const QByteArray &bytes)
{
    if (m_responder && m_responder->writeChunk(bytes)) {
        m_keepAlive.start(); // silence is counted from the last write
        applyBackpressure();
    }
}

void GenerationResponse::write(std::initializer_list<QByteArrayView> parts)
{
    if (m_responder && m_responder->writeChunk(parts)) {
        m_keepAlive.start();
        applyBackpressure();
    }
}

void GenerationResponse::writeSseData(const QByteArray &data)
{
    if (isOneLine(data))
        write({"data: ", data, "\n\n"});
    else
        write(sseDataEvent(data));
}

void GenerationResponse::applyBackpressure()
{
    const qint64 pending = m_responder ? m_responder->pendingBytes() : 0;
    const bool pause = m_paused ? pending > LowWaterBytes : pending > HighWaterBytes;
    if (pause == m_paused)
        return;
    m_paused = pause;
    watchForStall(m_paused);
    if (m_generation)
        m_generation->setReadingPaused(m_paused);
}

void GenerationResponse::watchForStall(bool paused)
{
    if (m_stalledTimer != 0)
        killTimer(std::exchange(m_stalledTimer, 0));
    if (paused)
        m_stalledTimer = startTimer(StalledClientMs);
}

void GenerationResponse::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_stalledTimer)
        return QObject::timerEvent(event);
    watchForStall(false);
    onClientStalled();
}

void GenerationResponse::onClientStalled()
{
    if (!m_responder)
        return;
    qCWarning(lcHttp).noquote() << "dropping a client that took nothing of its stream for"
                                << StalledClientMs / 1000 << "s, with" << m_responder->pendingBytes()
                                << "bytes unsent";
    m_keepAlive.stop();
    if (m_generation)
        m_generation->abort();
    // Not ended with a last chunk: it would wait behind the backlog, which is the memory to free.
    m_responder->abortConnection();
}

void GenerationResponse::endStream()
{
    m_keepAlive.stop();
    if (m_responder)
        m_responder->endStream();
}

void GenerationResponse::send(int status, const QByteArray &body, const QByteArray &contentType)
{
    m_keepAlive.stop();
    if (m_responder)
        m_responder->send(status, body, contentType);
}

void GenerationResponse::sendAnswer(const QJsonObject &answer)
{
    m_keepAlive.stop();
    if (m_responder)
        WholeAnswer::send(*m_responder, answer, m_generation);
}

void GenerationResponse::fail(const ApiError &error)
{
    m_keepAlive.stop();
    if (!m_responder)
        return;
    if (!m_responder->isStreaming())
        return sendError(error);
    // Mid-stream the status is gone: the error travels as the API's error event, then the stream ends.
    // No content is ever invented in its place.
    write(errorEvent(error));
    endStream();
}

void GenerationResponse::onFailed(const UpstreamError &error)
{
    m_keepAlive.stop();
    if (!m_responder)
        return;
    const bool ponderKeyRefused
        = error.answer && (error.answer->status == 401 || error.answer->status == 403);
    if (m_relaying && error.answer && !ponderKeyRefused && !m_responder->hasResponded()) {
        const QByteArray type = error.answer->contentType.isEmpty() ? QByteArray("application/json")
                                                                    : error.answer->contentType;
        addRetryAfter(*m_responder, error.toApiError());
        return send(error.answer->status, error.answer->body, type);
    }
    if (m_relaying && error.inStream) {
        if (m_responder->isStreaming())
            return endStream(); // the upstream's own error event went out with the stream
        // A client that did not stream gets the upstream's error object, with the status it names if any.
        const QJsonValue code = QJsonDocument::fromJson(m_lastUnit)
                                    .object()
                                    .value(QLatin1String("error"))[QLatin1String("code")];
        const int status = code.isDouble() && code.toInt() >= 400 && code.toInt() < 600 ? code.toInt() : 502;
        return send(status, m_lastUnit);
    }
    fail(error.toApiError());
}

void GenerationResponse::onKeepAlive()
{
    if (!m_responder || m_paused) // a client behind has bytes waiting already
        return;
    beginStream();
    if (!m_shape.keepAlive.isEmpty())
        write(m_shape.keepAlive);
}
