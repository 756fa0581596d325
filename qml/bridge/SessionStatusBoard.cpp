// SPDX-License-Identifier: MIT
#include "SessionStatusBoard.h"

#include "store/EventStore.h"

#include <QPointer>

namespace {

// A member's string value in compact JSON text, without parsing the rest ("" when it is not there).
QByteArrayView member(const QByteArray &json, QByteArrayView name)
{
    const qsizetype at = json.indexOf(name);
    if (at < 0)
        return {};
    const qsizetype start = at + name.size();
    const qsizetype end = json.indexOf('"', start);
    return end < 0 ? QByteArrayView() : QByteArrayView(json).sliced(start, end - start);
}

} // namespace

SessionStatusBoard::SessionStatusBoard(EventStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(&store, &EventStore::eventAppended, this, &SessionStatusBoard::note);
    connect(&store, &EventStore::sessionRemoved, this, [this](const QString &sessionId) {
        m_states.remove(sessionId);
        m_forgotten.remove(sessionId);
    });
}

SessionState SessionStatusBoard::stateOf(const QString &sessionId, bool active) const
{
    const auto known = m_states.constFind(sessionId);
    if (known != m_states.cend())
        return *known;
    return active ? SessionState::Running : SessionState::Ended;
}

void SessionStatusBoard::forget(const QString &sessionId)
{
    m_forgotten.insert(sessionId);
    m_states.remove(sessionId);
}

void SessionStatusBoard::learn(const QString &sessionId)
{
    constexpr qsizetype MaxReads = 8;
    if (m_states.contains(sessionId) || m_forgotten.contains(sessionId) || m_learning.contains(sessionId)
        || m_learning.size() >= MaxReads)
        return;
    m_learning.insert(sessionId);
    readOutcome(sessionId, StreamId(), SessionState::Running);
}

void SessionStatusBoard::readOutcome(const QString &sessionId, StreamId from, SessionState state)
{
    constexpr int Page = 256;
    QPointer<SessionStatusBoard> self(this);
    m_store.read(sessionId, EventKind::Progress, from, Page,
        [self, sessionId, state](StoreStatus status, const QList<StoredEvent> &events) mutable {
            if (!self)
                return;
            if (!status.ok()) {
                self->m_learning.remove(sessionId); // asked for again at the next listing
                return;
            }
            for (const StoredEvent &event : events) {
                if (!event.isSessionEnd())
                    state = after(event, state);
            }
            if (events.size() == Page)
                return self->readOutcome(sessionId, events.last().id, state);
            self->m_learning.remove(sessionId);
            // What this process saw meanwhile is newer than what was read.
            if (!self->m_states.contains(sessionId) && !self->m_forgotten.contains(sessionId))
                self->m_states.insert(
                    sessionId, state == SessionState::Running ? SessionState::Ended : state);
        });
}

void SessionStatusBoard::note(const StoredEvent &event)
{
    if (m_forgotten.contains(event.sessionId))
        return;
    const auto known = m_states.constFind(event.sessionId);
    const SessionState before = known == m_states.cend() ? SessionState::Running : *known;
    const SessionState now = after(event, before);
    if (known == m_states.cend() || now != before)
        m_states.insert(event.sessionId, now);
}

SessionState SessionStatusBoard::after(const StoredEvent &event, SessionState before)
{
    if (event.isSessionEnd())
        return before == SessionState::Running ? SessionState::Ended : before;
    if (event.kind != EventKind::Progress)
        return before == SessionState::Ended ? SessionState::Running : before;
    const QByteArray &text = event.data.text();
    const QByteArrayView activity = member(text, R"("current_activity":")");
    const QByteArrayView type = member(text, R"("update_type":")");
    if (activity == "received" || activity == "started")
        return SessionState::Running; // a new request in the session, or an agent's next run
    if (activity == "done" || type == "completion")
        return SessionState::Done;
    if (activity == "failed")
        return SessionState::Failed;
    if (activity == "aborted")
        return SessionState::Stopped;
    // Anything else is work going on, unless the session already said how it ended.
    return before == SessionState::Ended ? SessionState::Running : before;
}
