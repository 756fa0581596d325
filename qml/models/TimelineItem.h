// SPDX-License-Identifier: MIT
// One entry of a session's timeline, read from the streaming API's JSON: a step (an agent's, a tool
// call, a traced span), a step cut from a model's reasoning, the reasoning text not cut into steps yet, or
// a milestone of the session's progress. Times are absolute (ms since the epoch, UTC); the timeline turns
// them into offsets from the session's start.
//
// The enums are what QML delegates are chosen by and what it composes its (translated) words from: the
// window never shows the backend's English progress lines.
#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace Timeline {
Q_NAMESPACE
QML_ELEMENT

enum class Entry
{
    StepEntry, // a step an agent (or a trace) published
    ReasoningEntry, // a step cut from a model's own reasoning: a mark along the reasoning text
    ThoughtEntry, // the reasoning text not cut into steps yet (the last row while it streams)
    MilestoneEntry // a moment of the session's progress
};
Q_ENUM_NS(Entry)

enum class StepStatus
{
    NoStatus,
    Running,
    Succeeded,
    Errored,
    // Ended unfinished because its run was stopped: not a failure. (Not "Stopped": QML reads the values of
    // every enum of the namespace as Timeline.NAME, and Milestone has a Stopped.)
    Interrupted
};
Q_ENUM_NS(StepStatus)

enum class Milestone
{
    Received, // a chat request arrived
    Accepted, // the model server accepted it
    ReadingPrompt, // the model server reads the prompt (llama.cpp says how far)
    FirstToken,
    Done,
    Failed,
    Stopped,
    Ended, // the session ended without saying how
    AgentUpdate, // an agent's own progress message, in its own words
    Warning, // an agent's warning: pinned until the session ends
    // An AG-UI agent's run as Ponder relays it (TimelineItem::run says whose and which).
    RunStarted,
    RunFinished,
    RunFailed, // run.reason and run.code say why
    RunStopped, // run.reason says why
    // A trace Ponder ingests (OTLP) as a session of its own: run.run_id is the trace id, run.trace_title its
    // title ("" for none), run.steps_done and run.steps_failed how far it got.
    TraceStarted,
    TraceProgress,
    TraceFinished,
    TraceFailed, // run.reason, when the root span said why
    TraceMoved // run.moved_to: a later span named the conversation the trace's steps now are in
};
Q_ENUM_NS(Milestone)

} // namespace Timeline

struct TimelineItem
{
    Timeline::Entry entry = Timeline::Entry::StepEntry;
    QString key; // step_id, or one made up for events without one
    qint64 startMs = 0;
    qint64 endMs = -1; // -1: still open (running, or until the next step says)
    bool timed = false; // the publisher gave the end (ended_at, or a reasoning step's duration)

    // Steps.
    int number = 0;
    QString type; // thinking_type
    QString kind; // agent, llm, tool, retrieval, embedding, reasoning, step, custom
    QString name;
    Timeline::StepStatus status = Timeline::StepStatus::NoStatus;
    QString content; // Markdown
    QStringList chain;
    QStringList alternatives;
    QStringList factors;
    double confidence = -1;
    QString input;
    QString output;
    QString attributes; // "key: value" lines
    QJsonObject json; // as merged so far, for a step published again under its id

    // Milestones.
    Timeline::Milestone milestone = Timeline::Milestone::AgentUpdate;
    QString message; // the publisher's own words (an agent's), or the details of a failure
    double percentage = -1;
    QStringList findings;
    QJsonObject metrics; // a generation's figures: elapsed_ms, ttft_ms, prompt_tokens, ...
    QJsonObject run; // an agent's run: agent, run_id, and for an end that was not a finish, reason and code

    // The tree.
    QString parentKey; // as published; may name a step that has not arrived yet
    int parent = -1; // index of the parent item, once it is known
    QList<int> children;
    int depth = 0;
    bool expanded = true;

    bool isStep() const
    {
        return entry == Timeline::Entry::StepEntry || entry == Timeline::Entry::ReasoningEntry;
    }

    // A thinking step's JSON (as published, or merged), into `item`'s step fields.
    static void readStep(const QJsonObject &json, TimelineItem &item);
    // The step published again under its id: later members win unless empty, attributes merge by key.
    static QJsonObject mergedStep(const QJsonObject &earlier, const QJsonObject &later);
    // Intermediate findings as the window lists them: strings as they are, objects by their text.
    static QStringList findingsOf(const QJsonValue &findings);
    static qint64 timeOf(const QJsonValue &timestamp); // ISO-8601; 0 when absent or unreadable
    // A moment of an agent's run as Ponder relays it (it names the agent and the run), or of a trace Ponder
    // ingests (it names the trace), or nothing.
    static std::optional<Timeline::Milestone> runMomentOf(const QJsonObject &update);
    // What such a moment says in fields: agent, run_id, and when it failed or was stopped, reason, code and
    // detail; for a trace, trace_title, steps_done, steps_failed and reason; for a generation's failure,
    // code, upstream, upstream_status, cut_off and detail.
    static QJsonObject runOf(const QJsonObject &update);
};
