// SPDX-License-Identifier: MIT
// Answers one request of any API from its Generation: the part every API shares. Subclasses say how
// their API writes an answer (OpenAI's SSE chunks, Ollama's NDJSON lines, one JSON document) and whether
// they relay: when the upstream answers in the client's own API, each unit the upstream sent is written on
// at once (GenerationResponse::onUpstreamData) and Ponder's own work follows; otherwise the answer is
// written from the generation's deltas.
//
// Shared here: the status waits for the upstream's answer (an unknown model is still a 404) or the first
// keep-alive tick; the client leaving aborts the upstream at once; an upstream's error answer is passed on
// as it is when relaying (status, type, code, extra fields), except a refusal of Ponder's own key, which
// is Ponder's 502; an error inside a relayed stream has gone out with the stream, which then ends; every
// other failure is the API's own error, a whole response before the stream began, an error event after.
//
// Backpressure: once more than HighWaterBytes wait unsent to a client, the generation stops reading its
// upstream (TCP then holds the model server back), and reads again when the client has taken all but
// LowWaterBytes. A client that takes nothing for StalledClientMs meanwhile is dropped.
#pragma once

#include "core/QuietTimer.h"
#include "http/ApiError.h"
#include "http/HttpResponder.h"
#include "upstream/ChatRequest.h"
#include "upstream/Generation.h"
#include "upstream/UpstreamError.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>

class GenerationResponse : public QObject, private Generation::Route, private HttpResponder::Listener
{
    Q_OBJECT

public:
    static constexpr qint64 HighWaterBytes = 1024 * 1024;
    static constexpr qint64 LowWaterBytes = 256 * 1024;
    static constexpr int StalledClientMs = 60'000;

    ~GenerationResponse() override;

    void attach(Generation *generation);
    // Ponder's own failure (before a generation started, or of it), in the API's own shape.
    void fail(const ApiError &error);

protected:
    struct Shape
    {
        WireApi api; // the client's
        bool stream = false;
        QByteArray streamContentType; // text/event-stream, application/x-ndjson
        QByteArray keepAlive; // written on each tick of silence while streaming (may be empty)
    };

    // A child of the responder: the two end together.
    GenerationResponse(Shape shape, const QString &sessionId, HttpResponder &responder, int keepAliveMs);

    bool isRelaying() const { return m_relaying; }
    bool isStreaming() const { return m_shape.stream; }
    Generation *generation() const { return m_generation; }
    HttpResponder *responder() const { return m_responder; }

    // Called once the generation is attached, for what a subclass connects of its own.
    virtual void onAttached() { }
    // A unit of the upstream's answer in the client's own API (relaying only).
    virtual void onUpstreamData(const QByteArray &data, const QByteArray &eventName) = 0;
    // Deltas, for an answer written from them (not relaying); streamed ones only while streaming.
    virtual void onContent(const QString &) { }
    virtual void onReasoning(const QString &) { }
    virtual void onToolCalls(const QJsonArray &) { }
    // The stream's first bytes of Ponder's own (not relaying): OpenAI's role chunk.
    virtual void onStreamBegun() { }
    virtual void onFinished(const GenerationOutcome &outcome) = 0;
    // The API's error shape: a whole response, and the event that ends a stream.
    virtual void sendError(const ApiError &error) = 0;
    virtual QByteArray errorEvent(const ApiError &error) const = 0;

    void beginStream();
    void write(const QByteArray &bytes);
    // One chunk made of `parts` (an upstream's unit between the framing Ponder adds), not joined first.
    void write(std::initializer_list<QByteArrayView> parts);
    // The SSE event that carries `data` (sseDataEvent): one line of an upstream's data goes out as it is,
    // between "data: " and its end, without the event being made (a copy of it) first.
    void writeSseData(const QByteArray &data);
    void endStream();
    // A whole answer; `contentType` defaults to JSON.
    void send(int status, const QByteArray &body, const QByteArray &contentType = "application/json");
    // The generation's answer, whole, with status 200 (written off the loop when it is large: WholeAnswer).
    void sendAnswer(const QJsonObject &answer);

private:
    // The generation's news (Generation::Route), told by plain calls.
    void onGenerationData(const QByteArray &data, const QByteArray &eventName) override;
    void onGenerationStage(Generation::Stage stage) override;
    void onGenerationContent(const QString &text) override;
    void onGenerationReasoning(const QString &text) override;
    void onGenerationToolCalls(const QJsonArray &fragments) override;
    void onGenerationFinished(const GenerationOutcome &outcome) override;
    void onGenerationFailed(const UpstreamError &error) override;
    // The client's news (HttpResponder::Listener), told by plain calls.
    void onClientDisconnected() override;
    void onBytesWritten() override;
    void onFailed(const UpstreamError &error);
    void onKeepAlive();
    // Pauses or resumes the upstream by what waits unsent to the client.
    void applyBackpressure();
    void onClientStalled();
    void watchForStall(bool paused);
    void timerEvent(QTimerEvent *event) override;

    Shape m_shape;
    QPointer<HttpResponder> m_responder;
    QPointer<Generation> m_generation;
    QuietTimer m_keepAlive; // restarted on every write: a clock read, not a timer re-registration
    // Runs while the upstream is paused: the client must take something before it fires. This object's own
    // timer (startTimer), armed only then: a QTimer member would be one more QObject for every request.
    int m_stalledTimer = 0;
    bool m_paused = false;
    bool m_relaying = false;
    QByteArray m_lastUnit; // the last unit relayed: an error inside the stream is the last one
};
