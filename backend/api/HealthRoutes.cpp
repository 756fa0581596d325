#include "api/HealthRoutes.h"

#include "core/Version.h"
#include "http/HttpResponder.h"
#include "http/Router.h"

#include <QJsonObject>

HealthRoutes::HealthRoutes()
{
    m_uptime.start();
}

void HealthRoutes::registerOn(Router &router)
{
    router.add("GET", QStringLiteral("/health"),
        [this](const HttpRequest &, const RouteParams &, HttpResponder &out) {
            out.sendJson(200,
                {
                    {QStringLiteral("status"), QStringLiteral("healthy")},
                    {QStringLiteral("service"), QStringLiteral("ponder")},
                    {QStringLiteral("version"), QStringLiteral(PONDER_VERSION_STRING)},
                    {QStringLiteral("uptime_seconds"), double(m_uptime.elapsed()) / 1000.0},
                });
        });
}
