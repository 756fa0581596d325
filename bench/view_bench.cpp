// SPDX-License-Identifier: MIT
// The window's speed, offscreen, with the real QML, models and in-process backend in front of the fake
// upstream (on its own thread). Prints, in one run:
//   1. a stream into the chat at about 2,000 tokens/s, and one that arrives all at once: deltas/s,
//      model updates/s, frame intervals and costs, and the GUI thread's CPU time per frame;
//   2. the 2,000 tokens/s stream while 100 outside clients stream through the local endpoint;
//   3. a 2,000-message conversation (answers with code, tables, many blocks): time to the first frame
//      after opening it, live delegates, and frame costs while scrolling through all of it, from the first
//      message to the last;
//   4. a live session of 1,000 steps: frame costs while scrolling its timeline.
//
// usage: view_bench [--quick] [--scroll | --streams]   (build with the release preset; docs/benchmarks.md)
//   --scroll: only the two scrolls (3 and 4), a minute instead of several
//   --streams: only the streams (1 and 2), half a minute
// VIEW_BENCH_FRAME_LOG=FILE writes every recorded interval there (CLOCK_MONOTONIC seconds, the interval,
// the GUI thread's CPU and wait, in ms), to line up with logs printed with QT_MESSAGE_PATTERN's %{time boot}.
#include "BenchSupport.h"
#include "ChatController.h"
#include "DesktopApp.h"
#include "HttpPublisher.h"
#include "StreamClient.h"
#include "models/MessageBlocks.h"
#include "options/ServerOptionsBuilder.h"
#include "secrets/Keychain.h"
#include "settings/Preferences.h"

#include <QDateTime>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QWheelEvent>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <ctime>
#include <sys/syscall.h>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(PonderPlugin)

namespace {

// Words with a paragraph break now and then, like prose. StreamClient counts deltas that start with "tok".
FakeScript tokens(int count, int delayMs, int deltasPerDelay = 1)
{
    FakeScript script;
    script.deltasPerDelay = deltasPerDelay;
    for (int i = 0; i < count; ++i)
        script.content.append(
            i % 40 == 39 ? QStringLiteral("tok%1\n\n").arg(i) : QStringLiteral("tok%1 ").arg(i));
    script.delayMs = delayMs;
    return script;
}

// This thread's CPU time, in ms.
double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// CLOCK_MONOTONIC in s, as QT_MESSAGE_PATTERN's %{time boot} prints it.
double monotonicSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// How long this thread has waited, runnable, for a core (Linux's schedstat), in ms; 0 where unknown.
double runQueueWaitMs()
{
    static const QByteArray path
        = QStringLiteral("/proc/self/task/%1/schedstat").arg(qint64(syscall(SYS_gettid))).toLocal8Bit();
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readAll().split(' ');
    return fields.size() > 1 ? double(fields.at(1).toLongLong()) / 1e6 : 0;
}

// Frame intervals (between swaps) and frame costs (synchronising to swap), in ms; and, per interval, the
// GUI thread's CPU time and its wait for a core: a long interval is either work on this thread or a
// machine too busy to run it.
class FrameRecorder : public QObject
{
public:
    explicit FrameRecorder(QQuickWindow *window)
        : m_window(window)
    {
        m_clock.start();
        connect(
            window, &QQuickWindow::beforeSynchronizing, this,
            [this] { m_frameStartNs = m_clock.nsecsElapsed(); }, Qt::DirectConnection);
        connect(
            window, &QQuickWindow::frameSwapped, this,
            [this] {
                const qint64 now = m_clock.nsecsElapsed();
                if (!m_recording)
                    return;
                const double cpu = threadCpuMs();
                const double waited = runQueueWaitMs();
                if (m_lastSwapNs > 0) {
                    static FILE *frameLog = [] {
                        const QByteArray path = qgetenv("VIEW_BENCH_FRAME_LOG");
                        return path.isEmpty() ? nullptr : std::fopen(path.constData(), "w");
                    }();
                    if (frameLog)
                        std::fprintf(frameLog, "%.3f interval %.2f cpu %.2f wait %.2f\n", monotonicSeconds(),
                            double(now - m_lastSwapNs) / 1e6, cpu - m_lastCpuMs, waited - m_lastWaitMs);
                    m_intervals.append(double(now - m_lastSwapNs) / 1e6);
                    m_cpu.append(cpu - m_lastCpuMs);
                    m_waits.append(waited - m_lastWaitMs);
                }
                m_costs.append(double(now - m_frameStartNs) / 1e6);
                m_lastSwapNs = now;
                m_lastCpuMs = cpu;
                m_lastWaitMs = waited;
            },
            Qt::DirectConnection);
    }
    void start()
    {
        m_intervals.clear();
        m_costs.clear();
        m_cpu.clear();
        m_waits.clear();
        m_lastSwapNs = 0;
        m_recording = true;
    }
    void stop() { m_recording = false; }
    QQuickWindow *window() const { return m_window; }
    int frames() const { return int(m_costs.size()); }
    QStringList figures() const
    {
        auto ms = [](double value) { return QString::number(value, 'f', 1); };
        const qsizetype longest = m_intervals.isEmpty()
            ? -1
            : std::max_element(m_intervals.begin(), m_intervals.end()) - m_intervals.begin();
        return {QString::number(frames()), ms(percentile(m_intervals, 50)), ms(percentile(m_intervals, 95)),
            ms(percentile(m_intervals, 99)), ms(percentile(m_intervals, 100)), ms(percentile(m_costs, 50)),
            ms(percentile(m_costs, 99)), ms(percentile(m_cpu, 99)), ms(percentile(m_cpu, 100)),
            longest < 0 ? QStringLiteral("-")
                        : QStringLiteral("%1 / %2").arg(ms(m_cpu.at(longest)), ms(m_waits.at(longest)))};
    }

private:
    QQuickWindow *m_window;
    QElapsedTimer m_clock;
    qint64 m_frameStartNs = 0;
    qint64 m_lastSwapNs = 0;
    bool m_recording = false;
    double m_lastCpuMs = 0;
    double m_lastWaitMs = 0;
    QList<double> m_intervals;
    QList<double> m_costs;
    QList<double> m_cpu; // the GUI thread's CPU time in each interval
    QList<double> m_waits; // its wait for a core in each interval
};

// Runs a real event loop (as the window's exec() does, deferred deletes included) until `done` holds.
bool waitFor(const std::function<bool()> &done, int deadlineMs)
{
    if (done())
        return true;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(1);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || clock.elapsed() >= deadlineMs)
            loop.quit();
    });
    poll.start();
    loop.exec();
    return done();
}

// Outside clients, on their own thread as another program would be: `count` streams at once.
class LoadThread : public QThread
{
public:
    LoadThread(quint16 port, int count)
        : m_port(port)
        , m_count(count)
    { }
    std::atomic<int> finished {0};
    std::atomic<qint64> deltas {0};

protected:
    void run() override
    {
        QElapsedTimer clock;
        clock.start();
        const QByteArray body = QJsonDocument(
            QJsonObject {{QStringLiteral("model"), QStringLiteral("load")}, {QStringLiteral("stream"), true},
                {QStringLiteral("messages"),
                    QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                        {QStringLiteral("content"), QStringLiteral("go")}}}}})
                                    .toJson(QJsonDocument::Compact);
        std::vector<std::unique_ptr<StreamClient>> clients;
        for (int i = 0; i < m_count; ++i) {
            clients.push_back(std::make_unique<StreamClient>(m_port, "/v1/chat/completions", body, clock));
            clients.back()->start();
        }
        runUntil(
            clients,
            [&] {
                return std::all_of(
                    clients.begin(), clients.end(), [](const auto &client) { return client->isDone(); });
            },
            120'000);
        for (const auto &client : clients)
            deltas += client->contentEvents();
        finished = int(std::count_if(
            clients.begin(), clients.end(), [](const auto &client) { return client->sawContent(); }));
    }

private:
    quint16 m_port;
    int m_count;
};

struct StreamRun
{
    qint64 deltas = 0;
    qint64 updates = 0;
    double seconds = 0;
};

StreamRun streamIntoChat(ChatController &chat, FrameRecorder &frames, const QString &model)
{
    StreamRun run;
    const auto connection = QObject::connect(chat.messages(), &QAbstractItemModel::dataChanged,
        chat.messages(), [&](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
            if (roles.contains(MessageModel::ContentRole))
                ++run.updates;
        });
    chat.newConversation();
    chat.setModel(model);
    QElapsedTimer clock;
    clock.start();
    frames.start();
    chat.send(QStringLiteral("Stream as fast as you can"));
    waitFor([&] { return !chat.busy(); }, 120'000);
    // A burst's paragraphs are laid out a few per frame: the run ends when the last is on screen.
    QQuickItem *root = frames.window()->contentItem();
    waitFor(
        [&] {
            const auto pending = root->findChildren<MessageBlocks *>();
            return std::none_of(pending.begin(), pending.end(),
                [](const MessageBlocks *blocks) { return blocks->hasPendingBlocks(); });
        },
        10'000);
    const int drawn = frames.frames();
    waitFor([&] { return frames.frames() > drawn; }, 1'000);
    frames.stop();
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.deltas = chat.messages()->index(1).data().toString().count(QStringLiteral("tok"));
    QObject::disconnect(connection);
    return run;
}

// Questions and answers of several shapes, as a real conversation has: most answers are prose, a list and a
// code block; every seventh is a table, every eleventh ten paragraphs each with a code block.
QList<MessageModel::Message> longConversation(int count)
{
    QList<MessageModel::Message> messages;
    for (int i = 0; i < count; ++i) {
        MessageModel::Message message;
        message.author = i % 2 == 0 ? MessageModel::Author::User : MessageModel::Author::Assistant;
        message.model = QStringLiteral("qwen3:8b");
        if (i % 2 == 0) {
            message.content = QStringLiteral("Question %1: how does this part work?").arg(i);
        } else if (i % 14 == 5) {
            message.content = QStringLiteral("| part | what it does |\n|---|---|\n| %1 | parses |\n| two | "
                                             "checks |\n\nThen it returns.")
                                  .arg(i);
        } else if (i % 22 == 9) {
            for (int block = 0; block < 10; ++block)
                message.content += QStringLiteral("Paragraph %1 of a long answer, with *some* words.\n\n"
                                                  "```py\nprint(%1)\n```\n\n")
                                       .arg(block);
        } else {
            message.content = QStringLiteral("Answer %1 with **bold**, a list:\n\n1. one\n2. two\n\n"
                                             "```cpp\nint x = %1;\n```\n\nand a closing line.")
                                  .arg(i);
        }
        messages.append(message);
    }
    return messages;
}

// Posts one request over `publisher` and waits for its answer.
bool publish(HttpPublisher &publisher, const QByteArray &path, const QJsonDocument &body)
{
    if (!waitFor([&] { return publisher.isIdle(); }, 10'000))
        return false;
    const qint64 before = publisher.answered() + publisher.failures();
    publisher.post(path, body.toJson(QJsonDocument::Compact));
    return waitFor([&] { return publisher.answered() + publisher.failures() > before; }, 10'000)
        && publisher.failures() == 0;
}

// A session of `count` steps as an agent publishes them: every tenth opens a stage, the nine after it
// are nested under it.
bool publishSteps(HttpPublisher &publisher, const QString &sessionId, int count)
{
    if (!publish(publisher, "/api/streaming/sessions",
            QJsonDocument(QJsonObject {{QStringLiteral("session_id"), sessionId},
                {QStringLiteral("system_context"),
                    QJsonObject {{QStringLiteral("agent"), QStringLiteral("view-bench")}}}})))
        return false;
    QJsonArray batch;
    for (int i = 0; i < count; ++i) {
        QJsonObject step {{QStringLiteral("session_id"), sessionId},
            {QStringLiteral("step_id"), QStringLiteral("s%1").arg(i)},
            {QStringLiteral("thinking_type"),
                i % 10 == 0 ? QStringLiteral("planning") : QStringLiteral("analysis")},
            {QStringLiteral("content"),
                QStringLiteral("Step %1: checked the **next** source and noted what it adds.").arg(i)},
            {QStringLiteral("confidence_level"), 0.8}};
        if (i % 10 != 0)
            step.insert(QStringLiteral("parent_id"), QStringLiteral("s%1").arg(i - i % 10));
        batch.append(step);
        if (batch.size() == 100 || i == count - 1) {
            if (!publish(publisher, "/api/streaming/thinking", QJsonDocument(batch)))
                return false;
            batch = {};
        }
    }
    return true;
}

int liveDelegates(QQuickItem *list)
{
    auto *content = list->property("contentItem").value<QQuickItem *>();
    int visible = 0;
    for (QQuickItem *child : content->childItems())
        visible += child->isVisible() ? 1 : 0;
    return visible;
}

// The rows whose delegates show in `view` now (in content coordinates, between contentY and its bottom).
void addShownRows(QQuickItem *view, QSet<int> &rows)
{
    const double top = view->property("contentY").toDouble();
    const double x = view->width() / 2;
    for (double y = top; y < top + view->height(); y += 8) {
        int row = -1;
        QMetaObject::invokeMethod(view, "indexAt", Q_RETURN_ARG(int, row), Q_ARG(qreal, x), Q_ARG(qreal, y));
        if (row >= 0)
            rows.insert(row);
    }
}

// The first row shown, or -1.
int topRow(QQuickItem *view)
{
    QSet<int> rows;
    addShownRows(view, rows);
    return rows.isEmpty() ? -1 : *std::min_element(rows.begin(), rows.end());
}

// Leaves the end of `view` as a user does: wheel turns up over it until a movement ends away from the end,
// which unpins the view (the chat and the timeline follow new rows only while the user stays at the end).
// False if it stayed pinned.
bool unpin(QQuickItem *view)
{
    const QPointF centre = view->mapToScene(QPointF(view->width() / 2, view->height() / 2));
    for (int turn = 0; turn < 20 && view->property("pinned").toBool(); ++turn) {
        QWheelEvent wheel(
            centre, centre, QPoint(), QPoint(0, 360), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        wheel.setTimestamp(quint64(QDateTime::currentMSecsSinceEpoch())); // a flick's speed is per time
        QCoreApplication::sendEvent(view->window(), &wheel);
        waitFor([&] { return !view->property("moving").toBool(); }, 5'000);
    }
    return !view->property("pinned").toBool();
}

struct ScrollRun
{
    int maxDelegates = 0; // the most delegates alive at once
    int rows = 0; // of the view's rows
    int rowsShown = 0; // distinct rows seen on screen
    int steps = 0;
    int wentBack = 0; // frames whose first row was above the last frame's: a jump
    bool ok = false; // unpinned, and reached the last row
};

// Scrolls `view` from its first row to its last, unpinned, 120 px a frame as a flick's animation advances
// by the frame, until the last row is on screen at the end (the end a ListView estimates from the rows it
// laid out so far moves as it goes: it is not yet the last row). Frames are recorded meanwhile.
ScrollRun scrollThrough(QQuickItem *view, FrameRecorder &frames)
{
    ScrollRun run;
    run.rows = view->property("count").toInt();
    if (!unpin(view))
        return run;
    QMetaObject::invokeMethod(view, "positionViewAtBeginning");
    const int settled = frames.frames();
    waitFor([&] { return frames.frames() > settled + 1; }, 1'000);
    QSet<int> shown;
    int lastTop = topRow(view);
    frames.start();
    run.maxDelegates = liveDelegates(view);
    const int maxSteps = 100'000; // a view that never reaches its end still ends the run
    for (; run.steps < maxSteps; ++run.steps) {
        addShownRows(view, shown);
        if (view->property("atYEnd").toBool() && shown.contains(run.rows - 1))
            break;
        const int before = frames.frames();
        view->setProperty("contentY", view->property("contentY").toDouble() + 120);
        waitFor([&] { return frames.frames() > before; }, 1'000);
        run.maxDelegates = std::max(run.maxDelegates, liveDelegates(view));
        const int top = topRow(view);
        run.wentBack += top < lastTop ? 1 : 0;
        lastTop = top;
    }
    frames.stop();
    run.rowsShown = int(shown.size());
    run.ok = run.steps < maxSteps && !view->property("pinned").toBool();
    return run;
}

// What the scroll did, for a reader to see that it went through every row.
QString scrollSummary(const ScrollRun &run)
{
    return QStringLiteral(
        "Scrolled %1: %2 steps of 120 px from the first row, %3 of %4 rows shown, the first row "
        "shown went back %5 times.")
        .arg(run.ok ? QStringLiteral("through to the last row")
                    : QStringLiteral("BUT DID NOT REACH THE LAST ROW"))
        .arg(run.steps)
        .arg(run.rowsShown)
        .arg(run.rows)
        .arg(run.wentBack);
}

// The columns of FrameRecorder::figures().
QStringList frameHeader()
{
    return {QStringLiteral("frames"), QStringLiteral("interval p50 ms"), QStringLiteral("interval p95 ms"),
        QStringLiteral("interval p99 ms"), QStringLiteral("interval max ms"),
        QStringLiteral("frame cost p50 ms"), QStringLiteral("frame cost p99 ms"),
        QStringLiteral("GUI CPU p99 ms"), QStringLiteral("GUI CPU max ms"),
        QStringLiteral("longest: GUI CPU / wait for a core ms")};
}

// The chat's stream, paced and all at once, and paced beside `loadClients` outside streams (tables 1-2).
void streamTables(
    DesktopApp &window, ChatController &chat, FrameRecorder &frames, int deltas, int loadClients)
{
    QQuickWindow *quickWindow = window.window();
    std::printf("\n## 1-2. %d deltas into the chat: paced, all at once, and beside %d outside streams\n\n",
        deltas, loadClients);
    const StreamRun paced = streamIntoChat(chat, frames, QStringLiteral("paced"));
    const QStringList pacedFrames = frames.figures();
    const StreamRun burst = streamIntoChat(chat, frames, QStringLiteral("burst"));
    const QStringList burstFrames = frames.figures();

    LoadThread load(window.endpoint().baseUrl().port(), loadClients);
    load.start();
    waitFor([] { return false; }, 500); // let the outside streams get going
    // What the 100 outside sessions cost the window's Live sessions list while the chat streams.
    auto *liveSessions = quickWindow->findChild<QAbstractItemModel *>(QStringLiteral("liveSessions"));
    int listMoves = 0;
    int listUpdates = 0;
    const auto moved = QObject::connect(
        liveSessions, &QAbstractItemModel::rowsMoved, liveSessions, [&listMoves] { ++listMoves; });
    const auto changed = QObject::connect(liveSessions, &QAbstractItemModel::dataChanged, liveSessions,
        [&listUpdates](
            const QModelIndex &from, const QModelIndex &to) { listUpdates += to.row() - from.row() + 1; });
    const StreamRun loaded = streamIntoChat(chat, frames, QStringLiteral("paced"));
    const QStringList loadedFrames = frames.figures();
    QObject::disconnect(moved);
    QObject::disconnect(changed);
    waitFor([&] { return load.isFinished(); }, 180'000);

    auto streamRow = [&](const QString &name, const StreamRun &run, const QStringList &frameFigures) {
        return QStringList {name, QString::number(run.deltas),
                   QString::number(run.deltas / run.seconds, 'f', 0), QString::number(run.updates),
                   QString::number(run.updates / run.seconds, 'f', 1)}
        + frameFigures;
    };
    printTable(QStringList {QStringLiteral("run"), QStringLiteral("deltas"), QStringLiteral("deltas/s"),
                   QStringLiteral("model updates"), QStringLiteral("updates/s")}
            + frameHeader(),
        {streamRow(QStringLiteral("paced (~2,000/s)"), paced, pacedFrames),
            streamRow(QStringLiteral("all at once"), burst, burstFrames),
            streamRow(QStringLiteral("paced + %1 API streams").arg(loadClients), loaded, loadedFrames)});
    std::printf("\nOutside streams: %d of %d got content, %lld deltas in all. Meanwhile the Live sessions "
                "list moved %d rows and updated %d. RSS now: %lld MiB\n",
        load.finished.load(), loadClients, static_cast<long long>(load.deltas.load()), listMoves, listUpdates,
        static_cast<long long>(rssKiB(QCoreApplication::applicationPid()) / 1024));
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND"))
        qputenv("QT_QUICK_BACKEND", "software"); // no GPU here: the CPU draws every frame
    qputenv("QT_LOGGING_RULES", "ponder.*.info=false;qt.qpa.*=false");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PonderBench"));
    QCoreApplication::setApplicationName(QStringLiteral("view_bench"));
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const bool scrollOnly = app.arguments().contains(QStringLiteral("--scroll"));
    const bool streamsOnly = app.arguments().contains(QStringLiteral("--streams"));
    const int deltas = quick ? 2'000 : 6'000;
    const int loadClients = 100;
    const int messageCount = 2'000;
    const int stepCount = 1'000;

    FakeUpstreamThread upstream([&](FakeUpstream &fake) {
        fake.setScript(QStringLiteral("paced"), tokens(deltas, 1, 2));
        fake.setScript(QStringLiteral("burst"), tokens(deltas, 0));
        fake.setScript(QStringLiteral("load"), tokens(quick ? 300 : 1'000, 5));
    });
    QTemporaryDir dataDir;
    Preferences preferences;
    preferences.setLanguage(QStringLiteral("en"));
    ServerOptions base;
    base.dataDir = dataDir.path();
    base.maxConcurrentGenerations = loadClients + 8;
    ServerOptionsBuilder options(base);
    OptionLayer commandLine;
    commandLine.port = 0;
    commandLine.apiKey = QString(); // never the user's own token from the keychain
    QString error;
    commandLine.upstreams = *UpstreamConfig::parseList(
        {QStringLiteral("ollama:http://127.0.0.1:%1").arg(upstream.port())}, &error);
    options.setCommandLine(commandLine);
    Keychain keychain;
    DesktopApp window(preferences, keychain);
    if (!window.show())
        return 1;
    window.start(options);
    QQuickWindow *quickWindow = window.window();
    quickWindow->resize(1280, 800);
    if (!waitFor([&] { return window.endpoint().state() == EndpointStatus::State::Running; }, 10'000))
        return 2;
    auto *chat = quickWindow->findChild<ChatController *>(QStringLiteral("chatController"));
    FrameRecorder frames(quickWindow);

    if (!scrollOnly)
        streamTables(window, *chat, frames, deltas, loadClients);
    if (streamsOnly)
        return 0;

    std::printf("\n## 3. A %d-message conversation\n\n", messageCount);
    auto *list = quickWindow->findChild<QQuickItem *>(QStringLiteral("messageList"));
    chat->newConversation();
    waitFor([] { return false; }, 200);
    frames.start();
    QElapsedTimer open;
    open.start();
    chat->messages()->setMessages(longConversation(messageCount));
    const int framesBefore = frames.frames();
    waitFor([&] { return frames.frames() > framesBefore; }, 10'000);
    const double openMs = double(open.nsecsElapsed()) / 1e6;
    const int delegatesAfterOpen = liveDelegates(list);
    const ScrollRun messageScroll = scrollThrough(list, frames);
    printTable(QStringList {QStringLiteral("messages"), QStringLiteral("open to first frame ms"),
                   QStringLiteral("live delegates (max while scrolling)")}
            + frameHeader(),
        {QStringList {QString::number(messageCount), QString::number(openMs, 'f', 1),
             QStringLiteral("%1 (%2)").arg(delegatesAfterOpen).arg(messageScroll.maxDelegates)}
            + frames.figures()});
    std::printf("\n%s\n", qPrintable(scrollSummary(messageScroll)));

    std::printf("\n## 4. A live session with %d steps\n\n", stepCount);
    HttpPublisher publisher(quint16(window.endpoint().baseUrl().port()));
    const QString sessionId = QStringLiteral("view-bench-steps");
    if (!publishSteps(publisher, sessionId, stepCount))
        return 3;
    quickWindow->setProperty("liveSessionId", sessionId);
    auto *lane = quickWindow->findChild<QQuickItem *>(QStringLiteral("liveTimeline"));
    if (!lane || !waitFor([&] { return lane->property("count").toInt() >= stepCount; }, 30'000))
        return 4;
    waitFor([] { return false; }, 200);
    const ScrollRun stepScroll = scrollThrough(lane, frames);
    printTable(QStringList {QStringLiteral("steps"), QStringLiteral("timeline rows"),
                   QStringLiteral("live delegates (max while scrolling)")}
            + frameHeader(),
        {QStringList {QString::number(stepCount), QString::number(lane->property("count").toInt()),
             QString::number(stepScroll.maxDelegates)}
            + frames.figures()});
    std::printf("\n%s\n", qPrintable(scrollSummary(stepScroll)));
    std::printf("\nRSS of this process at the end: %lld MiB\n",
        static_cast<long long>(rssKiB(QCoreApplication::applicationPid()) / 1024));
    return messageScroll.ok && stepScroll.ok ? 0 : 5;
}
