// SPDX-License-Identifier: MIT
// The window's C++ models and controllers, each under QAbstractItemModelTester, against the real
// in-process backend (on its own thread, as in the window) and the fake upstream.
#include "BackendGateway.h"
#include "ChatController.h"
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "ModelCatalog.h"
#include "SessionStatusBoard.h"
#include "models/ConversationListModel.h"
#include "models/KeyedListModel.h"
#include "models/LiveSessionModel.h"
#include "models/MarkdownSegments.h"
#include "models/MessageBlocks.h"
#include "models/MessageModel.h"
#include "models/ModelListModel.h"
#include "models/ProgressState.h"
#include "models/SessionView.h"
#include "secrets/Keychain.h"
#include "settings/Preferences.h"
#include "store/MemoryEventStore.h"
#include "store/StoredEvent.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

// A backend of the test's own: any free port, its data in `dataDir`, in front of `upstreams` (as --upstream
// takes them).
ServerOptions ownBackend(const QString &dataDir, const QStringList &upstreams)
{
    ServerOptions options;
    options.port = 0;
    options.dataDir = dataDir;
    QString error;
    options.upstreams = UpstreamConfig::parseList(upstreams, &error).value_or(QList<UpstreamConfig> {});
    return options;
}

// Starts the gateway and waits until its backend runs.
bool started(BackendGateway &gateway, const ServerOptions &options)
{
    QSignalSpy running(&gateway, &BackendGateway::running);
    gateway.start(options);
    return running.wait(10000);
}

struct Row
{
    QString id;
    int value = 0;
    bool operator==(const Row &other) const = default;
};

// KeyedListModel's diffing, exposed for the test.
class RowModel : public KeyedListModel<Row>
{
public:
    using KeyedListModel::KeyedListModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid())
            return {};
        if (role == Qt::DisplayRole)
            return m_rows.at(index.row()).id;
        return role == Qt::UserRole ? QVariant(m_rows.at(index.row()).value) : QVariant();
    }
    void show(const QList<Row> &rows) { sync(rows); }
};

QList<int> rolesOf(const QList<QVariant> &dataChangedArguments)
{
    return dataChangedArguments.at(2).value<QList<int>>();
}

StoredEvent progressEvent(const QJsonObject &data)
{
    return {
        QStringLiteral("s"), EventKind::Progress, StreamId(), QStringLiteral("progress_update"), data, {}};
}

StoredEvent thinkingEvent(const QString &content)
{
    return {QStringLiteral("s"), EventKind::Thinking, StreamId(), QStringLiteral("thinking_step"),
        QJsonObject {{QStringLiteral("thinking_type"), QStringLiteral("analysis")},
            {QStringLiteral("content"), content}},
        {}};
}

// The steps a timeline shows (an agent's, or cut from a model's reasoning), in order, by their text.
QStringList stepsOf(const SessionTimeline *timeline)
{
    QStringList steps;
    for (int row = 0; row < timeline->rowCount(); ++row) {
        const auto entry = timeline->index(row).data(SessionTimeline::EntryRole).value<Timeline::Entry>();
        if (entry == Timeline::Entry::StepEntry || entry == Timeline::Entry::ReasoningEntry)
            steps << timeline->index(row).data(SessionTimeline::ContentRole).toString();
    }
    return steps;
}

// A listing of sessions from outside clients, begun a minute ago, the i-th last active at `activity.at(i)`.
QList<LiveSession> clientSessions(const QList<QDateTime> &activity)
{
    static const QDateTime created = QDateTime::currentDateTimeUtc().addSecs(-60);
    QList<LiveSession> listing;
    for (qsizetype i = 0; i < activity.size(); ++i) {
        Session session;
        session.id = QStringLiteral("client-%1").arg(i);
        session.userRequest = QStringLiteral("Request %1").arg(i);
        session.systemContext = {{QStringLiteral("source"), QStringLiteral("chat_completion")},
            {QStringLiteral("client"), QStringLiteral("curl/8.0.1")}};
        session.createdAt = created;
        session.lastActivity = activity.at(i);
        listing.append({session, SessionState::Running});
    }
    return listing;
}

QStringList idsOf(const LiveSessionModel &sessions)
{
    QStringList ids;
    for (int row = 0; row < sessions.rowCount(); ++row)
        ids << sessions.index(row).data(LiveSessionModel::IdRole).toString();
    return ids;
}

} // namespace

class WindowModelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void messageModelGrowsARowInPlace();
    void markdownSegmentsSplitCodeFences();
    void messageBlocksFollowAStreamIncrementally();
    void aRecycledDelegatesRowsAreKeptForTheNextText();
    void rowsKeptUnusedKeepTheirFormat();
    void aBurstOfBlocksIsAddedAFewPerFrame();
    void keyedListModelSyncsWithoutResets();
    void progressStateReadsHubUpdates();
    void sessionViewShowsTheLatestRequest();

    void chatStreamsCoalescedIntoTheMessageModel();
    void chatThinkingStepsAndProgressArriveFromTheHub();
    void stopAbortsTheUpstreamAtOnce();
    void leavingAChatLetsItsAnswerGoOn();
    void unknownModelFailsWithAPlainMessage();
    void regenerateReplacesTheLastAnswer();
    void everyTurnIsKeptHoweverItEnds();
    void aRateLimitCountsDownAndRetriesOnce();
    void failuresAreKindsTheWindowCanAdviseOn();
    void elapsedTimeTicksWhileARequestRuns();
    void statelessKeepsNothing();
    void historyKeptBeforeOutcomesOpensAndGrows();
    void historyListsRenamesDeletesAndReopens();
    void liveSessionsListOutsideAgents();
    void liveSessionsKeepTheirPlacesWhileStreaming();
    void liveSessionsHoldStillUnderThePointer();
    void liveSessionsWithOneTitleAreToldApart();
    void liveSessionsNameATraceByItsService();
    void aTraceMovedIntoItsConversationIsListedOnce();
    void aSessionEndedBeforeThisProcessSawItSaysHowItEnded();
    void aSessionWhoseEventsThisProcessDoesNotSeeIsReadOn();
    void anOutsideRequestEndingIsAnnouncedOnce();
    void modelCatalogListsUpstreamModels();
    void aModelItsServerDroppedIsNotAwaitedWhenTheServerFallsSilent();
    void thinkingIsAskedForWhereTheModelCanThink();
    void openAiUpstreamsGetReasoningEffort();
    void aRedisPasswordNeverGoesIntoTheSettingsFile();

private:
    std::unique_ptr<BackendGateway> startGateway();
    void waitForAnswer(ChatController &chat);

    FakeUpstream m_upstream;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<BackendGateway> m_gateway;
    QUrl m_baseUrl;
};

void WindowModelsTest::initTestCase()
{
    FakeScript thinker;
    thinker.reasoning = {QStringLiteral("First, what is asked? The user wants a haiku.\n\n"),
        QStringLiteral("Then I will choose an image of autumn.\n\n"),
        QStringLiteral("I decide on falling leaves.")};
    thinker.content
        = {QStringLiteral("Leaves fall "), QStringLiteral("softly\n"), QStringLiteral("on the path")};
    thinker.delayMs = 5;
    m_upstream.setScript(QStringLiteral("thinker"), thinker);

    FakeScript burst;
    for (int i = 0; i < 2000; ++i)
        burst.content << QStringLiteral("t%1 ").arg(i);
    m_upstream.setScript(QStringLiteral("burst"), burst);

    FakeScript slow;
    for (int i = 0; i < 200; ++i)
        slow.content << QStringLiteral("word ");
    slow.delayMs = 50;
    m_upstream.setScript(QStringLiteral("slow"), slow);

    FakeScript limited = thinker;
    limited.status = 429;
    limited.errorMessage = QStringLiteral("Rate limit reached; try again in a second");
    limited.retryAfterSeconds = 1;
    limited.failTimes = 1; // the retry gets through
    m_upstream.setScript(QStringLiteral("limited"), limited);
    FakeScript alwaysLimited = limited;
    alwaysLimited.failTimes = -1;
    m_upstream.setScript(QStringLiteral("always-limited"), alwaysLimited);
    FakeScript sleepy = thinker;
    sleepy.firstByteDelayMs = 5000;
    m_upstream.setScript(QStringLiteral("sleepy"), sleepy);

    // Models that say what they can do (POST /api/show), as Ollama's do.
    FakeScript qwen = thinker;
    qwen.capabilities = {QStringLiteral("completion"), QStringLiteral("thinking"), QStringLiteral("tools")};
    qwen.parameterSize = QStringLiteral("8.2B");
    qwen.family = QStringLiteral("qwen3");
    m_upstream.setScript(QStringLiteral("qwen3:8b"), qwen);
    FakeScript oss = qwen;
    oss.family = QStringLiteral("gptoss");
    oss.parameterSize = QStringLiteral("20.9B");
    m_upstream.setScript(QStringLiteral("gpt-oss:20b"), oss);
    FakeScript llama = thinker;
    llama.reasoning.clear();
    llama.capabilities = {QStringLiteral("completion"), QStringLiteral("tools"), QStringLiteral("vision")};
    llama.parameterSize = QStringLiteral("3.2B");
    m_upstream.setScript(QStringLiteral("llama3.2"), llama);

    FakeScript broken = thinker;
    broken.breakAfterDeltas = 4; // three of reasoning, one of the answer, then the connection is cut
    m_upstream.setScript(QStringLiteral("broken"), broken);
    QVERIFY(m_upstream.start());
}

std::unique_ptr<BackendGateway> WindowModelsTest::startGateway()
{
    const ServerOptions options = ownBackend(m_dataDir->path(), {m_upstream.ollamaSpec()});
    auto gateway = std::make_unique<BackendGateway>();
    QSignalSpy started(gateway.get(), &BackendGateway::running);
    gateway->start(options);
    if (!started.wait(10000))
        return nullptr;
    m_baseUrl = started.first().first().toUrl();
    return gateway;
}

void WindowModelsTest::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_gateway = startGateway();
    QVERIFY(m_gateway);
}

void WindowModelsTest::cleanup()
{
    m_gateway.reset();
    m_dataDir.reset();
}

void WindowModelsTest::waitForAnswer(ChatController &chat)
{
    QTRY_VERIFY_WITH_TIMEOUT(!chat.busy(), 20000);
}

void WindowModelsTest::messageModelGrowsARowInPlace()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    MessageModel::Message hi;
    hi.content = QStringLiteral("hi");
    const int question = model.append(hi);
    MessageModel::Message streaming;
    streaming.author = MessageModel::Author::Assistant;
    streaming.state = MessageModel::State::Streaming;
    const int answer = model.append(streaming);
    QVERIFY(question != answer);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.appendText(answer, QStringLiteral("Hel"), {});
    model.appendText(answer, QStringLiteral("lo"), QStringLiteral("because"));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(rolesOf(changed.at(0)), (QList<int> {MessageModel::ContentRole}));
    QCOMPARE(rolesOf(changed.at(1)), (QList<int> {MessageModel::ContentRole, MessageModel::ReasoningRole}));
    QCOMPARE(model.index(1).data(MessageModel::ContentRole).toString(), QStringLiteral("Hello"));
    QCOMPARE(model.index(1).data(MessageModel::ReasoningRole).toString(), QStringLiteral("because"));
    QCOMPARE(reset.size(), 0);

    model.finish(answer, MessageModel::State::Failed, ChatFailure::Kind::Upstream, QStringLiteral("boom"));
    QCOMPARE(model.index(1).data(MessageModel::StateRole).value<MessageModel::State>(),
        MessageModel::State::Failed);
    QCOMPARE(model.index(1).data(MessageModel::ErrorRole).toString(), QStringLiteral("boom"));
    model.appendText(12345, QStringLiteral("nobody"), {}); // an id that is gone changes nothing
    QCOMPARE(changed.size(), 3);
    model.removeFrom(answer);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.find(answer));
}

void WindowModelsTest::markdownSegmentsSplitCodeFences()
{
    const auto segments = MarkdownSegments::split(QStringLiteral(
        "Intro **bold**\n\n```python\nprint(1)\n\n```\nmiddle\n~~~\nraw ``` inside\n~~~\n```sh\nunfinished"));
    QCOMPARE(segments.size(), 5);
    QVERIFY(!segments[0].code());
    QCOMPARE(segments[0].text, QStringLiteral("Intro **bold**"));
    QVERIFY(segments[1].code());
    QCOMPARE(segments[1].language, QStringLiteral("python"));
    QCOMPARE(segments[1].text, QStringLiteral("print(1)\n"));
    QCOMPARE(segments[2].text, QStringLiteral("middle"));
    QVERIFY(segments[3].code());
    QCOMPARE(segments[3].text, QStringLiteral("raw ``` inside")); // only the same fence closes a block
    QVERIFY(segments[4].code()); // still being written: a code block to the end
    QCOMPARE(segments[4].text, QStringLiteral("unfinished"));
    QCOMPARE(MarkdownSegments::split(QStringLiteral("    ```\nindented four: not a fence")).size(), 1);
    // Paragraphs are segments of their own; indented lines after a blank line continue a list item.
    const auto prose = MarkdownSegments::split(
        QStringLiteral("One.\n\nTwo, line a\nline b\n\n1. item\n\n   more of the item\n\n\nThree."));
    QCOMPARE(prose.size(), 4);
    QCOMPARE(prose[1].text, QStringLiteral("Two, line a\nline b"));
    QCOMPARE(prose[2].text, QStringLiteral("1. item\n\n   more of the item"));
    QCOMPARE(prose[3].text, QStringLiteral("Three."));
}

void WindowModelsTest::messageBlocksFollowAStreamIncrementally()
{
    const QString answer = QStringLiteral(
        "Intro with **bold**.\n\n1. a list\n\n   continued item\n\n```python\nprint(1)\n\nprint(2)\n```\n"
        "After the code.\n\n  \n    indented after blanks\n~~~\nraw ``` inside\n~~~\nTail paragraph, still "
        "going");
    QRandomGenerator random(7);
    for (int round = 0; round < 40; ++round) {
        MessageBlocks blocks;
        QAbstractItemModelTester tester(&blocks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&blocks, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&blocks, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&blocks, &QAbstractItemModel::dataChanged);
        QString shown;
        while (shown.size() < answer.size()) {
            shown += answer.mid(shown.size(), 1 + random.bounded(12));
            const int rowsBefore = blocks.rowCount();
            changed.clear();
            blocks.setMarkdown(shown);
            // However the text was cut, the blocks are those of the whole text so far...
            QCOMPARE(blocks.blocks(), MarkdownSegments::split(shown));
            // ...and only the last block before the update, or new ones, changed.
            for (const auto &arguments : std::as_const(changed))
                QVERIFY(arguments.at(0).toModelIndex().row() >= rowsBefore - 1);
        }
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 0);
    }

    // Another text altogether (a recycled delegate): the rows turn into the new blocks in place.
    MessageBlocks blocks;
    QAbstractItemModelTester tester(&blocks, QAbstractItemModelTester::FailureReportingMode::QtTest);
    blocks.setMarkdown(answer);
    const int before = blocks.rowCount();
    QSignalSpy inserted(&blocks, &QAbstractItemModel::rowsInserted);
    blocks.setMarkdown(QStringLiteral("Just one paragraph."));
    QCOMPARE(blocks.count(), 1);
    QCOMPARE(blocks.index(0).data(MessageBlocks::TextRole).toString(), QStringLiteral("Just one paragraph."));
    QCOMPARE(inserted.size(), 0);
    QVERIFY(before > 4);
}

void WindowModelsTest::aRecycledDelegatesRowsAreKeptForTheNextText()
{
    // A delegate scrolled through a conversation: a long answer, a one-line question, another answer.
    const QString answer
        = QStringLiteral("Answer with **bold**, a list:\n\n1. one\n2. two\n\n```cpp\nint x = 1;\n```"
                         "\n\nand a closing line.");
    MessageBlocks blocks;
    QAbstractItemModelTester tester(&blocks, QAbstractItemModelTester::FailureReportingMode::QtTest);
    blocks.setMarkdown(answer);
    QCOMPARE(blocks.count(), 4);
    QSignalSpy inserted(&blocks, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&blocks, &QAbstractItemModel::rowsRemoved);
    QSignalSpy counted(&blocks, &MessageBlocks::countChanged);
    blocks.setMarkdown(QStringLiteral("How does this part work?"));
    // Its blocks are the question's; the rows it does not need stay, shown by nothing.
    QCOMPARE(blocks.blocks(), MarkdownSegments::split(QStringLiteral("How does this part work?")));
    QCOMPARE(blocks.rowCount(), 4);
    QVERIFY(blocks.index(0).data(MessageBlocks::UsedRole).toBool());
    for (int row = 1; row < 4; ++row)
        QVERIFY(!blocks.index(row).data(MessageBlocks::UsedRole).toBool());
    QCOMPARE(counted.size(), 1);
    // The next answer takes them again: no row is created or destroyed.
    const QString next = QString(answer).replace(QStringLiteral("x = 1"), QStringLiteral("x = 2"));
    QSignalSpy changed(&blocks, &QAbstractItemModel::dataChanged);
    blocks.setMarkdown(next);
    QCOMPARE(blocks.blocks(), MarkdownSegments::split(next));
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    for (int row = 0; row < 4; ++row)
        QVERIFY(blocks.index(row).data(MessageBlocks::UsedRole).toBool());
    // Only what differs changed: the question's row, the code, and the rows that are used again.
    for (const auto &arguments : std::as_const(changed))
        QVERIFY(!rolesOf(arguments).contains(MessageBlocks::KindRole));

    // A huge text, then a short one: the rows kept unused are bounded.
    QString huge;
    for (int i = 0; i < 200; ++i)
        huge += QStringLiteral("Paragraph %1.\n\n").arg(i);
    blocks.setMarkdown(huge);
    QCOMPARE(blocks.count(), 200);
    blocks.setMarkdown(QStringLiteral("Short."));
    QCOMPARE(blocks.count(), 1);
    QCOMPARE(blocks.rowCount(), 1 + MessageBlocks::MaxUnusedRows);
    // A growing text after it (a new answer streaming into a recycled delegate) takes the unused rows.
    inserted.clear();
    blocks.setMarkdown(QStringLiteral("Short.\n\nAnd more."));
    QCOMPARE(blocks.blocks(), MarkdownSegments::split(QStringLiteral("Short.\n\nAnd more.")));
    QCOMPARE(inserted.size(), 0);
}

void WindowModelsTest::rowsKeptUnusedKeepTheirFormat()
{
    // A delegate scrolled through a conversation turns from an answer (Markdown) to a question (plain) and
    // back: only the rows a text uses take its format, so the answer's kept rows are not parsed again.
    QString longAnswer;
    for (int i = 0; i < 10; ++i)
        longAnswer += QStringLiteral("Paragraph %1 with *some* words.\n\n```py\nprint(%1)\n```\n\n").arg(i);
    MessageBlocks blocks;
    QAbstractItemModelTester tester(&blocks, QAbstractItemModelTester::FailureReportingMode::QtTest);
    blocks.setMarkdown(longAnswer);
    QCOMPARE(blocks.count(), 20);
    QSignalSpy changed(&blocks, &QAbstractItemModel::dataChanged);
    blocks.show(QStringLiteral("How does this part work?"), true);
    QVERIFY(blocks.plain());
    QVERIFY(blocks.index(0).data(MessageBlocks::PlainRole).toBool());
    for (int row = 1; row < blocks.rowCount(); ++row)
        QVERIFY(!blocks.index(row).data(MessageBlocks::PlainRole).toBool());
    for (const auto &arguments : std::as_const(changed)) {
        if (rolesOf(arguments).contains(MessageBlocks::PlainRole))
            QCOMPARE(arguments.at(0).toModelIndex().row(), 0);
    }
    // The next answer's rows take Markdown again; a format alone changes the text's rows.
    blocks.show(QStringLiteral("An answer.\n\nTwo paragraphs."), false);
    for (int row = 0; row < blocks.rowCount(); ++row)
        QVERIFY(!blocks.index(row).data(MessageBlocks::PlainRole).toBool());
    // A format given alone (by a binding) waits for the event loop, in case a text follows it.
    blocks.setPlain(true);
    QVERIFY(!blocks.index(0).data(MessageBlocks::PlainRole).toBool());
    QTRY_VERIFY(blocks.index(0).data(MessageBlocks::PlainRole).toBool());
    QVERIFY(blocks.index(1).data(MessageBlocks::PlainRole).toBool());
    QVERIFY(!blocks.index(2).data(MessageBlocks::PlainRole).toBool());

    // A recycled delegate's bindings give the author's format, then the text: the rows change once, to
    // the new text in its format; the old text's rows are not laid out again in the new format first.
    blocks.setPlain(false);
    blocks.setMarkdown(longAnswer);
    QVERIFY(!blocks.plain());
    changed.clear();
    blocks.setPlain(true);
    QVERIFY(changed.isEmpty());
    blocks.setMarkdown(QStringLiteral("How does *this* part work?"));
    QVERIFY(blocks.plain());
    QCOMPARE(blocks.count(), 1);
    for (const auto &arguments : std::as_const(changed)) {
        if (rolesOf(arguments).contains(MessageBlocks::PlainRole))
            QCOMPARE(arguments.at(0).toModelIndex().row(), 0);
    }
    // The format waiting for the event loop finds it applied and changes nothing more.
    const qsizetype changes = changed.size();
    QCoreApplication::processEvents();
    QCOMPARE(changed.size(), changes);

    // A recycled delegate that showed a question gets an answer streaming in, the format with the first
    // burst of text: the burst is still added a few blocks per frame.
    MessageBlocks streaming;
    streaming.show(QString(), true);
    streaming.setPaced(true);
    QString burst;
    for (int i = 0; i < 40; ++i)
        burst += QStringLiteral("Paragraph %1.\n\n").arg(i);
    streaming.show(burst, false);
    QCOMPARE(streaming.rowCount(), MessageBlocks::MaxNewBlocksPerFrame + 1);
    QVERIFY(streaming.hasPendingBlocks());
    QVERIFY(!streaming.index(0).data(MessageBlocks::PlainRole).toBool());
}

void WindowModelsTest::aBurstOfBlocksIsAddedAFewPerFrame()
{
    // An upstream that sends a whole answer at once: 40 paragraphs in one update, then 10 more while the
    // first are still being added.
    QString answer;
    for (int i = 0; i < 40; ++i)
        answer += QStringLiteral("Paragraph %1.\n\n").arg(i);
    MessageBlocks blocks;
    QAbstractItemModelTester tester(&blocks, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy removed(&blocks, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&blocks, &QAbstractItemModel::rowsInserted);
    blocks.setPaced(true);
    blocks.setMarkdown(answer);
    QCOMPARE(blocks.rowCount(), MessageBlocks::MaxNewBlocksPerFrame + 1);
    QVERIFY(blocks.hasPendingBlocks());
    for (int i = 40; i < 50; ++i)
        answer += QStringLiteral("Paragraph %1.\n\n").arg(i);
    blocks.setMarkdown(answer);
    // The text grew while blocks wait: no more are added until their turn.
    QCOMPARE(blocks.rowCount(), MessageBlocks::MaxNewBlocksPerFrame + 1);
    // The answer is complete: the blocks still waiting follow, a few at a time, in order.
    blocks.setPaced(false);
    QTRY_VERIFY(!blocks.hasPendingBlocks());
    QCOMPARE(blocks.blocks(), MarkdownSegments::split(answer));
    QCOMPARE(blocks.rowCount(), 50);
    QVERIFY(inserted.size() >= 4);
    QCOMPARE(removed.size(), 0);

    // Not streaming (a conversation read from history): every block at once.
    MessageBlocks whole;
    whole.setMarkdown(answer);
    QCOMPARE(whole.rowCount(), 50);
    QVERIFY(!whole.hasPendingBlocks());
}

void WindowModelsTest::keyedListModelSyncsWithoutResets()
{
    RowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QRandomGenerator random(42);
    QList<Row> pool;
    for (int i = 0; i < 12; ++i)
        pool.append({QStringLiteral("r%1").arg(i), 0});
    for (int round = 0; round < 300; ++round) {
        QList<Row> fresh;
        for (const Row &row : std::as_const(pool)) {
            if (random.bounded(3) != 0)
                fresh.append({row.id, int(random.bounded(4))});
        }
        std::shuffle(fresh.begin(), fresh.end(), random);
        model.show(fresh);
        QCOMPARE(model.rows(), fresh);
    }
    QCOMPARE(reset.size(), 0);

    // One changed item: one dataChanged, nothing inserted or removed.
    QList<Row> current = model.rows();
    QVERIFY(!current.isEmpty());
    current[0].value += 10;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.show(current);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(inserted.size(), 0);
}

void WindowModelsTest::progressStateReadsHubUpdates()
{
    ProgressState progress;
    progress.apply({{QStringLiteral("current_activity"), QStringLiteral("received")},
        {QStringLiteral("message"), QStringLiteral("Request received")}});
    QCOMPARE(progress.phase(), ProgressState::Phase::Waiting);
    QCOMPARE(progress.percentage(), -1.0);
    QVERIFY(!progress.hasMetrics());
    // llama.cpp's prompt progress: still waiting for the first token, and saying how far the prompt is read.
    progress.apply({{QStringLiteral("current_activity"), QStringLiteral("reading_prompt")},
        {QStringLiteral("update_type"), QStringLiteral("progress")},
        {QStringLiteral("message"), QStringLiteral("Reading the prompt, 40% (2000 of 5000 tokens)")},
        {QStringLiteral("progress_percentage"), 7}});
    QCOMPARE(progress.phase(), ProgressState::Phase::Waiting);
    QCOMPARE(progress.message(), QStringLiteral("Reading the prompt, 40% (2000 of 5000 tokens)"));
    QCOMPARE(progress.percentage(), 7.0);
    progress.apply({{QStringLiteral("current_activity"), QStringLiteral("generating")},
        {QStringLiteral("update_type"), QStringLiteral("progress")},
        {QStringLiteral("message"), QStringLiteral("12 tokens")}, {QStringLiteral("current_step"), 3},
        {QStringLiteral("total_steps"), 4},
        {QStringLiteral("metrics"),
            QJsonObject {{QStringLiteral("tokens"), 12}, {QStringLiteral("ttft_ms"), 80},
                {QStringLiteral("tokens_per_second"), 41.5}, {QStringLiteral("elapsed_ms"), 400}}}});
    QCOMPARE(progress.phase(), ProgressState::Phase::Working);
    QCOMPARE(progress.tokens(), 12);
    QCOMPARE(progress.firstTokenMs(), 80);
    QCOMPARE(progress.tokensPerSecond(), 41.5);
    QCOMPARE(progress.currentStep(), 3);
    QVERIFY(progress.hasMetrics());
    // Reasoning text does not push the status line around.
    progress.apply({{QStringLiteral("current_activity"), QStringLiteral("thinking")},
        {QStringLiteral("update_type"), QStringLiteral("thinking_aloud")},
        {QStringLiteral("message"), QStringLiteral("hmm")}});
    QCOMPARE(progress.message(), QStringLiteral("12 tokens"));
    progress.apply({{QStringLiteral("current_activity"), QStringLiteral("done")},
        {QStringLiteral("update_type"), QStringLiteral("completion")},
        {QStringLiteral("metrics"), QJsonObject {{QStringLiteral("completion_tokens"), 30}}}});
    QCOMPARE(progress.phase(), ProgressState::Phase::Done);
    QCOMPARE(progress.percentage(), 100.0);
    QCOMPARE(progress.tokens(), 30); // the upstream's own count wins
    // An agent's next run in the same session (AG-UI's "started") is work again, not the last run's end.
    progress.apply({{QStringLiteral("current_activity"), QStringLiteral("started")},
        {QStringLiteral("update_type"), QStringLiteral("progress")}});
    QCOMPARE(progress.phase(), ProgressState::Phase::Working);
    // An outside agent's own activity names mean it is working.
    progress.reset();
    progress.apply({{QStringLiteral("current_activity"), QStringLiteral("crawling")},
        {QStringLiteral("progress_percentage"), 40}});
    QCOMPARE(progress.phase(), ProgressState::Phase::Working);
    QCOMPARE(progress.percentage(), 40.0);
}

void WindowModelsTest::sessionViewShowsTheLatestRequest()
{
    SessionView view;
    QAbstractItemModelTester tester(view.timeline(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.apply({progressEvent({{QStringLiteral("current_activity"), QStringLiteral("received")},
                    {QStringLiteral("prompt"), QStringLiteral("first question")}}),
        thinkingEvent(QStringLiteral("old step")),
        progressEvent({{QStringLiteral("current_activity"), QStringLiteral("thinking")},
            {QStringLiteral("update_type"), QStringLiteral("thinking_aloud")},
            {QStringLiteral("message"), QStringLiteral("old")}})});
    QCOMPARE(stepsOf(view.timeline()), QStringList {QStringLiteral("old step")});
    QCOMPARE(view.reasoning(), QStringLiteral("old"));
    QCOMPARE(view.prompt(), QStringLiteral("first question"));
    // A second request in the same session: the view starts over.
    view.apply({progressEvent({{QStringLiteral("current_activity"), QStringLiteral("received")}}),
        thinkingEvent(QStringLiteral("new step")), thinkingEvent(QStringLiteral("another"))});
    QCOMPARE(stepsOf(view.timeline()), (QStringList {QStringLiteral("new step"), QStringLiteral("another")}));
    QCOMPARE(view.reasoning(), QString());
    QCOMPARE(view.prompt(), QString());
    QCOMPARE(view.progress()->phase(), ProgressState::Phase::Waiting);
    StoredEvent end = thinkingEvent({});
    end.type = QStringLiteral("session_end");
    QSignalSpy ended(&view, &SessionView::endedChanged);
    view.apply({end});
    QVERIFY(view.ended());
    QCOMPARE(ended.size(), 1);
}

void WindowModelsTest::chatStreamsCoalescedIntoTheMessageModel()
{
    ChatController chat;
    QAbstractItemModelTester tester(chat.messages(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    chat.setGateway(m_gateway.get());
    chat.setModel(QStringLiteral("burst"));
    QSignalSpy changed(chat.messages(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(chat.messages(), &QAbstractItemModel::modelReset);
    QVERIFY(!chat.send(QStringLiteral("   "))); // blank: nothing is sent
    QVERIFY(chat.send(QStringLiteral("Count to 2000")));
    QVERIFY(chat.busy());
    QVERIFY(!chat.send(QStringLiteral("again"))); // one answer at a time
    waitForAnswer(chat);

    QCOMPARE(chat.messages()->rowCount(), 2);
    QString expected;
    for (int i = 0; i < 2000; ++i)
        expected += QStringLiteral("t%1 ").arg(i);
    QCOMPARE(chat.messages()->index(1).data(MessageModel::ContentRole).toString(), expected);
    QCOMPARE(chat.messages()->index(1).data(MessageModel::StateRole).value<MessageModel::State>(),
        MessageModel::State::Complete);
    QCOMPARE(reset.size(), 0);
    int contentUpdates = 0;
    for (const auto &arguments : std::as_const(changed)) {
        QCOMPARE(arguments.at(0).toModelIndex().row(), 1); // only the answer's row ever changes
        if (rolesOf(arguments).contains(MessageModel::ContentRole))
            ++contentUpdates;
    }
    qInfo() << "2000 deltas arrived as" << contentUpdates << "content updates";
    // Coalesced per frame: a burst of 2000 deltas cannot take 500 frames on any machine.
    QVERIFY2(contentUpdates < 500, qPrintable(QString::number(contentUpdates)));
}

void WindowModelsTest::chatThinkingStepsAndProgressArriveFromTheHub()
{
    ChatController chat;
    chat.setGateway(m_gateway.get());
    chat.setModel(QStringLiteral("thinker"));
    QAbstractItemModelTester tester(
        chat.session()->timeline(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy thinking(&chat, &ChatController::thinkingChanged);
    QVERIFY(chat.send(QStringLiteral("A haiku, please")));
    waitForAnswer(chat);
    QCOMPARE(chat.messages()->index(1).data().toString(), QStringLiteral("Leaves fall softly\non the path"));
    QTRY_VERIFY(chat.session()->reasoning().startsWith(QStringLiteral("First, what is asked?")));
    QVERIFY(chat.thoughtMs() >= 0);
    QVERIFY(thinking.size() >= 2); // on while reasoning, off once the answer began
    QVERIFY(!chat.thinking());
    // Three paragraphs; the second is short, so it joins the third (ReasoningSegmenter's rule).
    QTRY_COMPARE_WITH_TIMEOUT(stepsOf(chat.session()->timeline()).size(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(chat.session()->progress()->phase(), ProgressState::Phase::Done, 5000);
    QCOMPARE(chat.session()->sessionId(), chat.conversationId());
    // The answer's footer and the panel give one time to the first token (they differed by a millisecond
    // or two, each counted on its own clock).
    QVERIFY(chat.session()->progress()->firstTokenMs() >= 0);
    QCOMPARE(chat.messages()->index(1).data(MessageModel::FirstTokenMsRole).toLongLong(),
        chat.session()->progress()->firstTokenMs());
    // The reasoning is shown once: as its two steps, marked along it, with no text left over beside them.
    const SessionTimeline *timeline = chat.session()->timeline();
    QStringList entries;
    for (int row = 0; row < timeline->rowCount(); ++row) {
        const QModelIndex at = timeline->index(row);
        switch (at.data(SessionTimeline::EntryRole).value<Timeline::Entry>()) {
        case Timeline::Entry::ReasoningEntry:
            QCOMPARE(at.data(SessionTimeline::StepTypeRole).toString(), QStringLiteral("reasoning"));
            entries << QStringLiteral("step %1").arg(at.data(SessionTimeline::NumberRole).toInt());
            break;
        case Timeline::Entry::MilestoneEntry:
            entries << QString::fromLatin1(QMetaEnum::fromType<Timeline::Milestone>().valueToKey(
                int(at.data(SessionTimeline::MilestoneRole).value<Timeline::Milestone>())));
            break;
        default:
            entries << QStringLiteral("other");
        }
    }
    QCOMPARE(entries,
        (QStringList {QStringLiteral("Received"), QStringLiteral("Accepted"), QStringLiteral("FirstToken"),
            QStringLiteral("step 1"), QStringLiteral("step 2"), QStringLiteral("Done")}));
}

void WindowModelsTest::stopAbortsTheUpstreamAtOnce()
{
    ChatController chat;
    chat.setGateway(m_gateway.get());
    chat.setModel(QStringLiteral("slow"));
    const int abandonedBefore = m_upstream.abandonedResponses();
    QVERIFY(chat.send(QStringLiteral("Talk slowly")));
    QTRY_VERIFY_WITH_TIMEOUT(!chat.messages()->index(1).data().toString().isEmpty(), 10000);
    chat.stop();
    waitForAnswer(chat);
    QCOMPARE(chat.messages()->index(1).data(MessageModel::StateRole).value<MessageModel::State>(),
        MessageModel::State::Stopped);
    QVERIFY(chat.messages()->index(1).data().toString().size() < 200 * 5);
    // The fake saw its client hang up mid-answer: the model server stops generating.
    QTRY_COMPARE_WITH_TIMEOUT(m_upstream.abandonedResponses(), abandonedBefore + 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(chat.session()->progress()->phase(), ProgressState::Phase::Stopped, 5000);
}

// Leaving a chat while it answers (a new chat, another from the list) does not stop the answer: opening it
// again shows it live from where it is; one that ends meanwhile is kept whole; deleting the chat stops it.
void WindowModelsTest::leavingAChatLetsItsAnswerGoOn()
{
    ChatController chat;
    QAbstractItemModelTester tester(chat.messages(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    chat.setGateway(m_gateway.get());
    chat.setModel(QStringLiteral("slow"));
    const int abandonedBefore = m_upstream.abandonedResponses();
    QVERIFY(chat.send(QStringLiteral("Talk slowly")));
    QTRY_VERIFY_WITH_TIMEOUT(!chat.messages()->index(1).data().toString().isEmpty(), 10000);
    const QString slowChat = chat.conversationId();

    chat.newConversation();
    QVERIFY(!chat.busy());
    QCOMPARE(chat.answersInBackground(), 1);
    chat.setModel(QStringLiteral("thinker")); // another chat answers meanwhile
    QVERIFY(chat.send(QStringLiteral("A haiku, please")));
    waitForAnswer(chat);
    const QString haikuChat = chat.conversationId();

    // Back to it while it still answers: shown live, its text so far first, then the rest.
    chat.openConversation(slowChat);
    QTRY_VERIFY_WITH_TIMEOUT(chat.busy(), 5000);
    QCOMPARE(chat.answersInBackground(), 0);
    QCOMPARE(chat.messages()->rowCount(), 2);
    QCOMPARE(chat.messages()->index(0).data().toString(), QStringLiteral("Talk slowly"));
    QCOMPARE(chat.messages()->index(1).data(MessageModel::StateRole).value<MessageModel::State>(),
        MessageModel::State::Streaming);
    QVERIFY(!chat.messages()->index(1).data().toString().isEmpty());
    waitForAnswer(chat);
    QCOMPARE(chat.messages()->index(1).data(MessageModel::StateRole).value<MessageModel::State>(),
        MessageModel::State::Complete);
    QCOMPARE(chat.messages()->index(1).data().toString(), QStringLiteral("word ").repeated(200));
    QCOMPARE(m_upstream.abandonedResponses(), abandonedBefore); // never stopped

    // Left again, it ends unseen, and is kept whole.
    QVERIFY(chat.send(QStringLiteral("Once more")));
    QTRY_VERIFY_WITH_TIMEOUT(!chat.messages()->index(3).data().toString().isEmpty(), 10000);
    chat.openConversation(haikuChat);
    QTRY_COMPARE_WITH_TIMEOUT(chat.answersInBackground(), 0, 20000);
    chat.openConversation(slowChat);
    QTRY_COMPARE_WITH_TIMEOUT(chat.messages()->rowCount(), 4, 5000);
    QVERIFY(!chat.busy());
    QCOMPARE(chat.messages()->index(3).data().toString(), QStringLiteral("word ").repeated(200));

    // Deleting a chat whose answer runs unseen stops it.
    QVERIFY(chat.send(QStringLiteral("And again")));
    QTRY_VERIFY_WITH_TIMEOUT(!chat.messages()->index(5).data().toString().isEmpty(), 10000);
    chat.newConversation();
    chat.forgetConversation(slowChat);
    QTRY_COMPARE_WITH_TIMEOUT(chat.answersInBackground(), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_upstream.abandonedResponses(), abandonedBefore + 1, 5000);
}

void WindowModelsTest::unknownModelFailsWithAPlainMessage()
{
    ChatController chat;
    chat.setGateway(m_gateway.get());
    chat.setModel(QStringLiteral("no-such-model"));
    QVERIFY(chat.send(QStringLiteral("Hello?")));
    waitForAnswer(chat);
    const QModelIndex answer = chat.messages()->index(1);
    QCOMPARE(answer.data(MessageModel::StateRole).value<MessageModel::State>(), MessageModel::State::Failed);
    QCOMPARE(answer.data(MessageModel::ErrorKindRole).value<ChatFailure::Kind>(),
        ChatFailure::Kind::ModelNotFound);
    const QString error = answer.data(MessageModel::ErrorRole).toString();
    QVERIFY2(error.contains(QStringLiteral("no-such-model")), qPrintable(error));
    QCOMPARE(chat.session()->progress()->phase(), ProgressState::Phase::Failed);
}

void WindowModelsTest::regenerateReplacesTheLastAnswer()
{
    ConversationListModel history;
    history.setGateway(m_gateway.get());
    ChatController chat;
    connect(&chat, &ChatController::exchangeEnded, &history, &ConversationListModel::refresh);
    QAbstractItemModelTester tester(chat.messages(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    chat.setGateway(m_gateway.get());
    chat.setModel(QStringLiteral("thinker"));
    QVERIFY(!chat.regenerate()); // nothing to regenerate yet
    QVERIFY(chat.send(QStringLiteral("A haiku, please")));
    waitForAnswer(chat);
    const int firstAnswerId = chat.messages()->index(1).data(MessageModel::MessageIdRole).toInt();
    QVERIFY(chat.regenerate());
    waitForAnswer(chat);
    QCOMPARE(chat.messages()->rowCount(), 2);
    QVERIFY(chat.messages()->index(1).data(MessageModel::MessageIdRole).toInt() != firstAnswerId);
    QCOMPARE(chat.messages()->index(1).data().toString(), QStringLiteral("Leaves fall softly\non the path"));
    // The upstream got the conversation without the replaced answer.
    const QJsonArray sent = m_upstream.lastChatRequest().body.value(QLatin1String("messages")).toArray();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0)[QLatin1String("role")].toString(), QStringLiteral("user"));
    // History holds the question once and the new answer in place of the old one.
    QTRY_COMPARE_WITH_TIMEOUT(history.rowCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(
        history.index(0).data(ConversationListModel::MessageCountRole).toLongLong(), 2, 5000);
    // A second turn, regenerated: the first exchange stays.
    QVERIFY(chat.send(QStringLiteral("Another, please")));
    waitForAnswer(chat);
    QVERIFY(chat.regenerate());
    waitForAnswer(chat);
    QTRY_COMPARE_WITH_TIMEOUT(
        history.index(0).data(ConversationListModel::MessageCountRole).toLongLong(), 4, 5000);
    const QString conversation = chat.conversationId();
    chat.newConversation();
    chat.openConversation(conversation);
    QTRY_COMPARE_WITH_TIMEOUT(chat.messages()->rowCount(), 4, 5000);
    QCOMPARE(chat.messages()->index(2).data().toString(), QStringLiteral("Another, please"));
}

void WindowModelsTest::everyTurnIsKeptHoweverItEnds()
{
    ConversationListModel history;
    QAbstractItemModelTester historyTester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
    history.setGateway(m_gateway.get());
    ChatController chat;
    chat.setGateway(m_gateway.get());
    connect(&chat, &ChatController::exchangeEnded, &history, &ConversationListModel::refresh);

    // A first turn that fails still makes a chat, listed, with its question and its error.
    chat.setModel(QStringLiteral("broken"));
    QVERIFY(chat.send(QStringLiteral("Will this break?")));
    waitForAnswer(chat);
    const QString failedChat = chat.conversationId();
    QCOMPARE(chat.messages()->index(1).data(MessageModel::StateRole).value<MessageModel::State>(),
        MessageModel::State::Failed);
    const QString partial = chat.messages()->index(1).data(MessageModel::ContentRole).toString();
    QCOMPARE(partial, QStringLiteral("Leaves fall "));
    QTRY_VERIFY_WITH_TIMEOUT(history.rowOf(failedChat) >= 0, 5000);

    // A stopped answer keeps what it said.
    chat.newConversation();
    chat.setModel(QStringLiteral("slow"));
    QVERIFY(chat.send(QStringLiteral("Talk slowly")));
    QTRY_VERIFY_WITH_TIMEOUT(!chat.messages()->index(1).data().toString().isEmpty(), 10000);
    chat.stop();
    waitForAnswer(chat);
    const QString stoppedChat = chat.conversationId();
    const QString stoppedText = chat.messages()->index(1).data().toString();

    // A complete one keeps how it went.
    chat.newConversation();
    chat.setModel(QStringLiteral("thinker"));
    QVERIFY(chat.send(QStringLiteral("A haiku, please")));
    waitForAnswer(chat);
    const QString completeChat = chat.conversationId();
    const QModelIndex shown = chat.messages()->index(1);
    const QList<int> kept {MessageModel::ContentRole, MessageModel::ReasoningRole, MessageModel::StateRole,
        MessageModel::ThoughtMsRole, MessageModel::TokensRole, MessageModel::TokensPerSecondRole,
        MessageModel::FirstTokenMsRole, MessageModel::FinishReasonRole};
    QMap<int, QVariant> before;
    for (int role : kept)
        before.insert(role, shown.data(role));
    QVERIFY(before.value(MessageModel::ThoughtMsRole).toLongLong() >= 0);
    QVERIFY(before.value(MessageModel::TokensRole).toLongLong() > 0);

    // Reopened, each shows exactly what was shown.
    chat.openConversation(completeChat);
    QTRY_COMPARE_WITH_TIMEOUT(chat.messages()->rowCount(), 2, 5000);
    for (int role : kept)
        QCOMPARE(chat.messages()->index(1).data(role), before.value(role));

    chat.openConversation(stoppedChat);
    QTRY_COMPARE_WITH_TIMEOUT(chat.messages()->rowCount(), 2, 5000);
    QCOMPARE(chat.messages()->index(0).data().toString(), QStringLiteral("Talk slowly"));
    QCOMPARE(chat.messages()->index(1).data(MessageModel::StateRole).value<MessageModel::State>(),
        MessageModel::State::Stopped);
    QCOMPARE(chat.messages()->index(1).data().toString(), stoppedText);

    chat.openConversation(failedChat);
    QTRY_COMPARE_WITH_TIMEOUT(chat.messages()->rowCount(), 2, 5000);
    QCOMPARE(chat.messages()->index(0).data().toString(), QStringLiteral("Will this break?"));
    const QModelIndex failed = chat.messages()->index(1);
    QCOMPARE(failed.data(MessageModel::StateRole).value<MessageModel::State>(), MessageModel::State::Failed);
    QCOMPARE(failed.data().toString(), partial);
    QVERIFY(!failed.data(MessageModel::ErrorRole).toString().isEmpty());
    QVERIFY(failed.data(MessageModel::ReasoningRole).toString().startsWith(QStringLiteral("First,")));

    // Retrying replaces the failed answer; the question is kept once.
    chat.setModel(QStringLiteral("thinker"));
    QVERIFY(chat.regenerate());
    waitForAnswer(chat);
    chat.newConversation();
    chat.openConversation(failedChat);
    QTRY_COMPARE_WITH_TIMEOUT(chat.messages()->rowCount(), 2, 5000);
    QCOMPARE(chat.messages()->index(1).data(MessageModel::StateRole).value<MessageModel::State>(),
        MessageModel::State::Complete);
}

void WindowModelsTest::aRateLimitCountsDownAndRetriesOnce()
{
    ChatController chat;
    QAbstractItemModelTester tester(chat.messages(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    chat.setGateway(m_gateway.get());
    chat.setModel(QStringLiteral("limited"));
    QList<int> countdown;
    connect(&chat, &ChatController::retryChanged, this, [&] { countdown << chat.retryInSeconds(); });
    QSignalSpy ended(&chat, &ChatController::exchangeEnded);
    QVERIFY(chat.send(QStringLiteral("Are you busy?")));
    // The 429 said Retry-After: 1; the window counts that down, then tries once more, and gets through.
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 10000);
    QCOMPARE(chat.failure(), ChatFailure::Kind::RateLimited);
    QCOMPARE(chat.retryInSeconds(), 1);
    QCOMPARE(chat.messages()->index(1).data(MessageModel::StateRole).value<MessageModel::State>(),
        MessageModel::State::Failed);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 2, 10000); // the retry
    QCOMPARE(countdown, (QList<int> {1, -1}));
    QCOMPARE(chat.messages()->rowCount(), 2);
    QCOMPARE(chat.messages()->index(1).data(MessageModel::StateRole).value<MessageModel::State>(),
        MessageModel::State::Complete);
    QCOMPARE(chat.failure(), ChatFailure::Kind::None);

    // One automatic retry per question: a second 429 waits for the user.
    chat.setModel(QStringLiteral("always-limited"));
    QVERIFY(chat.send(QStringLiteral("Still busy?")));
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 4, 10000);
    QCOMPARE(chat.failure(), ChatFailure::Kind::RateLimited);
    QCOMPARE(chat.retryInSeconds(), -1); // decided when the answer ended: no countdown started
    // Esc during a countdown cancels the retry.
    QVERIFY(chat.send(QStringLiteral("And now?")));
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 5, 10000);
    QCOMPARE(chat.retryInSeconds(), 1);
    chat.stop();
    QCOMPARE(chat.retryInSeconds(), -1);
}

void WindowModelsTest::failuresAreKindsTheWindowCanAdviseOn()
{
    ChatController chat;
    chat.setGateway(m_gateway.get());
    chat.setModel(QStringLiteral("broken"));
    QVERIFY(chat.send(QStringLiteral("Break, please")));
    waitForAnswer(chat);
    QCOMPARE(chat.failure(), ChatFailure::Kind::CutOff);

    // An upstream that is not there.
    QTcpServer unused;
    QVERIFY(unused.listen(QHostAddress::LocalHost));
    const quint16 deadPort = unused.serverPort();
    unused.close();
    QTemporaryDir dataDir;
    BackendGateway gateway;
    QVERIFY(started(
        gateway, ownBackend(dataDir.path(), {QStringLiteral("ollama:http://127.0.0.1:%1").arg(deadPort)})));
    ChatController lonely;
    lonely.setGateway(&gateway);
    lonely.setModel(QStringLiteral("qwen3"));
    QVERIFY(lonely.send(QStringLiteral("Anyone there?")));
    waitForAnswer(lonely);
    QCOMPARE(lonely.failure(), ChatFailure::Kind::Unreachable);
    QCOMPARE(lonely.messages()->index(1).data(MessageModel::ErrorKindRole).value<ChatFailure::Kind>(),
        ChatFailure::Kind::Unreachable);
}

void WindowModelsTest::elapsedTimeTicksWhileARequestRuns()
{
    ChatController chat;
    chat.setGateway(m_gateway.get());
    chat.setModel(QStringLiteral("sleepy")); // answers after five seconds
    ProgressState *progress = chat.session()->progress();
    QSignalSpy updates(progress, &ProgressState::changed);
    QVERIFY(chat.send(QStringLiteral("Take your time")));
    QTRY_VERIFY_WITH_TIMEOUT(progress->hasMetrics(), 5000); // the hub's "received"
    const qint64 atUpdate = progress->elapsedMs();
    const qsizetype updatesSoFar = updates.size();
    // Elapsed time grows between updates: no update has come since, yet it went on counting.
    QTRY_VERIFY_WITH_TIMEOUT(progress->elapsedMs() >= atUpdate + 300, 4000);
    QCOMPARE(updates.size(), updatesSoFar);
    QCOMPARE(progress->phase(), ProgressState::Phase::Waiting);
    chat.stop();
    waitForAnswer(chat);
    QTRY_COMPARE_WITH_TIMEOUT(progress->phase(), ProgressState::Phase::Stopped, 5000);
    QCOMPARE(progress->message(), QStringLiteral("Stopped."));
    const qint64 stoppedAt = progress->elapsedMs();
    QCOMPARE(progress->elapsedMs(), stoppedAt); // the clock stops with the request
}

void WindowModelsTest::statelessKeepsNothing()
{
    QTemporaryDir dataDir;
    ServerOptions options = ownBackend(dataDir.path(), {m_upstream.ollamaSpec()});
    options.stateless = true;
    BackendGateway gateway;
    QVERIFY(started(gateway, options));
    ConversationListModel history;
    history.setGateway(&gateway);
    ChatController chat;
    chat.setGateway(&gateway);
    chat.setModel(QStringLiteral("broken"));
    QVERIFY(chat.send(QStringLiteral("Nothing of this is kept")));
    waitForAnswer(chat);
    chat.setModel(QStringLiteral("thinker"));
    QVERIFY(chat.regenerate());
    waitForAnswer(chat);
    history.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!history.available(), 5000);
    QVERIFY(!QFile::exists(dataDir.filePath(QStringLiteral("history.sqlite"))));
}

void WindowModelsTest::historyKeptBeforeOutcomesOpensAndGrows()
{
    // A history.sqlite as Ponder wrote it before answers kept their outcome (user_version 1).
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(m_dataDir->filePath(QStringLiteral("old/history.sqlite")));
        QDir().mkpath(m_dataDir->filePath(QStringLiteral("old")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const char *statement :
            {"CREATE TABLE conversations (id TEXT PRIMARY KEY, title TEXT NOT NULL, model TEXT,"
             " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
                "CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL"
                " REFERENCES conversations(id) ON DELETE CASCADE, role TEXT NOT NULL, content TEXT NOT NULL,"
                " reasoning TEXT, model TEXT, prompt_tokens INTEGER, completion_tokens INTEGER,"
                " finish_reason TEXT, created_at TEXT NOT NULL)",
                "INSERT INTO conversations VALUES ('old-chat', 'An old chat', 'thinker', "
                "'2025-01-01T10:00:00Z',"
                " '2025-01-01T10:00:00Z')",
                "INSERT INTO messages (conversation_id, role, content, created_at) VALUES"
                " ('old-chat', 'user', 'An old question', '2025-01-01T10:00:00Z')",
                "INSERT INTO messages (conversation_id, role, content, reasoning, model, created_at) VALUES"
                " ('old-chat', 'assistant', 'An old answer', 'Old thoughts', 'thinker', "
                "'2025-01-01T10:00:01Z')",
                "PRAGMA user_version=1"})
            QVERIFY2(query.exec(QLatin1String(statement)), qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));

    BackendGateway gateway;
    QVERIFY(
        started(gateway, ownBackend(m_dataDir->filePath(QStringLiteral("old")), {m_upstream.ollamaSpec()})));
    ChatController chat;
    chat.setGateway(&gateway);
    chat.openConversation(QStringLiteral("old-chat"));
    QTRY_COMPARE_WITH_TIMEOUT(chat.messages()->rowCount(), 2, 5000);
    const QModelIndex old = chat.messages()->index(1);
    QCOMPARE(old.data().toString(), QStringLiteral("An old answer"));
    QCOMPARE(old.data(MessageModel::StateRole).value<MessageModel::State>(), MessageModel::State::Complete);
    QCOMPARE(old.data(MessageModel::ThoughtMsRole).toLongLong(), -1); // not measured then
    chat.setModel(QStringLiteral("slow"));
    QVERIFY(chat.send(QStringLiteral("And a new one")));
    QTRY_VERIFY_WITH_TIMEOUT(!chat.messages()->index(3).data().toString().isEmpty(), 10000);
    chat.stop();
    waitForAnswer(chat);
    chat.newConversation();
    chat.openConversation(QStringLiteral("old-chat"));
    QTRY_COMPARE_WITH_TIMEOUT(chat.messages()->rowCount(), 4, 5000);
    QCOMPARE(chat.messages()->index(3).data(MessageModel::StateRole).value<MessageModel::State>(),
        MessageModel::State::Stopped);
}

void WindowModelsTest::historyListsRenamesDeletesAndReopens()
{
    ConversationListModel history;
    QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
    history.setGateway(m_gateway.get());
    ChatController chat;
    chat.setGateway(m_gateway.get());
    chat.setModel(QStringLiteral("thinker"));
    connect(&chat, &ChatController::exchangeEnded, &history, &ConversationListModel::refresh);

    QVERIFY(chat.send(QStringLiteral("First conversation")));
    waitForAnswer(chat);
    const QString first = chat.conversationId();
    chat.newConversation();
    QVERIFY(chat.conversationId() != first);
    QCOMPARE(chat.messages()->rowCount(), 0);
    QVERIFY(chat.send(QStringLiteral("Second conversation")));
    waitForAnswer(chat);
    QTRY_COMPARE_WITH_TIMEOUT(history.rowCount(), 2, 5000);

    history.setFilter(QStringLiteral("first"));
    QCOMPARE(history.rowCount(), 1);
    QCOMPARE(history.index(0).data(ConversationListModel::IdRole).toString(), first);
    history.setFilter({});
    QCOMPARE(history.rowCount(), 2);

    history.rename(first, QStringLiteral("Renamed"));
    QTRY_VERIFY_WITH_TIMEOUT(
        history.index(history.rowOf(first)).data(ConversationListModel::TitleRole).toString()
            == QStringLiteral("Renamed"),
        5000);

    chat.openConversation(first);
    QTRY_COMPARE_WITH_TIMEOUT(chat.messages()->rowCount(), 2, 5000);
    QCOMPARE(chat.messages()->index(0).data().toString(), QStringLiteral("First conversation"));
    QCOMPARE(chat.messages()->index(1).data().toString(), QStringLiteral("Leaves fall softly\non the path"));
    QVERIFY(chat.messages()
                ->index(1)
                .data(MessageModel::ReasoningRole)
                .toString()
                .startsWith(QStringLiteral("First,")));
    // Continuing it sends the whole conversation so far.
    QVERIFY(chat.send(QStringLiteral("And another")));
    waitForAnswer(chat);
    QCOMPARE(m_upstream.lastChatRequest().body.value(QLatin1String("messages")).toArray().size(), 3);

    // Deleting leaves the list at once; Undo brings it back, and history never lost it.
    QSignalSpy removal(&history, &ConversationListModel::removalChanged);
    history.remove(first);
    QCOMPARE(history.rowCount(), 1);
    QVERIFY(history.rowOf(first) < 0);
    QCOMPARE(history.removedTitle(), QStringLiteral("Renamed"));
    history.undoRemove();
    QCOMPARE(history.rowCount(), 2);
    QVERIFY(history.removedTitle().isEmpty());
    history.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(history.rowCount(), 2, 5000);

    // Without Undo, it is deleted from history once the time is up.
    history.setUndoMs(50);
    removal.clear();
    history.remove(first);
    QTRY_VERIFY_WITH_TIMEOUT(history.removedTitle().isEmpty(), 5000);
    ConversationListModel fresh;
    fresh.setGateway(m_gateway.get());
    QTRY_COMPARE_WITH_TIMEOUT(fresh.rowCount(), 1, 5000);
    QVERIFY(fresh.rowOf(first) < 0);
}

// The sidebar lists history again when a client's request ends (ChatService saved its conversation): once
// per ending, not while it streams, and not for the window's own chats (listed as they are sent).
void WindowModelsTest::anOutsideRequestEndingIsAnnouncedOnce()
{
    LiveSessionModel sessions;
    QSignalSpy ended(&sessions, &LiveSessionModel::outsideRequestEnded);
    const QDateTime start = QDateTime::currentDateTimeUtc();
    QList<LiveSession> listing = clientSessions({start, start});
    listing[1].session.systemContext.insert(QStringLiteral("client"), QStringLiteral("ponder-window"));
    sessions.take(listing);
    QCOMPARE(ended.size(), 0); // both still running

    listing[0].session.lastActivity = start.addSecs(1); // streaming on
    sessions.take(listing);
    QCOMPARE(ended.size(), 0);

    listing[1].state = SessionState::Done; // the window's own chat
    sessions.take(listing);
    QCOMPARE(ended.size(), 0);

    listing[0].state = SessionState::Done;
    sessions.take(listing);
    QCOMPARE(ended.size(), 1);
    sessions.take(listing); // nothing new
    QCOMPARE(ended.size(), 1);

    // Another request in the same session, begun and ended between two refreshes.
    listing[0].session.lastActivity = start.addSecs(5);
    sessions.take(listing);
    QCOMPARE(ended.size(), 2);

    // A request first seen already ended (a short one, or while the window was hidden), and one that failed.
    QList<LiveSession> more = clientSessions({start, start, start});
    more[2].session.id = QStringLiteral("client-new");
    more[2].state = SessionState::Failed;
    more[0] = listing[0];
    more[1] = listing[1];
    sessions.take(more);
    QCOMPARE(ended.size(), 3);
}

void WindowModelsTest::liveSessionsNameATraceByItsService()
{
    // A trace's session (as TraceIngest creates it) is not an agent called "opentelemetry".
    Session trace;
    trace.systemContext = {{QStringLiteral("source"), QStringLiteral("opentelemetry")},
        {QStringLiteral("trace_id"), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736")},
        {QStringLiteral("service"), QStringLiteral("billing-agent")}};
    QCOMPARE(LiveSessionModel::originOf(trace),
        std::make_pair(LiveSessionModel::Origin::Trace, QStringLiteral("billing-agent")));
    trace.systemContext.remove(QStringLiteral("service"));
    QCOMPARE(LiveSessionModel::originOf(trace), std::make_pair(LiveSessionModel::Origin::Trace, QString()));
    Session agent;
    agent.systemContext = {{QStringLiteral("source"), QStringLiteral("log-reader")}};
    QCOMPARE(LiveSessionModel::originOf(agent),
        std::make_pair(LiveSessionModel::Origin::Agent, QStringLiteral("log-reader")));
}

// TraceIngest moves a trace's first steps into the conversation its root names: the trace's own session
// ends, and the list shows the conversation alone, unless someone is looking at the trace's.
void WindowModelsTest::aTraceMovedIntoItsConversationIsListedOnce()
{
    LiveSessionModel sessions;
    QList<LiveSession> listing
        = clientSessions({QDateTime::currentDateTimeUtc(), QDateTime::currentDateTimeUtc()});
    listing[0].session.id = QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736");
    listing[0].session.systemContext = {{QStringLiteral("source"), QStringLiteral("opentelemetry")},
        {QStringLiteral("trace_id"), listing[0].session.id}};
    listing[1].session.id = QStringLiteral("conv-42");
    sessions.take(listing);
    QCOMPARE(sessions.rowCount(), 2);

    sessions.setSelectedId(listing[0].session.id);
    listing[0].session.systemContext.insert(QStringLiteral("moved_to"), QStringLiteral("conv-42"));
    listing[0].state = SessionState::Done;
    sessions.take(listing);
    QCOMPARE(sessions.rowCount(), 2); // still looked at

    sessions.setSelectedId(QStringLiteral("conv-42"));
    sessions.take(listing);
    QCOMPARE(sessions.rowCount(), 1);
    QCOMPARE(
        sessions.data(sessions.index(0), LiveSessionModel::IdRole).toString(), QStringLiteral("conv-42"));
}

// With Redis shared by two Ponders, or after a restart, sessions ended before this process saw their
// events: their chips said "ended" while their views said Done or Failed. The board reads how they ended.
void WindowModelsTest::aSessionEndedBeforeThisProcessSawItSaysHowItEnded()
{
    MemoryEventStore store({});
    const auto ended = [&](const QString &id, const QStringList &activities) {
        Session session;
        session.id = id;
        session.createdAt = session.lastActivity = QDateTime::currentDateTimeUtc();
        store.createSession(session, [](StoreStatus status) { QVERIFY(status.ok()); });
        for (const QString &activity : activities)
            store.append(id, EventKind::Progress, QStringLiteral("progress_update"),
                QJsonObject {{QStringLiteral("session_id"), id},
                    {QStringLiteral("update_type"), QStringLiteral("progress")},
                    {QStringLiteral("current_activity"), activity}},
                [](StoreStatus status, const StoredEvent &) { QVERIFY(status.ok()); });
        store.endSession(id, [](StoreStatus status) { QVERIFY(status.ok()); });
    };
    QStringList many(600, QStringLiteral("working")); // more than one read's page
    many << QStringLiteral("failed");
    ended(QStringLiteral("failed-long"), many);
    ended(QStringLiteral("done"), {QStringLiteral("started"), QStringLiteral("done")});
    ended(QStringLiteral("stopped"), {QStringLiteral("started"), QStringLiteral("aborted")});
    // An outside agent's own word for it.
    ended(QStringLiteral("stopped-in-own-words"), {QStringLiteral("started"), QStringLiteral("stopped")});
    ended(QStringLiteral("said-nothing"), {});

    SessionStatusBoard board(store, nullptr); // as a process started after they ended
    for (const char *name : {"failed-long", "done", "stopped", "stopped-in-own-words", "said-nothing"}) {
        const QString id = QString::fromLatin1(name);
        QCOMPARE(board.stateOf(id, false), SessionState::Ended);
        board.learn(id, false);
    }
    QTRY_COMPARE(board.stateOf(QStringLiteral("failed-long"), false), SessionState::Failed);
    QTRY_COMPARE(board.stateOf(QStringLiteral("done"), false), SessionState::Done);
    QTRY_COMPARE(board.stateOf(QStringLiteral("stopped"), false), SessionState::Stopped);
    QTRY_COMPARE(board.stateOf(QStringLiteral("stopped-in-own-words"), false), SessionState::Stopped);
    ProgressState watched;
    watched.apply({{QStringLiteral("update_type"), QStringLiteral("warning")},
        {QStringLiteral("current_activity"), QStringLiteral("stopped")}});
    QCOMPARE(watched.phase(), ProgressState::Phase::Stopped);
    QCOMPARE(board.stateOf(QStringLiteral("said-nothing"), false), SessionState::Ended);
}

// Redis shows a process only the events of sessions it watches: a chat the window no longer watches, or
// one another Ponder served, stayed "running" in the list after it was done.
void WindowModelsTest::aSessionWhoseEventsThisProcessDoesNotSeeIsReadOn()
{
    class WatchedOnlyStore : public MemoryEventStore
    {
    public:
        using MemoryEventStore::MemoryEventStore;
        bool showsEveryEvent() const override { return false; }
    };
    WatchedOnlyStore store(StoreLimits {});
    SessionStatusBoard board(store, nullptr);
    const auto progress = [&](const QString &id, const QString &activity) {
        store.append(id, EventKind::Progress, QStringLiteral("progress_update"),
            QJsonObject {{QStringLiteral("session_id"), id},
                {QStringLiteral("update_type"), QStringLiteral("progress")},
                {QStringLiteral("current_activity"), activity}},
            [](StoreStatus status, const StoredEvent &) { QVERIFY(status.ok()); });
    };
    for (const char *name : {"chat", "earlier"}) {
        Session session;
        session.id = QString::fromLatin1(name);
        session.createdAt = session.lastActivity = QDateTime::currentDateTimeUtc();
        store.createSession(session, [](StoreStatus status) { QVERIFY(status.ok()); });
    }
    progress(QStringLiteral("chat"), QStringLiteral("received")); // seen here
    {
        const QSignalBlocker unseen(store); // written where this process does not look
        progress(QStringLiteral("chat"), QStringLiteral("done"));
        progress(QStringLiteral("earlier"), QStringLiteral("received"));
        progress(QStringLiteral("earlier"), QStringLiteral("failed"));
    }
    QCOMPARE(board.stateOf(QStringLiteral("chat"), true), SessionState::Running);
    QCOMPARE(board.stateOf(QStringLiteral("earlier"), true), SessionState::Running);
    board.learn(QStringLiteral("chat"), true);
    board.learn(QStringLiteral("earlier"), true);
    QTRY_COMPARE(board.stateOf(QStringLiteral("chat"), true), SessionState::Done);
    QTRY_COMPARE(board.stateOf(QStringLiteral("earlier"), true), SessionState::Failed);

    // Its next request, unseen too, is read on from where the board was.
    {
        const QSignalBlocker unseen(store);
        progress(QStringLiteral("chat"), QStringLiteral("received"));
    }
    board.learn(QStringLiteral("chat"), true);
    QTRY_COMPARE(board.stateOf(QStringLiteral("chat"), true), SessionState::Running);
}

void WindowModelsTest::liveSessionsHoldStillUnderThePointer()
{
    LiveSessionModel sessions;
    QAbstractItemModelTester tester(&sessions, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime start = QDateTime::currentDateTimeUtc();
    QList<QDateTime> activity {start, start.addMSecs(1), start.addMSecs(2)};
    sessions.take(clientSessions(activity));
    const QStringList before {
        QStringLiteral("client-2"), QStringLiteral("client-1"), QStringLiteral("client-0")};
    QCOMPARE(idsOf(sessions), before);

    // The pointer is over the list: the last one goes on and a new one starts, and no row moves under it.
    sessions.setHoldOrder(true);
    activity[0] = activity[0].addSecs(10);
    activity.append(activity[0].addSecs(1));
    sessions.take(clientSessions(activity));
    QCOMPARE(idsOf(sessions),
        (QStringList {QStringLiteral("client-2"), QStringLiteral("client-1"), QStringLiteral("client-0"),
            QStringLiteral("client-3")}));
    // Refreshed again while it stays there: still still.
    sessions.take(clientSessions(activity));
    QCOMPARE(idsOf(sessions),
        (QStringList {QStringLiteral("client-2"), QStringLiteral("client-1"), QStringLiteral("client-0"),
            QStringLiteral("client-3")}));

    // It leaves: the list takes its order, the latest first.
    sessions.setHoldOrder(false);
    QCOMPARE(idsOf(sessions),
        (QStringList {QStringLiteral("client-3"), QStringLiteral("client-0"), QStringLiteral("client-2"),
            QStringLiteral("client-1")}));
}

void WindowModelsTest::liveSessionsWithOneTitleAreToldApart()
{
    LiveSessionModel sessions;
    QAbstractItemModelTester tester(&sessions, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime start = QDateTime::currentDateTimeUtc();
    QList<LiveSession> listing = clientSessions({start, start.addMSecs(1), start.addMSecs(2)});
    listing[1].session.userRequest = listing[0].session.userRequest;
    sessions.take(listing);
    const auto shared = [&sessions](const QString &id) {
        return sessions.index(int(idsOf(sessions).indexOf(id)))
            .data(LiveSessionModel::TitleSharedRole)
            .toBool();
    };
    QVERIFY(shared(QStringLiteral("client-0")));
    QVERIFY(shared(QStringLiteral("client-1")));
    QVERIFY(!shared(QStringLiteral("client-2")));
    // Among the rows shown: filtered down to one, it is the only one with its title.
    sessions.setFilter(QStringLiteral("client-0"));
    QVERIFY(!shared(QStringLiteral("client-0")));
}

void WindowModelsTest::liveSessionsKeepTheirPlacesWhileStreaming()
{
    LiveSessionModel sessions;
    QAbstractItemModelTester tester(&sessions, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int count = 100;
    const QDateTime start = QDateTime::currentDateTimeUtc();
    QList<QDateTime> activity;
    for (int i = 0; i < count; ++i)
        activity.append(start.addMSecs(i));
    QRandomGenerator random(7);
    auto listing = clientSessions(activity);
    std::shuffle(listing.begin(), listing.end(), random); // the hub lists them in no particular order
    sessions.take(listing);
    // The first listing: most recently active first.
    QStringList expected;
    for (int i = count - 1; i >= 0; --i)
        expected << QStringLiteral("client-%1").arg(i);
    QCOMPARE(idsOf(sessions), expected);

    QSignalSpy reset(&sessions, &QAbstractItemModel::modelReset);
    QSignalSpy moved(&sessions, &QAbstractItemModel::rowsMoved);
    QSignalSpy inserted(&sessions, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&sessions, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&sessions, &QAbstractItemModel::dataChanged);
    QSignalSpy selectedChanged(&sessions, &LiveSessionModel::selectedChanged);
    // All of them stream between refreshes, each last active at another moment: every row is updated at
    // most once per refresh, in its last activity only, and none moves.
    for (int refresh = 1; refresh <= 10; ++refresh) {
        for (QDateTime &last : activity)
            last = last.addMSecs(1 + random.bounded(1500));
        listing = clientSessions(activity);
        std::shuffle(listing.begin(), listing.end(), random);
        changed.clear();
        sessions.take(listing);
        QCOMPARE(idsOf(sessions), expected);
        QCOMPARE(changed.size(), count);
        for (const QList<QVariant> &signal : std::as_const(changed))
            QCOMPARE(rolesOf(signal), QList<int> {LiveSessionModel::LastActivityRole});
    }
    QCOMPARE(reset.size(), 0);
    QCOMPARE(moved.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(selectedChanged.size(), 0);

    // Nothing new: no signal at all.
    changed.clear();
    sessions.take(clientSessions(activity));
    QCOMPARE(changed.size(), 0);

    // One of them alone goes on: it comes first, the one row that moves.
    activity[5] = activity[5].addSecs(60);
    sessions.take(clientSessions(activity));
    expected.removeOne(QStringLiteral("client-5"));
    expected.prepend(QStringLiteral("client-5"));
    QCOMPARE(idsOf(sessions), expected);
    QCOMPARE(moved.size(), 1);

    // A new session comes first; one that finished says so in its state.
    activity.append(activity[5].addSecs(1));
    listing = clientSessions(activity);
    listing[7].state = SessionState::Done;
    changed.clear();
    sessions.take(listing);
    expected.prepend(QStringLiteral("client-%1").arg(count));
    QCOMPARE(idsOf(sessions), expected);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rolesOf(changed.first()), QList<int> {LiveSessionModel::StateRole});
    QCOMPARE(sessions.index(int(expected.indexOf(QStringLiteral("client-7"))))
                 .data(LiveSessionModel::StateRole)
                 .value<SessionState>(),
        SessionState::Done);
    QCOMPARE(sessions.endedCount(), 1);

    // The selected session's details follow the list, announced only when they change.
    sessions.setSelectedId(QStringLiteral("client-3"));
    selectedChanged.clear();
    sessions.take(listing);
    QCOMPARE(selectedChanged.size(), 0);
    listing[3].session.userRequest = QStringLiteral("Another request");
    sessions.take(listing);
    QCOMPARE(selectedChanged.size(), 1);
    QCOMPARE(
        sessions.selected().value(QStringLiteral("title")).toString(), QStringLiteral("Another request"));
}

void WindowModelsTest::liveSessionsListOutsideAgents()
{
    LiveSessionModel sessions;
    QAbstractItemModelTester tester(&sessions, QAbstractItemModelTester::FailureReportingMode::QtTest);
    sessions.setGateway(m_gateway.get());
    QSignalSpy refreshed(&sessions, &LiveSessionModel::refreshed);
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(sessions.rowCount(), 0);

    HttpTestClient client;
    const QUrl sessionsUrl = m_baseUrl.resolved(QUrl(QStringLiteral("/api/streaming/sessions")));
    const QByteArray body
        = QJsonDocument(QJsonObject {{QStringLiteral("session_id"), QStringLiteral("agent-7")},
                            {QStringLiteral("user_request"), QStringLiteral("Summarise the logs")},
                            {QStringLiteral("system_context"),
                                QJsonObject {{QStringLiteral("agent"), QStringLiteral("log-reader")}}}})
              .toJson();
    QCOMPARE(client.send("POST", sessionsUrl, body, {{"Content-Type", "application/json"}}).status, 201);
    sessions.setActive(true);
    QTRY_COMPARE_WITH_TIMEOUT(sessions.rowCount(), 1, 5000);
    const auto stateOf = [&](const QString &id) {
        const QModelIndexList found = sessions.match(sessions.index(0), LiveSessionModel::IdRole, id);
        return found.isEmpty() ? SessionState(-1)
                               : found.first().data(LiveSessionModel::StateRole).value<SessionState>();
    };
    QCOMPARE(sessions.index(0).data(LiveSessionModel::IdRole).toString(), QStringLiteral("agent-7"));
    QCOMPARE(stateOf(QStringLiteral("agent-7")), SessionState::Running);
    QCOMPARE(
        sessions.index(0).data(LiveSessionModel::OriginRole).toInt(), int(LiveSessionModel::Origin::Agent));
    QCOMPARE(
        sessions.index(0).data(LiveSessionModel::OriginNameRole).toString(), QStringLiteral("log-reader"));
    sessions.setSelectedId(QStringLiteral("agent-7"));
    QCOMPARE(
        sessions.selected().value(QStringLiteral("title")).toString(), QStringLiteral("Summarise the logs"));

    // Watching it: steps published over HTTP reach the view live.
    SessionView view;
    view.setGateway(m_gateway.get());
    view.setSessionId(QStringLiteral("agent-7"));
    const QUrl thinkingUrl = m_baseUrl.resolved(QUrl(QStringLiteral("/api/streaming/thinking")));
    const QByteArray step
        = QJsonDocument(QJsonObject {{QStringLiteral("session_id"), QStringLiteral("agent-7")},
                            {QStringLiteral("thinking_type"), QStringLiteral("analysis")},
                            {QStringLiteral("content"), QStringLiteral("Reading the logs")}})
              .toJson();
    QCOMPARE(client.send("POST", thinkingUrl, step, {{"Content-Type", "application/json"}}).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(
        stepsOf(view.timeline()), QStringList {QStringLiteral("Reading the logs")}, 5000);

    // Ending it shows in both: the agent left without saying it was done, so it ended.
    QCOMPARE(
        client.send("DELETE", m_baseUrl.resolved(QUrl(QStringLiteral("/api/streaming/sessions/agent-7"))))
            .status,
        200);
    QTRY_VERIFY_WITH_TIMEOUT(view.ended(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("agent-7")), SessionState::Ended, 5000);

    // Requests through the endpoint say how they went, and who asked; the window's own chats say so.
    const QUrl completions = m_baseUrl.resolved(QUrl(QStringLiteral("/v1/chat/completions")));
    const auto ask = [&](const QString &model, const QByteArray &session) {
        const QByteArray request
            = QJsonDocument(QJsonObject {{QStringLiteral("model"), model},
                                {QStringLiteral("messages"),
                                    QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                        {QStringLiteral("content"), QStringLiteral("hi")}}}}})
                  .toJson();
        return client.send("POST", completions, request,
            {{"Content-Type", "application/json"}, {"X-Session-Id", session}, {"User-Agent", "curl/8.0.1"}});
    };
    QCOMPARE(ask(QStringLiteral("burst"), "api-done").status, 200);
    QCOMPARE(ask(QStringLiteral("missing-model"), "api-failed").status, 404);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("api-done")), SessionState::Done, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("api-failed")), SessionState::Failed, 5000);
    const QModelIndex done
        = sessions.match(sessions.index(0), LiveSessionModel::IdRole, QStringLiteral("api-done")).first();
    QCOMPARE(done.data(LiveSessionModel::OriginRole).toInt(), int(LiveSessionModel::Origin::Client));
    QCOMPARE(done.data(LiveSessionModel::OriginNameRole).toString(), QStringLiteral("curl/8.0.1"));
    ChatController chat;
    chat.setGateway(m_gateway.get());
    chat.setModel(QStringLiteral("burst"));
    QVERIFY(chat.send(QStringLiteral("From the window")));
    waitForAnswer(chat);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(chat.conversationId()), SessionState::Done, 5000);
    const QModelIndex own
        = sessions.match(sessions.index(0), LiveSessionModel::IdRole, chat.conversationId()).first();
    QCOMPARE(own.data(LiveSessionModel::OriginRole).toInt(), int(LiveSessionModel::Origin::Window));

    // The filter and Clear ended.
    sessions.setFilter(QStringLiteral("curl"));
    QCOMPARE(sessions.rowCount(), 2);
    sessions.setFilter({});
    const int all = sessions.rowCount();
    QVERIFY(all >= 4);
    QVERIFY(sessions.endedCount() >= 4);
    QCOMPARE(sessions.clearedCount(), 0);
    sessions.clearEnded();
    QVERIFY(sessions.rowCount() <= all - 4);
    QCOMPARE(sessions.clearedCount(), all - sessions.rowCount()); // the list says they were cleared
    for (int row = 0; row < sessions.rowCount(); ++row)
        QCOMPARE(sessions.index(row).data(LiveSessionModel::StateRole).value<SessionState>(),
            SessionState::Running);

    // A deleted chat leaves the list for good, and its watchers hear that it ended.
    SessionView watching;
    watching.setGateway(m_gateway.get());
    watching.setSessionId(chat.conversationId());
    QVERIFY(chat.send(QStringLiteral("Again")));
    waitForAnswer(chat);
    QTRY_VERIFY_WITH_TIMEOUT(
        !sessions.match(sessions.index(0), LiveSessionModel::IdRole, chat.conversationId()).isEmpty(), 5000);
    bool removed = false;
    m_gateway->removeConversation(chat.conversationId(), this, [&](bool ok) { removed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(watching.ended(), 5000);
    QVERIFY(refreshed.wait(5000));
    QVERIFY(refreshed.wait(5000));
    QVERIFY(sessions.match(sessions.index(0), LiveSessionModel::IdRole, chat.conversationId()).isEmpty());

    // An id the hub does not know is reported as not kept, not a crash or a silent blank.
    SessionView unknown;
    unknown.setGateway(m_gateway.get());
    unknown.setSessionId(QStringLiteral("nobody-here"));
    QTRY_COMPARE_WITH_TIMEOUT(unknown.problem(), SessionView::Problem::NotKept, 5000);
}

void WindowModelsTest::modelCatalogListsUpstreamModels()
{
    ModelCatalog catalog;
    catalog.setGateway(m_gateway.get());
    QTRY_VERIFY_WITH_TIMEOUT(catalog.checked(), 5000);
    QVERIFY(catalog.models().contains(QStringLiteral("thinker")));
    QCOMPARE(catalog.upstreams().size(), 1);
    QVERIFY(catalog.upstreams().first().toMap().value(QStringLiteral("reachable")).toBool());
}

// The catalog remembers which server listed a model, so that a chosen model stays chosen while its server
// is silent; a model the server itself dropped before is not remembered (nor kept waiting for).
void WindowModelsTest::aModelItsServerDroppedIsNotAwaitedWhenTheServerFallsSilent()
{
    auto upstream = std::make_unique<FakeUpstream>();
    upstream->setScript(QStringLiteral("kept"), FakeScript {});
    upstream->setScript(QStringLiteral("dropped"), FakeScript {});
    QVERIFY(upstream->start());
    QTemporaryDir dataDir;
    BackendGateway gateway;
    QVERIFY(started(gateway, ownBackend(dataDir.path(), {upstream->ollamaSpec()})));
    ModelCatalog catalog;
    catalog.setGateway(&gateway);
    QTRY_VERIFY_WITH_TIMEOUT(catalog.models().contains(QStringLiteral("dropped")), 10000);

    upstream->removeModel(QStringLiteral("dropped"));
    catalog.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!catalog.models().contains(QStringLiteral("dropped")), 10000);
    QVERIFY(catalog.models().contains(QStringLiteral("kept")));

    upstream.reset(); // the server stops
    catalog.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(catalog.models().isEmpty() && !catalog.loading(), 10000);
    QVERIFY(catalog.notAnswering(QStringLiteral("kept")));
    QCOMPARE(catalog.keptChoice(QStringLiteral("kept")), QStringLiteral("kept"));
    QVERIFY(!catalog.notAnswering(QStringLiteral("dropped")));
}

void WindowModelsTest::thinkingIsAskedForWhereTheModelCanThink()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    Preferences preferences;
    ModelCatalog catalog;
    QAbstractItemModelTester tester(catalog.list(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    catalog.setGateway(m_gateway.get());
    QTRY_VERIFY_WITH_TIMEOUT(catalog.checked(), 10000);
    const ModelListModel *list = catalog.list();
    const int qwen = list->rowOf(QStringLiteral("qwen3:8b"));
    QVERIFY(qwen >= 0);
    QVERIFY(list->index(qwen).data(ModelListModel::ThinksRole).toBool());
    QVERIFY(list->index(qwen).data(ModelListModel::ToolsRole).toBool());
    QVERIFY(!list->index(qwen).data(ModelListModel::VisionRole).toBool());
    QCOMPARE(list->index(qwen).data(ModelListModel::ParameterSizeRole).toString(), QStringLiteral("8.2B"));
    QCOMPARE(list->index(qwen).data(ModelListModel::UpstreamRole).toString(), QStringLiteral("ollama"));
    const int llama = list->rowOf(QStringLiteral("llama3.2"));
    QVERIFY(!list->index(llama).data(ModelListModel::ThinksRole).toBool());
    QVERIFY(list->index(llama).data(ModelListModel::VisionRole).toBool());

    ChatController chat;
    chat.setGateway(m_gateway.get());
    chat.setCatalog(&catalog);
    chat.setPreferences(&preferences);
    QAbstractItemModelTester steps(
        chat.session()->timeline(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // A thinking model thinks: think is sent, and its steps arrive.
    chat.setModel(QStringLiteral("qwen3:8b"));
    QCOMPARE(chat.thinkOptions(), (QStringList {QStringLiteral("off"), QStringLiteral("on")}));
    QCOMPARE(chat.think(), QStringLiteral("on"));
    QVERIFY(chat.send(QStringLiteral("Think about it")));
    waitForAnswer(chat);
    QCOMPARE(m_upstream.lastChatRequest().body.value(QLatin1String("think")), QJsonValue(true));
    QVERIFY(!chat.messages()->index(1).data(MessageModel::ReasoningRole).toString().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!stepsOf(chat.session()->timeline()).isEmpty(), 5000);

    // Off is off, and remembered for this model.
    chat.setThink(QStringLiteral("off"));
    QVERIFY(chat.send(QStringLiteral("Now without thinking")));
    waitForAnswer(chat);
    QCOMPARE(m_upstream.lastChatRequest().body.value(QLatin1String("think")), QJsonValue(false));
    QVERIFY(chat.messages()->index(3).data(MessageModel::ReasoningRole).toString().isEmpty());
    ChatController later;
    later.setCatalog(&catalog);
    later.setPreferences(&preferences);
    later.setModel(QStringLiteral("qwen3:8b"));
    QCOMPARE(later.think(), QStringLiteral("off"));

    // gpt-oss thinks at a level.
    chat.setModel(QStringLiteral("gpt-oss:20b"));
    QCOMPARE(chat.thinkOptions(),
        (QStringList {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")}));
    chat.setThink(QStringLiteral("high"));
    QVERIFY(chat.send(QStringLiteral("Think hard")));
    waitForAnswer(chat);
    QCOMPARE(
        m_upstream.lastChatRequest().body.value(QLatin1String("think")), QJsonValue(QStringLiteral("high")));

    // A model that cannot think is not asked to (Ollama would refuse the request).
    chat.setModel(QStringLiteral("llama3.2"));
    QVERIFY(chat.thinkOptions().isEmpty());
    QVERIFY(chat.send(QStringLiteral("Just answer")));
    waitForAnswer(chat);
    QVERIFY(!m_upstream.lastChatRequest().body.contains(QLatin1String("think")));
    QCOMPARE(chat.messages()
                 ->index(chat.messages()->rowCount() - 1)
                 .data(MessageModel::StateRole)
                 .value<MessageModel::State>(),
        MessageModel::State::Complete);
}

void WindowModelsTest::openAiUpstreamsGetReasoningEffort()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    FakeUpstream openAi;
    FakeScript thinker;
    thinker.reasoning = {QStringLiteral("Weighing it up.\n\n")};
    thinker.content = {QStringLiteral("Done.")};
    openAi.setScript(QStringLiteral("o4-mini"), thinker);
    QVERIFY(openAi.start());
    QTemporaryDir dataDir;
    BackendGateway gateway;
    QVERIFY(started(gateway, ownBackend(dataDir.path(), {m_upstream.ollamaSpec(), openAi.openAiSpec()})));
    Preferences preferences;
    ModelCatalog catalog;
    catalog.setGateway(&gateway);
    QTRY_VERIFY_WITH_TIMEOUT(catalog.checked(), 10000);
    QCOMPARE(catalog.find(QStringLiteral("o4-mini"))->upstream, QStringLiteral("openai"));
    ChatController chat;
    chat.setGateway(&gateway);
    chat.setCatalog(&catalog);
    chat.setPreferences(&preferences);
    chat.setModel(QStringLiteral("o4-mini"));
    QCOMPARE(chat.think(), QString()); // auto: nothing is sent unless chosen
    QVERIFY(chat.send(QStringLiteral("Hello")));
    waitForAnswer(chat);
    QVERIFY(!openAi.lastChatRequest().body.contains(QLatin1String("reasoning_effort")));
    chat.setThink(QStringLiteral("low"));
    QVERIFY(chat.send(QStringLiteral("Briefly")));
    waitForAnswer(chat);
    QCOMPARE(openAi.lastChatRequest().body.value(QLatin1String("reasoning_effort")).toString(),
        QStringLiteral("low"));
    QVERIFY(!openAi.lastChatRequest().body.contains(QLatin1String("think")));
}

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    WindowModelsTest test;
    return QTest::qExec(&test, argc, argv);
}

void WindowModelsTest::aRedisPasswordNeverGoesIntoTheSettingsFile()
{
    // The settings keep the Redis URL in plain text, so the dialog refuses one with a password in it; the
    // password field saves it in the keychain under its server and user instead.
    const Preferences preferences;
    QVERIFY(preferences.checkRedisUrl(QStringLiteral("redis://:hunter2@10.0.0.5"))
                .contains(QLatin1String("plain text")));
    QVERIFY(preferences.checkRedisUrl(QStringLiteral("redis://agent:hunter2@10.0.0.5"))
                .contains(QLatin1String("plain text")));
    QCOMPARE(preferences.checkRedisUrl(QStringLiteral("redis://agent@10.0.0.5:7000/2")), QString());
    QCOMPARE(preferences.checkRedisUrl(QStringLiteral("redis://10.0.0.5")), QString());
    QCOMPARE(Keychain::redisPasswordKey(QUrl(QStringLiteral("redis://agent@10.0.0.5:7000/2"))),
        QStringLiteral("redis/agent@10.0.0.5:7000"));
    QCOMPARE(Keychain::redisPasswordKey(QUrl(QStringLiteral("redis://10.0.0.5/1"))),
        QStringLiteral("redis/10.0.0.5:6379"));
}

#include "tst_window_models.moc"
