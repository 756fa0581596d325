// SPDX-License-Identifier: MIT
#include "SessionRelay.h"

#include "Backend.h"
#include "BackendSide.h"
#include "hub/StreamingHub.h"

#include <QPointer>

SessionRelay::SessionRelay(BackendSide &side, int id, QString sessionId)
    : m_side(side)
    , m_id(id)
    , m_sessionId(std::move(sessionId))
{ }

SessionRelay::~SessionRelay()
{
    if (m_subscribed)
        m_side.backend().hub().unsubscribe(this);
}

void SessionRelay::start()
{
    m_subscribed = true;
    QPointer<SessionRelay> self(this);
    m_side.backend().hub().subscribe(m_sessionId, {EventKind::Thinking, EventKind::Progress}, StreamId(),
        this, [self](StoreStatus status) {
            if (!self || status.ok())
                return;
            self->m_side.backend().hub().unsubscribe(self);
            self->m_subscribed = false;
            self->m_side.sessionUnavailable(self->m_id, status.code);
        });
}

void SessionRelay::deliver(const StoredEvent &event)
{
    m_pending.append(event);
    // The window reads the data member by member: parse it here, on the backend's thread, not the GUI's.
    m_pending.last().data.object();
    m_side.coalescer().schedule(this);
}

void SessionRelay::historyTrimmed(EventKind kind, qint64 count)
{
    if (kind == EventKind::Thinking)
        m_side.sessionStepsNotKept(m_id, count);
}

void SessionRelay::flushFrame()
{
    if (!m_pending.isEmpty())
        m_side.sessionEvents(m_id, std::exchange(m_pending, {}));
}
