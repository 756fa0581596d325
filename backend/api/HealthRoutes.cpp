// SPDX-License-Identifier: MIT
#include "api/HealthRoutes.h"

#include "api/JsonBody.h"
#include "core/Version.h"
#include "http/HttpResponder.h"
#include "http/Router.h"
#include "hub/StreamingHub.h"
#include "upstream/UpstreamRegistry.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QPointer>

HealthRoutes::HealthRoutes(StreamingHub &hub, UpstreamRegistry *upstreams)
    : m_hub(hub)
    , m_upstreams(upstreams)
{
    m_uptime.start();
}

QJsonObject HealthRoutes::report() const
{
    const bool storeHealthy = m_hub.store().isHealthy();
    QJsonObject health {
        {QStringLiteral("status"), storeHealthy ? QStringLiteral("healthy") : QStringLiteral("degraded")},
        {QStringLiteral("service"), QStringLiteral("ponder")},
        {QStringLiteral("version"), QStringLiteral(PONDER_VERSION_STRING)},
        {QStringLiteral("uptime_seconds"), double(m_uptime.elapsed()) / 1000.0},
        {QStringLiteral("store"), m_hub.store().name()},
        {QStringLiteral("watchers"), m_hub.watcherCount()},
        // Bytes written to WebSocket and SSE watchers that they have not read yet, and how many watchers
        // were dropped because all of them together were over --max-queued-watcher-bytes.
        {QStringLiteral("queued_watcher_bytes"), m_hub.backlogBudget().queuedBytes()},
        {QStringLiteral("dropped_watchers"), m_hub.backlogBudget().droppedWatchers()},
    };
    const QJsonObject details = m_hub.store().healthDetails();
    for (auto it = details.begin(); it != details.end(); ++it)
        health.insert(it.key(), it.value());
    if (!health.contains(QLatin1String("redis_connection")))
        health.insert(QStringLiteral("redis_connection"), QStringLiteral("not_configured"));
    return health;
}

void HealthRoutes::registerOn(Router &router)
{
    auto health = [this](const HttpRequest &, const RouteParams &, HttpResponder &out) {
        if (!m_upstreams)
            return out.sendJson(200, report());
        QPointer<HttpResponder> responder(&out);
        m_upstreams->reachability([this, responder](const QJsonArray &upstreams) {
            if (!responder)
                return;
            QJsonObject body = report();
            body.insert(QStringLiteral("upstreams"), upstreams);
            responder->sendJson(200, body);
        });
    };
    router.add("GET", QStringLiteral("/health"), health);
    router.add("GET", QStringLiteral("/api/streaming/health"), health);

    router.add("GET", QStringLiteral("/api/streaming/test"),
        [this](const HttpRequest &, const RouteParams &, HttpResponder &out) {
            // Create a session, publish a step, read it back, end the session: every store operation, for
            // real.
            auto timer = std::make_shared<QElapsedTimer>();
            timer->start();
            Session session;
            session.id = QStringLiteral("ponder-selftest-") + Session::generateId();
            session.userRequest = QStringLiteral("self test");
            session.createdAt = session.lastActivity = QDateTime::currentDateTimeUtc();
            QPointer<HttpResponder> responder(&out);
            StreamingHub *hub = &m_hub;
            auto fail = [responder](const QString &step, const StoreStatus &status) {
                if (responder)
                    responder->sendJson(503,
                        {{QStringLiteral("success"), false}, {QStringLiteral("failed_step"), step},
                            {QStringLiteral("error"), status.message}});
            };
            hub->store().createSession(session, [=](StoreStatus created) {
                if (!created.ok())
                    return fail(QStringLiteral("create_session"), created);
                const QJsonObject step {{QStringLiteral("thinking_type"), QStringLiteral("initialization")},
                    {QStringLiteral("content"), QStringLiteral("self test")}};
                hub->publish(session.id, EventKind::Thinking, step,
                    [=](StoreStatus published, const StoredEvent &written) {
                        if (!published.ok())
                            return fail(QStringLiteral("publish"), published);
                        hub->store().read(session.id, EventKind::Thinking, {}, 10,
                            [=](StoreStatus readBack, const QList<StoredEvent> &events) {
                                if (!readBack.ok())
                                    return fail(QStringLiteral("read"), readBack);
                                const bool roundTrip = events.size() == 1 && events.first().id == written.id;
                                hub->endSession(session.id, [=](StoreStatus ended) {
                                    if (!ended.ok())
                                        return fail(QStringLiteral("end_session"), ended);
                                    if (!responder)
                                        return;
                                    responder->sendJson(roundTrip ? 200 : 503,
                                        {{QStringLiteral("success"), roundTrip},
                                            {QStringLiteral("store"), hub->store().name()},
                                            {QStringLiteral("session_id"), session.id},
                                            {QStringLiteral("event_id"), written.id.toString()},
                                            {QStringLiteral("round_trip_ms"),
                                                double(timer->nsecsElapsed()) / 1e6}});
                                });
                            });
                    });
            });
        });
}
