// SPDX-License-Identifier: MIT
#include "store/TailPacer.h"

#include <utility>

qsizetype TailPacer::outstanding(const Stream &stream)
{
    qsizetype count = stream.inFlight;
    for (const auto &[last, written] : stream.unread)
        count += written;
    return count;
}

bool TailPacer::hasRoom(const Stream &stream, qsizetype count) const
{
    const qsizetype behind = outstanding(stream);
    return behind == 0 || behind + count <= m_window;
}

void TailPacer::whenRoom(const QByteArray &key, qsizetype count, std::function<void()> send)
{
    Stream &stream = m_streams[key];
    if (stream.waiting.empty() && hasRoom(stream, count))
        return send();
    stream.waiting.emplace_back(count, std::move(send));
}

void TailPacer::sent(const QByteArray &key, qsizetype count)
{
    m_streams[key].inFlight += count;
}

void TailPacer::written(const QByteArray &key, qsizetype count, const StreamId &last)
{
    const auto it = m_streams.find(key);
    if (it == m_streams.end())
        return; // released meanwhile
    it->inFlight = std::max<qsizetype>(0, it->inFlight - count);
    // Entries at or before the tail's position were written before it started there: it will never read
    // them, and need not.
    if (it->position < last)
        it->unread.emplace_back(last, count);
    drain(key);
}

void TailPacer::failed(const QByteArray &key, qsizetype count)
{
    const auto it = m_streams.find(key);
    if (it == m_streams.end())
        return;
    it->inFlight = std::max<qsizetype>(0, it->inFlight - count);
    drain(key);
}

void TailPacer::tailRead(const QByteArray &key, const StreamId &position)
{
    Stream &stream = m_streams[key];
    if (stream.position < position)
        stream.position = position;
    // Entries trimmed before the tail got to them (written by other processes faster than it reads) are
    // passed too: the tail only ever moves on to newer ids.
    while (!stream.unread.empty() && stream.unread.front().first <= stream.position)
        stream.unread.pop_front();
    drain(key);
}

void TailPacer::drain(const QByteArray &key)
{
    while (true) {
        // Looked up again each time: a write's callbacks may reach other keys and grow the hash.
        const auto it = m_streams.find(key);
        if (it == m_streams.end() || it->waiting.empty() || !hasRoom(*it, it->waiting.front().first))
            return;
        auto send = std::move(it->waiting.front().second);
        it->waiting.pop_front();
        send();
    }
}

void TailPacer::release(const QByteArray &key)
{
    auto waiting = m_streams.take(key).waiting;
    for (auto &[count, send] : waiting)
        send();
}

void TailPacer::releaseAll()
{
    auto streams = std::exchange(m_streams, {});
    for (Stream &stream : streams) {
        for (auto &[count, send] : stream.waiting)
            send();
    }
}

qsizetype TailPacer::waitingWrites() const
{
    qsizetype count = 0;
    for (const Stream &stream : m_streams)
        count += qsizetype(stream.waiting.size());
    return count;
}
