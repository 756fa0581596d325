// SPDX-License-Identifier: MIT
// A session as one timeline: its steps and the milestones of its progress, in order, each at its offset
// from the session's start, with how long each step took (from its start to its end, or to the next
// step, or growing while it runs). Steps that name a parent are shown under it, indented, and a parent
// can be folded: the rows are the tree's visible nodes in order. A moment said while a step runs (an
// agent's run) is shown inside that step, in order among its steps. Offsets count from the session's
// creation when it is known (setStartMs), else from the first thing it published.
//
// A model's own reasoning is shown once: its text streams in the last row (ThoughtEntry) and the steps
// cut from it become marks along it (ReasoningEntry rows, each holding the text it covers), so the text
// and its steps never repeat each other.
//
// Rows change by insertions, removals and dataChanged only; the reasoning row changes at most once per
// batch (SessionView applies a frame's events at once and calls flush()).
#pragma once

#include "models/TimelineItem.h"

#include <QAbstractListModel>
#include <QHash>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class SessionTimeline : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by a SessionView")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int stepCount READ stepCount NOTIFY countChanged) // steps of any kind, folded or not
    // From the session's start to now while it runs (ticking), else to its last moment.
    Q_PROPERTY(qint64 nowMs READ nowMs NOTIFY clockChanged)
    // The time axis the duration bars are drawn on: from the start to the latest moment known.
    Q_PROPERTY(qint64 spanMs READ spanMs NOTIFY clockChanged)
    Q_PROPERTY(bool live READ live NOTIFY liveChanged)

public:
    enum Role
    {
        EntryRole = Qt::UserRole + 1, // Timeline::Entry: which delegate shows the row
        KeyRole,
        OffsetMsRole, // from the session's start
        DurationMsRole, // -1 while open
        OpenRole, // still running: its bar grows with nowMs
        DepthRole,
        HasChildrenRole,
        ExpandedRole,
        NumberRole,
        StepTypeRole, // thinking_type
        StepKindRole, // agent, llm, tool, ...
        NameRole,
        StatusRole, // Timeline::StepStatus
        ContentRole, // Markdown
        ReasoningChainRole,
        AlternativesRole,
        FactorsRole,
        ConfidenceRole, // -1 when unknown
        InputRole,
        OutputRole,
        AttributesRole,
        MilestoneRole, // Timeline::Milestone
        MessageRole,
        PercentageRole, // -1 when unknown
        FindingsRole,
        MetricsRole, // a generation's figures, for the words QML composes
        RunRole // an agent's run (agent, run_id, reason, code), for the words QML composes
    };
    Q_ENUM(Role)

    explicit SessionTimeline(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int stepCount() const { return m_stepCount; }
    // Steps of the session before the first one added that are no longer kept: the steps are numbered
    // after them, as they were when they came.
    void setStepsBefore(qint64 count) { m_stepsBefore = count; }
    // When the session was created (ms since the epoch; 0: unknown): offsets count from there rather than
    // from the first thing it published. Until clear(), which starts a request of its own.
    void setStartMs(qint64 ms);
    qint64 nowMs() const;
    qint64 spanMs() const;
    bool live() const { return m_live; }

    // A thinking step in the streaming API's JSON shape; one published again under its step_id is merged.
    void addStep(const QJsonObject &json);
    // A progress update: a milestone when it marks one (reasoning and answer text are not milestones).
    void addProgress(const QJsonObject &json);
    // More of the reasoning text (thinking_aloud), published at `atMs` (0: unknown).
    void appendThought(const QString &text, qint64 atMs = 0);
    // The session (or its request) ended at `atMs`: open steps end there, and the clock stops.
    void end(qint64 atMs);
    // The session itself ended (session_end); a milestone unless its last one said how it ended.
    void sessionEnded(qint64 atMs);
    void clear();
    // Emits what this batch changed in rows that grow (the reasoning text, a prompt being read).
    void flush();

    // Folds or unfolds the step on `row` (one with children).
    Q_INVOKABLE void toggle(int row);
    const TimelineItem &itemAt(int row) const { return m_items.at(m_rows.at(row)); }

Q_SIGNALS:
    void countChanged();
    void clockChanged();
    void liveChanged();

private:
    int addItem(TimelineItem item); // a new root or child; returns its index
    void addMilestone(Timeline::Milestone milestone, const QJsonObject &json, qint64 atMs = 0);
    void noteTime(qint64 ms);
    void updateOrigin();
    int runningStep() const; // the latest step still running, or -1
    void setLive(bool live);
    void attach(int child, int parent);
    void adoptOrphansOf(int parent);
    void closeOpenSibling(int item);
    void changedItem(int item, const QList<int> &roles = {});
    int rowOfItem(int item) const;
    int lastRowOfSubtree(int row) const;
    int rowForChild(int parent, int child) const;
    void insertVisible(int firstRow, const QList<int> &items);
    void visibleSubtree(int item, QList<int> &out) const;
    void setDepth(int item, int depth);
    void updateThought(qint64 atMs = 0);
    static bool isReasoning(const TimelineItem &item);
    // A reasoning step's text is (or will be) in the streamed thought: the thought shows only what no step
    // has said yet.
    void coverThought(const QString &stepText);
    void resolveReasoning();

    QList<TimelineItem> m_items; // every item, in arrival order
    QList<int> m_rows; // the visible ones, in tree order
    QHash<QString, int> m_byKey;
    QMultiHash<QString, int> m_orphans; // items waiting for the parent they name
    QHash<int, int> m_openSibling; // parent (-1: roots) -> its last untimed step, open until the next
    qint64 m_originMs = 0; // what offsets count from
    qint64 m_earliestMs = 0; // the earliest moment seen
    qint64 m_startMs = 0; // the session's creation, when known
    qint64 m_latestMs = 0;
    qint64 m_endedAt = 0;
    int m_stepCount = 0;
    qint64 m_stepsBefore = 0;
    bool m_live = false;
    bool m_sawFirstToken = false;
    int m_promptRow = -1; // the item reading the prompt, updated in place
    QTimer m_clock;

    // The reasoning text, and how much of it the model's steps cover.
    QString m_thought;
    qsizetype m_covered = 0;
    QStringList m_uncovered; // steps not found in the text yet (they are published before it)
    int m_thoughtItem = -1; // the row showing the rest, always the last row
    bool m_thoughtChanged = false;
    int m_dirtyPrompt = -1;
};
