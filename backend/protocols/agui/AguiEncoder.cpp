// SPDX-License-Identifier: MIT
#include "protocols/agui/AguiEncoder.h"

#include "events/StepMerge.h"

#include <QDateTime>

namespace {

qint64 msOf(const QJsonValue &iso)
{
    const QDateTime time = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

bool isDone(const QJsonObject &step)
{
    const QString status = step.value(QLatin1StringView("status")).toString();
    return status == QLatin1String("ok") || status == QLatin1String("error")
        || status == QLatin1String("stopped") || step.contains(QLatin1StringView("ended_at"));
}

QString activityOf(const QJsonObject &data)
{
    return data.value(QLatin1StringView("current_activity")).toString();
}

} // namespace

AguiEncoder::AguiEncoder(QString sessionId)
    : m_sessionId(std::move(sessionId))
{ }

QJsonObject AguiEncoder::make(const char *type, qint64 at) const
{
    return {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("timestamp"), at}};
}

QList<QJsonObject> AguiEncoder::encode(const StoredEvent &event)
{
    QList<QJsonObject> out;
    if (m_ended)
        return out;
    const QJsonObject &data = event.data.object();
    const qint64 at = msOf(data.value(QLatin1StringView("timestamp")));
    if (event.isSessionEnd()) {
        if (m_runOpen)
            endRun(false, {}, {}, at, out);
        m_ended = true;
        return out;
    }
    if (event.kind == EventKind::Progress)
        progress(data, at, out);
    else
        thinking(event, data, at, out);
    return out;
}

void AguiEncoder::ensureRun(const QString &runId, qint64 at, QList<QJsonObject> &out)
{
    if (m_runOpen && (runId.isEmpty() || runId == m_runId))
        return;
    if (m_runOpen) // another run's events: the one open is over
        endRun(false, {}, {}, at, out);
    ++m_runs;
    m_runId = runId.isEmpty() ? QStringLiteral("%1-run-%2").arg(m_sessionId).arg(m_runs) : runId;
    m_runOpen = true;
    m_aloudInRun = false;
    QJsonObject started = make("RUN_STARTED", at);
    started.insert(QStringLiteral("threadId"), m_sessionId);
    started.insert(QStringLiteral("runId"), m_runId);
    out << started;
}

void AguiEncoder::endRun(
    bool failed, const QString &message, const QString &code, qint64 at, QList<QJsonObject> &out)
{
    closeAll(at, out);
    m_runOpen = false;
    if (failed) {
        QJsonObject error = make("RUN_ERROR", at);
        error.insert(
            QStringLiteral("message"), message.isEmpty() ? QStringLiteral("the run failed") : message);
        if (!code.isEmpty())
            error.insert(QStringLiteral("code"), code);
        out << error;
        return;
    }
    QJsonObject finished = make("RUN_FINISHED", at);
    finished.insert(QStringLiteral("threadId"), m_sessionId);
    finished.insert(QStringLiteral("runId"), m_runId);
    out << finished;
}

void AguiEncoder::progress(const QJsonObject &data, qint64 at, QList<QJsonObject> &out)
{
    const QString type = data.value(QLatin1StringView("update_type")).toString();
    const QString activity = activityOf(data);
    const QString runId = data.value(QLatin1StringView("run_id")).toString();
    const QString message = data.value(QLatin1StringView("message")).toString();
    if (activity == QLatin1String("started") || activity == QLatin1String("received")) {
        if (m_runOpen && (runId.isEmpty() || runId != m_runId))
            endRun(false, {}, {}, at, out); // a new request or run in the same session
        ensureRun(runId, at, out);
        return;
    }
    ensureRun(runId, at, out);
    if (type == QLatin1String("completion"))
        return endRun(false, {}, {}, at, out);
    if (type == QLatin1String("warning")
        && (activity == QLatin1String("failed") || activity == QLatin1String("aborted")))
        return endRun(true, message, data.value(QLatin1StringView("code")).toString(), at, out);
    if (type == QLatin1String("thinking_aloud")) {
        closeText(at, out);
        if (m_reasoningId.isEmpty()) {
            m_reasoningId = QStringLiteral("%1-reasoning-%2").arg(m_runId).arg(at);
            openReasoning(m_reasoningId, at, out);
        }
        m_aloudInRun = true;
        if (!message.isEmpty()) {
            QJsonObject content = make("REASONING_MESSAGE_CONTENT", at);
            content.insert(QStringLiteral("messageId"), m_reasoningId);
            content.insert(QStringLiteral("delta"), message);
            out << content;
        }
        return;
    }
    // An agent's answer names its message; a model's request (Ponder's own) has one answer and no id.
    if (activity == QLatin1String("answering")) {
        closeReasoning(at, out);
        const QString messageId = data.value(QLatin1StringView("message_id")).toString();
        if (m_textId.isEmpty() || (!messageId.isEmpty() && m_textId != messageId)) {
            closeText(at, out);
            m_textId = messageId.isEmpty() ? QStringLiteral("%1-answer-%2").arg(m_runId).arg(at) : messageId;
            QJsonObject start = make("TEXT_MESSAGE_START", at);
            start.insert(QStringLiteral("messageId"), m_textId);
            start.insert(QStringLiteral("role"), QStringLiteral("assistant"));
            out << start;
        }
        if (!message.isEmpty()) {
            QJsonObject content = make("TEXT_MESSAGE_CONTENT", at);
            content.insert(QStringLiteral("messageId"), m_textId);
            content.insert(QStringLiteral("delta"), message);
            out << content;
        }
        if (data.value(QLatin1StringView("message_end")).toBool())
            closeText(at, out);
        return;
    }
    if (data.value(QLatin1StringView("agui_event")).isObject()) {
        out << data.value(QLatin1StringView("agui_event")).toObject(); // kept as the agent sent it
        return;
    }
    QJsonObject custom = make("CUSTOM", at);
    custom.insert(QStringLiteral("name"), QStringLiteral("ponder.progress"));
    QJsonObject value;
    for (const char *key : {"update_type", "message", "progress_percentage", "current_step", "total_steps",
             "current_activity", "metrics"}) {
        const QJsonValue member = data.value(QLatin1String(key));
        if (!member.isUndefined() && !member.isNull())
            value.insert(QLatin1String(key), member);
    }
    custom.insert(QStringLiteral("value"), value);
    out << custom;
}

void AguiEncoder::thinking(
    const StoredEvent &event, const QJsonObject &data, qint64 at, QList<QJsonObject> &out)
{
    if (data.contains(QLatin1StringView("step_id")))
        return step(data, at, out);
    ensureRun({}, at, out);
    // A chat's steps are cut from the reasoning it streamed as thinking_aloud: not shown twice.
    const QString source
        = data.value(QLatin1StringView("context_used"))[QLatin1StringView("source")].toString();
    if (m_aloudInRun && source == QLatin1String("model_reasoning"))
        return;
    reasoningBlock(QStringLiteral("step-") + event.id.toString(),
        data.value(QLatin1StringView("content")).toString(), at, out);
}

void AguiEncoder::step(const QJsonObject &data, qint64 at, QList<QJsonObject> &out)
{
    const QString id = data.value(QLatin1StringView("step_id")).toString();
    const QString kind = data.value(QLatin1StringView("kind")).toString();
    const QString source
        = data.value(QLatin1StringView("context_used"))[QLatin1StringView("source")].toString();
    // A relayed run's own step is the run itself: RUN_STARTED and RUN_FINISHED already show it.
    if (kind == QLatin1String("agent") && source == QLatin1String("ag-ui")
        && data.value(QLatin1StringView("parent_id")).isNull())
        return;
    ensureRun({}, at, out);
    auto it = m_steps.find(id);
    if (it == m_steps.end()) {
        it = m_steps.insert(id, Step {data, {}, false, false, false, false, false});
        m_stepOrder.push_back(id);
        forgetOldSteps(at, out);
        it = m_steps.find(id);
        if (it == m_steps.end())
            return;
    } else {
        it->merged = StepMerge::merged(it->merged, data);
    }
    if (kind == QLatin1String("tool")
        || it->merged.value(QLatin1StringView("kind")).toString() == QLatin1String("tool"))
        return tool(*it, id, at, out);
    if (it->merged.value(QLatin1StringView("kind")).toString() == QLatin1String("reasoning")) {
        if (!isDone(it->merged) || it->finished)
            return;
        it->finished = true;
        if (!m_aloudInRun)
            reasoningBlock(id, it->merged.value(QLatin1StringView("content")).toString(), at, out);
        return;
    }
    plainStep(*it, id, at, out);
}

void AguiEncoder::tool(Step &step, const QString &id, qint64 at, QList<QJsonObject> &out)
{
    const QJsonObject &merged = step.merged;
    if (!step.started) {
        closeText(at, out);
        closeReasoning(at, out);
        step.started = true;
        QJsonObject start = make("TOOL_CALL_START", at);
        start.insert(QStringLiteral("toolCallId"), id);
        start.insert(QStringLiteral("toolCallName"), merged.value(QLatin1StringView("name")).toString());
        out << start;
    }
    const QString input = merged.value(QLatin1StringView("input")).toString();
    if (!step.argumentsSent && !input.isEmpty()) {
        step.argumentsSent = true;
        QJsonObject arguments = make("TOOL_CALL_ARGS", at);
        arguments.insert(QStringLiteral("toolCallId"), id);
        arguments.insert(QStringLiteral("delta"), input);
        out << arguments;
    }
    const bool done = isDone(merged);
    if (!step.callEnded && (step.argumentsSent || done)) {
        step.callEnded = true;
        QJsonObject end = make("TOOL_CALL_END", at);
        end.insert(QStringLiteral("toolCallId"), id);
        out << end;
    }
    if (done && !step.resultSent) {
        step.resultSent = step.finished = true;
        QString content = merged.value(QLatin1StringView("output")).toString();
        const QString status = merged.value(QLatin1StringView("status")).toString();
        if (status == QLatin1String("error") || status == QLatin1String("stopped"))
            content = status + QStringLiteral(": ")
                + (content.isEmpty() ? merged.value(QLatin1StringView("content")).toString() : content);
        QJsonObject result = make("TOOL_CALL_RESULT", at);
        result.insert(QStringLiteral("messageId"), id + QStringLiteral(":result"));
        result.insert(QStringLiteral("toolCallId"), id);
        result.insert(QStringLiteral("content"), content);
        result.insert(QStringLiteral("role"), QStringLiteral("tool"));
        out << result;
    }
}

void AguiEncoder::plainStep(Step &step, const QString &id, qint64 at, QList<QJsonObject> &out)
{
    const QJsonObject &merged = step.merged;
    const QJsonObject metadata {{QStringLiteral("ponder"),
        QJsonObject {{QStringLiteral("stepId"), id},
            {QStringLiteral("parentId"), merged.value(QLatin1StringView("parent_id"))},
            {QStringLiteral("kind"), merged.value(QLatin1StringView("kind"))},
            {QStringLiteral("status"), merged.value(QLatin1StringView("status"))}}}};
    if (!step.started) {
        step.started = true;
        QString name = merged.value(QLatin1StringView("name")).toString();
        if (name.isEmpty())
            name = merged.value(QLatin1StringView("content")).toString().left(80);
        if (name.isEmpty() || m_activeStepNames.contains(name)) // names of open steps must differ
            name = QStringLiteral("%1 (%2)").arg(name, id);
        step.stepName = name;
        m_activeStepNames.insert(name);
        QJsonObject started = make("STEP_STARTED", at);
        started.insert(QStringLiteral("stepName"), name);
        started.insert(QStringLiteral("metadata"), metadata);
        out << started;
    }
    if (!step.finished && isDone(merged)) {
        step.finished = true;
        m_activeStepNames.remove(step.stepName);
        QJsonObject finished = make("STEP_FINISHED", at);
        finished.insert(QStringLiteral("stepName"), step.stepName);
        finished.insert(QStringLiteral("metadata"), metadata);
        out << finished;
    }
}

void AguiEncoder::openReasoning(const QString &messageId, qint64 at, QList<QJsonObject> &out) const
{
    QJsonObject start = make("REASONING_START", at);
    start.insert(QStringLiteral("messageId"), messageId);
    QJsonObject messageStart = make("REASONING_MESSAGE_START", at);
    messageStart.insert(QStringLiteral("messageId"), messageId);
    messageStart.insert(QStringLiteral("role"), QStringLiteral("reasoning"));
    out << start << messageStart;
}

void AguiEncoder::reasoningBlock(
    const QString &messageId, const QString &text, qint64 at, QList<QJsonObject> &out)
{
    closeText(at, out);
    closeReasoning(at, out);
    openReasoning(messageId, at, out);
    if (!text.isEmpty()) {
        QJsonObject content = make("REASONING_MESSAGE_CONTENT", at);
        content.insert(QStringLiteral("messageId"), messageId);
        content.insert(QStringLiteral("delta"), text);
        out << content;
    }
    QJsonObject messageEnd = make("REASONING_MESSAGE_END", at);
    messageEnd.insert(QStringLiteral("messageId"), messageId);
    QJsonObject end = make("REASONING_END", at);
    end.insert(QStringLiteral("messageId"), messageId);
    out << messageEnd << end;
}

void AguiEncoder::closeText(qint64 at, QList<QJsonObject> &out)
{
    if (m_textId.isEmpty())
        return;
    QJsonObject end = make("TEXT_MESSAGE_END", at);
    end.insert(QStringLiteral("messageId"), std::exchange(m_textId, {}));
    out << end;
}

void AguiEncoder::closeReasoning(qint64 at, QList<QJsonObject> &out)
{
    if (m_reasoningId.isEmpty())
        return;
    QJsonObject messageEnd = make("REASONING_MESSAGE_END", at);
    messageEnd.insert(QStringLiteral("messageId"), m_reasoningId);
    QJsonObject end = make("REASONING_END", at);
    end.insert(QStringLiteral("messageId"), std::exchange(m_reasoningId, {}));
    out << messageEnd << end;
}

void AguiEncoder::closeAll(qint64 at, QList<QJsonObject> &out)
{
    closeText(at, out);
    closeReasoning(at, out);
    for (const QString &id : m_stepOrder) {
        Step &step = m_steps[id];
        if (step.started && !step.finished && !step.callEnded
            && step.merged.value(QLatin1StringView("kind")).toString() == QLatin1String("tool")) {
            step.callEnded = true;
            QJsonObject end = make("TOOL_CALL_END", at);
            end.insert(QStringLiteral("toolCallId"), id);
            out << end;
        } else if (step.started && !step.finished && !step.stepName.isEmpty()) {
            QJsonObject finished = make("STEP_FINISHED", at);
            finished.insert(QStringLiteral("stepName"), step.stepName);
            out << finished;
        }
        step.finished = true;
    }
    m_activeStepNames.clear();
    // A run's steps stay for merging (a late end event), but a new run starts them afresh.
    m_steps.clear();
    m_stepOrder.clear();
}

void AguiEncoder::forgetOldSteps(qint64 at, QList<QJsonObject> &out)
{
    // The oldest first, closed if it is still open (one that comes again later starts afresh): each step
    // is forgotten once, so a long run costs the same per step however many came before.
    while (qsizetype(m_stepOrder.size()) > MaxRememberedSteps) {
        const QString id = m_stepOrder.front();
        m_stepOrder.pop_front();
        const Step step = m_steps.take(id);
        if (!step.started || step.finished)
            continue;
        if (step.merged.value(QLatin1StringView("kind")).toString() == QLatin1String("tool")) {
            if (!step.callEnded) {
                QJsonObject end = make("TOOL_CALL_END", at);
                end.insert(QStringLiteral("toolCallId"), id);
                out << end;
            }
        } else {
            m_activeStepNames.remove(step.stepName);
            QJsonObject finished = make("STEP_FINISHED", at);
            finished.insert(QStringLiteral("stepName"), step.stepName);
            out << finished;
        }
    }
}
