// SPDX-License-Identifier: MIT
// Keeps this process's writes to a stream it tails within the stream's retained length of what the tail
// has read. Redis trims a stream to MAXLEN on every XADD, so a tail that fell further behind than that
// would silently miss the entries trimmed in between; instead, writes wait (in order) for it to catch up,
// and publishers are answered later: the tail paces them, as delivery does in memory mode.
#pragma once

#include "events/StreamId.h"

#include <QByteArray>
#include <QHash>

#include <deque>
#include <functional>

class TailPacer
{
public:
    explicit TailPacer(qsizetype window)
        : m_window(std::max<qsizetype>(1, window))
    { }

    // Runs `send` now if `count` more unread entries fit in the key's window, else once they do. A write
    // larger than the window goes alone, when nothing else is outstanding.
    void whenRoom(const QByteArray &key, qsizetype count, std::function<void()> send);

    // What became of a write: sent (in flight), written (Redis gave its last id) or failed.
    void sent(const QByteArray &key, qsizetype count);
    void written(const QByteArray &key, qsizetype count, const StreamId &last);
    void failed(const QByteArray &key, qsizetype count);

    // The tail has read the key up to `position` (or starts there).
    void tailRead(const QByteArray &key, const StreamId &position);

    // The key is no longer tailed, or the tail is gone: waiting writes run now, in order.
    void release(const QByteArray &key);
    void releaseAll();

    qsizetype waitingWrites() const;

private:
    struct Stream
    {
        StreamId position; // what the tail has read
        qsizetype inFlight = 0;
        std::deque<std::pair<StreamId, qsizetype>> unread; // written past `position`: last id, count
        std::deque<std::pair<qsizetype, std::function<void()>>> waiting;
    };

    static qsizetype outstanding(const Stream &stream);
    bool hasRoom(const Stream &stream, qsizetype count) const;
    void drain(const QByteArray &key);

    qsizetype m_window;
    QHash<QByteArray, Stream> m_streams;
};
