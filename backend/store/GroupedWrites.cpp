// SPDX-License-Identifier: MIT
#include "store/GroupedWrites.h"

GroupedWrites::GroupedWrites(qsizetype maxEventsPerCall, Send send)
    : m_maxEventsPerCall(std::max<qsizetype>(1, maxEventsPerCall))
    , m_send(std::move(send))
{ }

void GroupedWrites::submit(const QByteArray &key, Write write)
{
    Stream &stream = m_streams[key];
    stream.waiting.push_back(std::move(write));
    if (!stream.inFlight)
        sendNext(key);
}

void GroupedWrites::finished(const QByteArray &key)
{
    const auto it = m_streams.find(key);
    if (it == m_streams.end())
        return;
    it->inFlight = false;
    sendNext(key);
}

QList<GroupedWrites::Write> GroupedWrites::abandoned(const QByteArray &key)
{
    QList<Write> unsent;
    if (const auto it = m_streams.find(key); it != m_streams.end()) {
        for (Write &write : it->waiting)
            unsent.append(std::move(write));
        m_streams.erase(it);
    }
    return unsent;
}

qsizetype GroupedWrites::waitingWrites() const
{
    qsizetype count = 0;
    for (const Stream &stream : m_streams)
        count += qsizetype(stream.waiting.size());
    return count;
}

void GroupedWrites::sendNext(const QByteArray &key)
{
    const auto it = m_streams.find(key);
    if (it == m_streams.end())
        return;
    if (it->waiting.empty()) {
        m_streams.erase(it); // streams come and go with sessions: keep only the busy ones
        return;
    }
    QList<Write> call;
    qsizetype events = 0;
    const QString type = it->waiting.front().type;
    while (!it->waiting.empty() && it->waiting.front().type == type
        && (call.isEmpty() || events + it->waiting.front().data.size() <= m_maxEventsPerCall)) {
        events += it->waiting.front().data.size();
        call.append(std::move(it->waiting.front()));
        it->waiting.pop_front();
    }
    it->inFlight = true;
    // Nothing of the hash is used after this: a send that fails at once calls abandoned() from inside.
    m_send(key, std::move(call));
}
