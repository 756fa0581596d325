// Through Ponder vs straight to the same fake upstream, in one run: added time to first token and
// inter-chunk delay, chunks/s for a burst, and Ponder's RSS with 1,000 open streams.
//
// usage: chat_bench [--quick]      (build with the release preset; see docs/benchmarks.md)
#include "BenchSupport.h"
#include "PonderProcess.h"
#include "StreamClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <memory>

namespace {

QByteArray body(const QString &model)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("model"), model}, {QStringLiteral("stream"), true},
                             {QStringLiteral("messages"),
                                 QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                     {QStringLiteral("content"), QStringLiteral("Count for me.")}}}}})
        .toJson(QJsonDocument::Compact);
}

FakeScript tokens(int count, int delayMs)
{
    FakeScript script;
    for (int i = 0; i < count; ++i)
        script.content.append(QStringLiteral("tok%1 ").arg(i));
    script.delayMs = delayMs;
    return script;
}

struct Target
{
    QString name;
    quint16 port;
    QByteArray path;
};

struct StreamFigures
{
    QList<double> ttftMs;
    QList<double> gapsMs;
    qint64 events = 0;
    double seconds = 0;
};

// Runs `clients` concurrent streams `rounds` times against one target and pools the figures.
StreamFigures runStreams(const Target &target, const QString &model, int clients, int rounds, int deadlineMs)
{
    StreamFigures figures;
    QElapsedTimer clock;
    clock.start();
    for (int round = 0; round < rounds; ++round) {
        std::vector<std::unique_ptr<StreamClient>> running;
        for (int i = 0; i < clients; ++i)
            running.push_back(std::make_unique<StreamClient>(target.port, target.path, body(model), clock));
        const qint64 begin = clock.nsecsElapsed();
        for (auto &client : running)
            client->start();
        const bool finished = runUntil(
            running,
            [&] { return std::all_of(running.begin(), running.end(), [](auto &c) { return c->isDone(); }); },
            deadlineMs);
        if (!finished)
            std::fprintf(
                stderr, "chat_bench: a round against %s did not finish in time\n", qPrintable(target.name));
        figures.seconds += double(clock.nsecsElapsed() - begin) / 1e9;
        for (auto &client : running) {
            if (client->sawContent())
                figures.ttftMs.append(client->timeToFirstDeltaMs());
            figures.gapsMs += client->gapsMs();
            figures.events += client->contentEvents();
        }
    }
    return figures;
}

QString ms(double value)
{
    return QString::number(value, 'f', 3);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int burst = 10'000;
    const int openStreams = quick ? 200 : 1000;

    FakeUpstreamThread fake([&](FakeUpstream &upstream) {
        upstream.setScript(QStringLiteral("paced"), tokens(64, 20));
        upstream.setScript(QStringLiteral("burst"), tokens(burst, 0));
        upstream.setScript(QStringLiteral("held"), tokens(2, 120'000)); // one delta, then a long silence
    });
    QTemporaryDir dataDir;
    PonderProcess ponder;
    if (!ponder.startServe(
            {QStringLiteral("--upstream"), QStringLiteral("openai:http://127.0.0.1:%1/v1").arg(fake.port()),
                QStringLiteral("--max-generations"), QStringLiteral("5000")},
            dataDir.path())) {
        std::fprintf(stderr, "chat_bench: ponder did not start:\n%s\n", qPrintable(ponder.output()));
        return 1;
    }
    const Target direct {QStringLiteral("direct to upstream"), fake.port(), "/v1/chat/completions"};
    const Target through {
        QStringLiteral("through Ponder"), quint16(ponder.baseUrl().port()), "/v1/chat/completions"};
    std::printf("chat_bench: fake upstream on :%d, ponder on :%d, %s build\n\n", fake.port(), through.port,
#ifdef NDEBUG
        "release"
#else
        "DEBUG (figures are not representative)"
#endif
    );

    // Warm both paths (first connections, lazy initialisation) before measuring.
    runStreams(direct, QStringLiteral("paced"), 1, 2, 10'000);
    runStreams(through, QStringLiteral("paced"), 1, 2, 10'000);

    std::printf("## 64 deltas, 20 ms apart\n\n");
    QList<QStringList> rows;
    for (const int clients : {1, 16}) {
        const int rounds = clients == 1 ? (quick ? 10 : 40) : (quick ? 3 : 10);
        const StreamFigures a = runStreams(direct, QStringLiteral("paced"), clients, rounds, 30'000);
        const StreamFigures b = runStreams(through, QStringLiteral("paced"), clients, rounds, 30'000);
        for (const auto &[name, f] : {std::pair {direct.name, a}, std::pair {through.name, b}}) {
            rows.append({QString::number(clients), name, ms(percentile(f.ttftMs, 50)),
                ms(percentile(f.ttftMs, 99)), ms(percentile(f.gapsMs, 50)), ms(percentile(f.gapsMs, 99)),
                QStringLiteral("%1/%2").arg(f.events).arg(qint64(64) * clients * rounds)});
        }
        rows.append({QString::number(clients), QStringLiteral("**added by Ponder**"),
            ms(percentile(b.ttftMs, 50) - percentile(a.ttftMs, 50)),
            ms(percentile(b.ttftMs, 99) - percentile(a.ttftMs, 99)),
            ms(percentile(b.gapsMs, 50) - percentile(a.gapsMs, 50)),
            ms(percentile(b.gapsMs, 99) - percentile(a.gapsMs, 99)), QString()});
    }
    printTable({QStringLiteral("clients"), QStringLiteral("path"), QStringLiteral("TTFT p50 ms"),
                   QStringLiteral("TTFT p99 ms"), QStringLiteral("gap p50 ms"), QStringLiteral("gap p99 ms"),
                   QStringLiteral("deltas received")},
        rows);

    std::printf("\n## Burst of %d deltas, no delay\n\n", burst);
    rows.clear();
    for (const Target &target : {direct, through}) {
        const StreamFigures f = runStreams(target, QStringLiteral("burst"), 1, quick ? 1 : 3, 60'000);
        rows.append({target.name, QString::number(double(f.events) / f.seconds, 'f', 0),
            QStringLiteral("%1/%2").arg(f.events).arg(burst * (quick ? 1 : 3))});
    }
    printTable(
        {QStringLiteral("path"), QStringLiteral("chunks/s"), QStringLiteral("chunks received (none merged)")},
        rows);

    std::printf("\n## %d concurrent open streams through Ponder\n\n", openStreams);
    const qint64 pid = ponder.process().processId();
    const qint64 idleRss = rssKiB(pid);
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<StreamClient>> held;
    for (int i = 0; i < openStreams; ++i) {
        held.push_back(
            std::make_unique<StreamClient>(through.port, through.path, body(QStringLiteral("held")), clock));
        held.back()->start();
    }
    if (!runUntil(
            held,
            [&] { return std::all_of(held.begin(), held.end(), [](auto &c) { return c->sawContent(); }); },
            120'000))
        std::fprintf(stderr, "chat_bench: not every stream started within 2 minutes\n");
    const qint64 streaming = std::count_if(held.begin(), held.end(), [](auto &c) { return c->sawContent(); });
    QTest::qWait(500);
    const qint64 busyRss = rssKiB(pid);
    printTable({QStringLiteral("open streams"), QStringLiteral("Ponder RSS idle"),
                   QStringLiteral("Ponder RSS with streams"), QStringLiteral("per stream")},
        {{QString::number(streaming), QStringLiteral("%1 MiB").arg(double(idleRss) / 1024, 0, 'f', 1),
            QStringLiteral("%1 MiB").arg(double(busyRss) / 1024, 0, 'f', 1),
            QStringLiteral("%1 KiB").arg(
                double(busyRss - idleRss) / double(std::max<qint64>(1, streaming)), 0, 'f', 1)}});
    held.clear();
    ponder.stop(SIGTERM);
    return 0;
}
