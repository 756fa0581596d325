// SPDX-License-Identifier: MIT
// Records one AG-UI run into its hub session (the run's threadId) as Ponder's events:
// - the run is a root step of kind agent (RUN_STARTED opens it; RUN_FINISHED ends it ok, RUN_ERROR with an
//   error) and the session's progress (started, done, failed);
// - STEP_STARTED / STEP_FINISHED are steps with a start and an end, nested in the steps open around them;
// - REASONING_* (and the older THINKING_*) are reasoning steps whose content is the text, which also
//   streams as thinking_aloud progress while it comes;
// - TOOL_CALL_START / ARGS / END / RESULT are a tool step with its arguments (input) and result (output);
// - TEXT_MESSAGE_* are the answer: progress updates of type intermediate_result, activity "answering",
//   carrying the text with message_id (message_end on the last);
// - STATE_SNAPSHOT, STATE_DELTA and CUSTOM are kept as they came, in an update's `agui_event` member.
// Text that streams in deltas is published at most four times a second, and everything held is bounded.
#pragma once

#include "protocols/agui/AguiEvent.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <optional>

class StreamingHub;

class AguiRecorder : public QObject
{
    Q_OBJECT

public:
    // `runId`: the run's id as the caller's RunAgentInput gave it, until RUN_STARTED says otherwise.
    AguiRecorder(
        StreamingHub &hub, QString sessionId, QString agentName, QString runId, QObject *parent = nullptr);

    void record(const AguiEvent &event);
    // The run failed without the agent saying so (unreachable, an HTTP error, a stream cut short): recorded
    // as its RUN_ERROR would be. `detail` is what the other side said (the network error, the agent's
    // HTTP body), kept apart from Ponder's English message so the window can word the failure by its code.
    void fail(const QString &message, const QString &code, const QString &detail = {});
    // The caller stopped the run (the window's Stop, a client that went away): the session is stopped,
    // not failed, as a stopped chat is.
    void stop(const QString &why);
    bool runEnded() const { return m_runEnded; }

private:
    struct OpenStep
    {
        QString id;
        QString name;
        QDateTime startedAt;
    };
    struct Reasoning
    {
        QString stepId;
        QString parentId;
        QDateTime startedAt;
        QString text;
    };
    struct ToolCall
    {
        QString stepId;
        QString name;
        QString parentId;
        QDateTime startedAt;
        QString arguments;
    };

    void runStarted(const AguiEvent &event, const QDateTime &at);
    enum class Ending
    {
        Finished,
        Failed,
        Stopped
    };
    void runEnded(Ending ending, const QString &message, const QString &code, const QDateTime &at);
    void stepStarted(const QString &name, const QDateTime &at);
    void stepFinished(const QString &name, const QDateTime &at);
    void reasoningStarted(const QString &messageId, const QDateTime &at);
    void reasoningContent(const QString &messageId, const QString &delta, const QDateTime &at);
    void reasoningEnded(const QString &messageId, const QDateTime &at);
    void toolStarted(const QString &id, const QString &name, const QDateTime &at);
    void toolArguments(const QString &id, const QString &delta);
    void toolEnded(const QString &id);
    void toolResult(const AguiEvent &event, const QDateTime &at);
    void textContent(const QString &messageId, const QString &role, const QString &delta);
    void textEnded(const QString &messageId);
    void keep(const AguiEvent &event);
    void flush();
    void ensureRun(const QDateTime &at);
    QString parentId() const;
    // What a run's moments carry besides their English message (run_id is added to every update): the
    // agent's name and, when it failed or was stopped, why. The window phrases the moment from these.
    QJsonObject runFields(const QString &reason) const;
    QString m_failureDetail; // fail()'s detail, for the run's last update

    void publishStep(const QString &id, const QString &parent, const QString &kind, const QString &name,
        const QString &status, const QDateTime &startedAt, const QDateTime &endedAt, const QString &content,
        const QString &input = {}, const QString &output = {});
    void publishProgress(const QString &type, const QString &message, const QString &activity,
        std::optional<double> percentage, QJsonObject extra = {});

    StreamingHub &m_hub;
    QString m_sessionId;
    QString m_agentName;
    QString m_runId;
    QString m_runStepId;
    QDateTime m_runStartedAt;
    bool m_runOpen = false;
    bool m_runEnded = false;
    QList<OpenStep> m_steps; // open AG-UI steps, innermost last
    QHash<QString, int> m_stepNamesUsed; // so a step name used twice in a run makes two steps
    QHash<QString, Reasoning> m_reasoning; // by messageId
    QString m_thinkingId; // the older THINKING_* messages carry no id: the one open
    int m_thinkingCount = 0;
    QHash<QString, ToolCall> m_tools; // by toolCallId
    // Agents reuse message and call ids from run to run ("r1", "c1"): a step's id is its run's, so one
    // run's reasoning or call is never merged into another's by a watcher.
    QString scopedStepId(QLatin1StringView kind, const QString &id) const;
    // What streams in deltas and waits for the next flush.
    QString m_aloud; // reasoning text
    QString m_textMessageId;
    QString m_textRole;
    QString m_text;
    QTimer m_flush;
};
