#include "Backend.h"

#include "api/HealthRoutes.h"
#include "core/DataLocations.h"
#include "core/Logging.h"
#include "http/HttpServer.h"

Backend::Backend(ServerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_http(new HttpServer(this))
    , m_health(std::make_unique<HealthRoutes>())
{
    m_health->registerOn(m_http->router());
}

Backend::~Backend() = default;

bool Backend::start(QString *error)
{
    const DataLocations locations(m_options.dataDir);
    if (!locations.ensureExists(error))
        return false;
    if (!m_http->listen(m_options.host, m_options.port, error))
        return false;
    qCInfo(lcServer).noquote() << "data directory:" << locations.dataDir();
    qCInfo(lcServer).noquote() << "listening on" << baseUrl().toString();
    return true;
}

quint16 Backend::port() const
{
    return m_http->port();
}

QUrl Backend::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_http->address().toString());
    url.setPort(port());
    return url;
}
