#include "EventStoreStatus.h"

#include "Backend.h"
#include "BackendHost.h"
#include "hub/StreamingHub.h"

void EventStoreStatus::refresh()
{
    if (!m_host)
        return;
    m_host->run(this, [this](Backend &backend, const BackendHost::ToGui &toGui) {
        EventStore &store = backend.hub().store();
        const QString name = store.name();
        const bool healthy = store.isHealthy();
        const QJsonObject details = store.healthDetails();
        toGui([this, name, healthy, details] {
            if (name == QLatin1String("memory")) {
                m_text = tr("Now: in memory, healthy.");
            } else {
                const QString reason
                    = details.value(QLatin1String("reason"))
                          .toString(details.value(QLatin1String("redis_connection")).toString());
                m_text = healthy
                    ? tr("Now: Redis, connected.")
                    : tr("Now: Redis, degraded (%1). Events are buffered until it is back.").arg(reason);
            }
            Q_EMIT changed();
        });
    });
}
