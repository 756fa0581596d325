// SPDX-License-Identifier: MIT
#include "SessionFeed.h"

#include "BackendGateway.h"

SessionFeed::SessionFeed(BackendGateway &gateway, int id, QString sessionId, QObject *parent)
    : QObject(parent)
    , m_gateway(&gateway)
    , m_id(id)
    , m_sessionId(std::move(sessionId))
{ }

SessionFeed::~SessionFeed()
{
    if (m_gateway)
        m_gateway->unwatch(m_id);
}
