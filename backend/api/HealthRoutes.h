// GET /health: whether this Ponder is up, which version, and (as subsystems arrive) their state.
#pragma once

#include <QElapsedTimer>

class Router;

class HealthRoutes
{
public:
    HealthRoutes();
    void registerOn(Router &router);

private:
    QElapsedTimer m_uptime;
};
