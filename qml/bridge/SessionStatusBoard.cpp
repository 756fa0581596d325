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
        m_seenUpTo.remove(sessionId);
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
    m_seenUpTo.remove(sessionId);
}

void SessionStatusBoard::learn(const QString &sessionId, bool active)
{
    const auto known = m_states.constFind(sessionId);
    const bool seen = known != m_states.cend();
    if (m_store.showsEveryEvent()) {
        // Every event reaches the board: only a session it never saw and that ended needs reading.
        if (seen || active)
            return;
    } else if (seen && !active && *known != SessionState::Running) {
        return; // ended as it saw: nothing more will come
    }
    if (m_forgotten.contains(sessionId) || m_learning.contains(sessionId))
        return;
    m_learning.insert(sessionId);
    m_toRead.push_back({sessionId, active});
    readNext();
}

void SessionStatusBoard::readNext()
{
    // A few at a time, oldest asked first: every session gets its turn, however many there are.
    constexpr int MaxReads = 8;
    while (m_reading < MaxReads && !m_toRead.empty()) {
        const auto [sessionId, active] = m_toRead.front();
        m_toRead.pop_front();
        ++m_reading;
        const StreamId from = m_seenUpTo.value(sessionId);
        readOutcome(sessionId, active, from, from, m_states.value(sessionId, SessionState::Running));
    }
}

void SessionStatusBoard::readOutcome(
    const QString &sessionId, bool active, StreamId from, StreamId after, SessionState state)
{
    constexpr int Page = 256;
    QPointer<SessionStatusBoard> self(this);
    m_store.read(sessionId, EventKind::Progress, after, Page,
        [self, sessionId, active, from, after, state](
            StoreStatus status, const QList<StoredEvent> &events) mutable {
            if (!self)
                return;
            if (!status.ok()) {
                self->m_learning.remove(sessionId); // asked for again at the next listing
                --self->m_reading;
                return self->readNext();
            }
            for (const StoredEvent &event : events) {
                if (!event.isSessionEnd())
                    state = SessionStatusBoard::after(event, state);
            }
            const StreamId last = events.isEmpty() ? after : events.last().id;
            if (events.size() == Page)
                return self->readOutcome(sessionId, active, from, last, state);
            self->m_learning.remove(sessionId);
            --self->m_reading;
            // What this process saw meanwhile is newer than what was read.
            if (self->m_seenUpTo.value(sessionId) == from && !self->m_forgotten.contains(sessionId)) {
                self->m_seenUpTo.insert(sessionId, last);
                self->m_states.insert(
                    sessionId, !active && state == SessionState::Running ? SessionState::Ended : state);
            }
            self->readNext();
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
    if (event.kind == EventKind::Progress) {
        StreamId &seen = m_seenUpTo[event.sessionId];
        seen = std::max(seen, event.id);
    }
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
    if (activity == "aborted" || activity == "stopped")
        return SessionState::Stopped;
    // Anything else is work going on, unless the session already said how it ended.
    return before == SessionState::Ended ? SessionState::Running : before;
}
