// SPDX-License-Identifier: MIT
#include "upstream/Generation.h"

#include "core/Logging.h"
#include "core/OffLoop.h"
#include "upstream/JsonScan.h"
#include "upstream/UpstreamLimits.h"

#include <QTimer>

Generation::Generation(QString upstreamName, QString model, WireApi wire, QObject *parent)
    : QObject(parent)
    , m_upstreamName(std::move(upstreamName))
    , m_model(std::move(model))
    , m_wire(wire)
    , m_client(new HttpStreamClient(this))
{
    m_clock.start();
    m_client->setReader(this);
}

void Generation::onResponseStarted(int status)
{
    if (status / 100 == 2)
        setStage(Stage::WaitingForFirstToken);
}

// While a unit of the answer is read off the event loop (holdUpstream), what the client says next waits.
void Generation::onResponseBody(const QByteArray &bytes)
{
    if (!m_upstreamHeld)
        return onBody(bytes); // the usual case: no function made around the bytes
    m_heldBack.append([this, bytes] { onBody(bytes); });
}

void Generation::onResponseEnd()
{
    whenNotHeld([this] { onBodyEnd(); });
}

void Generation::onResponseFailed(HttpStreamClient::Failure failure, const QString &message)
{
    whenNotHeld([this, failure, message] { onClientFailed(failure, message); });
}

Generation::~Generation()
{
    if (m_client)
        m_client->setReader(nullptr);
    if (m_observer)
        m_observer->onGenerationGone();
    while (!m_heldUntilGone.isEmpty())
        m_heldUntilGone.takeFirst().reset();
}

void Generation::onBody(const QByteArray &bytes)
{
    if (!m_client)
        return;
    if (m_client->status() / 100 == 2)
        return readBody(bytes);
    // An error answer is read for its message, and no further: one that does not end is not waited for.
    m_errorBody += bytes.left(UpstreamLimits::MaxErrorBodyBytes - m_errorBody.size());
    if (m_errorBody.size() >= UpstreamLimits::MaxErrorBodyBytes)
        fail(statusError());
}

void Generation::onBodyEnd()
{
    if (!m_client)
        return;
    if (m_client->status() / 100 == 2)
        endOfBody();
    else
        fail(statusError());
}

void Generation::onClientFailed(HttpStreamClient::Failure failure, const QString &message)
{
    if (!m_client)
        return;
    if (m_client->status() != 0 && m_client->status() / 100 != 2)
        return fail(statusError());
    UpstreamError error = UpstreamError::fromFailure(
        failure, QStringLiteral("upstream '%1': %2").arg(m_upstreamName, message));
    error.cutOff = failure == HttpStreamClient::Failure::Broken && m_client->status() / 100 == 2;
    error.said = m_client->failureSaid();
    fail(error);
}

void Generation::whenNotHeld(std::function<void()> read)
{
    if (!m_upstreamHeld)
        return read();
    m_heldBack.append(std::move(read));
}

void Generation::holdUpstream(bool held)
{
    m_upstreamHeld = held;
    applyReadPause();
    // Released: what the client said meanwhile is read in order, until a unit of it is held again.
    while (!m_upstreamHeld && !m_heldBack.isEmpty())
        m_heldBack.takeFirst()();
}

void Generation::readUnits(const QList<AnswerUnit> &units, std::function<void()> afterwards)
{
    // Bytes are read only when nothing is held (whenNotHeld), so no unit of earlier bytes is still waiting.
    Q_ASSERT(m_unread.isEmpty() && !m_parsingOffLoop && !m_afterUnits);
    m_unread += units;
    m_afterUnits = std::move(afterwards);
    readNextUnits();
}

void Generation::readNextUnits()
{
    while (!m_unread.isEmpty() && !m_parsingOffLoop) {
        if (!isRunning())
            break;
        const AnswerUnit unit = m_unread.takeFirst();
        // What the route and the reader find in the unit's JSON, each finds once for both.
        const JsonScan::Shared scan(unit.data);
        relay(unit.data, unit.eventName); // the client of a relaying route has it before Ponder reads it
        if (unit.data.size() >= OffLoop::MinBytes)
            return parseOffLoop(unit.data);
        m_parseUnit(unit.data)();
    }
    m_unread.clear();
    if (const std::function<void()> afterwards = std::exchange(m_afterUnits, {}); afterwards && isRunning())
        afterwards();
}

void Generation::parseOffLoop(const QByteArray &data)
{
    // The units after it, and whatever the upstream sends meanwhile, wait: they are read in order once this
    // one is.
    m_parsingOffLoop = true;
    holdUpstream(true);
    // The worker gets its own copy of the parser and hands back what reads the result, which nothing else
    // holds: no state is shared while it runs. Should this generation be deleted first, the result is
    // dropped unread.
    OffLoop::run(
        this, [parse = m_parseUnit, data] { return parse(data); },
        [this](const std::function<void()> &read) {
            m_parsingOffLoop = false;
            if (isRunning())
                read();
            readNextUnits();
            if (!m_parsingOffLoop)
                holdUpstream(false);
        });
}

void Generation::applyReadPause()
{
    if (m_client && isRunning())
        m_client->setReadPaused(m_consumerPaused || m_upstreamHeld);
}

UpstreamError Generation::statusError() const
{
    UpstreamError error = UpstreamError::fromHttpStatus(m_client->status(), m_errorBody, m_upstreamName);
    error.retryAfterSeconds
        = UpstreamError::parseRetryAfter(m_client->header("retry-after"), QDateTime::currentDateTimeUtc());
    // Passed on as it is only when read whole: a clipped body is no longer what the upstream said.
    if (m_errorBody.size() < UpstreamLimits::MaxErrorBodyBytes)
        error.answer = UpstreamAnswer {m_client->status(), m_client->header("content-type"), m_errorBody};
    return error;
}

UpstreamError Generation::cutOff(const QString &message) const
{
    UpstreamError error = UpstreamError::badGateway(message);
    error.cutOff = true;
    return error;
}

void Generation::start(const HttpStreamClient::Request &request)
{
    m_client->start(request);
}

void Generation::post(HttpStreamClient::Request post, const ChatRequest &request, BodyWriter write)
{
    post.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    OffLoop::runIfLarge(request.clientBytes, this, std::move(write), [this, post](QByteArray body) {
        if (!isRunning())
            return;
        HttpStreamClient::Request written = post;
        written.body = std::move(body);
        start(written);
    });
}

void Generation::relay(const QByteArray &data, const QByteArray &eventName)
{
    if (!isRunning())
        return;
    const QPointer<Generation> alive(this);
    if (m_route)
        m_route->onGenerationData(data, eventName);
    if (alive)
        Q_EMIT upstreamData(data, eventName);
}

void Generation::abort()
{
    if (!isRunning())
        return;
    if (m_client)
        m_client->abort();
    setStage(Stage::Aborted);
}

void Generation::setReadingPaused(bool paused)
{
    m_consumerPaused = paused;
    applyReadPause();
}

void Generation::emitContent(const QString &text)
{
    deliver(m_tags.feed(text));
}

bool Generation::keep(qsizetype characters)
{
    // The transcript keeps the whole answer (for a non-streamed response and the history): an upstream
    // that never stops must not make it grow for ever.
    m_answerCharacters += characters;
    if (m_answerCharacters <= UpstreamLimits::MaxAnswerCharacters)
        return true;
    fail(UpstreamError::badGateway(
        QStringLiteral("upstream '%1' sent an answer over %2 characters")
            .arg(m_upstreamName, QString::number(UpstreamLimits::MaxAnswerCharacters))));
    return false;
}

void Generation::emitReasoning(const QString &text)
{
    if (text.isEmpty() || !isRunning() || !keep(text.size()))
        return;
    setStage(Stage::Generating);
    m_transcript.reasoning += text;
    const QPointer<Generation> alive(this);
    if (m_route)
        m_route->onGenerationReasoning(text);
    if (!alive)
        return;
    Q_EMIT reasoningDelta(text);
    if (Observer *observer = observerAfterSignal(alive))
        observer->onReasoningDelta(text);
}

void Generation::emitToolCalls(const QJsonArray &fragments)
{
    if (fragments.isEmpty() || !isRunning())
        return;
    qsizetype characters = 0;
    for (const QJsonValue &fragment : fragments)
        characters += fragment[QLatin1String("function")][QLatin1String("arguments")].toString().size();
    if (!keep(characters))
        return;
    setStage(Stage::Generating);
    m_transcript.addToolCallFragments(fragments);
    const QPointer<Generation> alive(this);
    if (m_route)
        m_route->onGenerationToolCalls(fragments);
    if (!alive)
        return;
    Q_EMIT toolCallsDelta(fragments);
    if (Observer *observer = observerAfterSignal(alive))
        observer->onToolCallsDelta();
}

void Generation::emitPromptProgress(const PromptProgress &progress)
{
    const QPointer<Generation> alive(this);
    Q_EMIT promptProgress(progress);
    if (Observer *observer = observerAfterSignal(alive))
        observer->onPromptProgress(progress);
}

void Generation::deliver(const QList<ThinkTagSplitter::Piece> &pieces)
{
    for (const ThinkTagSplitter::Piece &piece : pieces) {
        if (!isRunning() || !keep(piece.text.size()))
            return;
        setStage(Stage::Generating);
        (piece.reasoning ? m_transcript.reasoning : m_transcript.content) += piece.text;
        const QPointer<Generation> alive(this);
        if (m_route && piece.reasoning)
            m_route->onGenerationReasoning(piece.text);
        else if (m_route)
            m_route->onGenerationContent(piece.text);
        if (!alive)
            return;
        if (piece.reasoning)
            Q_EMIT reasoningDelta(piece.text);
        else
            Q_EMIT contentDelta(piece.text);
        Observer *observer = observerAfterSignal(alive);
        if (!alive)
            return;
        if (observer && piece.reasoning)
            observer->onReasoningDelta(piece.text);
        else if (observer)
            observer->onContentDelta(piece.text);
    }
}

void Generation::finish(const GenerationOutcome &outcome)
{
    if (!isRunning())
        return;
    deliver(m_tags.flush());
    // The end of the HTTP body (the last chunk) usually follows at once; reading it lets the connection
    // go back to the pool, even when this generation is deleted the moment it finishes.
    m_client->setReader(nullptr);
    std::exchange(m_client, nullptr)->releaseWhenDone(1000);
    setStage(Stage::Finished);
    const QPointer<Generation> alive(this);
    if (m_route)
        m_route->onGenerationFinished(outcome);
    if (!alive)
        return;
    Q_EMIT finished(outcome);
    if (Observer *observer = observerAfterSignal(alive))
        observer->onFinished(outcome);
}

void Generation::fail(UpstreamError error)
{
    if (!isRunning())
        return;
    error.upstream = m_upstreamName;
    qCWarning(lcUpstream).noquote() << "generation failed:" << error.message;
    if (m_client)
        m_client->abort();
    setStage(Stage::Failed);
    const QPointer<Generation> alive(this);
    if (m_route)
        m_route->onGenerationFailed(error);
    if (!alive)
        return;
    Q_EMIT failed(error);
    if (Observer *observer = observerAfterSignal(alive))
        observer->onFailed(error);
}

void Generation::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    if (stage == Stage::Generating && m_firstTokenMs < 0)
        m_firstTokenMs = m_clock.elapsed();
    const QPointer<Generation> alive(this);
    if (m_route)
        m_route->onGenerationStage(stage);
    if (!alive)
        return;
    Q_EMIT stageChanged(stage);
    if (Observer *observer = observerAfterSignal(alive))
        observer->onStageChanged(stage);
}
