// SPDX-License-Identifier: MIT
// The streaming hub under load, in memory mode and in Redis mode, in one run: events/s published over
// HTTP keep-alive, events/s delivered to 1, 10 and 100 WebSocket subscribers, publish-to-receive
// latency at a fixed 10k events/s (in 1 ms bursts and evenly spaced), the CPU each of Ponder, the bench and
// redis-server spends per event, RSS per idle session and per WebSocket client, and redis-benchmark's XADD
// rate on the same Redis as the ceiling.
//
// usage: hub_bench [--quick]      (build with the release preset; see docs/benchmarks.md)
#include "BenchSupport.h"
#include "HttpPublisher.h"
#include "PacedSender.h"
#include "PonderProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace {

using Publishers = std::vector<std::unique_ptr<HttpPublisher>>;

// Handles whatever events are ready, sleeping until at least one comes (or 50 ms pass). The overload of
// processEvents that takes a time limit drops WaitForMoreEvents and so spins: a bench spinning on one of
// two cores takes CPU from Ponder (and from redis-server) and inflates its own CPU per event.
void waitForEvents()
{
    static QTimer *wake = [] {
        auto *timer = new QTimer(QCoreApplication::instance());
        timer->start(50);
        return timer;
    }();
    Q_UNUSED(wake);
    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

// Runs the event loop until `done` holds, re-checking after each batch of events.
bool spinUntil(const std::function<bool()> &done, int deadlineMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > deadlineMs)
            return false;
        waitForEvents();
    }
    return true;
}

// Request bodies are written as text: building them as QJsonObjects cost the bench more CPU per event than
// Ponder spends on it, and the bench shares the machine's two cores with Ponder. Session ids and contents
// here are plain ASCII (letters, digits, '-', '='), so nothing needs escaping.
QByteArray thinking(const QString &session, const QString &content)
{
    return R"({"session_id":")" + session.toLatin1() + R"(","thinking_type":"analysis","content":")"
        + content.toLatin1() + "\"}";
}

QByteArray thinkingBatch(const QString &session, qint64 first, qint64 count)
{
    QByteArray body = "[";
    for (qint64 i = first; i < first + count; ++i) {
        if (i > first)
            body += ',';
        body += thinking(session, QString::number(i));
    }
    return body + ']';
}

constexpr qint64 BatchSize = 100;

QByteArray sessionBody(const QString &session)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("session_id"), session}})
        .toJson(QJsonDocument::Compact);
}

Publishers connectPublishers(quint16 port, int count)
{
    Publishers publishers;
    for (int i = 0; i < count; ++i)
        publishers.push_back(std::make_unique<HttpPublisher>(port));
    spinUntil(
        [&] {
            return std::all_of(publishers.begin(), publishers.end(), [](auto &p) { return p->isIdle(); });
        },
        10'000);
    return publishers;
}

// Sends `total` requests as fast as the connections allow; returns the seconds it took.
double sendAll(
    Publishers &publishers, qint64 total, const std::function<QPair<QByteArray, QByteArray>(qint64)> &request)
{
    QElapsedTimer timer;
    timer.start();
    qint64 sent = 0;
    qint64 answeredBefore = 0;
    for (auto &p : publishers)
        answeredBefore += p->answered();
    auto answered = [&] {
        qint64 count = -answeredBefore;
        for (auto &p : publishers)
            count += p->answered();
        return count;
    };
    while (answered() < total) {
        for (auto &p : publishers) {
            if (sent < total && p->isIdle()) {
                const auto [path, body] = request(sent++);
                p->post(path, body);
            }
        }
        waitForEvents();
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

void createSession(Publishers &publishers, const QString &id)
{
    sendAll(publishers, 1,
        [&](qint64) { return qMakePair(QByteArray("/api/streaming/sessions"), sessionBody(id)); });
}

// `base` is Ponder's http:// URL.
QUrl webSocketUrl(const QString &base, const QString &path)
{
    QUrl url(base + path);
    url.setScheme(QStringLiteral("ws"));
    return url;
}

bool startPonder(PonderProcess &ponder, const QStringList &arguments, const QTemporaryDir &dataDir)
{
    if (ponder.startServe(arguments, dataDir.path()))
        return true;
    std::fprintf(stderr, "hub_bench: ponder did not start:\n%s\n", qPrintable(ponder.output()));
    return false;
}

struct Subscribers
{
    std::vector<std::unique_ptr<QWebSocket>> sockets;
    std::vector<qint64> received;
    qint64 established = 0;
    std::function<void(const QString &)> onEvent;
};

void subscribe(Subscribers &subscribers, const QUrl &url, int count)
{
    const size_t first = subscribers.sockets.size();
    for (int i = 0; i < count; ++i) {
        auto socket = std::make_unique<QWebSocket>();
        const size_t index = first + size_t(i);
        subscribers.received.push_back(0);
        QObject::connect(socket.get(), &QWebSocket::textMessageReceived, socket.get(),
            [&subscribers, index](const QString &message) {
                // Ponder writes events with their type first; scanning whole messages for it cost the
                // bench as much CPU as Ponder's delivery, so the full scan is only the fallback.
                const bool event = message.startsWith(QLatin1String("{\"type\":\"thinking_step\""))
                    || (!message.startsWith(QLatin1String("{\"type\":"))
                        && message.contains(QLatin1String("\"type\":\"thinking_step\"")));
                if (!event) {
                    if (message.contains(QLatin1String("\"type\":\"connection_established\"")))
                        ++subscribers.established;
                    return;
                }
                ++subscribers.received[index];
                if (subscribers.onEvent)
                    subscribers.onEvent(message);
            });
        socket->open(url);
        subscribers.sockets.push_back(std::move(socket));
    }
    spinUntil([&] { return subscribers.established >= qint64(subscribers.sockets.size()); }, 60'000);
}

// CPU time Ponder, the bench and redis-server use over a stretch, per event: on 2 shared cores, what each
// costs says more about Ponder's capacity than the wall-clock rate, which the other two bound too.
struct CpuShare
{
    double ponder = 0; // µs per event
    double bench = 0;
    double redis = 0;
};

// The processes measured: Ponder and redis-server (idle in memory mode, so it shows as 0 there).
struct Processes
{
    qint64 ponder = 0;
    qint64 redis = 0;
};

class CpuPerEvent
{
public:
    explicit CpuPerEvent(Processes processes)
        : m_processes(processes)
        , m_start(sample())
    { }
    CpuShare per(qint64 events) const
    {
        const CpuShare now = sample();
        const double scale = 1e6 / double(std::max<qint64>(1, events));
        return {(now.ponder - m_start.ponder) * scale, (now.bench - m_start.bench) * scale,
            (now.redis - m_start.redis) * scale};
    }

private:
    CpuShare sample() const // seconds so far
    {
        return {cpuSeconds(m_processes.ponder), cpuSeconds(QCoreApplication::applicationPid()),
            cpuSeconds(m_processes.redis)};
    }

    Processes m_processes;
    CpuShare m_start;
};

struct Latency
{
    double p50 = 0;
    double p99 = 0;
    double achievedRate = 0;
    CpuShare cpu; // per event received
    QList<double> p99OfEachRun; // when this is the median of several runs
};

// How the latency runs publish their fixed 10k events/s.
enum class Pacing
{
    Bursts, // ten requests of one event every millisecond, from a thread of its own (PacedSender)
    BatchedBursts, // each millisecond's events in one request, sent by a 1 ms timer on the event loop
    Even, // one request every 100 µs, from a thread of its own (PacedSender)
};

// Each event is stamped as it is sent; the subscriber's clock is the same. `run` numbers the session, so
// that a run's subscriber gets no history from an earlier one.
Latency measureLatency(
    quint16 port, const QString &base, Processes processes, bool quick, Pacing pacing, int run)
{
    const bool batched = pacing == Pacing::BatchedBursts;
    const QString session = (pacing == Pacing::Bursts ? QStringLiteral("latency-")
                                    : batched         ? QStringLiteral("latency-batched-")
                                                      : QStringLiteral("latency-even-"))
        + QString::number(run);
    // Single-event requests go out on PacedSender's own connections; then this one only creates the session.
    // (Idle connections are not free: every pass of Ponder's event loop polls each of them.)
    Publishers paced = connectPublishers(port, batched ? 4 : 1);
    createSession(paced, session);
    Subscribers subscribers;
    QElapsedTimer clock;
    clock.start();
    QList<double> latencies;
    subscribers.onEvent = [&](const QString &message) {
        const qsizetype at = message.indexOf(QLatin1String("t="));
        if (at >= 0)
            latencies.append(double(clock.nsecsElapsed()
                                 - message.mid(at + 2, 20).split(QLatin1Char('"')).first().toLongLong())
                / 1e6);
    };
    subscribe(subscribers, webSocketUrl(base, QStringLiteral("/ws/thinking/") + session), 1);
    const double rate = 10'000;
    const qint64 total = quick ? 10'000 : 30'000;
    qint64 sent = 0;
    const CpuPerEvent cpu(processes);
    const qint64 start = clock.nsecsElapsed();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 due = std::min(total, qint64(rate * double(clock.nsecsElapsed() - start) / 1e9));
        for (auto &p : paced) {
            if (sent >= due)
                break;
            if (!p->isIdle())
                continue;
            const QByteArray stamp = "t=" + QByteArray::number(clock.nsecsElapsed());
            QByteArray body = "[";
            for (; sent < due; ++sent) {
                if (body.size() > 1)
                    body += ',';
                body += thinking(session, QString::fromLatin1(stamp));
            }
            p->post("/api/streaming/thinking", body + ']');
        }
    });
    PacedSender sender;
    std::thread senderThread;
    if (batched) {
        tick.start();
    } else if (sender.connect(port, 32)) {
        senderThread = std::thread([&] {
            sender.run("/api/streaming/thinking", total, rate, pacing == Pacing::Even ? 1 : 10, [&] {
                return thinking(session, QStringLiteral("t=") + QString::number(clock.nsecsElapsed()));
            });
        });
    }
    spinUntil([&] { return latencies.size() >= total; }, 120'000);
    if (senderThread.joinable())
        senderThread.join();
    if (sender.failures() > 0)
        std::fprintf(stderr, "hub_bench: %lld single-event requests failed\n", sender.failures());
    return {percentile(latencies, 50), percentile(latencies, 99),
        double(latencies.size()) / (double(clock.nsecsElapsed() - start) / 1e9), cpu.per(latencies.size()),
        {}};
}

// A run's p99 moves by a millisecond and more from one run to the next on this shared machine (the host's
// load changes within seconds), so each pattern runs three times; the run with the median p99 is reported,
// with every run's p99 beside it.
Latency medianLatency(quint16 port, const QString &base, Processes processes, bool quick, Pacing pacing)
{
    const int runs = quick ? 1 : 3;
    QList<Latency> measured;
    for (int run = 0; run < runs; ++run)
        measured.append(measureLatency(port, base, processes, quick, pacing, run));
    QList<double> p99s;
    for (const Latency &latency : std::as_const(measured))
        p99s.append(latency.p99);
    std::sort(
        measured.begin(), measured.end(), [](const Latency &a, const Latency &b) { return a.p99 < b.p99; });
    Latency median = measured.at(measured.size() / 2);
    median.p99OfEachRun = p99s;
    return median;
}

struct ModeFigures
{
    double publishRate = 0;
    double batchPublishRate = 0;
    QList<QPair<int, double>> fanOut; // subscribers, delivered events/s
    CpuShare publishCpu; // per event published one per request
    CpuShare batchCpu; // per event published in batches
    QList<CpuShare> fanOutCpu; // per delivered event, for each fan-out
    Latency latency; // one event per request, sent in 1 ms bursts
    Latency batchedLatency; // each millisecond's events in one request
    Latency evenLatency; // one event per request, one request every 100 µs
    std::optional<Latency> otherProcessLatency; // bursts, watched on a second Ponder (Redis mode)
    double kibPerSession = 0;
    double kibPerClient = 0;
    qint64 lost = 0;
    double stealPercent = 0;
};

ModeFigures measure(PonderProcess &ponder, qint64 redisPid, bool quick)
{
    ModeFigures figures;
    const StealMeter steal;
    const quint16 port = quint16(ponder.baseUrl().port());
    const QString base = ponder.baseUrl().toString();
    Publishers publishers = connectPublishers(port, 4);

    // 1. Publish rate over keep-alive connections.
    createSession(publishers, QStringLiteral("publish"));
    const qint64 publishCount = quick ? 5'000 : 30'000;
    const Processes processes {ponder.process().processId(), redisPid};
    const CpuPerEvent publishCpu(processes);
    const double seconds = sendAll(publishers, publishCount, [](qint64 i) {
        return qMakePair(
            QByteArray("/api/streaming/thinking"), thinking(QStringLiteral("publish"), QString::number(i)));
    });
    figures.publishRate = double(publishCount) / seconds;
    figures.publishCpu = publishCpu.per(publishCount);
    const qint64 batches = publishCount / BatchSize;
    const CpuPerEvent batchCpu(processes);
    const double batchSeconds = sendAll(publishers, batches, [](qint64 i) {
        return qMakePair(QByteArray("/api/streaming/thinking"),
            thinkingBatch(QStringLiteral("publish"), i * BatchSize, BatchSize));
    });
    figures.batchPublishRate = double(batches * BatchSize) / batchSeconds;
    figures.batchCpu = batchCpu.per(batches * BatchSize);

    // 2. Fan-out to 1, 10 and 100 subscribers.
    for (const int count : {1, 10, 100}) {
        const QString session = QStringLiteral("fan-%1").arg(count);
        createSession(publishers, session);
        Subscribers subscribers;
        subscribe(subscribers, webSocketUrl(base, QStringLiteral("/ws/thinking/") + session), count);
        // Published in batches, so the publishing side is not what is measured.
        const qint64 events = quick ? 2'000 : (count == 100 ? 5'000 : 20'000);
        const CpuPerEvent fanOutCpu(processes);
        QElapsedTimer timer;
        timer.start();
        sendAll(publishers, events / BatchSize, [&](qint64 i) {
            return qMakePair(
                QByteArray("/api/streaming/thinking"), thinkingBatch(session, i * BatchSize, BatchSize));
        });
        spinUntil(
            [&] {
                return std::all_of(subscribers.received.begin(), subscribers.received.end(),
                    [&](qint64 received) { return received >= events; });
            },
            120'000);
        const double took = double(timer.nsecsElapsed()) / 1e9;
        qint64 delivered = 0;
        for (qint64 received : subscribers.received)
            delivered += received;
        figures.lost += events * count - delivered;
        figures.fanOut.append({count, double(delivered) / took});
        figures.fanOutCpu.append(fanOutCpu.per(delivered));
    }

    // 3. Publish-to-receive latency at a fixed 10k events/s: each event in its own request (sent in 1 ms
    // bursts), each millisecond's events in one request (as an agent that sends what it has would), and
    // each event in its own request, evenly spaced.
    figures.latency = medianLatency(port, base, processes, quick, Pacing::Bursts);
    figures.batchedLatency = medianLatency(port, base, processes, quick, Pacing::BatchedBursts);
    figures.evenLatency = medianLatency(port, base, processes, quick, Pacing::Even);

    figures.stealPercent = steal.percentSinceStart();
    return figures;
}

// RSS per idle session and per WebSocket client, in a Ponder of its own: after the load above, new sessions
// and clients reuse memory the earlier steps freed, and RSS hardly moves (it read 0.0 KiB per client).
void measureMemory(const QStringList &arguments, bool quick, ModeFigures *figures)
{
    QTemporaryDir dataDir;
    PonderProcess ponder;
    if (!startPonder(ponder, arguments, dataDir))
        return;
    const qint64 pid = ponder.process().processId();
    Publishers publishers = connectPublishers(quint16(ponder.baseUrl().port()), 4);
    QTest::qWait(300);
    const qint64 before = rssKiB(pid);
    const qint64 sessions = quick ? 2'000 : 10'000;
    sendAll(publishers, sessions, [](qint64 i) {
        return qMakePair(
            QByteArray("/api/streaming/sessions"), sessionBody(QStringLiteral("idle-%1").arg(i)));
    });
    QTest::qWait(300);
    const qint64 withSessions = rssKiB(pid);
    figures->kibPerSession = double(withSessions - before) / double(sessions);
    createSession(publishers, QStringLiteral("crowd"));
    Subscribers crowd;
    const int clients = quick ? 200 : 1'000;
    subscribe(
        crowd, webSocketUrl(ponder.baseUrl().toString(), QStringLiteral("/ws/sessions/crowd")), clients);
    QTest::qWait(300);
    figures->kibPerClient = double(rssKiB(pid) - withSessions) / double(clients);
    ponder.stop(SIGTERM);
}

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString redisBenchmarkXadd(int port, bool quick)
{
    QProcess benchmark;
    benchmark.start(QStringLiteral("redis-benchmark"),
        {QStringLiteral("-p"), QString::number(port), QStringLiteral("-q"), QStringLiteral("-n"),
            QString::number(quick ? 50'000 : 200'000), QStringLiteral("XADD"),
            QStringLiteral("ponder-bench:xadd"), QStringLiteral("MAXLEN"), QStringLiteral("~"),
            QStringLiteral("1000"), QStringLiteral("*"), QStringLiteral("data"),
            QString(400, QLatin1Char('x'))});
    benchmark.waitForFinished(300'000);
    const QString output = QString::fromUtf8(benchmark.readAllStandardOutput());
    // "XADD ...: 81234.56 requests per second, p50=0.311 msec"
    const qsizetype end = output.lastIndexOf(QLatin1String(" requests per second"));
    const qsizetype start = output.lastIndexOf(QLatin1Char(' '), end - 1);
    return end > 0 ? output.mid(start + 1, end - start - 1) : QStringLiteral("?");
}

QString number(double value, int decimals = 0)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));

    QTemporaryDir redisDir;
    const int redisPort = freePort();
    QProcess redis;
    redis.start(QStringLiteral("redis-server"),
        {QStringLiteral("--port"), QString::number(redisPort), QStringLiteral("--bind"),
            QStringLiteral("127.0.0.1"), QStringLiteral("--dir"), redisDir.path(), QStringLiteral("--save"),
            QString(), QStringLiteral("--appendonly"), QStringLiteral("no")});
    if (!redis.waitForStarted(10'000)) {
        std::fprintf(stderr, "hub_bench: redis-server did not start\n");
        return 1;
    }
    QTest::qWait(300);

    QList<QPair<QString, ModeFigures>> results;
    for (const bool useRedis : {false, true}) {
        QTemporaryDir dataDir;
        PonderProcess ponder;
        QStringList arguments {QStringLiteral("--stateless")};
        if (useRedis)
            arguments << QStringLiteral("--redis") << QStringLiteral("redis://127.0.0.1:%1/0").arg(redisPort);
        if (!startPonder(ponder, arguments, dataDir))
            return 1;
        ModeFigures figures = measure(ponder, redis.processId(), quick);
        if (useRedis) {
            // Sessions shared through Redis: published to this Ponder, watched on another one.
            QTemporaryDir otherDataDir;
            PonderProcess other;
            if (!startPonder(other, arguments, otherDataDir))
                return 1;
            figures.otherProcessLatency
                = medianLatency(quint16(ponder.baseUrl().port()), other.baseUrl().toString(),
                    {ponder.process().processId(), redis.processId()}, quick, Pacing::Bursts);
            other.stop(SIGTERM);
        }
        ponder.stop(SIGTERM);
        measureMemory(arguments, quick, &figures);
        results.append({useRedis ? QStringLiteral("redis") : QStringLiteral("memory"), figures});
    }
    const QString xadd = redisBenchmarkXadd(redisPort, quick);
    redis.terminate();
    redis.waitForFinished(10'000);

#ifndef NDEBUG
    std::printf("hub_bench: DEBUG build: figures are not representative\n\n");
#endif
    QList<QStringList> rows;
    auto row = [&](const QString &what, const std::function<QString(const ModeFigures &)> &cell) {
        rows.append({what, cell(results.at(0).second), cell(results.at(1).second)});
    };
    row(QStringLiteral("published over HTTP keep-alive (4 connections), events/s"),
        [](const ModeFigures &f) { return number(f.publishRate); });
    row(QStringLiteral("published in batches of 100 (4 connections), events/s"),
        [](const ModeFigures &f) { return number(f.batchPublishRate); });
    for (int i = 0; i < 3; ++i) {
        row(QStringLiteral("delivered to %1 WebSocket subscriber(s), events/s")
                .arg(results.at(0).second.fanOut.at(i).first),
            [i](const ModeFigures &f) { return number(f.fanOut.at(i).second); });
    }
    auto cpu = [](const CpuShare &perEvent) {
        return QStringLiteral("%1 / %2 / %3")
            .arg(number(perEvent.ponder, 1), number(perEvent.bench, 1), number(perEvent.redis, 1));
    };
    row(QStringLiteral("CPU µs per event published one per request: ponder / bench / redis"),
        [&](const ModeFigures &f) { return cpu(f.publishCpu); });
    row(QStringLiteral("CPU µs per event published in batches: ponder / bench / redis"),
        [&](const ModeFigures &f) { return cpu(f.batchCpu); });
    for (int i = 0; i < 3; ++i) {
        row(QStringLiteral("CPU µs per event delivered to %1: ponder / bench / redis")
                .arg(results.at(0).second.fanOut.at(i).first),
            [&, i](const ModeFigures &f) { return cpu(f.fanOutCpu.at(i)); });
    }
    row(QStringLiteral("events lost in fan-out"),
        [](const ModeFigures &f) { return QString::number(f.lost); });
    auto latency = [](const Latency &l) {
        QStringList p99s;
        for (double p99 : l.p99OfEachRun)
            p99s << number(p99, 2);
        const QString cell = number(l.p50, 2) + QStringLiteral(" / ") + number(l.p99, 2);
        return p99s.size() > 1 ? cell + QStringLiteral(" (%1)").arg(p99s.join(QStringLiteral(", "))) : cell;
    };
    row(QStringLiteral("publish-to-receive latency p50 / p99 at 10k/s, one event per request, ms"),
        [&](const ModeFigures &f) { return latency(f.latency); });
    row(QStringLiteral("rate reached with one event per request, events/s"),
        [](const ModeFigures &f) { return number(f.latency.achievedRate); });
    row(QStringLiteral("CPU µs per event at 10k/s, one per request: ponder / bench / redis"),
        [&](const ModeFigures &f) { return cpu(f.latency.cpu); });
    row(QStringLiteral("publish-to-receive latency p50 / p99 at 10k/s, one request every 100 µs, ms"),
        [&](const ModeFigures &f) { return latency(f.evenLatency); });
    row(QStringLiteral("CPU µs per event at 10k/s, one request every 100 µs: ponder / bench / redis"),
        [&](const ModeFigures &f) { return cpu(f.evenLatency.cpu); });
    row(QStringLiteral("publish-to-receive latency p50 / p99 at 10k/s, each ms in one request, ms"),
        [&](const ModeFigures &f) { return latency(f.batchedLatency); });
    row(QStringLiteral("publish-to-receive latency p50 / p99 at 10k/s, one event per request, watched on a "
                       "second Ponder, ms"),
        [&](const ModeFigures &f) {
            return f.otherProcessLatency ? latency(*f.otherProcessLatency) : QStringLiteral("-");
        });
    row(QStringLiteral("RSS per idle session, KiB"),
        [](const ModeFigures &f) { return number(f.kibPerSession, 2); });
    row(QStringLiteral("RSS per WebSocket client, KiB"),
        [](const ModeFigures &f) { return number(f.kibPerClient, 1); });
    row(QStringLiteral("CPU time taken by the hypervisor (steal) during the run, %"),
        [](const ModeFigures &f) { return number(f.stealPercent, 1); });
    rows.append({QStringLiteral("redis-benchmark XADD on the same Redis (50 clients), requests/s"),
        QStringLiteral("-"), xadd});
    printTable({QStringLiteral("measure"), QStringLiteral("memory"), QStringLiteral("redis")}, rows);
    return 0;
}
