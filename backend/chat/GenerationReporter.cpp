// SPDX-License-Identifier: MIT
#include "chat/GenerationReporter.h"

#include "core/ClippedText.h"
#include "events/ProgressUpdate.h"
#include "events/ThinkingStep.h"
#include "http/ApiError.h"
#include "hub/StreamingHub.h"
#include "upstream/UpstreamError.h"

#include <QTimer>

namespace {

constexpr qint64 ProgressIntervalMs = 250; // "at most a few per second"
constexpr int TotalSteps = 4; // received, upstream answered, generating, done
// The reasoning text one thinking_aloud update carries at most: its JSON stays under the streaming
// API's default event limit (256 KiB) even if every character had to be escaped. More goes in more updates.
constexpr qsizetype MaxAloudChars = 32 * 1024;
// Events one turn of the event loop publishes at most (each is a store append and a fan-out to watchers,
// tens of microseconds): a burst of thousands goes out a slice per turn, a few milliseconds each.
constexpr int MaxPublishesPerTurn = 64;
// Text of one delta read in one turn at most: a delta of megabytes is cut into steps and live-text updates a
// slice per turn (a fraction of a millisecond each), behind which the generation's later news waits in order.
constexpr qsizetype MaxTextCharsPerTurn = 64 * 1024;

} // namespace

GenerationReporter::GenerationReporter(StreamingHub &hub, Context context, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_context(std::move(context))
{
    m_elapsed.start();
    m_sinceProgress.start();
    m_sinceStep.start();
}

void GenerationReporter::sessionReady()
{
    if (m_sessionReady)
        return;
    m_sessionReady = true;
    ProgressUpdate update;
    update.sessionId = m_context.sessionId;
    update.timestamp = QDateTime::currentDateTimeUtc();
    update.updateType = QStringLiteral("progress");
    update.message = QStringLiteral("Request received for %1").arg(m_context.model);
    update.progressPercentage = 0;
    update.currentStep = 1;
    update.totalSteps = TotalSteps;
    update.currentActivity = QStringLiteral("received");
    update.metrics = metrics();
    // What was asked, for watchers who did not ask it (the window's Live sessions).
    update.extra.insert(QStringLiteral("prompt"), m_context.prompt.left(MaxAloudChars));
    // "received" goes before what was held, which follows at the pace of any other burst. Its text is
    // written once, as every update's: not parsed back into an object and written again.
    m_waiting.insert(m_nextWaiting, {EventKind::Progress, update.toStoredData()});
    beginTurn();
    publishSlice();
}

void GenerationReporter::publish(EventKind kind, const EventData &data)
{
    if (!m_sessionReady || m_nextWaiting < m_waiting.size() || m_publishedThisTurn >= MaxPublishesPerTurn) {
        m_waiting.append({kind, data});
        if (m_sessionReady)
            scheduleTurn();
        return;
    }
    ++m_publishedThisTurn;
    m_hub.publish(m_context.sessionId, kind, data, [](StoreStatus, const StoredEvent &) {});
}

void GenerationReporter::publishSlice()
{
    while (m_nextWaiting < m_waiting.size() && m_publishedThisTurn < MaxPublishesPerTurn) {
        const auto [kind, data] = m_waiting.at(m_nextWaiting++); // a copy: publishing may queue more
        ++m_publishedThisTurn;
        m_hub.publish(m_context.sessionId, kind, data, [](StoreStatus, const StoredEvent &) {});
    }
    if (m_nextWaiting < m_waiting.size())
        return scheduleTurn();
    m_waiting.clear();
    m_nextWaiting = 0;
    emitDoneIfOut();
}

void GenerationReporter::scheduleTurn()
{
    if (m_turnScheduled)
        return;
    m_turnScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_turnScheduled = false;
        beginTurn();
        if (m_sessionReady)
            publishSlice();
        // The next piece of the generation's news is read once what the last one made is out (or while the
        // session is being created, when everything waits anyway): what waits stays a slice's worth.
        if (!m_sessionReady || m_nextWaiting == m_waiting.size())
            readNextInput();
    });
}

void GenerationReporter::take(QList<std::function<void()>> inputs)
{
    const bool idle = !inputsWaiting();
    m_inputs += std::move(inputs);
    if (!idle)
        return; // behind what waits, in order
    beginTurn();
    readNextInput();
}

template<typename Input>
void GenerationReporter::takeOne(Input input)
{
    if (inputsWaiting())
        return take({std::function<void()>(std::move(input))});
    beginTurn();
    input();
    emitDoneIfOut();
}

void GenerationReporter::readNextInput()
{
    if (!inputsWaiting())
        return;
    const std::function<void()> input = std::exchange(m_inputs[m_nextInput++], {});
    input();
    if (inputsWaiting())
        return scheduleTurn();
    m_inputs.clear();
    m_nextInput = 0;
    emitDoneIfOut();
}

void GenerationReporter::takeDelta(const QString &text, void (GenerationReporter::*read)(QStringView, bool))
{
    if (inputsWaiting() || text.size() > MaxTextCharsPerTurn)
        return take(
            slices(text, [this, read](QStringView slice, bool first) { (this->*read)(slice, first); }));
    // One slice with nothing before it (every delta a model really sends): read now, as take() would, without
    // queueing it.
    beginTurn();
    (this->*read)(text, true);
    emitDoneIfOut();
}

QList<std::function<void()>> GenerationReporter::slices(
    const QString &text, const std::function<void(QStringView, bool)> &read)
{
    QList<std::function<void()>> inputs;
    // Each slice holds the one text (shared, not copied) and reads its part of it; an empty text is one
    // slice.
    qsizetype at = 0;
    do {
        inputs.append([read, text, at] {
            read(QStringView(text).sliced(at, std::min(MaxTextCharsPerTurn, text.size() - at)), at == 0);
        });
        at += MaxTextCharsPerTurn;
    } while (at < text.size());
    return inputs;
}

void GenerationReporter::endReporting()
{
    m_ended = true;
    emitDoneIfOut();
}

void GenerationReporter::emitDoneIfOut()
{
    if (!m_ended || !m_sessionReady || m_nextWaiting < m_waiting.size() || inputsWaiting() || m_doneEmitted)
        return;
    m_doneEmitted = true;
    Q_EMIT done();
}

void GenerationReporter::readPromptProgress(const PromptProgress &progress)
{
    const qint64 percent = qint64(progress.percentage());
    // The first and the last always; between them at most a few a second.
    const bool last = progress.total > 0 && progress.processed >= progress.total;
    if (percent == m_lastPromptPercent
        || (m_lastPromptPercent >= 0 && !last && m_sinceProgress.elapsed() < ProgressIntervalMs))
        return;
    m_lastPromptPercent = percent;
    m_sinceProgress.restart();
    GenerationMetrics figures = metrics();
    figures.promptProgress = GenerationMetrics::PromptReading {
        progress.total, progress.cache, progress.processed, progress.timeMs, progress.percentage()};
    QString message = QStringLiteral("Reading the prompt, %1% (%2 of %3 tokens")
                          .arg(percent)
                          .arg(progress.processed)
                          .arg(progress.total);
    message += progress.cache > 0 ? QStringLiteral(", %1 from the cache)").arg(progress.cache)
                                  : QStringLiteral(")");
    // The session's own scale: 5% when the upstream answered, 10% at the first token.
    publishProgress(QStringLiteral("progress"), message, QStringLiteral("reading_prompt"), 2,
        5.0 + 5.0 * progress.percentage() / 100.0, figures);
}

void GenerationReporter::attach(Generation *generation)
{
    m_upstreamName = generation->upstreamName();
    m_generation = generation;
    m_elapsed = generation->clock(); // its times are the generation's, as everyone who reports on it has
    generation->setObserver(this);
}

GenerationReporter::~GenerationReporter()
{
    if (m_generation)
        m_generation->setObserver(nullptr);
}

// Everything from the generation is read in the order it came, each behind what a large delta left.
void GenerationReporter::onPromptProgress(const PromptProgress &progress)
{
    takeOne([this, progress] { readPromptProgress(progress); });
}

void GenerationReporter::onStageChanged(Generation::Stage stage)
{
    takeOne([this, stage] { readStage(stage); });
}

void GenerationReporter::onContentDelta(const QString &text)
{
    takeDelta(text, &GenerationReporter::onContent);
}

void GenerationReporter::onReasoningDelta(const QString &text)
{
    takeDelta(text, &GenerationReporter::onReasoning);
}

void GenerationReporter::onToolCallsDelta()
{
    takeOne([this] { onDelta(); });
}

void GenerationReporter::onFinished(const GenerationOutcome &outcome)
{
    takeOne([this, outcome] { readFinished(outcome); });
}

void GenerationReporter::onFailed(const UpstreamError &error)
{
    takeOne([this, error] { readFailure(error.message, failureFields(error)); });
}

void GenerationReporter::onGenerationGone()
{
    endReporting();
}

void GenerationReporter::failedBeforeStart(const ApiError &error)
{
    take({[this, message = error.message, code = error.code] {
        readFailure(message, {{QStringLiteral("code"), code}});
    }});
}

void GenerationReporter::readStage(Generation::Stage stage)
{
    switch (stage) {
    case Generation::Stage::WaitingForFirstToken:
        publishProgress(QStringLiteral("progress"),
            QStringLiteral("Upstream '%1' accepted the request; waiting for the first token")
                .arg(m_upstreamName),
            QStringLiteral("waiting"), 2, 5);
        break;
    case Generation::Stage::Generating:
        // When it came, not when this reads it (a burst may have queued the news).
        m_firstTokenMs = m_generation && m_generation->firstTokenMs() >= 0 ? m_generation->firstTokenMs()
                                                                           : m_elapsed.elapsed();
        publishProgress(QStringLiteral("progress"),
            QStringLiteral("First token after %1 ms").arg(m_firstTokenMs), QStringLiteral("generating"), 3,
            10);
        m_sinceProgress.restart();
        // The first step's reasoning began with the first token: the wait before it is not the step's.
        m_sinceStep.restart();
        break;
    case Generation::Stage::Aborted:
        publishThinkingAloud();
        publishAnswer();
        publishLastSteps();
        publishProgress(QStringLiteral("warning"),
            QStringLiteral("Stopped: the client went away or cancelled"), QStringLiteral("aborted"),
            TotalSteps, std::nullopt);
        endReporting();
        break;
    default:
        break;
    }
}

void GenerationReporter::onContent(QStringView text, bool newDelta)
{
    if (newDelta) {
        ++m_deltas;
        endReasoning();
    }
    hold(m_unpublishedAnswer, text, [this] { publishAnswer(); });
    reportProgressIfDue();
}

void GenerationReporter::onDelta()
{
    ++m_deltas;
    endReasoning();
    reportProgressIfDue();
}

void GenerationReporter::endReasoning()
{
    publishThinkingAloud(); // the answer began: the reasoning so far is complete
    for (const QString &step : m_segmenter.flush())
        publishThinking(step);
}

void GenerationReporter::reportProgressIfDue()
{
    if (m_sinceProgress.elapsed() < ProgressIntervalMs)
        return;
    m_sinceProgress.restart();
    publishAnswer();
    std::optional<double> percentage;
    if (m_context.maxTokens && *m_context.maxTokens > 0)
        percentage = std::min(99.0, 10.0 + 89.0 * double(m_deltas) / double(*m_context.maxTokens));
    const GenerationMetrics now = metrics();
    publishProgress(QStringLiteral("progress"),
        QStringLiteral("%1 tokens, %2 tokens/s")
            .arg(m_deltas)
            .arg(now.tokensPerSecond.value_or(0), 0, 'f', 1),
        QStringLiteral("generating"), 3, percentage, now);
}

void GenerationReporter::onReasoning(QStringView text, bool newDelta)
{
    if (newDelta)
        ++m_deltas;
    for (const QString &step : m_segmenter.feed(text))
        publishThinking(step);
    hold(m_unpublishedReasoning, text, [this] { publishThinkingAloud(); });
    if (m_sinceProgress.elapsed() >= ProgressIntervalMs) {
        m_sinceProgress.restart();
        publishThinkingAloud();
    }
}

void GenerationReporter::hold(QString &held, QStringView text, const std::function<void()> &publish)
{
    for (qsizetype at = 0; at < text.size();) {
        const qsizetype take = std::min(text.size() - at, MaxAloudChars - held.size());
        held += text.sliced(at, take);
        at += take;
        if (held.size() == MaxAloudChars)
            publish();
    }
}

void GenerationReporter::readFinished(const GenerationOutcome &outcome)
{
    publishThinkingAloud();
    publishAnswer();
    publishLastSteps();
    GenerationMetrics figures = metrics();
    figures.finishReason = outcome.finishReason;
    QString message = QStringLiteral("Done in %1 s: %2 tokens")
                          .arg(double(m_elapsed.elapsed()) / 1000.0, 0, 'f', 2)
                          .arg(m_deltas);
    if (outcome.usage) {
        figures.promptTokens = outcome.usage->promptTokens;
        figures.completionTokens = outcome.usage->completionTokens;
        // The final figures count the upstream's tokens, as the answer's footer and history do, not deltas
        // (a delta may carry several tokens).
        figures.tokens = outcome.usage->completionTokens;
        figures.tokensPerSecond.reset(); // the deltas' rate: not for these tokens
        const qint64 generatingMs = m_elapsed.elapsed() - m_firstTokenMs;
        if (m_firstTokenMs >= 0 && generatingMs > 0 && outcome.usage->completionTokens > 1)
            figures.tokensPerSecond
                = double(outcome.usage->completionTokens - 1) * 1000.0 / double(generatingMs);
        message = QStringLiteral("Done in %1 s: %2 prompt + %3 completion tokens")
                      .arg(double(m_elapsed.elapsed()) / 1000.0, 0, 'f', 2)
                      .arg(outcome.usage->promptTokens)
                      .arg(outcome.usage->completionTokens);
    }
    publishProgress(QStringLiteral("completion"), message, QStringLiteral("done"), TotalSteps, 100, figures);
    endReporting();
}

QJsonObject GenerationReporter::failureFields(const UpstreamError &error)
{
    QJsonObject fields {{QStringLiteral("code"), error.code}};
    if (!error.upstream.isEmpty())
        fields.insert(QStringLiteral("upstream"), error.upstream);
    if (error.upstreamStatus > 0)
        fields.insert(QStringLiteral("upstream_status"), error.upstreamStatus);
    if (error.cutOff)
        fields.insert(QStringLiteral("cut_off"), true);
    if (!error.said.isEmpty())
        fields.insert(QStringLiteral("detail"), clippedForMessage(error.said, MaxDetailCharacters));
    return fields;
}

void GenerationReporter::readFailure(const QString &message, const QJsonObject &fields)
{
    publishThinkingAloud();
    publishAnswer();
    publishLastSteps();
    publishProgress(QStringLiteral("warning"), QStringLiteral("Failed: %1").arg(message),
        QStringLiteral("failed"), TotalSteps, std::nullopt, metrics(), fields);
    endReporting();
}

void GenerationReporter::publishLastSteps()
{
    // However the request ended, the reasoning it gave is cut into steps to its last word: a stopped or
    // failed answer's last step is the reasoning it had begun.
    for (const QString &step : m_segmenter.flush())
        publishThinking(step);
}

void GenerationReporter::publishThinking(const QString &text)
{
    ThinkingStep step;
    step.sessionId = m_context.sessionId;
    step.timestamp = QDateTime::currentDateTimeUtc();
    // Neutral unless the step's own opening label names its kind: a guess from a word inside it would
    // show the first paragraph of every answer as a risk.
    step.thinkingType = ReasoningSegmenter::typeNamedBy(text);
    step.content = text;
    step.contextUsed = {{QStringLiteral("source"), QStringLiteral("model_reasoning")},
        {QStringLiteral("model"), m_context.model}, {QStringLiteral("upstream"), m_upstreamName},
        {QStringLiteral("step"), ++m_steps}};
    step.estimatedDuration = double(m_sinceStep.restart()) / 1000.0;
    publish(EventKind::Thinking, step.toStoredData());
}

void GenerationReporter::publishThinkingAloud()
{
    if (m_unpublishedReasoning.isEmpty())
        return;
    publishProgress(QStringLiteral("thinking_aloud"), std::exchange(m_unpublishedReasoning, {}),
        QStringLiteral("thinking"), 3, std::nullopt, metrics());
}

void GenerationReporter::publishAnswer()
{
    if (m_unpublishedAnswer.isEmpty())
        return;
    publishProgress(QStringLiteral("intermediate_result"), std::exchange(m_unpublishedAnswer, {}),
        QStringLiteral("answering"), 3, std::nullopt, metrics());
}

void GenerationReporter::publishProgress(const QString &type, const QString &message, const QString &activity,
    int step, std::optional<double> percentage, GenerationMetrics figures, QJsonObject fields)
{
    ProgressUpdate update = ProgressUpdate::now(m_context.sessionId, type, message, activity, percentage);
    update.extra = std::move(fields);
    update.currentStep = step;
    update.totalSteps = TotalSteps;
    update.metrics = figures.isEmpty() ? metrics() : std::move(figures);
    const EventData data = update.toStoredData(); // written once, with its figures, when first read
    publish(EventKind::Progress, data);
}

GenerationMetrics GenerationReporter::metrics() const
{
    GenerationMetrics figures;
    const qint64 elapsedMs = m_elapsed.elapsed();
    figures.elapsedMs = elapsedMs;
    figures.tokens = m_deltas;
    if (m_firstTokenMs >= 0) {
        figures.ttftMs = m_firstTokenMs;
        const qint64 generatingMs = elapsedMs - m_firstTokenMs;
        if (generatingMs > 0 && m_deltas > 1)
            figures.tokensPerSecond = double(m_deltas - 1) * 1000.0 / double(generatingMs);
    }
    return figures;
}
