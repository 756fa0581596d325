// SPDX-License-Identifier: MIT
#include "api/agui/AguiRecorder.h"

#include "events/ProgressUpdate.h"
#include "events/ThinkingStep.h"
#include "hub/StreamingHub.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

constexpr int FlushIntervalMs = 250; // "at most four times a second", as a chat's progress
constexpr qsizetype MaxTextCharacters = 32 * 1024; // per update, and a reasoning step's content
constexpr qsizetype MaxOpenSteps = 256;
constexpr qsizetype MaxOpenCalls = 1024; // reasoning messages and tool calls open at once

QString appendBounded(QString &text, const QString &delta, qsizetype max)
{
    const qsizetype room = max - text.size();
    if (room > 0)
        text += QStringView(delta).first(std::min(room, delta.size()));
    return text;
}

QString contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList texts; // parts: the text ones
    for (const QJsonValue &part : content.toArray()) {
        if (part[QLatin1StringView("type")].toString() == QLatin1String("text"))
            texts << part[QLatin1StringView("text")].toString();
    }
    return texts.join(QLatin1Char('\n'));
}

} // namespace

AguiRecorder::AguiRecorder(
    StreamingHub &hub, QString sessionId, QString agentName, QString runId, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_sessionId(std::move(sessionId))
    , m_agentName(std::move(agentName))
    , m_runId(std::move(runId))
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(FlushIntervalMs);
    connect(&m_flush, &QTimer::timeout, this, &AguiRecorder::flush);
}

void AguiRecorder::record(const AguiEvent &event)
{
    const auto ms = event.timestampMs();
    const QDateTime at = ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC) : QDateTime::currentDateTimeUtc();
    const QString &kind = event.kind;
    // A run that ended (finished, failed or stopped) is not opened again by what comes after it; only a
    // new RUN_STARTED opens the next.
    if (m_runEnded && kind != QLatin1String("RUN_STARTED"))
        return;
    if (kind == QLatin1String("RUN_STARTED"))
        return runStarted(event, at);
    if (kind == QLatin1String("RUN_FINISHED"))
        return runEnded(Ending::Finished, {}, {}, at);
    if (kind == QLatin1String("RUN_ERROR"))
        return runEnded(Ending::Failed, event.string(QLatin1StringView("message")),
            event.string(QLatin1StringView("code")), at);
    ensureRun(at);
    const QString messageId = event.string(QLatin1StringView("messageId"));
    if (kind == QLatin1String("STEP_STARTED"))
        return stepStarted(event.string(QLatin1StringView("stepName")), at);
    if (kind == QLatin1String("STEP_FINISHED"))
        return stepFinished(event.string(QLatin1StringView("stepName")), at);
    if (kind == QLatin1String("REASONING_MESSAGE_START"))
        return reasoningStarted(messageId, at);
    if (kind == QLatin1String("REASONING_MESSAGE_CONTENT")
        || kind == QLatin1String("REASONING_MESSAGE_CHUNK")) {
        if (!messageId.isEmpty() && !m_reasoning.contains(messageId))
            reasoningStarted(messageId, at);
        return reasoningContent(messageId, event.string(QLatin1StringView("delta")), at);
    }
    if (kind == QLatin1String("REASONING_MESSAGE_END"))
        return reasoningEnded(messageId, at);
    if (kind == QLatin1String("REASONING_START") || kind == QLatin1String("REASONING_END"))
        return; // a container of reasoning messages: they are what is recorded
    const QString toolCallId = event.string(QLatin1StringView("toolCallId"));
    if (kind == QLatin1String("TOOL_CALL_START"))
        return toolStarted(toolCallId, event.string(QLatin1StringView("toolCallName")), at);
    if (kind == QLatin1String("TOOL_CALL_CHUNK")) {
        if (!toolCallId.isEmpty() && !m_tools.contains(toolCallId))
            toolStarted(toolCallId, event.string(QLatin1StringView("toolCallName")), at);
        return toolArguments(toolCallId, event.string(QLatin1StringView("delta")));
    }
    if (kind == QLatin1String("TOOL_CALL_ARGS"))
        return toolArguments(toolCallId, event.string(QLatin1StringView("delta")));
    if (kind == QLatin1String("TOOL_CALL_END"))
        return toolEnded(toolCallId);
    if (kind == QLatin1String("TOOL_CALL_RESULT"))
        return toolResult(event, at);
    if (kind == QLatin1String("TEXT_MESSAGE_START")) {
        flush();
        m_textMessageId = messageId;
        m_textRole = event.string(QLatin1StringView("role"));
        return;
    }
    if (kind == QLatin1String("TEXT_MESSAGE_CONTENT") || kind == QLatin1String("TEXT_MESSAGE_CHUNK"))
        return textContent(
            messageId, event.string(QLatin1StringView("role")), event.string(QLatin1StringView("delta")));
    if (kind == QLatin1String("TEXT_MESSAGE_END"))
        return textEnded(messageId);
    if (kind == QLatin1String("STATE_SNAPSHOT") || kind == QLatin1String("STATE_DELTA")
        || kind == QLatin1String("CUSTOM"))
        return keep(event);
    // MESSAGES_SNAPSHOT, RAW, ACTIVITY_* and SUBAGENT_* reach the caller unchanged; they are not recorded.
}

void AguiRecorder::fail(const QString &message, const QString &code, const QString &detail)
{
    if (m_runEnded)
        return;
    m_failureDetail = detail;
    runEnded(Ending::Failed, message, code, QDateTime::currentDateTimeUtc());
}

void AguiRecorder::stop(const QString &why)
{
    runEnded(Ending::Stopped, why, {}, QDateTime::currentDateTimeUtc());
}

void AguiRecorder::ensureRun(const QDateTime &at)
{
    if (m_runOpen)
        return;
    AguiEvent started; // an agent that did not start its run with RUN_STARTED: the run still has a step
    started.kind = QStringLiteral("RUN_STARTED");
    runStarted(started, at);
}

void AguiRecorder::runStarted(const AguiEvent &event, const QDateTime &at)
{
    flush();
    const QString runId = event.string(QLatin1StringView("runId"));
    m_runId = runId.isEmpty() ? m_runId : runId;
    m_runStepId = QStringLiteral("run:")
        + (m_runId.isEmpty() ? QStringLiteral("%1").arg(at.toMSecsSinceEpoch()) : m_runId);
    m_runStartedAt = at;
    m_runOpen = true;
    m_runEnded = false;
    m_steps.clear();
    m_stepNamesUsed.clear();
    // The moment first, then the run's step: a timeline shows the run's steps under that step, so a moment
    // published after it would be listed after everything the run did.
    publishProgress(QStringLiteral("progress"), QStringLiteral("%1 started run %2").arg(m_agentName, m_runId),
        QStringLiteral("started"), 0, runFields({}));
    publishStep(m_runStepId, {}, QStringLiteral("agent"), m_agentName, QStringLiteral("running"), at, {},
        QStringLiteral("Run %1 of %2").arg(m_runId, m_agentName));
}

void AguiRecorder::runEnded(Ending ending, const QString &message, const QString &code, const QDateTime &at)
{
    const bool failed = ending != Ending::Finished; // its open steps did not finish
    if (m_runEnded)
        return;
    ensureRun(at);
    flush();
    // Whatever the agent left open ends with the run: stopped, not failed, when the run was stopped.
    const QString status = ending == Ending::Finished ? QStringLiteral("ok")
        : ending == Ending::Stopped                   ? QStringLiteral("stopped")
                                                      : QStringLiteral("error");
    while (!m_steps.isEmpty()) {
        const OpenStep step = m_steps.takeLast();
        publishStep(
            step.id, parentId(), QStringLiteral("step"), step.name, status, step.startedAt, at, step.name);
    }
    for (auto it = m_reasoning.cbegin(); it != m_reasoning.cend(); ++it)
        publishStep(it->stepId, it->parentId, QStringLiteral("reasoning"), QStringLiteral("Reasoning"),
            status, it->startedAt, at, it->text);
    m_reasoning.clear();
    // A call whose result the client may still send stays open when the run finished; not when it failed.
    if (failed) {
        for (auto it = m_tools.cbegin(); it != m_tools.cend(); ++it)
            publishStep(it->stepId, it->parentId, QStringLiteral("tool"), it->name, status, it->startedAt, at,
                it->name, it->arguments);
    }
    m_tools.clear();
    m_runOpen = false;
    m_runEnded = true;
    publishStep(m_runStepId, {}, QStringLiteral("agent"), m_agentName, status, m_runStartedAt, at,
        ending == Ending::Stopped ? QStringLiteral("Run %1 stopped: %2").arg(m_runId, message)
            : failed              ? QStringLiteral("Run %1 failed: %2").arg(m_runId, message)
                                  : QStringLiteral("Run %1 finished").arg(m_runId),
        {}, failed ? message : QString());
    if (ending == Ending::Stopped)
        publishProgress(QStringLiteral("warning"), QStringLiteral("Stopped: %1").arg(message),
            QStringLiteral("aborted"), std::nullopt, runFields(message));
    else if (failed) {
        QJsonObject fields = runFields(message);
        if (!code.isEmpty())
            fields.insert(QStringLiteral("code"), code);
        if (!m_failureDetail.isEmpty())
            fields.insert(QStringLiteral("detail"), std::exchange(m_failureDetail, {}));
        publishProgress(QStringLiteral("warning"), QStringLiteral("Failed: %1").arg(message),
            QStringLiteral("failed"), std::nullopt, fields);
    } else
        publishProgress(QStringLiteral("completion"),
            QStringLiteral("%1 finished run %2").arg(m_agentName, m_runId), QStringLiteral("done"), 100,
            runFields({}));
}

QJsonObject AguiRecorder::runFields(const QString &reason) const
{
    QJsonObject fields {{QStringLiteral("agent"), m_agentName}};
    if (!reason.isEmpty())
        fields.insert(QStringLiteral("reason"), reason);
    return fields;
}

QString AguiRecorder::parentId() const
{
    return m_steps.isEmpty() ? m_runStepId : m_steps.last().id;
}

void AguiRecorder::stepStarted(const QString &name, const QDateTime &at)
{
    flush();
    if (m_steps.size() >= MaxOpenSteps)
        return;
    const int uses = ++m_stepNamesUsed[name];
    const QString id
        = m_runStepId + QLatin1Char('/') + name + (uses > 1 ? QStringLiteral("#%1").arg(uses) : QString());
    publishStep(id, parentId(), QStringLiteral("step"), name, QStringLiteral("running"), at, {}, name);
    m_steps.append({id, name, at});
}

void AguiRecorder::stepFinished(const QString &name, const QDateTime &at)
{
    flush();
    for (qsizetype i = m_steps.size() - 1; i >= 0; --i) {
        if (m_steps.at(i).name != name)
            continue;
        const OpenStep step = m_steps.takeAt(i);
        const QString parent = i == 0 ? m_runStepId : m_steps.at(i - 1).id;
        publishStep(
            step.id, parent, QStringLiteral("step"), name, QStringLiteral("ok"), step.startedAt, at, name);
        return;
    }
}

QString AguiRecorder::scopedStepId(QLatin1StringView kind, const QString &id) const
{
    return m_runStepId + QLatin1Char('/') + kind + QLatin1Char(':') + id;
}

void AguiRecorder::reasoningStarted(const QString &messageId, const QDateTime &at)
{
    QString id = messageId;
    if (id.isEmpty()) // THINKING_TEXT_MESSAGE_START: no id of its own
        id = m_thinkingId = QStringLiteral("%1:thinking-%2").arg(m_runStepId).arg(++m_thinkingCount);
    if (m_reasoning.contains(id) || m_reasoning.size() >= MaxOpenCalls)
        return;
    flush();
    const QString stepId = messageId.isEmpty() ? id : scopedStepId(QLatin1StringView("reasoning"), messageId);
    m_reasoning.insert(id, {stepId, parentId(), at, {}});
    publishStep(stepId, parentId(), QStringLiteral("reasoning"), QStringLiteral("Reasoning"),
        QStringLiteral("running"), at, {}, {});
}

void AguiRecorder::reasoningContent(const QString &messageId, const QString &delta, const QDateTime &at)
{
    QString id = messageId.isEmpty() ? m_thinkingId : messageId;
    if (id.isEmpty()) {
        reasoningStarted({}, at);
        id = m_thinkingId;
    }
    const auto it = m_reasoning.find(id);
    if (it == m_reasoning.end())
        return;
    appendBounded(it->text, delta, MaxTextCharacters);
    if (!m_text.isEmpty())
        flush(); // the answer so far goes before reasoning that comes after it
    for (qsizetype from = 0; from < delta.size();) {
        const qsizetype take = std::min(delta.size() - from, MaxTextCharacters - m_aloud.size());
        m_aloud += QStringView(delta).sliced(from, take);
        from += take;
        if (m_aloud.size() == MaxTextCharacters)
            flush();
    }
    if (!m_flush.isActive())
        m_flush.start();
}

void AguiRecorder::reasoningEnded(const QString &messageId, const QDateTime &at)
{
    const QString id = messageId.isEmpty() ? std::exchange(m_thinkingId, {}) : messageId;
    const auto it = m_reasoning.find(id);
    if (it == m_reasoning.end())
        return;
    flush();
    const Reasoning reasoning = *it;
    m_reasoning.erase(it);
    publishStep(reasoning.stepId, reasoning.parentId, QStringLiteral("reasoning"),
        QStringLiteral("Reasoning"), QStringLiteral("ok"), reasoning.startedAt, at, reasoning.text);
}

void AguiRecorder::toolStarted(const QString &id, const QString &name, const QDateTime &at)
{
    if (id.isEmpty() || m_tools.contains(id) || m_tools.size() >= MaxOpenCalls)
        return;
    flush();
    const QString stepId = scopedStepId(QLatin1StringView("tool"), id);
    m_tools.insert(id, {stepId, name, parentId(), at, {}});
    publishStep(stepId, parentId(), QStringLiteral("tool"), name, QStringLiteral("running"), at, {}, name);
}

void AguiRecorder::toolArguments(const QString &id, const QString &delta)
{
    const auto it = m_tools.find(id);
    if (it != m_tools.end())
        appendBounded(it->arguments, delta, StepDetails::MaxSummaryCharacters);
}

void AguiRecorder::toolEnded(const QString &id)
{
    const auto it = m_tools.find(id);
    if (it == m_tools.end())
        return;
    flush();
    // Its arguments are whole; its result may come later in the run.
    publishStep(it->stepId, it->parentId, QStringLiteral("tool"), it->name, QStringLiteral("running"),
        it->startedAt, {}, it->name, it->arguments);
}

void AguiRecorder::toolResult(const AguiEvent &event, const QDateTime &at)
{
    flush();
    const QString id = event.string(QLatin1StringView("toolCallId"));
    ToolCall call = m_tools.take(id);
    if (call.stepId.isEmpty()) // a result for a call this run did not start: a step of this run
        call.stepId = scopedStepId(QLatin1StringView("tool"), id);
    const QString output = StepDetails::clipped(
        contentText(event.json.value(QLatin1StringView("content"))), StepDetails::MaxSummaryCharacters);
    publishStep(call.stepId, call.parentId.isEmpty() ? parentId() : call.parentId, QStringLiteral("tool"),
        call.name, QStringLiteral("ok"), call.startedAt, at,
        call.name.isEmpty() ? QStringLiteral("Tool result") : call.name, call.arguments, output);
}

void AguiRecorder::textContent(const QString &messageId, const QString &role, const QString &delta)
{
    if (!messageId.isEmpty() && messageId != m_textMessageId) {
        flush();
        m_textMessageId = messageId;
        m_textRole = role;
    }
    if (!m_aloud.isEmpty())
        flush(); // the reasoning so far goes before the answer that follows it
    for (qsizetype from = 0; from < delta.size();) {
        const qsizetype take = std::min(delta.size() - from, MaxTextCharacters - m_text.size());
        m_text += QStringView(delta).sliced(from, take);
        from += take;
        if (m_text.size() == MaxTextCharacters)
            flush();
    }
    if (!m_flush.isActive())
        m_flush.start();
}

void AguiRecorder::textEnded(const QString &messageId)
{
    if (messageId != m_textMessageId)
        return;
    // The last part of the answer says it is the last.
    const QString text = std::exchange(m_text, {});
    flush();
    publishProgress(QStringLiteral("intermediate_result"), text, QStringLiteral("answering"), std::nullopt,
        {{QStringLiteral("message_id"), m_textMessageId},
            {QStringLiteral("role"), m_textRole.isEmpty() ? QStringLiteral("assistant") : m_textRole},
            {QStringLiteral("message_end"), true}});
    m_textMessageId.clear();
}

void AguiRecorder::keep(const AguiEvent &event)
{
    flush();
    const QString name
        = event.kind == QLatin1String("CUSTOM") ? event.string(QLatin1StringView("name")) : event.type;
    const QByteArray json = QJsonDocument(event.json).toJson(QJsonDocument::Compact);
    // As it came, unless it would not fit in one event: then it is named, and said to be too large.
    if (json.size() > m_hub.limits().maxEventBytes - 4096)
        return publishProgress(QStringLiteral("intermediate_result"),
            QStringLiteral("%1 (%2 bytes, too large to keep)").arg(name).arg(json.size()),
            event.kind == QLatin1String("CUSTOM") ? QStringLiteral("custom") : QStringLiteral("state"),
            std::nullopt);
    publishProgress(QStringLiteral("intermediate_result"), name,
        event.kind == QLatin1String("CUSTOM") ? QStringLiteral("custom") : QStringLiteral("state"),
        std::nullopt, {{QStringLiteral("agui_event"), event.json}});
}

void AguiRecorder::flush()
{
    m_flush.stop();
    if (!m_aloud.isEmpty())
        publishProgress(QStringLiteral("thinking_aloud"), std::exchange(m_aloud, {}),
            QStringLiteral("thinking"), std::nullopt);
    if (!m_text.isEmpty())
        publishProgress(QStringLiteral("intermediate_result"), std::exchange(m_text, {}),
            QStringLiteral("answering"), std::nullopt,
            {{QStringLiteral("message_id"), m_textMessageId},
                {QStringLiteral("role"), m_textRole.isEmpty() ? QStringLiteral("assistant") : m_textRole}});
}

void AguiRecorder::publishStep(const QString &id, const QString &parent, const QString &kind,
    const QString &name, const QString &status, const QDateTime &startedAt, const QDateTime &endedAt,
    const QString &content, const QString &input, const QString &output)
{
    ThinkingStep step;
    step.sessionId = m_sessionId;
    step.timestamp = QDateTime::currentDateTimeUtc();
    step.thinkingType = QStringLiteral("reasoning"); // neutral: `kind` says what it was
    step.content = StepDetails::clipped(content, MaxTextCharacters);
    step.contextUsed
        = {{QStringLiteral("source"), QStringLiteral("ag-ui")}, {QStringLiteral("agent"), m_agentName}};
    StepDetails &details = step.details;
    details.stepId = StepDetails::clipped(id, StepDetails::MaxIdCharacters);
    if (!parent.isEmpty())
        details.parentId = StepDetails::clipped(parent, StepDetails::MaxIdCharacters);
    details.kind = kind;
    details.name = StepDetails::clipped(name, StepDetails::MaxNameCharacters);
    details.status = status;
    details.startedAt = startedAt;
    details.endedAt = endedAt;
    if (startedAt.isValid() && endedAt.isValid())
        step.estimatedDuration = std::max<double>(0, double(startedAt.msecsTo(endedAt)) / 1000.0);
    details.input = StepDetails::clipped(input, StepDetails::MaxSummaryCharacters);
    details.output = StepDetails::clipped(output, StepDetails::MaxSummaryCharacters);
    m_hub.publish(
        m_sessionId, EventKind::Thinking, step.toStoredData(), [](StoreStatus, const StoredEvent &) {});
}

void AguiRecorder::publishProgress(const QString &type, const QString &message, const QString &activity,
    std::optional<double> percentage, QJsonObject extra)
{
    ProgressUpdate update = ProgressUpdate::now(m_sessionId, type, message, activity, percentage);
    update.runId = m_runId;
    update.extra = std::move(extra);
    m_hub.publish(
        m_sessionId, EventKind::Progress, update.toStoredData(), [](StoreStatus, const StoredEvent &) {});
}
