// SPDX-License-Identifier: MIT
// How each session in the hub stands, for the window's Live sessions list: running, done, failed,
// stopped, or ended. Kept on the backend's thread from every event this process stores or reads (the
// store's eventAppended), so listing the sessions needs no read of their streams. Read from the events'
// text without parsing them: the window's backend serves outside streams too, and this runs for each of
// their events.
//
// A session that ended before this process saw its events (another Ponder sharing Redis ended it, or an
// earlier run of this one) is learnt by reading its progress stream: until then it is just Ended. With
// Redis, which shows this process only the events of sessions it watches, an active session is read on
// at each listing from where the board last saw it, so that one nobody watches here does not stay
// running, nor done while its next request runs.
//
// A deleted chat's session is forgotten here: it leaves the list although the hub keeps it until it
// expires.
#pragma once

#include "GatewayTypes.h"
#include "events/StreamId.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <deque>
#include <utility>

class EventStore;
struct StoredEvent;

class SessionStatusBoard : public QObject
{
public:
    SessionStatusBoard(EventStore &store, QObject *parent);

    // What is known of `sessionId`; Running for a session this process has seen nothing of (yet) while
    // it is active.
    SessionState stateOf(const QString &sessionId, bool active) const;
    bool isForgotten(const QString &sessionId) const { return m_forgotten.contains(sessionId); }
    void forget(const QString &sessionId);
    // Reads how `sessionId` stands when this process cannot know it from what it saw: ended and never
    // seen, or, when the store does not show every event, active or not yet seen ending. stateOf() says it
    // once the read answers. A few reads at a time, in the order asked.
    void learn(const QString &sessionId, bool active);

    // The state an event leaves its session in, given the state before it (public for tests).
    static SessionState after(const StoredEvent &event, SessionState before);

private:
    void note(const StoredEvent &event);
    void readNext();
    void readOutcome(
        const QString &sessionId, bool active, StreamId from, StreamId after, SessionState state);

    EventStore &m_store;
    QSet<QString> m_learning; // queued or being read
    std::deque<std::pair<QString, bool>> m_toRead; // (session, active), oldest asked first
    int m_reading = 0;
    QHash<QString, StreamId> m_seenUpTo; // the last progress event the board has of a session
    QHash<QString, SessionState> m_states;
    QSet<QString> m_forgotten;
};
