// SPDX-License-Identifier: MIT
// Lets one append call per stream be in flight. What is published to the stream meanwhile waits, and goes as
// one call when that returns (a group commit). Under load, Redis then runs one script for many events
// instead of one script each, which is most of what an event costs it, while an event on a quiet stream
// still goes at once. Writes go together only when they share a type (a call has one type) and up to a
// number of events; their order is kept throughout.
#pragma once

#include "store/EventStore.h"

#include <QHash>

#include <deque>

class GroupedWrites
{
public:
    struct Write
    {
        QString sessionId;
        EventKind kind = EventKind::Thinking;
        QString type;
        QList<EventData> data;
        EventStore::AppendManyDone done;
    };
    // Sends writes to one stream, of one type, as one call. Once it is answered, finished() or abandoned()
    // must follow.
    using Send = std::function<void(const QByteArray &key, QList<Write> writes)>;

    GroupedWrites(qsizetype maxEventsPerCall, Send send);

    // Sends `write` now if nothing is in flight for `key`, else with the next call.
    void submit(const QByteArray &key, Write write);
    // The key's call was answered: what waited goes now.
    void finished(const QByteArray &key);
    // The key's call was not answered (the connection went): what waited is handed back unsent, in order.
    QList<Write> abandoned(const QByteArray &key);

    qsizetype waitingWrites() const;

private:
    struct Stream
    {
        bool inFlight = false;
        std::deque<Write> waiting;
    };

    void sendNext(const QByteArray &key);

    qsizetype m_maxEventsPerCall;
    Send m_send;
    QHash<QByteArray, Stream> m_streams;
};
