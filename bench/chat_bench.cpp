// SPDX-License-Identifier: MIT
// Through Ponder vs straight to the same fake upstream vs through Debian's nginx, in one run, for each
// streaming API Ponder serves (OpenAI chat completions, Ollama chat): the time to first token, and each
// delta's time from the moment the upstream wrote it (the fake stamps it) to its arrival at the client;
// what Ponder and nginx add is each path's figure less the direct one. Ponder is measured where client and
// upstream speak the same API (relayed) and across APIs (translated). Then chunks/s for a burst, and
// Ponder's RSS with 1,000 open streams. The APIs Ponder only translates (Responses, Anthropic Messages)
// are measured through Ponder on both upstream kinds, beside the direct chat completions path.
//
// Latency on a shared machine is noisy to ±100 µs; what each path adds per chunk is also shown as CPU
// time: the proxy's user + system time (from /proc) over a long run of paced streams, divided by the
// chunks its clients received, for Ponder on every path and for nginx's one process; and per request
// (answers of one delta), for the whole process and for the thread that serves (Ponder's main thread).
//
// With --baseline OTHER_PONDER, a second pair of Ponders runs that build, measured in the same run
// (rounds interleaved) beside this tree's.
//
// usage: chat_bench [--quick] [--cpu-only] [--cpu-filter PATTERN] [--baseline OTHER_PONDER]
//        (build with the release preset; see docs/benchmarks.md)
#include "BenchSupport.h"
#include "NginxProxy.h"
#include "PonderProcess.h"
#include "StreamClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <memory>

namespace {

struct Api
{
    QString name;
    QByteArray path;
};

QByteArray body(const Api &api, const QString &model)
{
    const QJsonArray messages {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
        {QStringLiteral("content"), QStringLiteral("Count for me.")}}};
    QJsonObject request {{QStringLiteral("model"), model}, {QStringLiteral("stream"), true}};
    if (api.path == "/v1/responses") {
        request.insert(QStringLiteral("input"), QStringLiteral("Count for me."));
    } else {
        request.insert(QStringLiteral("messages"), messages);
        if (api.path == "/v1/messages")
            request.insert(QStringLiteral("max_tokens"), 1024);
    }
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

FakeScript tokens(int count, int delayMs, bool stamped)
{
    FakeScript script;
    for (int i = 0; i < count; ++i)
        script.content.append(stamped
                ? QStringLiteral("tok%1 @%2").arg(i).arg(QLatin1String(FakeUpstream::StampPlaceholder))
                : QStringLiteral("tok%1 ").arg(i));
    script.delayMs = delayMs;
    return script;
}

struct Target
{
    QString name;
    quint16 port;
};

struct StreamFigures
{
    QList<double> ttftMs;
    QList<double> latencyMs;
    qint64 events = 0;
    double seconds = 0;
};

// Runs `clients` concurrent streams once against one target and adds to the figures.
void runStreams(const Target &target, const Api &api, const QString &model, int clients, int deadlineMs,
    StreamFigures &figures)
{
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<StreamClient>> running;
    for (int i = 0; i < clients; ++i)
        running.push_back(std::make_unique<StreamClient>(target.port, api.path, body(api, model), clock));
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
        figures.latencyMs += client->latenciesMs();
        figures.events += client->contentEvents();
    }
}

// Two Ponders of one build in front of the fake: one sees it as an OpenAI-compatible server, one as an
// Ollama.
struct PonderPair
{
    QTemporaryDir openAiData;
    QTemporaryDir ollamaData;
    PonderProcess openAi;
    PonderProcess ollama;

    bool start(const QString &executable, quint16 upstreamPort)
    {
        const QStringList limits {QStringLiteral("--max-generations"), QStringLiteral("5000")};
        openAi.setExecutable(executable);
        ollama.setExecutable(executable);
        if (openAi.startServe(QStringList {QStringLiteral("--upstream"),
                                  QStringLiteral("openai:http://127.0.0.1:%1/v1").arg(upstreamPort)}
                    + limits,
                openAiData.path())
            && ollama.startServe(QStringList {QStringLiteral("--upstream"),
                                     QStringLiteral("ollama:http://127.0.0.1:%1").arg(upstreamPort)}
                    + limits,
                ollamaData.path()))
            return true;
        std::fprintf(stderr, "chat_bench: %s did not start:\n%s%s\n", qPrintable(executable),
            qPrintable(openAi.output()), qPrintable(ollama.output()));
        return false;
    }
    quint16 openAiPort() const { return quint16(openAi.baseUrl().port()); }
    quint16 ollamaPort() const { return quint16(ollama.baseUrl().port()); }
    qint64 openAiPid() { return openAi.process().processId(); }
    qint64 ollamaPid() { return ollama.process().processId(); }
};

// Waits until the process's CPU time stops growing (what it does after a stream ended: the history, the
// hub's last events), at most a few seconds; returns that CPU time.
double settledCpuSeconds(qint64 pid)
{
    double last = cpuSeconds(pid);
    for (int i = 0; i < 30; ++i) {
        QTest::qWait(100);
        const double now = cpuSeconds(pid);
        if (now == last)
            return now;
        last = now;
    }
    return last;
}

// One path whose CPU time per chunk is measured: requests of `api` to `target`, served by process `pid`.
struct CpuPath
{
    Api api;
    Target target;
    qint64 pid;
    double cpuSeconds = 0;
    qint64 chunks = 0;
};

QString ms(double value)
{
    return QString::number(value, 'f', 3);
}

QString us(double valueMs)
{
    return QString::number(valueMs * 1000.0, 'f', 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const bool cpuOnly = app.arguments().contains(QStringLiteral("--cpu-only"));
    const int burst = 10'000;
    const int openStreams = quick ? 200 : 1000;
    const int deltas = 64;
    const int cpuDeltas = 1000; // per stream of the CPU runs, 1 ms apart
    const int cpuClients = 16;
    const int cpuRounds = quick ? 2 : 5;
    const int requestRounds = quick ? 20 : 60; // of cpuClients one-delta requests at once

    FakeUpstreamThread fake([&](FakeUpstream &upstream) {
        upstream.setScript(QStringLiteral("paced"), tokens(deltas, 20, true));
        upstream.setScript(QStringLiteral("burst"), tokens(burst, 0, false));
        upstream.setScript(QStringLiteral("long"), tokens(cpuDeltas, 1, false));
        upstream.setScript(QStringLiteral("one"), tokens(1, 0, false));
        upstream.setScript(
            QStringLiteral("held"), tokens(2, 120'000, false)); // one delta, then a long silence
    });
    const qsizetype baselineAt = app.arguments().indexOf(QStringLiteral("--baseline"));
    const QString baselineExecutable = baselineAt > 0 && baselineAt + 1 < app.arguments().size()
        ? app.arguments().at(baselineAt + 1)
        : QString();
    PonderPair ponder;
    if (!ponder.start(PonderProcess::executable(), fake.port()))
        return 1;
    std::unique_ptr<PonderPair> baseline;
    if (!baselineExecutable.isEmpty()) {
        baseline = std::make_unique<PonderPair>();
        if (!baseline->start(baselineExecutable, fake.port()))
            return 1;
    }
    PonderProcess &openAiPonder = ponder.openAi;
    PonderProcess &ollamaPonder = ponder.ollama;
    NginxProxy nginx;
    if (!nginx.start(fake.port())) {
        std::fprintf(stderr, "chat_bench: %s\n", qPrintable(nginx.error()));
        return 1;
    }
    const quint16 openAiPort = quint16(openAiPonder.baseUrl().port());
    const quint16 ollamaPort = quint16(ollamaPonder.baseUrl().port());
    std::printf("chat_bench: fake upstream on :%d, nginx on :%d, ponder on :%d (openai) and :%d (ollama), %s "
                "build%s%s\n\n",
        fake.port(), nginx.port(), openAiPort, ollamaPort,
#ifdef NDEBUG
        "release"
#else
        "DEBUG (figures are not representative)"
#endif
        ,
        baseline ? "; baseline: " : "", qPrintable(baselineExecutable));
    StealMeter steal;

    const Api chatCompletions {QStringLiteral("chat completions"), "/v1/chat/completions"};
    const Api ollamaChat {QStringLiteral("Ollama chat"), "/api/chat"};
    const Api responses {QStringLiteral("Responses"), "/v1/responses"};
    const Api messages {QStringLiteral("Anthropic Messages"), "/v1/messages"};
    QList<QStringList> rows;
    QList<QStringList> added;
    if (!cpuOnly) { // --cpu-only: the CPU figures alone (profiling, quick comparisons)
        std::printf("## %d deltas, 20 ms apart: time to first token (TTFT) and each delta's latency from the "
                    "upstream\n\n",
            deltas);
        for (const Api &api : {chatCompletions, ollamaChat}) {
            const bool openAi = api.path == chatCompletions.path; // the list holds copies: compare by value
            QList<Target> targets {{QStringLiteral("direct to upstream"), fake.port()},
                {QStringLiteral("through nginx"), nginx.port()},
                {QStringLiteral("through Ponder, relayed"), openAi ? openAiPort : ollamaPort},
                {QStringLiteral("through Ponder, translated"), openAi ? ollamaPort : openAiPort}};
            if (baseline)
                targets += {{QStringLiteral("through baseline, relayed"),
                                openAi ? baseline->openAiPort() : baseline->ollamaPort()},
                    {QStringLiteral("through baseline, translated"),
                        openAi ? baseline->ollamaPort() : baseline->openAiPort()}};
            for (const Target &target : targets) { // warm every path (first connections, lazy initialisation)
                StreamFigures warm;
                runStreams(target, api, QStringLiteral("paced"), 1, 10'000, warm);
            }
            for (const int clients : {1, 16}) {
                const int rounds = clients == 1 ? (quick ? 10 : 40) : (quick ? 3 : 10);
                QList<StreamFigures> figures(targets.size());
                for (int round = 0; round < rounds;
                     ++round) { // interleaved: the machine's drift hits all alike
                    for (qsizetype t = 0; t < targets.size(); ++t)
                        runStreams(targets.at(t), api, QStringLiteral("paced"), clients, 30'000, figures[t]);
                }
                for (qsizetype t = 0; t < targets.size(); ++t) {
                    const StreamFigures &f = figures.at(t);
                    rows.append({api.name, QString::number(clients), targets.at(t).name,
                        ms(percentile(f.ttftMs, 50)), ms(percentile(f.ttftMs, 99)),
                        us(percentile(f.latencyMs, 50)), us(percentile(f.latencyMs, 99)),
                        QStringLiteral("%1/%2").arg(f.events).arg(qint64(deltas) * clients * rounds)});
                    if (t == 0)
                        continue;
                    const StreamFigures &direct = figures.first();
                    added.append({api.name, QString::number(clients), targets.at(t).name,
                        ms(percentile(f.ttftMs, 50) - percentile(direct.ttftMs, 50)),
                        ms(percentile(f.ttftMs, 99) - percentile(direct.ttftMs, 99)),
                        us(percentile(f.latencyMs, 50) - percentile(direct.latencyMs, 50)),
                        us(percentile(f.latencyMs, 99) - percentile(direct.latencyMs, 99))});
                }
            }
        }
        printTable({QStringLiteral("API"), QStringLiteral("clients"), QStringLiteral("path"),
                       QStringLiteral("TTFT p50 ms"), QStringLiteral("TTFT p99 ms"),
                       QStringLiteral("delta latency p50 µs"), QStringLiteral("delta latency p99 µs"),
                       QStringLiteral("deltas received")},
            rows);
        std::printf("\n### Added to the direct path\n\n");
        printTable({QStringLiteral("API"), QStringLiteral("clients"), QStringLiteral("path"),
                       QStringLiteral("TTFT p50 ms"), QStringLiteral("TTFT p99 ms"),
                       QStringLiteral("per delta p50 µs"), QStringLiteral("per delta p99 µs")},
            added);

        std::printf(
            "\n## The translated APIs, %d deltas 20 ms apart, 1 client (direct: chat completions to the "
            "upstream)\n\n",
            deltas);
        rows.clear();
        added.clear();
        struct TranslatedPath
        {
            Api api;
            Target target;
        };
        QList<TranslatedPath> translated {
            {chatCompletions, {QStringLiteral("direct to upstream"), fake.port()}},
            {responses, {QStringLiteral("through Ponder, OpenAI upstream"), openAiPort}},
            {responses, {QStringLiteral("through Ponder, Ollama upstream"), ollamaPort}},
            {messages, {QStringLiteral("through Ponder, OpenAI upstream"), openAiPort}},
            {messages, {QStringLiteral("through Ponder, Ollama upstream"), ollamaPort}}};
        if (baseline)
            translated += {
                {responses, {QStringLiteral("through baseline, OpenAI upstream"), baseline->openAiPort()}},
                {responses, {QStringLiteral("through baseline, Ollama upstream"), baseline->ollamaPort()}},
                {messages, {QStringLiteral("through baseline, OpenAI upstream"), baseline->openAiPort()}},
                {messages, {QStringLiteral("through baseline, Ollama upstream"), baseline->ollamaPort()}}};
        QList<StreamFigures> translatedFigures(translated.size());
        for (const auto &path : translated) { // warm
            StreamFigures warm;
            runStreams(path.target, path.api, QStringLiteral("paced"), 1, 10'000, warm);
        }
        const int translatedRounds = quick ? 10 : 40;
        for (int round = 0; round < translatedRounds; ++round) {
            for (qsizetype t = 0; t < translated.size(); ++t)
                runStreams(translated[t].target, translated[t].api, QStringLiteral("paced"), 1, 30'000,
                    translatedFigures[t]);
        }
        const StreamFigures &directChat = translatedFigures.first();
        for (qsizetype t = 0; t < translated.size(); ++t) {
            const StreamFigures &f = translatedFigures.at(t);
            rows.append({translated[t].api.name, translated[t].target.name, ms(percentile(f.ttftMs, 50)),
                ms(percentile(f.ttftMs, 99)), us(percentile(f.latencyMs, 50)),
                us(percentile(f.latencyMs, 99)),
                us(percentile(f.latencyMs, 50) - percentile(directChat.latencyMs, 50)),
                QStringLiteral("%1/%2").arg(f.events).arg(qint64(deltas) * translatedRounds)});
        }
        printTable({QStringLiteral("API"), QStringLiteral("path"), QStringLiteral("TTFT p50 ms"),
                       QStringLiteral("TTFT p99 ms"), QStringLiteral("delta latency p50 µs"),
                       QStringLiteral("delta latency p99 µs"), QStringLiteral("added per delta p50 µs"),
                       QStringLiteral("deltas received")},
            rows);

        std::printf("\n## Burst of %d deltas, no delay (chat completions)\n\n", burst);
        rows.clear();
        for (const Target &target : {Target {QStringLiteral("direct to upstream"), fake.port()},
                 Target {QStringLiteral("through nginx"), nginx.port()},
                 Target {QStringLiteral("through Ponder, relayed"), openAiPort},
                 Target {QStringLiteral("through baseline, relayed"),
                     baseline ? baseline->openAiPort() : quint16(0)}}) {
            if (target.port == 0)
                continue;
            StreamFigures f;
            for (int round = 0; round < (quick ? 1 : 3); ++round)
                runStreams(target, chatCompletions, QStringLiteral("burst"), 1, 60'000, f);
            rows.append({target.name, QString::number(double(f.events) / f.seconds, 'f', 0),
                QStringLiteral("%1/%2").arg(f.events).arg(burst * (quick ? 1 : 3))});
        }
        printTable({QStringLiteral("path"), QStringLiteral("chunks/s"),
                       QStringLiteral("chunks received (none merged)")},
            rows);
    }
    std::printf("\n## CPU time per chunk: %d streams at once, %d deltas each 1 ms apart, %d rounds\n\n",
        cpuClients, cpuDeltas, cpuRounds);
    QList<CpuPath> cpuPaths {{chatCompletions, {QStringLiteral("nginx"), nginx.port()}, nginx.pid()},
        {ollamaChat, {QStringLiteral("nginx"), nginx.port()}, nginx.pid()}};
    const auto addPonderPaths = [&](const QString &who, PonderPair &pair) {
        cpuPaths += {
            {chatCompletions, {who + QStringLiteral(", relayed"), pair.openAiPort()}, pair.openAiPid()},
            {chatCompletions, {who + QStringLiteral(", translated"), pair.ollamaPort()}, pair.ollamaPid()},
            {ollamaChat, {who + QStringLiteral(", relayed"), pair.ollamaPort()}, pair.ollamaPid()},
            {ollamaChat, {who + QStringLiteral(", translated"), pair.openAiPort()}, pair.openAiPid()},
            {responses, {who + QStringLiteral(", OpenAI upstream"), pair.openAiPort()}, pair.openAiPid()},
            {responses, {who + QStringLiteral(", Ollama upstream"), pair.ollamaPort()}, pair.ollamaPid()},
            {messages, {who + QStringLiteral(", OpenAI upstream"), pair.openAiPort()}, pair.openAiPid()},
            {messages, {who + QStringLiteral(", Ollama upstream"), pair.ollamaPort()}, pair.ollamaPid()}};
    };
    addPonderPaths(QStringLiteral("Ponder"), ponder);
    if (baseline)
        addPonderPaths(QStringLiteral("baseline"), *baseline);
    // --cpu-filter PATTERN: only the paths whose "API, path" matches the regular expression (to profile one
    // of them, or to compare a few with the baseline's: "chat completions, (Ponder|baseline), relayed").
    const qsizetype filterAt = app.arguments().indexOf(QStringLiteral("--cpu-filter"));
    if (filterAt > 0 && filterAt + 1 < app.arguments().size()) {
        const QRegularExpression filter(app.arguments().at(filterAt + 1));
        cpuPaths.removeIf([&](const CpuPath &path) {
            return !(path.api.name + QStringLiteral(", ") + path.target.name).contains(filter);
        });
    }
    for (int round = 0; round < cpuRounds; ++round) { // interleaved, as above
        for (CpuPath &path : cpuPaths) {
            StreamFigures f;
            const double before = settledCpuSeconds(path.pid);
            runStreams(path.target, path.api, QStringLiteral("long"), cpuClients, 120'000, f);
            path.cpuSeconds += settledCpuSeconds(path.pid) - before;
            path.chunks += f.events;
        }
    }
    rows.clear();
    for (const CpuPath &path : cpuPaths)
        rows.append({path.api.name, path.target.name,
            QString::number(path.cpuSeconds * 1e6 / double(std::max<qint64>(1, path.chunks)), 'f', 1),
            QStringLiteral("%1/%2").arg(path.chunks).arg(qint64(cpuDeltas) * cpuClients * cpuRounds)});
    printTable({QStringLiteral("API"), QStringLiteral("path"), QStringLiteral("CPU µs per chunk"),
                   QStringLiteral("chunks received")},
        rows);
    std::printf("\nCPU time the hypervisor gave to others (steal) during the run: %.1f%%\n",
        steal.percentSinceStart());

    // What a request costs before and around its first token, as CPU time: answers of one delta, so
    // the request's own work (reading it, the session, the upstream request, the first chunk, the end)
    // is nearly all there is. The serving thread's share is what stands between a request and its
    // first token; the rest of the process (history, on its own thread) runs beside it.
    std::printf(
        "\n## CPU time per request: one-delta answers, %d at once, %d rounds\n\n", cpuClients, requestRounds);
    for (CpuPath &path : cpuPaths) {
        path.cpuSeconds = 0;
        path.chunks = 0;
    }
    QList<double> servingSeconds(cpuPaths.size(), 0.0);
    // Upstream connections each path opened: with its idle connections kept (a pool, nginx's keepalive),
    // none after its first round. A profile of this phase shows no connecting then.
    QList<int> upstreamConnections(cpuPaths.size(), 0);
    for (int round = 0; round < requestRounds; ++round) { // interleaved, as above
        for (qsizetype p = 0; p < cpuPaths.size(); ++p) {
            CpuPath &path = cpuPaths[p];
            StreamFigures f;
            const double before = settledCpuSeconds(path.pid);
            const double servingBefore = threadCpuSeconds(path.pid, path.pid);
            const int connectionsBefore = fake.connectionsAccepted();
            runStreams(path.target, path.api, QStringLiteral("one"), cpuClients, 60'000, f);
            path.cpuSeconds += settledCpuSeconds(path.pid) - before;
            servingSeconds[p] += threadCpuSeconds(path.pid, path.pid) - servingBefore;
            upstreamConnections[p] += fake.connectionsAccepted() - connectionsBefore;
            path.chunks += qint64(f.ttftMs.size()); // requests that got their token
        }
    }
    rows.clear();
    for (qsizetype p = 0; p < cpuPaths.size(); ++p) {
        const CpuPath &path = cpuPaths.at(p);
        const double requests = double(std::max<qint64>(1, path.chunks));
        rows.append(
            {path.api.name, path.target.name, QString::number(path.cpuSeconds * 1e6 / requests, 'f', 0),
                QString::number(servingSeconds.at(p) * 1e6 / requests, 'f', 0),
                QStringLiteral("%1/%2").arg(path.chunks).arg(qint64(cpuClients) * requestRounds),
                QString::number(upstreamConnections.at(p))});
    }
    printTable({QStringLiteral("API"), QStringLiteral("path"), QStringLiteral("CPU µs per request"),
                   QStringLiteral("serving thread µs per request"), QStringLiteral("requests answered"),
                   QStringLiteral("upstream connections opened")},
        rows);

    std::printf("\n## %d concurrent open streams through Ponder\n\n", openStreams);
    const qint64 pid = openAiPonder.process().processId();
    const qint64 idleRss = rssKiB(pid);
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<StreamClient>> held;
    for (int i = 0; i < openStreams; ++i) {
        held.push_back(std::make_unique<StreamClient>(
            openAiPort, chatCompletions.path, body(chatCompletions, QStringLiteral("held")), clock));
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
    openAiPonder.stop(SIGTERM);
    ollamaPonder.stop(SIGTERM);
    if (baseline) {
        baseline->openAi.stop(SIGTERM);
        baseline->ollama.stop(SIGTERM);
    }
    return 0;
}
