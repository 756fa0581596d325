// SPDX-License-Identifier: MIT
#include "api/agui/AguiRoutes.h"

#include "api/JsonBody.h"
#include "api/agui/AgentLaunch.h"
#include "api/agui/AgentRun.h"
#include "api/streaming/SseWatcher.h"
#include "http/ApiError.h"
#include "http/HttpResponder.h"
#include "http/Router.h"
#include "hub/StreamingHub.h"
#include "protocols/agui/AguiEncoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace {

// A session's events as AG-UI events, one SSE frame each (no ids: a watcher that comes back reads the
// history again, which the AG-UI view needs from its start).
class AguiFrames : public SseFrames
{
public:
    explicit AguiFrames(const QString &sessionId)
        : m_encoder(sessionId)
    { }
    QByteArrayList frame(const StoredEvent &event) override
    {
        QByteArrayList frames;
        for (const QJsonObject &out : m_encoder.encode(event))
            frames << "data: " + QJsonDocument(out).toJson(QJsonDocument::Compact) + "\n\n";
        return frames;
    }
    QByteArray missed(EventKind kind, qint64 count) override
    {
        const QJsonObject custom {{QStringLiteral("type"), QStringLiteral("CUSTOM")},
            {QStringLiteral("name"), QStringLiteral("ponder.events_missed")},
            {QStringLiteral("value"),
                QJsonObject {
                    {QStringLiteral("stream"), streamName(kind)}, {QStringLiteral("missed_events"), count}}}};
        return "data: " + QJsonDocument(custom).toJson(QJsonDocument::Compact) + "\n\n";
    }

private:
    AguiEncoder m_encoder;
};

// Streams the run's events to the caller as they come; the caller leaving stops the agent.
void relay(AgentRun *run, HttpResponder &out, qint64 maxBacklogBytes)
{
    QPointer<HttpResponder> responder(&out);
    out.addHeader("Cache-Control", "no-cache");
    out.addHeader("X-Accel-Buffering", "no");
    out.beginStream(200, "text/event-stream");
    QObject::connect(
        run, &AgentRun::rawEvent, &out, [responder, run, maxBacklogBytes](const QByteArray &bytes) {
            if (!responder)
                return;
            if (responder->pendingBytes() > maxBacklogBytes) {
                run->abort(QStringLiteral("the caller fell too far behind reading the run"));
                return responder->abortConnection();
            }
            responder->writeChunk(bytes);
        });
    QObject::connect(run, &AgentRun::finished, &out, [responder] {
        if (responder)
            responder->endStream();
    });
    QObject::connect(&out, &HttpResponder::clientDisconnected, run,
        [run] { run->abort(QStringLiteral("the caller went away")); });
}

} // namespace

const AgentConfig *AguiRoutes::agentNamed(const QString &name) const
{
    for (const AgentConfig &agent : m_agents) {
        if (agent.name == name)
            return &agent;
    }
    return nullptr;
}

void AguiRoutes::registerOn(Router &router)
{
    router.add(
        "GET", QStringLiteral("/agui"), [this](const HttpRequest &, const RouteParams &, HttpResponder &out) {
            QJsonArray agents;
            for (const AgentConfig &agent : m_agents)
                agents.append(QJsonObject {{QStringLiteral("name"), agent.name},
                    {QStringLiteral("url"), agent.url.toString()},
                    {QStringLiteral("path"), QStringLiteral("/agui/") + agent.name}});
            out.sendJson(200, {{QStringLiteral("agents"), agents}});
        });

    router.add(
        "POST", QStringLiteral("/agui/{name}"),
        [this](const HttpRequest &request, const RouteParams &params, HttpResponder &out) {
            const QString name = params.value(QStringLiteral("name"));
            const AgentConfig *agent = agentNamed(name);
            if (!agent) {
                QStringList names;
                for (const AgentConfig &known : m_agents)
                    names << known.name;
                return sendApiError(out,
                    {404,
                        QStringLiteral("no AG-UI agent named '%1'; registered: %2")
                            .arg(clippedForMessage(name),
                                names.isEmpty() ? QStringLiteral("none (ponder serve --agent NAME=URL)")
                                                : names.join(QStringLiteral(", ")))});
            }
            const auto input = readJsonBody(request, m_maxBodyBytes, out);
            if (!input)
                return;
            const QJsonValue threadId = input->value(QLatin1StringView("threadId"));
            const QJsonValue runId = input->value(QLatin1StringView("runId"));
            if (!threadId.isString() || !Session::isValidId(threadId.toString()))
                return sendApiError(out,
                    {400,
                        QStringLiteral(
                            "'threadId' must be a string of 1 to 128 of A-Z a-z 0-9 . _ : - (it names "
                            "the session the run is recorded into)"),
                        QStringLiteral("threadId")});
            if (!runId.isString() || runId.toString().isEmpty())
                return sendApiError(out,
                    {400, QStringLiteral("'runId' must be a non-empty string"), QStringLiteral("runId")});
            const QJsonValue messages = input->value(QLatin1StringView("messages"));
            if (!messages.isUndefined() && !messages.isArray())
                return sendApiError(
                    out, {400, QStringLiteral("'messages' must be an array"), QStringLiteral("messages")});

            QPointer<HttpResponder> responder(&out);
            const QByteArray body = request.body;
            out.addHeader("X-Session-Id", threadId.toString().toUtf8());
            AgentLaunch::launch(
                m_hub, *agent, *input, {}, &out,
                [this, responder, body](AgentRun *run) {
                    relay(run, *responder, m_hub.limits().maxWatcherBacklogBytes);
                    run->start(body);
                },
                [responder](const StoreStatus &status) { sendStoreFailure(*responder, status); });
        },
        m_maxBodyBytes);

    router.add("GET", QStringLiteral("/api/streaming/sessions/{id}/agui"),
        [this](const HttpRequest &, const RouteParams &params, HttpResponder &out) {
            const QString id = params.value(QStringLiteral("id"));
            if (!Session::isValidId(id))
                return sendApiError(
                    out, {400, QStringLiteral("invalid session id"), QStringLiteral("session_id")});
            SseWatcher::start(m_hub, id, {EventKind::Thinking, EventKind::Progress}, StreamId {}, out,
                std::make_unique<AguiFrames>(id));
        });
}
