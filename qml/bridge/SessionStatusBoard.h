// SPDX-License-Identifier: MIT
// How each session in the hub stands, for the window's Live sessions list: running, done, failed,
// stopped, or ended. Kept on the backend's thread from every event this process stores or reads (the
// store's eventAppended), so listing the sessions needs no read of their streams. Read from the events'
// text without parsing them: the window's backend serves outside streams too, and this runs for each of
// their events.
//
// A deleted chat's session is forgotten here: it leaves the list although the hub keeps it until it
// expires.
#pragma once

#include "GatewayTypes.h"

#include <QHash>
#include <QObject>
#include <QSet>

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

    // The state an event leaves its session in, given the state before it (public for tests).
    static SessionState after(const StoredEvent &event, SessionState before);

private:
    void note(const StoredEvent &event);

    QHash<QString, SessionState> m_states;
    QSet<QString> m_forgotten;
};
