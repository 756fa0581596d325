// SPDX-License-Identifier: MIT
// GET /health and /api/streaming/health: whether this Ponder is up and what state its parts are in;
// GET /api/streaming/test: a real round trip through the event store.
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>

class Router;
class StreamingHub;
class UpstreamRegistry;

class HealthRoutes
{
public:
    // upstreams may be null (tests of the hub alone); otherwise /health reports each one's reachability.
    HealthRoutes(StreamingHub &hub, UpstreamRegistry *upstreams);
    void registerOn(Router &router);

private:
    QJsonObject report() const;

    StreamingHub &m_hub;
    UpstreamRegistry *m_upstreams;
    QElapsedTimer m_uptime;
};
