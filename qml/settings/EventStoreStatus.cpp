// SPDX-License-Identifier: MIT
#include "EventStoreStatus.h"

#include "BackendGateway.h"

void EventStoreStatus::refresh()
{
    if (!m_gateway)
        return;
    m_gateway->storeHealth(this, [this](const StoreHealth &health) {
        if (health.name == QLatin1String("memory"))
            m_text = tr("Now: in memory, healthy.");
        else if (health.healthy)
            m_text = tr("Now: Redis, connected.");
        else
            m_text
                = tr("Now: Redis, degraded (%1). Events are buffered until it is back.").arg(health.reason);
        Q_EMIT changed();
    });
}
