// SPDX-License-Identifier: MIT
// Shows a Ponder session as AG-UI events, so an AG-UI front end can display any session: a chat
// completion, a traced agent, an agent relayed over AG-UI, or one that publishes over REST. Fed the
// session's events in order (history, then live), it writes a sequence @ag-ui/client accepts:
// - a run opens with RUN_STARTED (a "started"/"received" progress update, or whatever comes first) and
//   ends with RUN_FINISHED (a completion, or the session's end) or RUN_ERROR (a failed or aborted update);
// - steps merged by step_id (StepMerge's rule) are STEP_STARTED / STEP_FINISHED, tool steps TOOL_CALL_START /
//   ARGS / END / RESULT, reasoning steps and plain thinking steps REASONING_* messages;
// - thinking_aloud updates stream as one REASONING_* message, answer updates ("answering") as
//   TEXT_MESSAGE_*; reasoning already streamed so is not repeated by the run's reasoning steps;
// - STATE_* and CUSTOM events an agent sent come out as they came; other progress is CUSTOM
//   ("ponder.progress").
// Everything open is closed before a run ends. Pure: events in, events out. What it remembers of a run's
// steps is bounded: past it the oldest is forgotten (closed first if it is still open).
#pragma once

#include "store/StoredEvent.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <deque>

class AguiEncoder
{
public:
    explicit AguiEncoder(QString sessionId);

    QList<QJsonObject> encode(const StoredEvent &event);
    // The session ended: the last run is finished and nothing more is written.
    bool ended() const { return m_ended; }

    static constexpr qsizetype MaxRememberedSteps = 10'000;

private:
    struct Step
    {
        QJsonObject merged; // the step's events merged (StepMerge)
        QString stepName; // as STEP_STARTED named it
        bool started = false;
        bool finished = false;
        bool argumentsSent = false;
        bool callEnded = false;
        bool resultSent = false;
    };

    void progress(const QJsonObject &data, qint64 at, QList<QJsonObject> &out);
    void thinking(const StoredEvent &event, const QJsonObject &data, qint64 at, QList<QJsonObject> &out);
    void step(const QJsonObject &data, qint64 at, QList<QJsonObject> &out);
    void tool(Step &step, const QString &id, qint64 at, QList<QJsonObject> &out);
    void plainStep(Step &step, const QString &id, qint64 at, QList<QJsonObject> &out);
    // REASONING_START and REASONING_MESSAGE_START of one reasoning message.
    void openReasoning(const QString &messageId, qint64 at, QList<QJsonObject> &out) const;
    void reasoningBlock(const QString &messageId, const QString &text, qint64 at, QList<QJsonObject> &out);
    void ensureRun(const QString &runId, qint64 at, QList<QJsonObject> &out);
    void endRun(bool failed, const QString &message, const QString &code, qint64 at, QList<QJsonObject> &out);
    void closeText(qint64 at, QList<QJsonObject> &out);
    void closeReasoning(qint64 at, QList<QJsonObject> &out);
    void closeAll(qint64 at, QList<QJsonObject> &out);
    void forgetOldSteps(qint64 at, QList<QJsonObject> &out);
    QJsonObject make(const char *type, qint64 at) const;

    QString m_sessionId;
    bool m_ended = false;
    bool m_runOpen = false;
    QString m_runId;
    int m_runs = 0;
    bool m_aloudInRun = false; // the run's reasoning streamed as thinking_aloud
    QString m_reasoningId; // the open thinking_aloud reasoning message
    QString m_textId; // the open text message
    QHash<QString, Step> m_steps;
    std::deque<QString> m_stepOrder; // first seen first
    QSet<QString> m_activeStepNames;
};
