// SPDX-License-Identifier: MIT
#include "EventStoreStatus.h"

#include "BackendGateway.h"

void EventStoreStatus::refresh()
{
    if (!m_gateway)
        return;
    m_gateway->storeHealth(this, [this](const StoreHealth &health) {
        m_store = health.name;
        m_healthy = health.healthy;
        m_reason = health.reason;
        Q_EMIT changed();
    });
}
