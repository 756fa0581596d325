// SPDX-License-Identifier: MIT
#include "SessionTimeline.h"

#include <QDateTime>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace {

constexpr int ClockMs = 250; // the bars and the elapsed time move four times a second
// Reasoning text past the steps not found in it by this much: it will not be, so stop looking.
constexpr qsizetype GiveUpAfterChars = 8 * 1024;

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

SessionTimeline::SessionTimeline(QObject *parent)
    : QAbstractListModel(parent)
{
    m_clock.setInterval(ClockMs);
    connect(&m_clock, &QTimer::timeout, this, &SessionTimeline::clockChanged);
    // Rows come and go with moments, steps and folding, not only with steps: whatever hangs on the
    // count (an empty panel's intro) hears of every change.
    connect(this, &QAbstractItemModel::rowsInserted, this, &SessionTimeline::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &SessionTimeline::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &SessionTimeline::countChanged);
}

int SessionTimeline::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

qint64 SessionTimeline::nowMs() const
{
    if (m_items.isEmpty())
        return 0;
    return (m_live ? now() : std::max(m_endedAt, m_latestMs)) - m_originMs;
}

qint64 SessionTimeline::spanMs() const
{
    if (m_items.isEmpty())
        return 0;
    return std::max<qint64>(1, std::max(m_latestMs - m_originMs, nowMs()));
}

QVariant SessionTimeline::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineItem &item = itemAt(index.row());
    switch (role) {
    case EntryRole:
        return QVariant::fromValue(item.entry);
    case KeyRole:
        return item.key;
    case OffsetMsRole:
        return item.startMs - m_originMs;
    case DurationMsRole:
        return item.endMs < 0 ? qint64(-1) : item.endMs - item.startMs;
    case OpenRole:
        return item.endMs < 0 && m_live;
    case DepthRole:
        return item.depth;
    case HasChildrenRole:
        return !item.children.isEmpty();
    case ExpandedRole:
        return item.expanded;
    case NumberRole:
        return item.number;
    case StepTypeRole:
        return item.type;
    case StepKindRole:
        return item.kind;
    case NameRole:
        return item.name;
    case StatusRole:
        return QVariant::fromValue(item.status);
    case Qt::DisplayRole:
    case ContentRole:
        return item.content;
    case ReasoningChainRole:
        return item.chain;
    case AlternativesRole:
        return item.alternatives;
    case FactorsRole:
        return item.factors;
    case ConfidenceRole:
        return item.confidence;
    case InputRole:
        return item.input;
    case OutputRole:
        return item.output;
    case AttributesRole:
        return item.attributes;
    case MilestoneRole:
        return QVariant::fromValue(item.milestone);
    case MessageRole:
        return item.message;
    case PercentageRole:
        return item.percentage;
    case FindingsRole:
        return item.findings;
    case MetricsRole:
        return item.metrics.toVariantMap();
    case RunRole:
        return item.run.toVariantMap();
    default:
        return {};
    }
}

QHash<int, QByteArray> SessionTimeline::roleNames() const
{
    return {{EntryRole, "entry"}, {KeyRole, "key"}, {OffsetMsRole, "offsetMs"},
        {DurationMsRole, "durationMs"}, {OpenRole, "open"}, {DepthRole, "depth"},
        {HasChildrenRole, "hasChildren"}, {ExpandedRole, "expanded"}, {NumberRole, "number"},
        {StepTypeRole, "stepType"}, {StepKindRole, "stepKind"}, {NameRole, "name"}, {StatusRole, "status"},
        {ContentRole, "content"}, {ReasoningChainRole, "reasoningChain"}, {AlternativesRole, "alternatives"},
        {FactorsRole, "factors"}, {ConfidenceRole, "confidence"}, {InputRole, "input"},
        {OutputRole, "output"}, {AttributesRole, "attributes"}, {MilestoneRole, "milestone"},
        {MessageRole, "message"}, {PercentageRole, "percentage"}, {FindingsRole, "findings"},
        {MetricsRole, "metrics"}, {RunRole, "run"}};
}

void SessionTimeline::noteTime(qint64 ms)
{
    if (ms <= 0)
        return;
    if (m_earliestMs == 0 || ms < m_earliestMs) {
        m_earliestMs = ms;
        updateOrigin();
    }
    m_latestMs = std::max(m_latestMs, ms);
}

void SessionTimeline::setStartMs(qint64 ms)
{
    m_startMs = std::max<qint64>(0, ms);
    updateOrigin();
}

void SessionTimeline::updateOrigin()
{
    // The session's creation when it is known: an agent may publish its first step seconds after it, and
    // that wait is part of its run. Anything earlier (a traced span that began before) moves it back.
    qint64 origin = m_earliestMs;
    if (m_startMs > 0 && (origin == 0 || m_startMs < origin))
        origin = m_startMs;
    if (origin == m_originMs)
        return;
    m_originMs = origin;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {OffsetMsRole});
    Q_EMIT clockChanged();
}

void SessionTimeline::setLive(bool live)
{
    if (m_live == live)
        return;
    m_live = live;
    if (live)
        m_clock.start();
    else
        m_clock.stop();
    Q_EMIT liveChanged();
    Q_EMIT clockChanged();
}

void SessionTimeline::addStep(const QJsonObject &json)
{
    const QString key = json.value("step_id"_L1).toString();
    if (!key.isEmpty() && m_byKey.contains(key)) {
        // Published again (at its end, say): one step, where it first appeared.
        const int at = m_byKey.value(key);
        TimelineItem &item = m_items[at];
        const qint64 start = item.startMs;
        const bool wasOpen = item.endMs < 0;
        const QString contentBefore = item.content;
        item.json = TimelineItem::mergedStep(item.json, json);
        TimelineItem::readStep(item.json, item);
        if (!item.json.contains("started_at"_L1))
            item.startMs = start;
        // Finished without saying when: it ended when it said so.
        if (!item.timed && item.status != Timeline::StepStatus::Running
            && item.status != Timeline::StepStatus::NoStatus) {
            item.endMs = std::max(item.startMs, TimelineItem::timeOf(json.value("timestamp"_L1)));
            item.timed = true;
        } else if (!item.timed && wasOpen) {
            item.endMs = -1;
        }
        noteTime(item.startMs);
        noteTime(item.endMs);
        const bool coversThought
            = isReasoning(item) && !item.content.isEmpty() && item.content != contentBefore;
        const QString content = item.content;
        changedItem(at);
        // An agent's reasoning step says its text at its end, after the text streamed: shown once.
        if (coversThought)
            coverThought(content);
        return;
    }
    TimelineItem item;
    item.json = key.isEmpty() ? QJsonObject() : json;
    item.number = int(m_stepsBefore) + m_stepCount + 1;
    TimelineItem::readStep(json, item);
    item.key = key.isEmpty() ? u"#%1"_s.arg(m_items.size()) : key;
    if (item.startMs <= 0)
        item.startMs = now();
    // Published once, finished, without its times: a moment, not a step that runs on.
    if (!item.timed && item.status != Timeline::StepStatus::Running
        && item.status != Timeline::StepStatus::NoStatus) {
        item.endMs = item.startMs;
        item.timed = true;
    }
    ++m_stepCount;
    noteTime(item.startMs);
    noteTime(item.endMs);
    setLive(m_endedAt == 0);
    const bool reasoning = isReasoning(item);
    const QString content = item.content;
    const int added = addItem(std::move(item));
    closeOpenSibling(added);
    if (reasoning && !content.isEmpty())
        coverThought(content);
    Q_EMIT countChanged();
}

void SessionTimeline::addProgress(const QJsonObject &json)
{
    const QString type = json.value("update_type"_L1).toString();
    const QString activity = json.value("current_activity"_L1).toString();
    if (type == "thinking_aloud"_L1 || activity == "answering"_L1)
        return; // the reasoning and the answer are text, not moments
    using Timeline::Milestone;
    // An agent's run as Ponder relays it says whose run it is in fields; the window words it itself.
    if (const std::optional<Milestone> moment = TimelineItem::runMomentOf(json))
        return addMilestone(*moment, json);
    // Ponder's own generations carry figures; the window words their moments itself.
    if (json.contains("metrics"_L1)) {
        if (activity == "received"_L1)
            return addMilestone(Milestone::Received, json);
        if (activity == "waiting"_L1)
            return addMilestone(Milestone::Accepted, json);
        if (activity == "reading_prompt"_L1)
            return addMilestone(Milestone::ReadingPrompt, json);
        if (activity == "generating"_L1 && !std::exchange(m_sawFirstToken, true))
            return addMilestone(Milestone::FirstToken, json);
        if (activity == "done"_L1)
            return addMilestone(Milestone::Done, json);
        if (activity == "failed"_L1)
            return addMilestone(Milestone::Failed, json);
        if (activity == "aborted"_L1)
            return addMilestone(Milestone::Stopped, json);
        return;
    }
    if (type == "warning"_L1)
        return addMilestone(Milestone::Warning, json);
    if (type == "completion"_L1)
        return addMilestone(Milestone::Done, json);
    addMilestone(Milestone::AgentUpdate, json);
}

void SessionTimeline::addMilestone(Timeline::Milestone milestone, const QJsonObject &json, qint64 atMs)
{
    TimelineItem item;
    item.entry = Timeline::Entry::MilestoneEntry;
    item.milestone = milestone;
    item.message = json.value("message"_L1).toString();
    item.percentage = json.value("progress_percentage"_L1).toDouble(-1);
    item.findings = TimelineItem::findingsOf(json.value("intermediate_findings"_L1));
    item.metrics = json.value("metrics"_L1).toObject();
    item.run = TimelineItem::runOf(json);
    item.startMs = TimelineItem::timeOf(json.value("timestamp"_L1));
    if (item.startMs <= 0)
        item.startMs = atMs > 0 ? atMs : now();
    item.endMs = item.startMs;
    item.timed = true;

    if (milestone == Timeline::Milestone::ReadingPrompt && m_promptRow >= 0) {
        // One row while the prompt is read: its figures change in place.
        TimelineItem &reading = m_items[m_promptRow];
        reading.percentage = item.percentage;
        reading.metrics = item.metrics;
        reading.endMs = item.startMs;
        noteTime(item.startMs);
        m_dirtyPrompt = m_promptRow;
        return;
    }
    int last = int(m_items.size()) - 1; // what came last (the reasoning text aside)
    while (last >= 0 && m_items.at(last).entry == Timeline::Entry::ThoughtEntry)
        --last;
    if (milestone == Timeline::Milestone::AgentUpdate && last >= 0 && item.findings.isEmpty()) {
        // The same words again with a new percentage: the row it is, updated.
        TimelineItem &previous = m_items[last];
        if (previous.entry == Timeline::Entry::MilestoneEntry
            && previous.milestone == Timeline::Milestone::AgentUpdate && previous.message == item.message) {
            previous.percentage = item.percentage;
            noteTime(item.startMs);
            changedItem(last, {PercentageRole});
            return;
        }
    }
    if (milestone == Timeline::Milestone::Received || milestone == Timeline::Milestone::RunStarted
        || milestone == Timeline::Milestone::TraceStarted)
        m_endedAt = 0;
    if (item.message.isEmpty() && item.findings.isEmpty() && milestone == Timeline::Milestone::AgentUpdate)
        return; // a percentage alone: the status bar shows it
    noteTime(item.startMs);
    const bool ends = milestone == Timeline::Milestone::Done || milestone == Timeline::Milestone::Failed
        || milestone == Timeline::Milestone::Stopped || milestone == Timeline::Milestone::Ended
        || milestone == Timeline::Milestone::RunFinished || milestone == Timeline::Milestone::RunFailed
        || milestone == Timeline::Milestone::RunStopped || milestone == Timeline::Milestone::TraceFinished
        || milestone == Timeline::Milestone::TraceFailed || milestone == Timeline::Milestone::TraceMoved;
    const bool starts = milestone == Timeline::Milestone::Received
        || milestone == Timeline::Milestone::RunStarted || milestone == Timeline::Milestone::TraceStarted;
    // Said while a step runs (an agent's run, a tool call): told inside it, in order among its steps.
    // At the top level it went after the whole tree, as if it came after every step the run took since.
    // What starts or ends the session stays at the top.
    if (!starts && !ends) {
        if (const int running = runningStep(); running >= 0)
            item.parentKey = m_items.at(running).key;
    }
    const qint64 at = item.startMs;
    const int added = addItem(std::move(item));
    if (milestone == Timeline::Milestone::ReadingPrompt)
        m_promptRow = added;
    if (ends)
        end(at);
    else
        setLive(true);
}

int SessionTimeline::runningStep() const
{
    for (int at = int(m_items.size()) - 1; at >= 0; --at) {
        const TimelineItem &item = m_items.at(at);
        if (item.isStep() && item.status == Timeline::StepStatus::Running && item.endMs < 0)
            return at;
    }
    return -1;
}

int SessionTimeline::addItem(TimelineItem item)
{
    const int at = int(m_items.size());
    const QString parentKey = item.parentKey;
    m_items.append(std::move(item));
    m_byKey.insert(m_items.last().key, at);
    if (!parentKey.isEmpty()) {
        if (m_byKey.contains(parentKey) && m_byKey.value(parentKey) != at) {
            attach(at, m_byKey.value(parentKey));
        } else {
            m_orphans.insert(parentKey, at); // shown as a root until its parent arrives
            insertVisible(m_thoughtItem >= 0 ? int(m_rows.size()) - 1 : int(m_rows.size()), {at});
        }
    } else {
        // Roots go before the reasoning row, which stays last.
        insertVisible(m_thoughtItem >= 0 ? int(m_rows.size()) - 1 : int(m_rows.size()), {at});
    }
    adoptOrphansOf(at);
    return at;
}

void SessionTimeline::attach(int child, int parent)
{
    TimelineItem &parentItem = m_items[parent];
    parentItem.children.append(child);
    std::sort(parentItem.children.begin(), parentItem.children.end());
    m_items[child].parent = parent;
    setDepth(child, parentItem.depth + 1);
    changedItem(parent, {HasChildrenRole});
    const int parentRow = rowOfItem(parent);
    if (parentRow < 0 || !parentItem.expanded)
        return;
    QList<int> shown;
    visibleSubtree(child, shown);
    insertVisible(rowForChild(parent, child), shown);
}

void SessionTimeline::adoptOrphansOf(int parent)
{
    const QString key = m_items.at(parent).key;
    QList<int> orphans = m_orphans.values(key);
    if (orphans.isEmpty())
        return;
    m_orphans.remove(key);
    std::sort(orphans.begin(), orphans.end());
    for (const int orphan : orphans) {
        // Its rows (it, and its shown descendants) leave the roots...
        const int row = rowOfItem(orphan);
        if (row >= 0) {
            const int last = lastRowOfSubtree(row);
            beginRemoveRows({}, row, last);
            m_rows.remove(row, last - row + 1);
            endRemoveRows();
        }
        // ...and come back under their parent.
        attach(orphan, parent);
    }
}

void SessionTimeline::closeOpenSibling(int item)
{
    TimelineItem &added = m_items[item];
    if (!added.isStep())
        return;
    const int parent = added.parent;
    if (const auto open = m_openSibling.constFind(parent); open != m_openSibling.cend()) {
        TimelineItem &previous = m_items[*open];
        if (previous.endMs < 0 && previous.status == Timeline::StepStatus::NoStatus) {
            previous.endMs = std::max(previous.startMs, added.startMs);
            changedItem(*open, {DurationMsRole, OpenRole});
        }
    }
    if (!added.timed && added.status != Timeline::StepStatus::Running)
        m_openSibling.insert(parent, item);
    else
        m_openSibling.remove(parent);
}

void SessionTimeline::appendThought(const QString &text, qint64 atMs)
{
    if (text.isEmpty())
        return;
    m_thought += text;
    setLive(m_endedAt == 0);
    resolveReasoning();
    updateThought(atMs);
}

bool SessionTimeline::isReasoning(const TimelineItem &item)
{
    // A model's reasoning step, or an agent's (AG-UI reasoning messages are steps of kind "reasoning").
    return item.entry == Timeline::Entry::ReasoningEntry || item.kind == "reasoning"_L1;
}

void SessionTimeline::coverThought(const QString &stepText)
{
    m_uncovered << stepText;
    resolveReasoning();
    updateThought();
}

void SessionTimeline::resolveReasoning()
{
    while (!m_uncovered.isEmpty()) {
        const QString &step = m_uncovered.first();
        const qsizetype found = m_thought.indexOf(step, m_covered);
        if (found >= 0) {
            m_covered = found + step.size();
            m_uncovered.removeFirst();
            continue;
        }
        if (m_thought.size() - m_covered > step.size() + GiveUpAfterChars) {
            m_covered = m_thought.size(); // it will not turn up: show no text twice
            m_uncovered.clear();
        }
        return;
    }
}

void SessionTimeline::updateThought(qint64 atMs)
{
    // While a step is not found in the text yet, the text after the last one found is (partly) that
    // step: show none rather than show it twice.
    const QString rest
        = m_uncovered.isEmpty() ? QStringView(m_thought).mid(m_covered).trimmed().toString() : QString();
    if (rest.isEmpty()) {
        if (m_thoughtItem >= 0) {
            const int row = int(m_rows.size()) - 1;
            beginRemoveRows({}, row, row);
            m_rows.removeLast();
            endRemoveRows();
            m_items[m_thoughtItem].content.clear();
            m_thoughtItem = -1;
            m_thoughtChanged = false;
        }
        return;
    }
    if (m_thoughtItem >= 0) {
        m_items[m_thoughtItem].content = rest;
        m_items[m_thoughtItem].endMs = -1;
        m_thoughtChanged = true;
        return;
    }
    TimelineItem thought;
    thought.entry = Timeline::Entry::ThoughtEntry;
    thought.key = u"#thought%1"_s.arg(m_items.size());
    thought.content = rest;
    thought.startMs = atMs > 0 ? atMs : std::max(m_latestMs, m_originMs);
    if (thought.startMs <= 0)
        thought.startMs = now();
    noteTime(thought.startMs);
    m_thoughtItem = int(m_items.size());
    m_items.append(thought);
    insertVisible(int(m_rows.size()), {m_thoughtItem});
}

void SessionTimeline::flush()
{
    if (m_thoughtChanged && m_thoughtItem >= 0) {
        m_thoughtChanged = false;
        const QModelIndex last = index(int(m_rows.size()) - 1);
        Q_EMIT dataChanged(last, last, {ContentRole});
    }
    if (m_dirtyPrompt >= 0)
        changedItem(std::exchange(m_dirtyPrompt, -1), {PercentageRole, MetricsRole, DurationMsRole});
}

void SessionTimeline::end(qint64 atMs)
{
    m_endedAt = std::max<qint64>(atMs > 0 ? atMs : now(), m_latestMs);
    for (int at = 0; at < m_items.size(); ++at) {
        TimelineItem &item = m_items[at];
        if (item.endMs < 0 && item.entry != Timeline::Entry::ThoughtEntry) {
            item.endMs = std::max(item.startMs, m_endedAt);
            changedItem(at, {DurationMsRole, OpenRole});
        }
    }
    noteTime(m_endedAt);
    setLive(false);
}

void SessionTimeline::sessionEnded(qint64 atMs)
{
    if (m_endedAt != 0 && !m_live)
        return; // it said how it ended already
    addMilestone(Timeline::Milestone::Ended, {}, atMs);
}

void SessionTimeline::clear()
{
    if (!m_rows.isEmpty()) {
        beginRemoveRows({}, 0, int(m_rows.size()) - 1);
        m_rows.clear();
        endRemoveRows();
    }
    m_items.clear();
    m_byKey.clear();
    m_orphans.clear();
    m_openSibling.clear();
    m_originMs = m_earliestMs = m_startMs = m_latestMs = m_endedAt = 0;
    m_stepCount = 0;
    m_stepsBefore = 0;
    m_sawFirstToken = false;
    m_promptRow = m_dirtyPrompt = -1;
    m_thought.clear();
    m_covered = 0;
    m_uncovered.clear();
    m_thoughtItem = -1;
    m_thoughtChanged = false;
    setLive(false);
    Q_EMIT countChanged();
    Q_EMIT clockChanged();
}

void SessionTimeline::toggle(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const int at = m_rows.at(row);
    TimelineItem &item = m_items[at];
    if (item.children.isEmpty())
        return;
    if (item.expanded) {
        const int last = lastRowOfSubtree(row);
        item.expanded = false;
        if (last > row) {
            beginRemoveRows({}, row + 1, last);
            m_rows.remove(row + 1, last - row);
            endRemoveRows();
        }
    } else {
        item.expanded = true;
        QList<int> shown;
        for (const int child : item.children)
            visibleSubtree(child, shown);
        insertVisible(row + 1, shown);
    }
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {ExpandedRole});
}

void SessionTimeline::changedItem(int item, const QList<int> &roles)
{
    const int row = rowOfItem(item);
    if (row < 0)
        return;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, roles);
}

int SessionTimeline::rowOfItem(int item) const
{
    // From the end: what changes is nearly always recent.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (m_rows.at(row) == item)
            return row;
    }
    return -1;
}

int SessionTimeline::lastRowOfSubtree(int row) const
{
    const int depth = m_items.at(m_rows.at(row)).depth;
    int last = row;
    while (last + 1 < m_rows.size() && m_items.at(m_rows.at(last + 1)).depth > depth
        && m_rows.at(last + 1) != m_thoughtItem)
        ++last;
    return last;
}

int SessionTimeline::rowForChild(int parent, int child) const
{
    const QList<int> &siblings = m_items.at(parent).children;
    const qsizetype position = siblings.indexOf(child);
    for (qsizetype before = position - 1; before >= 0; --before) {
        const int row = rowOfItem(siblings.at(before));
        if (row >= 0)
            return lastRowOfSubtree(row) + 1;
    }
    return rowOfItem(parent) + 1;
}

void SessionTimeline::insertVisible(int firstRow, const QList<int> &items)
{
    if (items.isEmpty())
        return;
    beginInsertRows({}, firstRow, firstRow + int(items.size()) - 1);
    for (qsizetype i = 0; i < items.size(); ++i)
        m_rows.insert(firstRow + i, items.at(i));
    endInsertRows();
}

void SessionTimeline::visibleSubtree(int item, QList<int> &out) const
{
    out.append(item);
    const TimelineItem &node = m_items.at(item);
    if (!node.expanded)
        return;
    for (const int child : node.children)
        visibleSubtree(child, out);
}

void SessionTimeline::setDepth(int item, int depth)
{
    m_items[item].depth = depth;
    for (const int child : m_items.at(item).children)
        setDepth(child, depth + 1);
}
