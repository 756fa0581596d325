// SPDX-License-Identifier: MIT
#include "ProgressState.h"

#include "ChatTypes.h"
#include "TimelineItem.h"

#include <QDateTime>

namespace {

constexpr int TickMs = 100; // a tenth of a second is what the panel shows

} // namespace

ProgressState::ProgressState(QObject *parent)
    : QObject(parent)
{
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, &ProgressState::elapsedChanged);
}

qint64 ProgressState::remainingMs() const
{
    if (m_remainingMs < 0)
        return -1;
    const qint64 since = running() && m_sinceUpdate.isValid() ? m_sinceUpdate.elapsed() : 0;
    return std::max<qint64>(0, m_remainingMs - since);
}

qint64 ProgressState::elapsedMs() const
{
    return running() && m_sinceUpdate.isValid() ? m_elapsedMs + m_sinceUpdate.elapsed() : m_elapsedMs;
}

void ProgressState::followPhase()
{
    if (running()) {
        m_sinceUpdate.start();
        if (!m_tick.isActive())
            m_tick.start();
    } else {
        m_tick.stop();
    }
    Q_EMIT elapsedChanged();
}

void ProgressState::apply(const QJsonObject &update)
{
    const QString activity = update.value(QLatin1String("current_activity")).toString();
    const QString type = update.value(QLatin1String("update_type")).toString();
    m_phase = phaseOf(activity, type, m_phase);
    // Reasoning and answer text are the timeline's; here they would only push the status line around.
    if (type != QLatin1String("thinking_aloud") && activity != QLatin1String("answering")) {
        m_message = update.value(QLatin1String("message")).toString();
        const std::optional<Timeline::Milestone> moment = TimelineItem::runMomentOf(update);
        m_runMoment = moment ? int(*moment) : -1;
        // A run's moment names whose run; a generation's failure, in fields, what failed.
        m_run = moment || activity == QLatin1String("failed") ? TimelineItem::runOf(update).toVariantMap()
                                                              : QVariantMap();
        // Ponder's own failures carry figures (a model's request) or name the agent (a relayed run).
        const bool ponders
            = update.contains(QLatin1String("metrics")) || m_run.contains(QStringLiteral("agent"));
        m_failureKind = activity == QLatin1String("failed") && ponders ? int(ChatError::kindOfFields(m_run))
                                                                       : int(ChatFailure::Kind::None);
    }
    // Whoever stopped it (the user, or a client that went away), stopped is what it is.
    if (m_phase == Phase::Stopped)
        m_message = tr("Stopped.");
    m_percentage = update.value(QLatin1String("progress_percentage")).toDouble(-1);
    if (m_phase == Phase::Done)
        m_percentage = 100;
    const QJsonValue step = update.value(QLatin1String("current_step"));
    // A step by name, or by number: the latest says which, so a name given once does not stay on.
    if (step.isString()) {
        m_stepName = step.toString();
    } else if (step.isDouble()) {
        m_stepName.clear();
        m_currentStep = step.toInt(m_currentStep);
    }
    m_totalSteps = update.value(QLatin1String("total_steps")).toInt(m_totalSteps);
    const QJsonValue remaining = update.value(QLatin1String("estimated_remaining"));
    if (remaining.isDouble()) {
        // As of when it was said: read later (a session opened a while after), that time has passed.
        const qint64 said = TimelineItem::timeOf(update.value(QLatin1String("timestamp")));
        const qint64 since = said > 0 ? std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() - said) : 0;
        m_remainingMs = std::max<qint64>(0, qint64(std::max(0.0, remaining.toDouble()) * 1000) - since);
        m_remainingText.clear();
    } else if (remaining.isString()) {
        m_remainingMs = -1;
        m_remainingText = remaining.toString();
    }
    if (!running())
        m_remainingMs = -1;
    const QJsonObject metrics = update.value(QLatin1String("metrics")).toObject();
    m_promptPercentage = -1;
    if (metrics.isEmpty()) {
        if (update.contains(QLatin1String("current_activity")) && type != QLatin1String("thinking_aloud")
            && activity != QLatin1String("answering"))
            m_activity = activity;
    } else {
        if (activity == QLatin1String("reading_prompt"))
            m_promptPercentage = update.value(QLatin1String("progress_percentage")).toDouble(-1);
        m_finishReason = metrics.value(QLatin1String("finish_reason")).toString(m_finishReason);
        m_promptTokens = metrics.value(QLatin1String("prompt_tokens")).toInteger(m_promptTokens);
        m_hasMetrics = true;
        m_tokens = metrics.value(QLatin1String("tokens")).toInteger(m_tokens);
        m_elapsedMs = metrics.value(QLatin1String("elapsed_ms")).toInteger(m_elapsedMs);
        m_firstTokenMs = metrics.value(QLatin1String("ttft_ms")).toInteger(m_firstTokenMs);
        m_tokensPerSecond = metrics.value(QLatin1String("tokens_per_second")).toDouble(m_tokensPerSecond);
        if (metrics.contains(QLatin1String("completion_tokens")))
            m_tokens = metrics.value(QLatin1String("completion_tokens")).toInteger();
    }
    followPhase();
    Q_EMIT changed();
}

ProgressState::Phase ProgressState::phaseOf(const QString &activity, const QString &updateType, Phase current)
{
    // Reading the prompt (llama.cpp's prompt progress) is still before the first token.
    if (activity == QLatin1String("received") || activity == QLatin1String("waiting")
        || activity == QLatin1String("reading_prompt"))
        return Phase::Waiting;
    // "started": an agent's next run in the same session (AG-UI), whatever the last one ended as.
    if (activity == QLatin1String("generating") || activity == QLatin1String("thinking")
        || activity == QLatin1String("started"))
        return Phase::Working;
    if (activity == QLatin1String("done") || updateType == QLatin1String("completion"))
        return Phase::Done;
    if (activity == QLatin1String("failed"))
        return Phase::Failed;
    // ("stopped": an outside agent's word for what Ponder's own updates call aborted.)
    if (activity == QLatin1String("aborted") || activity == QLatin1String("stopped"))
        return Phase::Stopped;
    // An outside agent's own activity names: it is working unless it said it finished.
    return current == Phase::Done || current == Phase::Ended ? current : Phase::Working;
}

void ProgressState::end()
{
    if (!running() && m_phase != Phase::Idle)
        return;
    m_elapsedMs = elapsedMs();
    m_phase = Phase::Ended;
    m_remainingMs = -1;
    followPhase();
    Q_EMIT changed();
}

void ProgressState::noteActivity()
{
    if (m_phase != Phase::Idle)
        return;
    m_phase = Phase::Working;
    followPhase();
    Q_EMIT changed();
}

void ProgressState::begin(const QString &message)
{
    reset();
    m_phase = Phase::Waiting;
    m_message = message;
    followPhase();
    Q_EMIT changed();
}

void ProgressState::fail(const QString &message, const QVariantMap &failure)
{
    m_elapsedMs = elapsedMs();
    m_phase = Phase::Failed;
    m_message = message; // the window's own words, not a run's moment
    m_runMoment = -1;
    m_run = failure;
    m_failureKind = int(ChatError::kindOfFields(failure));
    m_percentage = -1;
    followPhase();
    Q_EMIT changed();
}

void ProgressState::reset()
{
    m_phase = Phase::Idle;
    m_message.clear();
    m_runMoment = -1;
    m_run.clear();
    m_failureKind = int(ChatFailure::Kind::None);
    m_percentage = -1;
    m_currentStep = m_totalSteps = 0;
    m_tokens = 0;
    m_tokensPerSecond = -1;
    m_firstTokenMs = -1;
    m_elapsedMs = 0;
    m_hasMetrics = false;
    m_activity.clear();
    m_stepName.clear();
    m_remainingMs = -1;
    m_remainingText.clear();
    m_promptPercentage = -1;
    m_finishReason.clear();
    m_promptTokens = -1;
    m_sinceUpdate.invalidate();
    followPhase();
    Q_EMIT changed();
}
