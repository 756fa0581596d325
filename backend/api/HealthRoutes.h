// GET /health and /api/streaming/health: whether this Ponder is up and what state its parts are in;
// GET /api/streaming/test: a real round trip through the event store.
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>

class Router;
class StreamingHub;

class HealthRoutes
{
public:
    explicit HealthRoutes(StreamingHub &hub);
    void registerOn(Router &router);

private:
    QJsonObject report() const;

    StreamingHub &m_hub;
    QElapsedTimer m_uptime;
};
