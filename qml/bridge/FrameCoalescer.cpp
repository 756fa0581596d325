// SPDX-License-Identifier: MIT
#include "FrameCoalescer.h"

FrameCoalescer::Client::~Client()
{
    if (m_coalescer)
        m_coalescer->forget(this);
}

FrameCoalescer::FrameCoalescer(QObject *parent)
    : QObject(parent)
    , m_frame(this)
{
    m_frame.setSingleShot(true);
    m_frame.setInterval(FrameMs);
    connect(&m_frame, &QTimer::timeout, this, &FrameCoalescer::flush);
}

void FrameCoalescer::schedule(Client *client)
{
    if (client->m_coalescer == this)
        return;
    client->m_coalescer = this;
    m_pending.append(client);
    if (!m_frame.isActive())
        m_frame.start();
}

void FrameCoalescer::flushNow(Client *client)
{
    if (client->m_coalescer != this)
        return;
    forget(client);
    client->flushFrame();
}

void FrameCoalescer::forget(Client *client)
{
    m_pending.removeOne(client);
    client->m_coalescer = nullptr;
}

void FrameCoalescer::flush()
{
    const QList<Client *> due = std::exchange(m_pending, {});
    for (Client *client : due)
        client->m_coalescer = nullptr;
    for (Client *client : due)
        client->flushFrame();
}
