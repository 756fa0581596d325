// SPDX-License-Identifier: MIT
#include "ChatRun.h"

#include "BackendGateway.h"

ChatRun::ChatRun(BackendGateway &gateway, int id, QObject *parent)
    : QObject(parent)
    , m_gateway(&gateway)
    , m_id(id)
{ }

ChatRun::~ChatRun()
{
    // Nobody is listening any more: do not leave the model server generating.
    if (m_gateway && !m_ended)
        m_gateway->stopChat(m_id);
}

void ChatRun::stop()
{
    if (m_gateway && !m_ended)
        m_gateway->stopChat(m_id);
}

void ChatRun::end(const ChatOutcome &outcome)
{
    if (std::exchange(m_ended, true))
        return;
    Q_EMIT ended(outcome);
}
