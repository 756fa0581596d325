// SPDX-License-Identifier: MIT
// One running chat generation at an upstream: the handle the HTTP API and the desktop window share.
//
// Deltas arrive as signals the moment the upstream sends them. Exactly one of finished() or failed()
// ends a generation, unless abort() ended it first (then neither is emitted).
//
// Each unit of the upstream's answer is also handed over as it was sent (upstreamData), before the
// generation reads it: a route that speaks the upstream's API (wire()) writes those bytes to its client
// first, and every delta signal, the hub and the history follow.
#pragma once

#include "core/OffLoop.h"
#include "upstream/ChatRequest.h"
#include "upstream/CompletionTranscript.h"
#include "upstream/HttpStreamClient.h"
#include "upstream/ThinkTagSplitter.h"
#include "upstream/UpstreamError.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

// A unit of an upstream's answer as it was sent: an SSE event (its data, and its `event:` name) or an
// NDJSON line.
struct AnswerUnit
{
    QByteArray data;
    QByteArray eventName;
};

// Reads its upstream client by plain calls (HttpStreamClient::Reader), not four signal connections a request.
class Generation : public QObject, private HttpStreamClient::Reader
{
    Q_OBJECT

public:
    ~Generation() override;

    enum class Stage
    {
        Connecting,
        WaitingForFirstToken, // the upstream accepted the request (it may still be loading the model)
        Generating,
        Finished,
        Failed,
        Aborted
    };
    Q_ENUM(Stage)

    // Ponder's own work with a generation (the hub's reporter): told of its news by plain calls, each after
    // the signal's receivers (the client's route writes first), instead of a signal connection per kind of
    // news made and torn down for every request. At most one per generation.
    class Observer
    {
    public:
        virtual void onPromptProgress(const PromptProgress &progress) = 0;
        virtual void onStageChanged(Stage stage) = 0;
        virtual void onContentDelta(const QString &text) = 0;
        virtual void onReasoningDelta(const QString &text) = 0;
        virtual void onToolCallsDelta() = 0;
        virtual void onFinished(const GenerationOutcome &outcome) = 0;
        virtual void onFailed(const UpstreamError &error) = 0;
        // The generation is being deleted: nothing more comes.
        virtual void onGenerationGone() = 0;

    protected:
        ~Observer() = default;
    };

    QString upstreamName() const { return m_upstreamName; }
    QString model() const { return m_model; }
    // The API the upstream answers in: what upstreamData() is written in.
    WireApi wire() const { return m_wire; }
    Stage stage() const { return m_stage; }
    bool isRunning() const { return m_stage < Stage::Finished; }
    // Its clock, started when it was made (the request leaving for the upstream), and when its first
    // token came on it (-1 before): whoever reports on it counts from these, so the window's footer and
    // the session's progress give one time to the first token.
    const QElapsedTimer &clock() const { return m_clock; }
    qint64 firstTokenMs() const { return m_firstTokenMs; }
    // What was said so far (all of it once finished() is emitted).
    const CompletionTranscript &transcript() const { return m_transcript; }

    // Closes the upstream connection at once, so the model server stops generating.
    void abort();
    // Backpressure from a consumer that cannot keep up (a client that reads slower than the model
    // writes): while paused, the upstream is not read, and TCP holds the model server back.
    void setReadingPaused(bool paused);
    // Keeps `held` until this generation is deleted, then lets go of it (at the end of its destructor, in
    // the order given): what its starters count while it exists (the upstream's holds, the chat service's
    // running generations), without a connection to destroyed() made for each.
    void holdUntilGone(std::shared_ptr<void> held) { m_heldUntilGone.append(std::move(held)); }

    // Replaces the observer (null: none). An observer that goes first sets null.
    void setObserver(Observer *observer) { m_observer = observer; }

    // The route that answers a client with this generation (GenerationResponse): told of each piece of news
    // by a plain call before the signal's receivers (its connections were the first made), instead of a
    // signal connection per kind of news made and torn down for every request. At most one; a route that
    // goes first sets null.
    class Route
    {
    public:
        virtual void onGenerationData(const QByteArray &data, const QByteArray &eventName) = 0;
        virtual void onGenerationStage(Stage stage) = 0;
        virtual void onGenerationContent(const QString &text) = 0;
        virtual void onGenerationReasoning(const QString &text) = 0;
        virtual void onGenerationToolCalls(const QJsonArray &fragments) = 0;
        virtual void onGenerationFinished(const GenerationOutcome &outcome) = 0;
        virtual void onGenerationFailed(const UpstreamError &error) = 0;

    protected:
        ~Route() = default;
    };
    void setRoute(Route *route) { m_route = route; }

Q_SIGNALS:
    // One unit of the upstream's answer exactly as it sent it, before Ponder reads it: an SSE event (its
    // data, and its `event:` name, empty for a plain message), an NDJSON line, or a JSON answer read whole.
    // Not emitted for an error answer (failed() carries that), nor after the generation ended.
    void upstreamData(const QByteArray &data, const QByteArray &eventName);
    // llama.cpp's prompt processing progress, when the request asked for it (return_progress).
    void promptProgress(const PromptProgress &progress);
    void stageChanged(Generation::Stage stage);
    void contentDelta(const QString &text);
    void reasoningDelta(const QString &text);
    // OpenAI's delta.tool_calls fragments: [{index, id?, type?, function:{name?, arguments}}]
    void toolCallsDelta(const QJsonArray &fragments);
    void finished(const GenerationOutcome &outcome);
    void failed(const UpstreamError &error);

protected:
    Generation(QString upstreamName, QString model, WireApi wire, QObject *parent);

    void start(const HttpStreamClient::Request &request);
    // What writes the JSON body of a request for the upstream; a function of its own copies alone, as it
    // may run on a worker.
    using BodyWriter = std::function<QByteArray()>;
    // POSTs the JSON body `write` writes. The body of a request of megabytes (`request.clientBytes`) is
    // written on a worker, so that the server's loop goes on meanwhile; it leaves once written, unless the
    // generation was aborted by then.
    void post(HttpStreamClient::Request post, const ChatRequest &request, BodyWriter write);
    // Hands a unit of the answer over as it came (upstreamData); call before reading it.
    void relay(const QByteArray &data, const QByteArray &eventName = {});

    // The response of a successful (2xx) request, as it arrives, and its end.
    virtual void readBody(const QByteArray &bytes) = 0;
    virtual void endOfBody() = 0;

    QByteArray responseHeader(QByteArrayView name) const
    {
        return m_client ? m_client->header(name) : QByteArray();
    }
    // Content passes through the think-tag splitter: tagged reasoning becomes reasoning.
    void emitContent(const QString &text);
    void emitReasoning(const QString &text);
    void emitToolCalls(const QJsonArray &fragments);
    void emitPromptProgress(const PromptProgress &progress);
    void finish(const GenerationOutcome &outcome);
    void fail(UpstreamError error); // names the upstream it came from
    // The stream ended (or broke) before the upstream said it was done.
    UpstreamError cutOff(const QString &message) const;

    // How this generation reads its units: `parse` makes of a unit's bytes what `read` takes. A unit of a
    // megabyte or more is parsed on a worker thread, so `parse` is a plain function of the bytes alone.
    template<typename Parsed, typename Self>
    void parseUnitsWith(Parsed (*parse)(const QByteArray &data), void (Self::*read)(const Parsed &parsed));
    // Hands each unit over as it came (relay) and reads it, in order; then runs `afterwards` (what the
    // stream says after them: a framing error, its end), unless the generation ended meanwhile. The
    // answer's next bytes are not read before all that is done.
    void readUnits(const QList<AnswerUnit> &units, std::function<void()> afterwards = {});
    // Reads an answer sent whole (not streamed): `parse` makes of its bytes what `read` takes, on a worker
    // thread if they are a megabyte or more; `read` runs unless the generation ended meanwhile.
    template<typename Parsed, typename Self>
    void parseWhole(const QByteArray &bytes, Parsed (*parse)(const QByteArray &data),
        void (Self::*read)(const Parsed &parsed));

private:
    void setStage(Stage stage);
    // Counts characters of the answer; past UpstreamLimits::MaxAnswerCharacters, fails and returns false.
    bool keep(qsizetype characters);
    // A non-2xx answer: what Ponder makes of it, with its Retry-After and the answer itself for routes
    // that pass it on.
    UpstreamError statusError() const;
    void deliver(const QList<ThinkTagSplitter::Piece> &pieces);
    void onResponseStarted(int status) override;
    void onResponseBody(const QByteArray &bytes) override;
    void onResponseEnd() override;
    void onResponseFailed(HttpStreamClient::Failure failure, const QString &message) override;
    void onBody(const QByteArray &bytes);
    void onBodyEnd();
    void onClientFailed(HttpStreamClient::Failure failure, const QString &message);
    void whenNotHeld(std::function<void()> read);
    // While held, the upstream is not read and what its client already said (bytes, the end, a failure)
    // waits; released, that is read in order. For a unit of the answer parsed on a worker thread.
    void holdUpstream(bool held);
    // Reads the units in order until one goes to a worker thread (parseOffLoop); the rest wait for it.
    void readNextUnits();
    void parseOffLoop(const QByteArray &data);
    void applyReadPause();

    // Whether this generation still exists after its signal's receivers ran (one may delete it), and has an
    // observer to tell.
    Observer *observerAfterSignal(const QPointer<Generation> &alive) const
    {
        return alive ? m_observer : nullptr;
    }

    QList<std::shared_ptr<void>> m_heldUntilGone;
    Observer *m_observer = nullptr;
    Route *m_route = nullptr;
    QString m_upstreamName;
    QString m_model;
    WireApi m_wire;
    Stage m_stage = Stage::Connecting;
    QElapsedTimer m_clock;
    qint64 m_firstTokenMs = -1;
    QPointer<HttpStreamClient> m_client; // let go of once finished: it reads the body's end on its own
    ThinkTagSplitter m_tags;
    CompletionTranscript m_transcript;
    QByteArray m_errorBody;
    qsizetype m_answerCharacters = 0;
    bool m_consumerPaused = false;
    bool m_upstreamHeld = false;
    QList<std::function<void()>> m_heldBack;
    // Parses a unit (on any thread) into what reads it (on this one).
    std::function<std::function<void()>(const QByteArray &)> m_parseUnit;
    QList<AnswerUnit> m_unread;
    std::function<void()> m_afterUnits;
    bool m_parsingOffLoop = false;
};

template<typename Parsed, typename Self>
void Generation::parseUnitsWith(Parsed (*parse)(const QByteArray &), void (Self::*read)(const Parsed &))
{
    Self *self = static_cast<Self *>(this);
    // What the worker runs touches nothing but the bytes: `self` is only called back on this thread, and
    // only while it lives.
    m_parseUnit = [parse, self, read](const QByteArray &data) -> std::function<void()> {
        return [self, read, parsed = parse(data)] { (self->*read)(parsed); };
    };
}

template<typename Parsed, typename Self>
void Generation::parseWhole(
    const QByteArray &bytes, Parsed (*parse)(const QByteArray &), void (Self::*read)(const Parsed &))
{
    Self *self = static_cast<Self *>(this);
    OffLoop::runIfLarge(
        bytes.size(), this, [parse, bytes] { return parse(bytes); },
        [self, read](const Parsed &parsed) {
            if (self->isRunning())
                (self->*read)(parsed);
        });
}
