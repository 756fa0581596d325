// SPDX-License-Identifier: MIT
// OTLP ingestion through to watchers, beside REST publishing, in one run: spans/s a built `ponder serve`
// takes over POST /v1/traces as protobuf and as JSON (batches of 512, as exporters send them) until
// every span has reached a WebSocket watcher as a step, and the same number of steps published to
// /api/streaming/thinking in batches of 512. With each: Ponder's CPU time per span, and its RSS after the
// phase, which the store's history length bounds however many spans came.
//
// usage: trace_bench [--quick]
#include "BenchSupport.h"
#include "HttpPublisher.h"
#include "HttpTestClient.h"
#include "PonderProcess.h"
#include "otlp_trace_service.pb.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

constexpr int SpansPerBatch = 512;
constexpr int Sessions = 4;
constexpr int Publishers = 4;
constexpr qint64 InFlightSpans = 16 * SpansPerBatch;

bool spinUntil(const std::function<bool()> &done, int deadlineMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > deadlineMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

QByteArray idOf(quint64 high, quint64 low, int bytes)
{
    QByteArray id;
    for (int i = 0; i < bytes; ++i)
        id.append(char(((i < 8 ? high : low) >> (8 * (i % 8))) & 0xff));
    return id;
}

QString sessionName(int session)
{
    return QStringLiteral("bench-%1").arg(session);
}

// One batch: a trace of 512 spans whose root is not in it (so the session is never finished), with the
// attributes a GenAI instrumentation sets: model calls with usage and tool calls with their arguments.
ponder::otlp::ExportTraceServiceRequest protobufBatch(int batch)
{
    ponder::otlp::ExportTraceServiceRequest request;
    auto *resource = request.add_resource_spans();
    auto *session = resource->mutable_resource()->add_attributes();
    session->set_key("session.id");
    session->mutable_value()->set_string_value(sessionName(batch % Sessions).toStdString());
    auto *service = resource->mutable_resource()->add_attributes();
    service->set_key("service.name");
    service->mutable_value()->set_string_value("bench-agent");
    auto *scope = resource->add_scope_spans();
    scope->mutable_scope()->set_name("trace_bench");
    const std::string traceId = idOf(quint64(batch) + 1, 0xabcdef, 16).toStdString();
    const std::string rootId = idOf(0x1234, 0, 8).toStdString();
    const quint64 start = 1'700'000'000'000'000'000ULL;
    for (int i = 0; i < SpansPerBatch; ++i) {
        auto *span = scope->add_spans();
        span->set_trace_id(traceId);
        span->set_span_id(idOf(quint64(batch) << 20 | quint64(i + 1), 0, 8).toStdString());
        span->set_parent_span_id(rootId);
        span->set_start_time_unix_nano(start + quint64(i) * 1'000'000ULL);
        span->set_end_time_unix_nano(start + quint64(i + 1) * 1'000'000ULL);
        const auto add = [span](const char *key, const std::string &value) {
            auto *pair = span->add_attributes();
            pair->set_key(key);
            pair->mutable_value()->set_string_value(value);
        };
        if (i % 2 == 0) {
            span->set_name("chat qwen3");
            add("gen_ai.operation.name", "chat");
            add("gen_ai.request.model", "qwen3");
            auto *tokens = span->add_attributes();
            tokens->set_key("gen_ai.usage.output_tokens");
            tokens->mutable_value()->set_int_value(20 + i);
        } else {
            span->set_name("execute_tool get_weather");
            add("gen_ai.operation.name", "execute_tool");
            add("gen_ai.tool.name", "get_weather");
            add("gen_ai.tool.call.arguments", "{\"city\":\"Paris\"}");
            add("gen_ai.tool.call.result", "18 C, sunny");
        }
    }
    return request;
}

QByteArray hex(const std::string &bytes)
{
    return QByteArray(bytes.data(), qsizetype(bytes.size())).toHex();
}

// The same batch in the OTLP JSON mapping.
QByteArray jsonBatch(const ponder::otlp::ExportTraceServiceRequest &request)
{
    const auto &resource = request.resource_spans(0);
    QByteArray json
        = R"({"resourceSpans":[{"resource":{"attributes":[{"key":"session.id","value":{"stringValue":")"
        + QByteArray::fromStdString(resource.resource().attributes(0).value().string_value())
        + R"("}},{"key":"service.name","value":{"stringValue":"bench-agent"}}]},"scopeSpans":[{"scope":{"name":"trace_bench"},"spans":[)";
    bool first = true;
    for (const auto &span : resource.scope_spans(0).spans()) {
        json += first ? "" : ",";
        first = false;
        json += R"({"traceId":")" + hex(span.trace_id()) + R"(","spanId":")" + hex(span.span_id())
            + R"(","parentSpanId":")" + hex(span.parent_span_id()) + R"(","name":")"
            + QByteArray::fromStdString(span.name()) + R"(","kind":1,"startTimeUnixNano":")"
            + QByteArray::number(span.start_time_unix_nano()) + R"(","endTimeUnixNano":")"
            + QByteArray::number(span.end_time_unix_nano()) + R"(","attributes":[)";
        bool firstAttribute = true;
        for (const auto &attribute : span.attributes()) {
            json += firstAttribute ? "" : ",";
            firstAttribute = false;
            QByteArray value = attribute.value().has_int_value()
                ? R"({"intValue":")" + QByteArray::number(qint64(attribute.value().int_value())) + "\"}"
                : R"({"stringValue":)"
                    + QJsonDocument(QJsonObject {{QStringLiteral("v"),
                                        QString::fromStdString(attribute.value().string_value())}})
                          .toJson(QJsonDocument::Compact)
                          .mid(5)
                          .chopped(1)
                    + "}";
            json
                += R"({"key":")" + QByteArray::fromStdString(attribute.key()) + R"(","value":)" + value + "}";
        }
        json += "]}";
    }
    return json + "]}]}]}";
}

// The same steps as REST would publish them, one array of 512 per request.
QByteArray restBatch(int batch)
{
    QByteArray json = "[";
    for (int i = 0; i < SpansPerBatch; ++i) {
        json += i ? "," : "";
        json += R"({"session_id":")" + sessionName(batch % Sessions).toUtf8()
            + R"(","thinking_type":"reasoning","content":"chat qwen3","step_id":")"
            + QByteArray::number(qint64(batch) << 20 | i) + R"(","parent_id":"root","kind":")"
            + (i % 2 ? "tool" : "llm")
            + R"(","name":"get_weather","status":"ok","input":"{\"city\":\"Paris\"}",)"
            + R"("output":"18 C, sunny","attributes":{"gen_ai.request.model":"qwen3"}})";
    }
    return json + "]";
}

// One WebSocket watcher per session, on a thread of their own: on the publishers' thread they fell behind
// at tens of thousands of steps a second, and Ponder dropped them (as it must a client that does not read),
// so the bench measured itself.
class Watchers : public QThread
{
public:
    explicit Watchers(QString base)
        : m_base(std::move(base))
    { }
    ~Watchers() override
    {
        quit();
        wait();
    }

    std::atomic<qint64> steps {0};
    std::atomic<int> established {0};
    std::atomic<int> closed {0}; // a watcher Ponder dropped (it fell too far behind) stops the phase

    // A "sentinel-<phase>-<session>" step has arrived.
    bool sawSentinel(const QString &name) const
    {
        const QMutexLocker lock(&m_mutex);
        return m_sentinels.contains(name);
    }

protected:
    void run() override
    {
        std::vector<std::unique_ptr<QWebSocket>> sockets;
        for (int s = 0; s < Sessions; ++s) {
            auto socket = std::make_unique<QWebSocket>();
            QObject::connect(socket.get(), &QWebSocket::textMessageReceived, socket.get(),
                [this](const QString &message) { onMessage(message); });
            QObject::connect(socket.get(), &QWebSocket::disconnected, socket.get(), [this] { ++closed; });
            QUrl url(m_base + QStringLiteral("/ws/thinking/") + sessionName(s));
            url.setScheme(QStringLiteral("ws"));
            socket->open(url);
            sockets.push_back(std::move(socket));
        }
        exec();
    }

private:
    void onMessage(const QString &message)
    {
        if (message.startsWith(QLatin1String("{\"type\":\"thinking_step\""))) {
            const qsizetype at = message.indexOf(QLatin1String("sentinel-"));
            if (at < 0)
                ++steps;
            else {
                const QMutexLocker lock(&m_mutex);
                m_sentinels.insert(message.mid(at, message.indexOf(QLatin1Char('"'), at) - at));
            }
        } else if (message.contains(QLatin1String("\"type\":\"connection_established\""))) {
            ++established;
        }
    }

    const QString m_base;
    mutable QMutex m_mutex;
    QSet<QString> m_sentinels;
};

// A step published after a phase's last batch, to each session: a watcher that has it has every step
// before it (a session's events reach a watcher in order), whatever was lost or is still on its way.
QByteArray sentinel(const QString &phase, int session)
{
    return QJsonDocument(
        QJsonObject {{QStringLiteral("session_id"), sessionName(session)},
            {QStringLiteral("thinking_type"), QStringLiteral("reasoning")},
            {QStringLiteral("content"), QStringLiteral("sentinel-%1-%2").arg(phase).arg(session)}})
        .toJson(QJsonDocument::Compact);
}

struct Figures
{
    double spansPerSecond = 0;
    double requestsPerSecond = 0;
    double ponderMicrosPerSpan = 0;
    qint64 rssKiBAfter = 0;
    qint64 failures = 0;
    qint64 delivered = 0;
    qint64 expected = 0;
    bool complete = false;
};

Figures measure(PonderProcess &ponder, Watchers &watchers, const QList<QByteArray> &bodies,
    const QByteArray &path, const QByteArray &contentType, const QString &phase)
{
    const quint16 port = quint16(ponder.baseUrl().port());
    std::vector<std::unique_ptr<HttpPublisher>> publishers;
    for (int i = 0; i < Publishers; ++i)
        publishers.push_back(std::make_unique<HttpPublisher>(port));
    spinUntil(
        [&] {
            return std::all_of(
                publishers.cbegin(), publishers.cend(), [](const auto &p) { return p->isIdle(); });
        },
        30'000);
    const qint64 pid = ponder.process().processId();
    const qint64 stepsBefore = watchers.steps;
    const qint64 expected = qint64(bodies.size()) * SpansPerBatch;
    const double cpuBefore = cpuSeconds(pid);
    qsizetype next = 0;
    // At most InFlightSpans published and not yet at their watchers: the rate is what Ponder takes and
    // delivers together, and no watcher falls so far behind that Ponder drops it.
    const auto feed = [&] {
        for (auto &publisher : publishers) {
            qint64 failed = 0; // a refused batch never reaches a watcher
            for (const auto &each : publishers)
                failed += each->failures();
            const qint64 behind = qint64(next - failed) * SpansPerBatch - (watchers.steps - stepsBefore);
            if (next < bodies.size() && publisher->isIdle() && behind < InFlightSpans)
                publisher->post(path, bodies.at(next++), contentType);
        }
    };
    for (auto &publisher : publishers)
        QObject::connect(publisher.get(), &HttpPublisher::answeredOne, publisher.get(), feed);
    QTimer pump; // the watchers catching up lets more go: asked again every millisecond
    QObject::connect(&pump, &QTimer::timeout, feed);
    pump.start(1);
    QElapsedTimer clock;
    clock.start();
    feed();
    Figures figures;
    const auto answeredAll = [&] {
        qint64 done = 0;
        for (const auto &publisher : publishers)
            done += publisher->answered() + publisher->failures();
        return done >= bodies.size();
    };
    spinUntil([&] { return answeredAll() || watchers.closed > 0; }, 300'000);
    HttpTestClient client;
    for (int s = 0; s < Sessions; ++s)
        client.send("POST", QUrl(ponder.baseUrl().toString() + QStringLiteral("/api/streaming/thinking")),
            sentinel(phase, s));
    const auto allSentinels = [&] {
        for (int s = 0; s < Sessions; ++s) {
            if (!watchers.sawSentinel(QStringLiteral("sentinel-%1-%2").arg(phase).arg(s)))
                return false;
        }
        return true;
    };
    spinUntil([&] { return allSentinels() || watchers.closed > 0; }, 120'000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    figures.delivered = watchers.steps - stepsBefore;
    figures.expected = expected;
    figures.spansPerSecond = double(figures.delivered) / seconds;
    qint64 answered = 0;
    for (const auto &publisher : publishers) {
        answered += publisher->answered();
        figures.failures += publisher->failures();
    }
    figures.complete = allSentinels() && figures.delivered == expected && figures.failures == 0;
    figures.requestsPerSecond = double(answered) / seconds;
    figures.ponderMicrosPerSpan = (cpuSeconds(pid) - cpuBefore) * 1e6 / double(expected);
    figures.rssKiBAfter = rssKiB(pid);
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int batches = quick ? 40 : 400;

    QTemporaryDir dataDir;
    PonderProcess ponder;
    if (!ponder.startServe({QStringLiteral("--stateless")}, dataDir.path())) {
        std::fprintf(stderr, "trace_bench: ponder did not start:\n%s\n", qPrintable(ponder.output()));
        return 1;
    }
    const QString base = ponder.baseUrl().toString();
    HttpTestClient client;
    for (int s = 0; s < Sessions; ++s)
        client.send("POST", QUrl(base + QStringLiteral("/api/streaming/sessions")),
            QJsonDocument(QJsonObject {{QStringLiteral("session_id"), sessionName(s)}}).toJson());
    Watchers watchers(base);
    watchers.start();
    spinUntil([&] { return watchers.established == Sessions; }, 30'000);
    const qint64 idleRss = rssKiB(ponder.process().processId());

    QList<QByteArray> protobuf, json, rest;
    for (int b = 0; b < batches; ++b) {
        const auto request = protobufBatch(b);
        const std::string bytes = request.SerializeAsString();
        protobuf << QByteArray(bytes.data(), qsizetype(bytes.size()));
        json << jsonBatch(request);
        rest << restBatch(b);
    }
    StealMeter steal;
    const Figures viaProtobuf = measure(
        ponder, watchers, protobuf, "/v1/traces", "application/x-protobuf", QStringLiteral("protobuf"));
    const Figures viaJson
        = measure(ponder, watchers, json, "/v1/traces", "application/json", QStringLiteral("json"));
    const Figures viaRest = measure(
        ponder, watchers, rest, "/api/streaming/thinking", "application/json", QStringLiteral("rest"));

    std::printf("## OTLP ingestion beside REST publishing (`trace_bench%s`)\n\n", quick ? " --quick" : "");
    std::printf(
        "%d batches of %d spans per way (%lld spans), %d publishers on keep-alive connections, %d sessions "
        "each watched by one WebSocket client (on a thread of its own); a span counts once its step reached "
        "its watcher, which a sentinel step after the last batch marks; at most 16 batches are on their way "
        "at "
        "once. "
        "Ponder's RSS idle: %.1f MiB; steal during the run: %.1f%%.\n\n",
        batches, SpansPerBatch, static_cast<long long>(qint64(batches) * SpansPerBatch), Publishers, Sessions,
        double(idleRss) / 1024.0, steal.percentSinceStart());
    const auto row = [](const char *way, const Figures &figures) {
        return QStringList {QLatin1String(way), QString::number(qRound64(figures.spansPerSecond)),
            QString::number(figures.requestsPerSecond, 'f', 1),
            QString::number(figures.ponderMicrosPerSpan, 'f', 1),
            QString::number(double(figures.rssKiBAfter) / 1024.0, 'f', 1),
            figures.complete ? QStringLiteral("yes")
                             : QStringLiteral("NO: %1 of %2 steps, %3 requests failed")
                                   .arg(figures.delivered)
                                   .arg(figures.expected)
                                   .arg(figures.failures)};
    };
    printTable({QStringLiteral("way"), QStringLiteral("spans/s to watchers"), QStringLiteral("requests/s"),
                   QStringLiteral("Ponder CPU µs/span"), QStringLiteral("Ponder RSS after, MiB"),
                   QStringLiteral("all delivered")},
        {row("OTLP/HTTP protobuf", viaProtobuf), row("OTLP/HTTP JSON", viaJson),
            row("REST /api/streaming/thinking", viaRest)});
    if (watchers.closed > 0)
        std::printf("\n%d watcher(s) were dropped by Ponder for falling behind: the phase stopped there.\n",
            watchers.closed.load());
    ponder.stop(SIGTERM);
    return viaProtobuf.complete && viaJson.complete && viaRest.complete ? 0 : 1;
}
