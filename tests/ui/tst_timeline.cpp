// SPDX-License-Identifier: MIT
// A session as the window's timeline shows it, fed the streaming API's own JSON: steps nest under their
// parents whatever order they come in, a step published twice is one step, durations run from start to
// end (or to the next step, or on while it runs), a model's reasoning is shown once with its steps along
// it, and a request's moments are kinds the window words itself. Every model under
// QAbstractItemModelTester. Also tokens/s over time, an agent's countdown, and Markdown tables.
#include "BackendGateway.h"
#include "ChatTypes.h"
#include "models/MarkdownSegments.h"
#include "models/MarkdownTableStyle.h"
#include "models/ProgressState.h"
#include "models/SessionTimeline.h"
#include "models/SessionView.h"
#include "models/TokenRateSeries.h"
#include "store/StoredEvent.h"

#include <QAbstractItemModelTester>
#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

using namespace Qt::StringLiterals;

namespace {

const qint64 Start
    = QDateTime::fromString(u"2026-12-06T10:00:00.000Z"_s, Qt::ISODateWithMs).toMSecsSinceEpoch();

QString at(qint64 offsetMs)
{
    return QDateTime::fromMSecsSinceEpoch(Start + offsetMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject step(const QString &id, const QString &parent, qint64 offsetMs, const QJsonObject &more = {})
{
    QJsonObject json {
        {u"thinking_type"_s, u"analysis"_s}, {u"content"_s, u"step "_s + id}, {u"timestamp"_s, at(offsetMs)}};
    if (!id.isEmpty())
        json.insert(u"step_id"_s, id);
    if (!parent.isEmpty())
        json.insert(u"parent_id"_s, parent);
    for (auto it = more.begin(); it != more.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonObject modelStep(int number, const QString &text, qint64 offsetMs, double seconds)
{
    return {{u"thinking_type"_s, u"reasoning"_s}, {u"content"_s, text}, {u"timestamp"_s, at(offsetMs)},
        {u"estimated_duration"_s, seconds},
        {u"context_used"_s, QJsonObject {{u"source"_s, u"model_reasoning"_s}, {u"step"_s, number}}}};
}

QJsonObject update(const QString &activity, qint64 offsetMs, const QJsonObject &more = {})
{
    QJsonObject json {
        {u"current_activity"_s, activity}, {u"update_type"_s, u"progress"_s}, {u"timestamp"_s, at(offsetMs)}};
    for (auto it = more.begin(); it != more.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonObject generation(const QString &activity, qint64 offsetMs, QJsonObject metrics = {})
{
    metrics.insert(u"elapsed_ms"_s, offsetMs);
    return update(activity, offsetMs, {{u"metrics"_s, metrics}});
}

// The shown rows as "depth:content" (steps) or the entry's kind, in order.
QStringList rows(const SessionTimeline &timeline)
{
    QStringList shown;
    for (int row = 0; row < timeline.rowCount(); ++row) {
        const QModelIndex index = timeline.index(row);
        switch (index.data(SessionTimeline::EntryRole).value<Timeline::Entry>()) {
        case Timeline::Entry::StepEntry:
        case Timeline::Entry::ReasoningEntry:
            shown << u"%1:%2"_s.arg(index.data(SessionTimeline::DepthRole).toInt())
                         .arg(index.data(SessionTimeline::ContentRole).toString());
            break;
        case Timeline::Entry::ThoughtEntry:
            shown << u"thought:"_s + index.data(SessionTimeline::ContentRole).toString();
            break;
        case Timeline::Entry::MilestoneEntry:
            shown << QString::fromLatin1(QMetaEnum::fromType<Timeline::Milestone>().valueToKey(
                int(index.data(SessionTimeline::MilestoneRole).value<Timeline::Milestone>())));
            break;
        }
    }
    return shown;
}

StoredEvent hubEvent(EventKind kind, const QJsonObject &data)
{
    return {u"s"_s, kind, StreamId(), kind == EventKind::Thinking ? u"thinking_step"_s : u"progress_update"_s,
        data, {}};
}

} // namespace

class TimelineTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsNestUnderTheirParents();
    void stepsNoLongerKeptAreSaidUntilALaterRequestStarts();
    void aChildBeforeItsParentMovesUnderIt();
    void aStepPublishedAgainIsOneStep();
    void foldingHidesAndShowsTheNestedSteps();
    void durationsRunToTheEndOrTheNextStepOrOn();
    void momentsDuringARunAreInOrderAmongItsSteps();
    void theClockStartsWhenTheSessionDid();
    void aModelsReasoningIsShownOnceWithItsSteps();
    void aRequestsMomentsAreKindsNotWords();
    void theCountChangesWithEveryRow();
    void anAgentsUpdatesWarningsAndFindings();
    void theViewKeepsPromptAnswerAndPinnedWarnings();
    void anAgentsRunMomentsAreKindsNotWords();
    void aRelayedAgentsStepsLeaveOutTheRelaysWords();
    void anAgentsReasoningIsShownOnce();
    void tokensPerSecondOverTimeStaysSmall();
    void anAgentsTimeLeftCountsDown();
    void aSessionOpenedAfterItEndedLastsUntilItsEnd();
    void aTracedConversationsNextTurnRunsAfterItsEnd();
    void anAgentsStepIsNamedOrNumberedAsItLastSaid();
    void aStepOfAStoppedRunIsStoppedNotFailed();
    void qmlReadsEveryTimelineValueByItsNameAlone();
    void aFailureSaysWhatWentWrongWherePonderKnows();
    void tablesAreBlocksOfTheirOwn();
    void tablesGetAShadedHeaderAndRules();
    void aTableIsStyledInOneLayout();
    void theNaturalWidthIsTheWidthUnwrapped_data();
    void theNaturalWidthIsTheWidthUnwrapped();
};

void TimelineTest::stepsNestUnderTheirParents()
{
    SessionTimeline timeline;
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    timeline.addStep(step(u"plan"_s, {}, 0));
    timeline.addStep(step(u"search"_s, u"plan"_s, 100));
    timeline.addStep(step(u"fetch"_s, u"search"_s, 200));
    timeline.addStep(step(u"book"_s, u"plan"_s, 300));
    timeline.addStep(step(u"answer"_s, {}, 400));
    QCOMPARE(rows(timeline),
        (QStringList {
            u"0:step plan"_s, u"1:step search"_s, u"2:step fetch"_s, u"1:step book"_s, u"0:step answer"_s}));
    QVERIFY(timeline.index(0).data(SessionTimeline::HasChildrenRole).toBool());
    QVERIFY(!timeline.index(4).data(SessionTimeline::HasChildrenRole).toBool());
    QCOMPARE(timeline.stepCount(), 5);
    // Offsets from the session's start.
    QCOMPARE(timeline.index(3).data(SessionTimeline::OffsetMsRole).toLongLong(), 300);
}

void TimelineTest::aChildBeforeItsParentMovesUnderIt()
{
    // Traces export children before their parents.
    SessionTimeline timeline;
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    timeline.addStep(step(u"tool"_s, u"agent"_s, 100));
    timeline.addStep(step(u"llm"_s, u"agent"_s, 50));
    timeline.addStep(step(u"deep"_s, u"tool"_s, 150));
    QCOMPARE(rows(timeline), (QStringList {u"0:step tool"_s, u"1:step deep"_s, u"0:step llm"_s}));
    timeline.addStep(step(u"agent"_s, {}, 0));
    QCOMPARE(rows(timeline),
        (QStringList {u"0:step agent"_s, u"1:step tool"_s, u"2:step deep"_s, u"1:step llm"_s}));
}

void TimelineTest::aStepPublishedAgainIsOneStep()
{
    SessionTimeline timeline;
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    timeline.addStep(step(u"t1"_s, {}, 0,
        {{u"status"_s, u"running"_s}, {u"name"_s, u"search_flights"_s}, {u"kind"_s, u"tool"_s},
            {u"started_at"_s, at(0)}, {u"attributes"_s, QJsonObject {{u"a"_s, 1}}}}));
    QCOMPARE(timeline.rowCount(), 1);
    QVERIFY(timeline.index(0).data(SessionTimeline::OpenRole).toBool());
    QSignalSpy changed(&timeline, &QAbstractItemModel::dataChanged);
    timeline.addStep({{u"step_id"_s, u"t1"_s}, {u"status"_s, u"ok"_s}, {u"ended_at"_s, at(1500)},
        {u"output"_s, u"3 flights"_s}, {u"content"_s, u""_s}, {u"attributes"_s, QJsonObject {{u"b"_s, 2}}},
        {u"timestamp"_s, at(1500)}});
    QCOMPARE(timeline.rowCount(), 1);
    QCOMPARE(changed.size(), 1);
    const QModelIndex merged = timeline.index(0);
    QCOMPARE(merged.data(SessionTimeline::NameRole).toString(), u"search_flights"_s); // kept
    QCOMPARE(merged.data(SessionTimeline::ContentRole).toString(), u"step t1"_s); // empty does not win
    QCOMPARE(merged.data(SessionTimeline::OutputRole).toString(), u"3 flights"_s);
    QCOMPARE(merged.data(SessionTimeline::StatusRole).value<Timeline::StepStatus>(),
        Timeline::StepStatus::Succeeded);
    QCOMPARE(merged.data(SessionTimeline::DurationMsRole).toLongLong(), 1500);
    QCOMPARE(merged.data(SessionTimeline::OffsetMsRole).toLongLong(), 0);
    QCOMPARE(merged.data(SessionTimeline::AttributesRole).toString(), u"a: 1\nb: 2"_s);
    QCOMPARE(timeline.stepCount(), 1);
}

void TimelineTest::foldingHidesAndShowsTheNestedSteps()
{
    SessionTimeline timeline;
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    timeline.addStep(step(u"a"_s, {}, 0));
    timeline.addStep(step(u"b"_s, u"a"_s, 10));
    timeline.addStep(step(u"c"_s, u"b"_s, 20));
    timeline.addStep(step(u"d"_s, {}, 30));
    timeline.toggle(1); // fold b: c goes
    QCOMPARE(rows(timeline), (QStringList {u"0:step a"_s, u"1:step b"_s, u"0:step d"_s}));
    QVERIFY(!timeline.index(1).data(SessionTimeline::ExpandedRole).toBool());
    timeline.toggle(0); // fold a: b goes too
    QCOMPARE(rows(timeline), (QStringList {u"0:step a"_s, u"0:step d"_s}));
    // A step arriving under a folded parent waits, folded.
    timeline.addStep(step(u"e"_s, u"a"_s, 40));
    QCOMPARE(rows(timeline), (QStringList {u"0:step a"_s, u"0:step d"_s}));
    timeline.toggle(0); // unfold a: b (still folded) and e come back
    QCOMPARE(rows(timeline), (QStringList {u"0:step a"_s, u"1:step b"_s, u"1:step e"_s, u"0:step d"_s}));
    timeline.toggle(1);
    QCOMPARE(rows(timeline),
        (QStringList {u"0:step a"_s, u"1:step b"_s, u"2:step c"_s, u"1:step e"_s, u"0:step d"_s}));
}

void TimelineTest::durationsRunToTheEndOrTheNextStepOrOn()
{
    SessionTimeline timeline;
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Plain steps without times: each lasts until the next one begins; the last is still going.
    QJsonObject first = step({}, {}, 0);
    first.insert(u"content"_s, u"first"_s);
    QJsonObject second = step({}, {}, 2100);
    second.insert(u"content"_s, u"second"_s);
    timeline.addStep(first);
    QVERIFY(timeline.live());
    QVERIFY(timeline.index(0).data(SessionTimeline::OpenRole).toBool());
    QCOMPARE(timeline.index(0).data(SessionTimeline::DurationMsRole).toLongLong(), -1);
    timeline.addStep(second);
    QCOMPARE(timeline.index(0).data(SessionTimeline::DurationMsRole).toLongLong(), 2100);
    QVERIFY(timeline.index(1).data(SessionTimeline::OpenRole).toBool());
    QCOMPARE(timeline.index(1).data(SessionTimeline::OffsetMsRole).toLongLong(), 2100);
    // A step with its own times keeps them.
    timeline.addStep(step(u"timed"_s, {}, 2500, {{u"started_at"_s, at(2200)}, {u"ended_at"_s, at(2400)}}));
    QCOMPARE(timeline.index(2).data(SessionTimeline::DurationMsRole).toLongLong(), 200);
    QCOMPARE(timeline.index(2).data(SessionTimeline::OffsetMsRole).toLongLong(), 2200);
    QCOMPARE(timeline.index(1).data(SessionTimeline::DurationMsRole).toLongLong(), 100); // to the next
    QJsonObject fourth = step({}, {}, 3000);
    fourth.insert(u"content"_s, u"fourth"_s);
    timeline.addStep(fourth);
    QVERIFY(timeline.index(3).data(SessionTimeline::OpenRole).toBool());
    // The session ends: what was still going ends with it, and the clock stops.
    timeline.sessionEnded(Start + 5000);
    QVERIFY(!timeline.live());
    QCOMPARE(rows(timeline).last(), u"Ended"_s);
    QCOMPARE(timeline.index(3).data(SessionTimeline::DurationMsRole).toLongLong(), 2000);
    QVERIFY(!timeline.index(3).data(SessionTimeline::OpenRole).toBool());
    QCOMPARE(timeline.spanMs(), 5000);
    QCOMPARE(timeline.nowMs(), 5000);
}

void TimelineTest::momentsDuringARunAreInOrderAmongItsSteps()
{
    // An agent's run stays open while its steps come: what it says meanwhile goes among them, in the
    // order it came (it went after the whole tree, as if said after every step).
    SessionTimeline timeline;
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QJsonObject running {{u"status"_s, u"running"_s}};
    timeline.addStep(step(u"root"_s, {}, 0, running));
    timeline.addStep(step(u"plan"_s, u"root"_s, 100, {{u"status"_s, u"ok"_s}}));
    timeline.addProgress(update(u"searching"_s, 200, {{u"message"_s, u"Searching flights"_s}}));
    timeline.addStep(step(u"flights"_s, u"root"_s, 300, {{u"status"_s, u"ok"_s}}));
    timeline.addStep(step(u"hotels"_s, u"root"_s, 400, running));
    timeline.addProgress(update(u"comparing"_s, 500, {{u"message"_s, u"Baixa is cheaper"_s}}));
    timeline.addStep(step(u"hotel1"_s, u"hotels"_s, 600, {{u"status"_s, u"ok"_s}}));
    timeline.addStep({{u"step_id"_s, u"hotels"_s}, {u"status"_s, u"ok"_s}, {u"ended_at"_s, at(700)}});
    timeline.addProgress(update(u"writing"_s, 800, {{u"message"_s, u"Writing"_s}}));
    timeline.addStep({{u"step_id"_s, u"root"_s}, {u"status"_s, u"ok"_s}, {u"ended_at"_s, at(900)}});
    timeline.addProgress(
        update(u"done"_s, 1000, {{u"update_type"_s, u"completion"_s}, {u"message"_s, u"Done"_s}}));
    QCOMPARE(rows(timeline),
        (QStringList {u"0:step root"_s, u"1:step plan"_s, u"AgentUpdate"_s, u"1:step flights"_s,
            u"1:step hotels"_s, u"AgentUpdate"_s, u"2:step hotel1"_s, u"AgentUpdate"_s, u"Done"_s}));
    // Each at its offset, in order down the lane.
    qint64 offset = -1;
    for (int row = 0; row < timeline.rowCount(); ++row) {
        const qint64 next = timeline.index(row).data(SessionTimeline::OffsetMsRole).toLongLong();
        QVERIFY2(next >= offset, qPrintable(u"row %1"_s.arg(row)));
        offset = next;
    }
    QCOMPARE(timeline.index(5).data(SessionTimeline::DepthRole).toInt(), 2);
    QCOMPARE(timeline.index(8).data(SessionTimeline::DepthRole).toInt(), 0);
}

void TimelineTest::theClockStartsWhenTheSessionDid()
{
    // Created, then its first step three seconds later: that step is at +3 s, not at +0.
    SessionTimeline timeline;
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    timeline.setStartMs(Start - 3000);
    timeline.addStep(step(u"a"_s, {}, 0, {{u"status"_s, u"ok"_s}}));
    QCOMPARE(timeline.index(0).data(SessionTimeline::OffsetMsRole).toLongLong(), 3000);
    // A traced span that began before the session was created moves the start back to it.
    timeline.addStep(step(u"b"_s, {}, 100, {{u"started_at"_s, at(-5000)}, {u"ended_at"_s, at(-4000)}}));
    QCOMPARE(timeline.index(0).data(SessionTimeline::OffsetMsRole).toLongLong(), 5000);
    QCOMPARE(timeline.index(1).data(SessionTimeline::OffsetMsRole).toLongLong(), 0);

    // The view counts its first request from the session's creation, told before or after the events.
    SessionView view;
    view.setStartedAt(QDateTime::fromMSecsSinceEpoch(Start - 2000, Qt::UTC));
    view.apply({hubEvent(EventKind::Progress, generation(u"received"_s, 0)),
        hubEvent(EventKind::Thinking, step(u"x"_s, {}, 500, {{u"status"_s, u"ok"_s}}))});
    QCOMPARE(view.timeline()->index(0).data(SessionTimeline::OffsetMsRole).toLongLong(), 2000);
    QCOMPARE(view.timeline()->index(1).data(SessionTimeline::OffsetMsRole).toLongLong(), 2500);
    // A later request (a conversation's next turn) counts from its own start.
    view.apply({hubEvent(EventKind::Progress, generation(u"received"_s, 60000)),
        hubEvent(EventKind::Thinking, step(u"y"_s, {}, 60500, {{u"status"_s, u"ok"_s}}))});
    QCOMPARE(view.timeline()->index(0).data(SessionTimeline::OffsetMsRole).toLongLong(), 0);
    QCOMPARE(view.timeline()->index(1).data(SessionTimeline::OffsetMsRole).toLongLong(), 500);
    SessionView late;
    late.apply({hubEvent(EventKind::Thinking, step(u"z"_s, {}, 0, {{u"status"_s, u"ok"_s}}))});
    QCOMPARE(late.timeline()->index(0).data(SessionTimeline::OffsetMsRole).toLongLong(), 0);
    late.setStartedAt(QDateTime::fromMSecsSinceEpoch(Start - 1500, Qt::UTC));
    QCOMPARE(late.timeline()->index(0).data(SessionTimeline::OffsetMsRole).toLongLong(), 1500);
}

void TimelineTest::aModelsReasoningIsShownOnceWithItsSteps()
{
    SessionTimeline timeline;
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString one = u"The user asks why the sky is blue."_s;
    const QString two = u"So it is Rayleigh scattering."_s;
    // The step is published as soon as it is cut, before the text that holds it reaches watchers: the
    // text is not shown beside it meanwhile.
    timeline.appendThought(u"The user asks "_s, Start);
    QCOMPARE(rows(timeline), QStringList {u"thought:The user asks"_s});
    timeline.addStep(modelStep(1, one, 800, 0.8));
    QCOMPARE(rows(timeline), QStringList {u"0:"_s + one});
    timeline.appendThought(u"why the sky is blue.\n\nSo it is"_s);
    QCOMPARE(rows(timeline), (QStringList {u"0:"_s + one, u"thought:So it is"_s}));
    timeline.appendThought(u" Rayleigh scattering."_s);
    timeline.flush();
    QCOMPARE(rows(timeline), (QStringList {u"0:"_s + one, u"thought:So it is Rayleigh scattering."_s}));
    // A moment while it reasons goes before the text streaming now, which stays last.
    timeline.addProgress(generation(u"generating"_s, 900));
    QCOMPARE(rows(timeline).last(), u"thought:So it is Rayleigh scattering."_s);
    timeline.addStep(modelStep(2, two, 1500, 0.7));
    QCOMPARE(rows(timeline), (QStringList {u"0:"_s + one, u"FirstToken"_s, u"0:"_s + two}));
    // Its steps are marks along it: numbered, neutral, timed by their own durations.
    const QModelIndex mark = timeline.index(0);
    QCOMPARE(mark.data(SessionTimeline::EntryRole).value<Timeline::Entry>(), Timeline::Entry::ReasoningEntry);
    QCOMPARE(mark.data(SessionTimeline::NumberRole).toInt(), 1);
    QCOMPARE(mark.data(SessionTimeline::OffsetMsRole).toLongLong(), 0);
    QCOMPARE(mark.data(SessionTimeline::DurationMsRole).toLongLong(), 800);
}

void TimelineTest::aRequestsMomentsAreKindsNotWords()
{
    SessionTimeline timeline;
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    timeline.addProgress(generation(u"received"_s, 0));
    timeline.addProgress(generation(u"waiting"_s, 10));
    timeline.addProgress(generation(u"reading_prompt"_s, 20));
    QJsonObject reading = generation(u"reading_prompt"_s, 300);
    reading.insert(u"progress_percentage"_s, 40);
    timeline.addProgress(reading);
    timeline.flush();
    timeline.addProgress(generation(u"generating"_s, 400, {{u"ttft_ms"_s, 400}}));
    timeline.addProgress(generation(u"generating"_s, 650)); // figures only
    QJsonObject aloud = generation(u"thinking"_s, 700);
    aloud.insert(u"update_type"_s, u"thinking_aloud"_s);
    timeline.addProgress(aloud); // text, not a moment
    QJsonObject answering = generation(u"answering"_s, 800);
    answering.insert(u"update_type"_s, u"intermediate_result"_s);
    timeline.addProgress(answering);
    QVERIFY(timeline.live());
    timeline.addProgress(
        generation(u"done"_s, 1000, {{u"prompt_tokens"_s, 24}, {u"completion_tokens"_s, 12}}));
    QCOMPARE(rows(timeline),
        (QStringList {u"Received"_s, u"Accepted"_s, u"ReadingPrompt"_s, u"FirstToken"_s, u"Done"_s}));
    QCOMPARE(timeline.index(2).data(SessionTimeline::PercentageRole).toDouble(), 40.0);
    QCOMPARE(
        timeline.index(4).data(SessionTimeline::MetricsRole).toMap().value(u"completion_tokens"_s).toInt(),
        12);
    QVERIFY(!timeline.live()); // done: the clock stopped
    QCOMPARE(timeline.nowMs(), 1000);
}

// An idle panel's intro hangs on the count: a moment is a row as much as a step is.
void TimelineTest::theCountChangesWithEveryRow()
{
    SessionTimeline timeline;
    QSignalSpy counted(&timeline, &SessionTimeline::countChanged);
    timeline.addProgress(generation(u"received"_s, 0));
    QCOMPARE(timeline.property("count").toInt(), 1);
    QCOMPARE(counted.count(), 1);
    timeline.clear();
    QCOMPARE(timeline.property("count").toInt(), 0);
    QVERIFY(counted.count() >= 2);
}

void TimelineTest::anAgentsUpdatesWarningsAndFindings()
{
    SessionTimeline timeline;
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    timeline.addProgress(update(u"crawling"_s, 0, {{u"message"_s, u"Reading the museum pages"_s}}));
    // The same words with a new percentage: the same row, updated.
    timeline.addProgress(update(
        u"crawling"_s, 100, {{u"message"_s, u"Reading the museum pages"_s}, {u"progress_percentage"_s, 40}}));
    QCOMPARE(timeline.rowCount(), 1);
    QCOMPARE(timeline.index(0).data(SessionTimeline::PercentageRole).toDouble(), 40.0);
    timeline.addProgress(update(u"crawling"_s, 200,
        {{u"message"_s, u"Found opening hours"_s},
            {u"intermediate_findings"_s,
                QJsonArray {u"Closed on Mondays"_s, QJsonObject {{u"finding"_s, u"Free on Sundays"_s}},
                    QJsonObject {{u"ticket"_s, u"adult"_s}, {u"price"_s, 12}},
                    QJsonObject {{u"hours"_s, QJsonArray {10, 18}}}}}}));
    timeline.addProgress(update(u"crawling"_s, 300,
        {{u"update_type"_s, u"warning"_s}, {u"message"_s, u"Rate limited by the museum site"_s}}));
    timeline.addProgress(
        update(u"done"_s, 400, {{u"update_type"_s, u"completion"_s}, {u"message"_s, u"All set"_s}}));
    QCOMPARE(rows(timeline), (QStringList {u"AgentUpdate"_s, u"AgentUpdate"_s, u"Warning"_s, u"Done"_s}));
    QCOMPARE(timeline.index(1).data(SessionTimeline::FindingsRole).toStringList(),
        (QStringList {u"Closed on Mondays"_s, u"Free on Sundays"_s, u"price: 12 · ticket: adult"_s,
            uR"({"hours":[10,18]})"_s}));
    QCOMPARE(timeline.index(3).data(SessionTimeline::MessageRole).toString(), u"All set"_s);
    // It said it was done: a session_end after that adds nothing.
    timeline.sessionEnded(Start + 500);
    QCOMPARE(timeline.rowCount(), 4);
}

// The hub tells how many of the session's first steps it no longer keeps (before their history): said
// above the kept ones, until a request whose start is kept replaces what the view shows.
void TimelineTest::stepsNoLongerKeptAreSaidUntilALaterRequestStarts()
{
    SessionView view;
    QSignalSpy changed(&view, &SessionView::stepsNotKeptChanged);
    view.setStepsNotKept(500);
    view.apply({hubEvent(EventKind::Thinking, step(u"n500"_s, {}, 0))});
    QCOMPARE(view.stepsNotKept(), 500);
    // Numbered as it was when it came, not as the first.
    QCOMPARE(view.timeline()->index(0).data(SessionTimeline::NumberRole).toInt(), 501);
    view.apply({hubEvent(EventKind::Progress, generation(u"received"_s, 100))});
    QCOMPARE(view.stepsNotKept(), 0);
    QCOMPARE(changed.size(), 2);
}

void TimelineTest::theViewKeepsPromptAnswerAndPinnedWarnings()
{
    SessionView view;
    QAbstractItemModelTester tester(view.timeline(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QJsonObject received = generation(u"received"_s, 0);
    received.insert(u"prompt"_s, u"Why is the sky blue?"_s);
    QJsonObject answer1 = generation(u"answering"_s, 300);
    answer1.insert(u"message"_s, u"Because of "_s);
    QJsonObject answer2 = generation(u"answering"_s, 600);
    answer2.insert(u"message"_s, u"Rayleigh scattering."_s);
    QSignalSpy answerChanged(&view, &SessionView::answerChanged);
    view.apply({hubEvent(EventKind::Progress, received), hubEvent(EventKind::Progress, answer1),
        hubEvent(EventKind::Progress, answer2)});
    QCOMPARE(view.prompt(), u"Why is the sky blue?"_s);
    QCOMPARE(view.answer(), u"Because of Rayleigh scattering."_s);
    QCOMPARE(answerChanged.size(), 1); // one batch, one change
    QCOMPARE(view.progress()->phase(), ProgressState::Phase::Working);

    // An agent's warning stays pinned until the session ends.
    SessionView agent;
    agent.apply({hubEvent(EventKind::Thinking, step(u"a"_s, {}, 0)),
        hubEvent(EventKind::Progress,
            update(u"booking"_s, 100,
                {{u"update_type"_s, u"warning"_s}, {u"message"_s, u"Prices are rising"_s}}))});
    QCOMPARE(agent.warnings(), QStringList {u"Prices are rising"_s});
    QCOMPARE(agent.progress()->phase(), ProgressState::Phase::Working);
    StoredEvent end = hubEvent(EventKind::Progress, {});
    end.type = u"session_end"_s;
    agent.apply({end});
    QVERIFY(agent.ended());
    QVERIFY(agent.warnings().isEmpty());
    QCOMPARE(agent.progress()->phase(), ProgressState::Phase::Ended);
}

void TimelineTest::anAgentsRunMomentsAreKindsNotWords()
{
    // As Ponder's AG-UI relay publishes them: English for outside clients, the agent and run in fields.
    const auto moment = [](const QString &activity, qint64 offsetMs, const QString &type,
                            const QString &message, const QJsonObject &more = {}) {
        QJsonObject json = update(activity, offsetMs,
            {{u"update_type"_s, type}, {u"message"_s, message}, {u"agent"_s, u"weather"_s},
                {u"run_id"_s, u"run-7"_s}});
        for (auto it = more.begin(); it != more.end(); ++it)
            json.insert(it.key(), it.value());
        return json;
    };
    SessionView view;
    QAbstractItemModelTester tester(view.timeline(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.apply({hubEvent(EventKind::Progress,
        moment(u"started"_s, 0, u"progress"_s, u"weather started run run-7"_s,
            {{u"progress_percentage"_s, 0}}))});
    QCOMPARE(view.progress()->runMoment(), int(Timeline::Milestone::RunStarted));
    QCOMPARE(view.progress()->run().value(u"agent"_s).toString(), u"weather"_s);
    view.apply({hubEvent(EventKind::Thinking, step(u"plan"_s, {}, 100)),
        hubEvent(EventKind::Progress,
            moment(u"failed"_s, 200, u"warning"_s, u"Failed: agent weather broke off the run"_s,
                {{u"reason"_s, u"agent weather broke off the run"_s},
                    {u"code"_s, u"agent_disconnected"_s}}))});
    const SessionTimeline &timeline = *view.timeline();
    QCOMPARE(rows(timeline), (QStringList {u"RunStarted"_s, u"0:step plan"_s, u"RunFailed"_s}));
    const QVariantMap started = timeline.index(0).data(SessionTimeline::RunRole).toMap();
    QCOMPARE(started.value(u"agent"_s).toString(), u"weather"_s);
    QCOMPARE(started.value(u"run_id"_s).toString(), u"run-7"_s);
    const QVariantMap failed = timeline.index(2).data(SessionTimeline::RunRole).toMap();
    QCOMPARE(failed.value(u"reason"_s).toString(), u"agent weather broke off the run"_s);
    QCOMPARE(failed.value(u"code"_s).toString(), u"agent_disconnected"_s);
    // How the run ended, not a warning to pin; and the clock stopped there.
    QVERIFY(view.warnings().isEmpty());
    QVERIFY(!timeline.live());
    QCOMPARE(view.progress()->phase(), ProgressState::Phase::Failed);
    QCOMPARE(view.progress()->runMoment(), int(Timeline::Milestone::RunFailed));

    // The next run of the same session is shown alone, as a chat's next request is (the panel of an agent
    // chat piled up every run of the conversation); stopped and finished runs are kinds too.
    view.apply({hubEvent(EventKind::Progress, moment(u"started"_s, 1000, u"progress"_s, u"again"_s)),
        hubEvent(EventKind::Progress,
            moment(u"aborted"_s, 1100, u"warning"_s, u"Stopped: the caller went away"_s,
                {{u"reason"_s, u"the caller went away"_s}}))});
    QCOMPARE(rows(timeline), (QStringList {u"RunStarted"_s, u"RunStopped"_s}));
    view.apply({hubEvent(EventKind::Progress, moment(u"started"_s, 2000, u"progress"_s, u"and again"_s)),
        hubEvent(
            EventKind::Progress, moment(u"done"_s, 2500, u"completion"_s, u"weather finished run run-7"_s))});
    QCOMPARE(rows(timeline), (QStringList {u"RunStarted"_s, u"RunFinished"_s}));
    QVERIFY(!timeline.live());
    QCOMPARE(view.progress()->phase(), ProgressState::Phase::Done);
    QCOMPARE(view.progress()->runMoment(), int(Timeline::Milestone::RunFinished));

    // The window's own failure (the agent could not be asked) is its own words, not the last run's.
    view.progress()->fail(u"The agent is not answering."_s);
    QCOMPARE(view.progress()->runMoment(), -1);
    QVERIFY(view.progress()->run().isEmpty());

    // An outside agent's own "started" (it names no run) is its own words, as before.
    SessionTimeline outside;
    outside.addProgress(update(u"started"_s, 0, {{u"message"_s, u"Booting up"_s}}));
    QCOMPARE(rows(outside), QStringList {u"AgentUpdate"_s});
}

void TimelineTest::aRelayedAgentsStepsLeaveOutTheRelaysWords()
{
    // As AguiRecorder publishes them: a run, a step in it, reasoning in the step, a tool call.
    const QJsonObject relay {{u"source"_s, u"ag-ui"_s}, {u"agent"_s, u"weather"_s}};
    const auto relayed = [&](const QString &id, const QString &parent, const QString &kind,
                             const QString &name, const QString &content, qint64 offsetMs) {
        return step(id, parent, offsetMs,
            {{u"thinking_type"_s, u"reasoning"_s}, {u"kind"_s, kind}, {u"name"_s, name},
                {u"content"_s, content}, {u"context_used"_s, relay}});
    };
    SessionTimeline timeline;
    timeline.addStep(relayed(u"run:r"_s, {}, u"agent"_s, u"weather"_s, u"Run r of weather"_s, 0));
    timeline.addStep(relayed(u"run:r/plan"_s, u"run:r"_s, u"step"_s, u"plan"_s, u"plan"_s, 100));
    timeline.addStep(
        relayed(u"m1"_s, u"run:r/plan"_s, u"reasoning"_s, u"Reasoning"_s, u"I look it up."_s, 200));
    timeline.addStep(relayed(u"c1"_s, u"run:r"_s, u"tool"_s, u"get_weather"_s, u"get_weather"_s, 300));
    QCOMPARE(timeline.rowCount(), 4);
    const auto shown = [&](int row, int role) { return timeline.index(row).data(role).toString(); };
    QCOMPARE(shown(0, SessionTimeline::NameRole), u"weather"_s);
    QCOMPARE(shown(0, SessionTimeline::ContentRole), QString());
    QCOMPARE(shown(1, SessionTimeline::NameRole), u"plan"_s);
    QCOMPARE(shown(1, SessionTimeline::ContentRole), QString());
    QCOMPARE(shown(2, SessionTimeline::NameRole), QString()); // the kind's badge says "reasoning"
    QCOMPARE(shown(2, SessionTimeline::ContentRole), u"I look it up."_s);
    QCOMPARE(shown(3, SessionTimeline::NameRole), u"get_weather"_s);
    QCOMPARE(shown(3, SessionTimeline::ContentRole), QString());
    // A failed run's output is the relay's English reason: its failed moment says why instead.
    QJsonObject failed = relayed(u"run:r"_s, {}, u"agent"_s, u"weather"_s, u"Run r failed: ..."_s, 0);
    failed.insert(u"status"_s, u"error"_s);
    failed.insert(u"output"_s, u"agent weather could not be reached: cannot reach http://x/"_s);
    timeline.addStep(failed);
    QCOMPARE(shown(0, SessionTimeline::OutputRole), QString());
    // Another agent's own step keeps its words.
    timeline.addStep(step(u"own"_s, {}, 400, {{u"kind"_s, u"tool"_s}, {u"name"_s, u"search"_s}}));
    QCOMPARE(shown(4, SessionTimeline::ContentRole), u"step own"_s);
    // The reasoning a trace recorded, named in English by Ponder's OTLP receiver, is shown as the relay's is
    // (it read "Reasoning" in a German window).
    timeline.addStep(step(u"span:reasoning"_s, {}, 500,
        {{u"kind"_s, u"reasoning"_s}, {u"name"_s, u"Reasoning"_s}, {u"content"_s, u"Weighing sources."_s},
            {u"context_used"_s, QJsonObject {{u"source"_s, u"opentelemetry"_s}}}}));
    QCOMPARE(shown(5, SessionTimeline::NameRole), QString());
    QCOMPARE(shown(5, SessionTimeline::ContentRole), u"Weighing sources."_s);
}

void TimelineTest::anAgentsReasoningIsShownOnce()
{
    // As AguiRecorder publishes a reasoning message: the step opens empty, its text streams as the session's
    // thought, and the step is published again at its end with the whole text.
    const QJsonObject relay {{u"source"_s, u"ag-ui"_s}, {u"agent"_s, u"weather"_s}};
    const auto reasoning = [&](const QString &content, const QString &status, qint64 offsetMs) {
        return step(u"m1"_s, {}, offsetMs,
            {{u"thinking_type"_s, u"reasoning"_s}, {u"kind"_s, u"reasoning"_s}, {u"name"_s, u"Reasoning"_s},
                {u"content"_s, content}, {u"status"_s, status}, {u"context_used"_s, relay}});
    };
    SessionTimeline timeline;
    timeline.addStep(reasoning({}, u"running"_s, 0));
    timeline.appendThought(u"The user asks about the weather. "_s, Start + 100);
    timeline.appendThought(u"I call the tool."_s, Start + 200);
    QCOMPARE(rows(timeline),
        (QStringList {u"0:"_s, u"thought:The user asks about the weather. I call the tool."_s}));
    timeline.addStep(reasoning(u"The user asks about the weather. I call the tool."_s, u"ok"_s, 300));
    QCOMPARE(rows(timeline), (QStringList {u"0:The user asks about the weather. I call the tool."_s}));
    // What it thinks after that step streams on, once.
    timeline.appendThought(u" Then I answer."_s, Start + 400);
    QCOMPARE(rows(timeline),
        (QStringList {
            u"0:The user asks about the weather. I call the tool."_s, u"thought:Then I answer."_s}));
}

void TimelineTest::tokensPerSecondOverTimeStaysSmall()
{
    TokenRateSeries series;
    QSignalSpy changed(&series, &TokenRateSeries::changed);
    series.add({{u"elapsed_ms"_s, 100}, {u"tokens"_s, 0}}); // no token yet: nothing to draw
    QCOMPARE(series.count(), 0);
    series.add({{u"elapsed_ms"_s, 300}, {u"tokens"_s, 1}, {u"ttft_ms"_s, 300}});
    QCOMPARE(series.firstTokenMs(), 300);
    series.add({{u"elapsed_ms"_s, 550}, {u"tokens"_s, 11}, {u"ttft_ms"_s, 300}});
    QCOMPARE(series.latest(), 40.0); // 10 tokens in 250 ms
    series.add({{u"elapsed_ms"_s, 600}, {u"tokens"_s, 12}, {u"ttft_ms"_s, 300}}); // too close to say
    QCOMPARE(series.count(), 2);
    // A long answer: four points a second for ten minutes still draws as a bounded few.
    for (int i = 1; i <= 2400; ++i)
        series.add({{u"elapsed_ms"_s, 550 + i * 250}, {u"tokens"_s, 11 + i * 5}, {u"ttft_ms"_s, 300}});
    QVERIFY(series.count() <= TokenRateSeries::MaxPoints);
    QVERIFY(series.count() >= TokenRateSeries::MaxPoints / 2);
    QCOMPARE(series.latest(), 20.0);
    QCOMPARE(series.peak(), 40.0);
    QCOMPARE(series.spanMs(), 550 + 2400 * 250);
    QCOMPARE(series.points().first().toMap().value(u"x"_s).toDouble(), 300.0); // it starts at the first token
    series.clear();
    QCOMPARE(series.count(), 0);
    QCOMPARE(series.firstTokenMs(), -1);
}

// Opened a while after it ended, a session lasts from its first event to its end: not to the moment it was
// read, as when its end was taken for now.
void TimelineTest::aSessionOpenedAfterItEndedLastsUntilItsEnd()
{
    SessionView view;
    StoredEvent end = hubEvent(EventKind::Progress, {});
    end.type = u"session_end"_s;
    end.id = StreamId {quint64(Start + 2300), 0};
    view.apply({hubEvent(EventKind::Thinking, step(u"root"_s, {}, 0)),
        hubEvent(EventKind::Progress,
            update(
                u"failed"_s, 2000, {{u"update_type"_s, u"warning"_s}, {u"message"_s, u"No rooms left"_s}})),
        end});
    QVERIFY(view.ended());
    QCOMPARE(view.timeline()->nowMs(), 2300);
    // The step that never said it ended lasted until the session did.
    QCOMPARE(view.timeline()->index(0).data(SessionTimeline::DurationMsRole).toLongLong(), 2300);
}

void TimelineTest::aTracedConversationsNextTurnRunsAfterItsEnd()
{
    SessionView view;
    const auto trace = [](const QString &activity, qint64 offsetMs, const QString &run) {
        return update(activity, offsetMs,
            {{u"run_id"_s, run}, {u"trace_title"_s, u"travel-planner"_s}, {u"steps_done"_s, 1},
                {u"steps_failed"_s, 0},
                {u"update_type"_s, activity == u"done"_s ? u"completion"_s : u"progress"_s}});
    };
    StoredEvent end = hubEvent(EventKind::Progress, {});
    end.type = u"session_end"_s;
    end.id = StreamId {quint64(Start + 1000), 0};
    view.apply({hubEvent(EventKind::Progress, trace(u"started"_s, 0, u"t1"_s)),
        hubEvent(EventKind::Thinking, step(u"a"_s, {}, 100)),
        hubEvent(EventKind::Progress, trace(u"done"_s, 900, u"t1"_s)), end});
    QVERIFY(view.ended());
    QVERIFY(!view.timeline()->live());

    view.apply({hubEvent(EventKind::Progress, trace(u"started"_s, 5000, u"t2"_s)),
        hubEvent(EventKind::Thinking, step(u"b"_s, {}, 5100, {{u"status"_s, u"running"_s}}))});
    QVERIFY(!view.ended());
    QVERIFY(view.timeline()->live());
    QCOMPARE(view.progress()->phase(), ProgressState::Phase::Working);
    view.apply({hubEvent(EventKind::Progress, trace(u"done"_s, 6000, u"t2"_s))});
    QVERIFY(!view.ended()); // still open: it may go on again
    QCOMPARE(view.progress()->phase(), ProgressState::Phase::Done);
    QVERIFY(!view.timeline()->live());
}

void TimelineTest::anAgentsStepIsNamedOrNumberedAsItLastSaid()
{
    ProgressState progress;
    progress.apply(update(u"planning"_s, 0, {{u"current_step"_s, u"init"_s}, {u"total_steps"_s, 5}}));
    QCOMPARE(progress.stepName(), u"init"_s);
    progress.apply(update(u"planning"_s, 100, {{u"current_step"_s, 2}, {u"total_steps"_s, 5}}));
    QCOMPARE(progress.stepName(), QString());
    QCOMPARE(progress.currentStep(), 2);
    progress.apply(update(u"planning"_s, 200, {{u"message"_s, u"still at it"_s}})); // says no step
    QCOMPARE(progress.currentStep(), 2);
}

void TimelineTest::aStepOfAStoppedRunIsStoppedNotFailed()
{
    SessionTimeline timeline;
    timeline.addStep(step(u"run"_s, {}, 0, {{u"kind"_s, u"agent"_s}, {u"status"_s, u"running"_s}}));
    timeline.addStep(step(u"run"_s, {}, 900, {{u"status"_s, u"stopped"_s}, {u"ended_at"_s, at(900)}}));
    timeline.flush();
    QCOMPARE(timeline.index(0).data(SessionTimeline::StatusRole).value<Timeline::StepStatus>(),
        Timeline::StepStatus::Interrupted);

    // Published once, done, without times: a moment, not a step running on until the session ends.
    timeline.addStep(step(u"quick"_s, {}, 1000, {{u"status"_s, u"ok"_s}}));
    timeline.flush();
    QCOMPARE(timeline.index(1).data(SessionTimeline::OpenRole).toBool(), false);
    QCOMPARE(timeline.index(1).data(SessionTimeline::DurationMsRole).toLongLong(), 0);
}

// QML reads the values of every enum of the namespace as Timeline.NAME: two enums with one name would make
// one of them read as the other's value (a stopped step once showed no mark).
void TimelineTest::qmlReadsEveryTimelineValueByItsNameAlone()
{
    const QMetaObject &meta = Timeline::staticMetaObject;
    QHash<QByteArray, QByteArray> enumOf;
    for (int e = 0; e < meta.enumeratorCount(); ++e) {
        const QMetaEnum values = meta.enumerator(e);
        for (int k = 0; k < values.keyCount(); ++k) {
            const QByteArray key = values.key(k);
            QVERIFY2(!enumOf.contains(key),
                qPrintable(u"%1 is in %2 and %3"_s.arg(QString::fromLatin1(key),
                    QString::fromLatin1(enumOf.value(key)), QString::fromLatin1(values.name()))));
            enumOf.insert(key, values.name());
        }
    }
    QVERIFY(enumOf.size() > 20);
}

void TimelineTest::aFailureSaysWhatWentWrongWherePonderKnows()
{
    const auto failedWith = [](const QJsonObject &fields, bool figures) {
        ProgressState progress;
        QJsonObject json = figures ? generation(u"failed"_s, 5) : update(u"failed"_s, 5);
        json.insert(u"update_type"_s, u"warning"_s);
        for (auto it = fields.begin(); it != fields.end(); ++it)
            json.insert(it.key(), it.value());
        progress.apply(json);
        return ChatFailure::Kind(progress.failureKind());
    };
    // A request Ponder refused or an upstream failed: by its code, status and whether it was cut off.
    QCOMPARE(failedWith({{u"code"_s, u"model_not_found"_s}}, true), ChatFailure::Kind::ModelNotFound);
    QCOMPARE(failedWith({{u"code"_s, u"upstream_unreachable"_s}, {u"upstream"_s, u"ollama"_s}}, true),
        ChatFailure::Kind::Unreachable);
    QCOMPARE(
        failedWith(
            {{u"code"_s, u"upstream_error"_s}, {u"upstream"_s, u"ollama"_s}, {u"cut_off"_s, true}}, true),
        ChatFailure::Kind::CutOff);
    QCOMPARE(failedWith({{u"code"_s, u"upstream_error"_s}, {u"upstream_status"_s, 429}}, true),
        ChatFailure::Kind::RateLimited);
    // An agent's run Ponder relayed: by the relay's code.
    QCOMPARE(failedWith({{u"agent"_s, u"weather"_s}, {u"code"_s, u"agent_unreachable"_s}}, false),
        ChatFailure::Kind::AgentUnreachable);
    // An outside agent's own failure: its words say it; Ponder has no advice.
    QCOMPARE(failedWith({{u"message"_s, u"No rooms left"_s}}, false), ChatFailure::Kind::None);
    // A later request that did not fail says nothing of the last one's failure.
    ProgressState progress;
    QJsonObject failed = generation(u"failed"_s, 5);
    failed.insert(u"code"_s, u"model_not_found"_s);
    progress.apply(failed);
    progress.apply(generation(u"received"_s, 10));
    QCOMPARE(ChatFailure::Kind(progress.failureKind()), ChatFailure::Kind::None);
}

void TimelineTest::anAgentsTimeLeftCountsDown()
{
    const auto saidAgo
        = [](qint64 ms) { return QDateTime::currentDateTimeUtc().addMSecs(-ms).toString(Qt::ISODateWithMs); };
    ProgressState progress;
    progress.apply(update(u"researching"_s, 0,
        {{u"message"_s, u"Checking"_s}, {u"estimated_remaining"_s, 30},
            {u"current_step"_s, u"Network Analysis"_s}, {u"total_steps"_s, 5},
            {u"timestamp"_s, saidAgo(0)}}));
    QCOMPARE(progress.activity(), u"researching"_s);
    QCOMPARE(progress.stepName(), u"Network Analysis"_s);
    QVERIFY(progress.remainingMs() <= 30000 && progress.remainingMs() > 25000);
    QSignalSpy ticked(&progress, &ProgressState::elapsedChanged);
    QVERIFY(ticked.wait(1000));
    const qint64 later = progress.remainingMs();
    QTRY_VERIFY(progress.remainingMs() < later); // counting down between updates
    progress.apply(update(u"researching"_s, 100, {{u"estimated_remaining"_s, u"about 2 minutes"_s}}));
    QCOMPARE(progress.remainingMs(), -1);
    QCOMPARE(progress.remainingText(), u"about 2 minutes"_s);

    // Read 10 s after it was said (a session opened later): 10 of its 30 s have passed already.
    progress.apply(
        update(u"researching"_s, 200, {{u"estimated_remaining"_s, 30}, {u"timestamp"_s, saidAgo(10000)}}));
    QVERIFY2(progress.remainingMs() <= 20000 && progress.remainingMs() > 15000,
        qPrintable(QString::number(progress.remainingMs())));
    // Said long ago: overdue, not counting on below zero.
    progress.apply(
        update(u"researching"_s, 300, {{u"estimated_remaining"_s, 3}, {u"timestamp"_s, saidAgo(60000)}}));
    QCOMPARE(progress.remainingMs(), 0);
}

void TimelineTest::tablesAreBlocksOfTheirOwn()
{
    const QString text = u"Compare:\n| model | speed |\n|---|--:|\n| a | 1 |\n| b | 2 |\n\nThat is all."_s;
    const QList<MarkdownSegments::Segment> blocks = MarkdownSegments::split(text);
    QCOMPARE(blocks.size(), 3);
    QCOMPARE(blocks[0].kind, MarkdownSegments::Kind::Prose);
    QCOMPARE(blocks[0].text, u"Compare:"_s);
    QCOMPARE(blocks[1].kind, MarkdownSegments::Kind::Table);
    QCOMPARE(blocks[1].text, u"| model | speed |\n|---|--:|\n| a | 1 |\n| b | 2 |"_s);
    QCOMPARE(blocks[2].kind, MarkdownSegments::Kind::Prose);
    // Splitting again from the last block's start gives the same blocks, however the text was cut.
    for (qsizetype cut = 1; cut <= text.size(); ++cut) {
        const QString prefix = text.left(cut);
        const QList<MarkdownSegments::Segment> whole = MarkdownSegments::split(prefix);
        if (whole.isEmpty())
            continue;
        const qsizetype from = whole.last().start;
        QCOMPARE(MarkdownSegments::split(QStringView(prefix).mid(from), from), QList {whole.last()});
    }
    // A lone line with a pipe is prose.
    QCOMPARE(MarkdownSegments::split(u"a | b"_s).first().kind, MarkdownSegments::Kind::Prose);
}

void TimelineTest::tablesGetAShadedHeaderAndRules()
{
    // Qt Quick's TextEdit would draw a table's borders heavy and grey, and no cell backgrounds (a header
    // cell's background would shade only behind its words): the table is laid out without borders, its
    // header bold, and its rows' edges are where the view draws the shade and the rules.
    QTextDocument document;
    document.setMarkdown(u"| model | speed |\n|---|---|\n| a | 1 |\n| b | a longer cell |"_s);
    document.setTextWidth(400);
    MarkdownTableStyle::style(&document);
    QTextTable *table = nullptr;
    for (QTextFrame *frame : document.rootFrame()->childFrames())
        table = table ? table : qobject_cast<QTextTable *>(frame);
    QVERIFY(table);
    QCOMPARE(table->format().border(), 0.0);
    QCOMPARE(table->format().headerRowCount(), 1);
    QCOMPARE(table->cellAt(0, 0).format().fontWeight(), int(QFont::DemiBold));
    QVERIFY(table->cellAt(0, 0).format().background().style() == Qt::NoBrush);
    QVERIFY(table->cellAt(1, 0).format().fontWeight() != int(QFont::DemiBold));

    // Three rows and the bottom, each row at least a line tall, the rows one under the other.
    const QList<qreal> edges = MarkdownTableStyle::rowEdgesOf(&document);
    QCOMPARE(edges.size(), 4);
    QCOMPARE(edges.first(), document.documentMargin()); // the table is the first thing in it
    const qreal line = QFontMetricsF(document.defaultFont()).height();
    for (qsizetype row = 1; row < edges.size(); ++row)
        QVERIFY2(
            edges[row] - edges[row - 1] >= line, qPrintable(u"%1 %2"_s.arg(edges[row - 1]).arg(edges[row])));
    // A cell wrapped into two lines makes its row taller.
    document.setTextWidth(90);
    const QList<qreal> narrow = MarkdownTableStyle::rowEdgesOf(&document);
    QVERIFY2(narrow[3] - narrow[2] > edges[3] - edges[2] + line / 2,
        qPrintable(u"%1"_s.arg(narrow[3] - narrow[2])));
    // Prose has no rows.
    QTextDocument prose;
    prose.setMarkdown(u"Just words."_s);
    QVERIFY(MarkdownTableStyle::rowEdgesOf(&prose).isEmpty());
}

void TimelineTest::aTableIsStyledInOneLayout()
{
    // Styling sets the table's format and each header cell's: done as one edit, the document is laid out
    // again once, not once per format (scrolling a conversation styles a table per answer with one).
    QTextDocument document;
    document.setMarkdown(u"| a | b | c | d |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |"_s);
    document.setTextWidth(400);
    document.documentLayout()->documentSize();
    QSignalSpy laidOut(document.documentLayout(), &QAbstractTextDocumentLayout::update);
    MarkdownTableStyle::style(&document);
    QCOMPARE(laidOut.size(), 1);
}

void TimelineTest::theNaturalWidthIsTheWidthUnwrapped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("plain");
    QTest::newRow("table") << u"| model | what it does |\n|---|---|\n| qwen3 | parses the whole input |"_s
                           << false;
    QTest::newRow("wide table") << u"| a | b | c |\n|---|---|---|\n| %1 | %1 **bold** | `code` %1 |"_s.arg(
        u"a cell with many words in it"_s)
                                << false;
    QTest::newRow("prose and a table")
        << u"A paragraph of words, longer than any cell of the table under it.\n\n| x | y |\n|---|---|\n| 1 | 2 |"_s
        << false;
    QTest::newRow("plain") << u"| typed | as is |\n| a line that is long enough to wrap at a narrow width |"_s
                           << true;
}

void TimelineTest::theNaturalWidthIsTheWidthUnwrapped()
{
    // How wide a table wants to be (it scrolls sideways when wider than the message) is read from the
    // document as laid out at any width: the same as a copy laid out without a width says.
    QFETCH(QString, text);
    QFETCH(bool, plain);
    QTextDocument document;
    plain ? document.setPlainText(text) : document.setMarkdown(text);
    MarkdownTableStyle::style(&document);
    std::unique_ptr<QTextDocument> unwrapped(document.clone());
    unwrapped->setTextWidth(-1);
    const qreal expected = unwrapped->idealWidth();
    for (const qreal width : {120.0, 300.0, 2000.0}) {
        document.setTextWidth(width);
        const qreal natural = MarkdownTableStyle::naturalWidthOf(&document);
        QVERIFY2(qAbs(natural - expected) <= 1,
            qPrintable(u"at %1: %2, unwrapped %3"_s.arg(width).arg(natural).arg(expected)));
    }
}

QTEST_MAIN(TimelineTest)

#include "tst_timeline.moc"
