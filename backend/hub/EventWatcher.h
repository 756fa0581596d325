// SPDX-License-Identifier: MIT
// Something that watches a session live: a WebSocket client, an SSE response, the desktop window.
#pragma once

#include "store/StoredEvent.h"

#include <QJsonObject>

class EventWatcher
{
public:
    virtual ~EventWatcher() = default;
    // Called in order, once per event, history first and live after.
    virtual void deliver(const StoredEvent &event) = 0;
    // `count` live events of the stream were lost before they could be delivered (see
    // EventStore::eventsMissed); what follows is delivered as usual. Watchers that can, say so.
    virtual void missed(EventKind kind, qint64 count)
    {
        Q_UNUSED(kind);
        Q_UNUSED(count);
    }
    // Watching from the session's start, its history holds `count` events of the stream fewer than the
    // session had: the oldest are no longer kept (the store keeps the last --history-length of each stream).
    // Told before the history is delivered, once per stream that lost any.
    virtual void historyTrimmed(EventKind kind, qint64 count)
    {
        Q_UNUSED(kind);
        Q_UNUSED(count);
    }
    // The history has been delivered: what follows is live. A client is handed a session's history at once,
    // before it could read any of it; only what it falls behind on after that says it is too slow.
    virtual void historyDelivered() { }
};

// What WebSocket and SSE clients are told when live events were lost: {type: "error", code: "events_missed",
// stream, missed_events, message}.
QJsonObject missedEventsMessage(EventKind kind, qint64 count);
