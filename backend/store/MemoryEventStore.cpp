// SPDX-License-Identifier: MIT
#include "store/MemoryEventStore.h"

#include "core/Logging.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>

namespace {

qint64 costOf(const EventData &data)
{
    return memoryCost(data);
}

// A session's description is client-given (up to a request body each): counted at what its JSON takes.
qint64 costOf(const Session &session)
{
    constexpr qint64 OverheadBytes = 256; // the entry, its hash slot, its stats
    qint64 context = 0;
    if (!session.systemContext.isEmpty())
        context = QJsonDocument(session.systemContext).toJson(QJsonDocument::Compact).size();
    return OverheadBytes + 2 * qint64(session.userRequest.size() + session.id.size()) + context;
}

} // namespace

MemoryEventStore::MemoryEventStore(StoreLimits limits, QObject *parent)
    : EventStore(parent)
    , m_limits(limits)
{ }

void MemoryEventStore::createSession(const Session &session, Done done)
{
    if (m_sessions.contains(session.id))
        return done(StoreStatus::failure(
            StoreStatus::Code::Conflict, QStringLiteral("session '%1' already exists").arg(session.id)));
    if (m_sessions.size() >= m_limits.maxSessions && !removeLongestEnded())
        return done(StoreStatus::failure(StoreStatus::Code::LimitReached,
            QStringLiteral("the session limit (%1) is reached: end a session to make room")
                .arg(m_limits.maxSessions)));
    const qint64 bytes = costOf(session);
    if (!makeRoomForBytes(bytes, session.id))
        return done(fullStatus());
    // Made in place: the session is copied in once.
    Entry &entry = m_sessions[session.id];
    entry.session = session;
    entry.bytes = bytes;
    m_bytes += bytes;
    done(StoreStatus::success());
}

bool MemoryEventStore::makeRoomForBytes(qint64 bytes, const QString &keep)
{
    auto next = m_ended.begin();
    while (m_bytes + bytes > m_limits.maxStoredBytes && next != m_ended.end()) {
        if (next->second == keep) {
            ++next;
            continue;
        }
        const QString id = next->second;
        ++next; // remove() erases the current one
        qCInfo(lcStore) << "session" << id
                        << "removed to make room: it had ended, and the store's memory budget is used up";
        remove(m_sessions.find(id));
    }
    return m_bytes + bytes <= m_limits.maxStoredBytes;
}

StoreStatus MemoryEventStore::fullStatus() const
{
    return StoreStatus::failure(StoreStatus::Code::Full,
        QStringLiteral("the event store's memory budget (%1 MiB) is used up by sessions still running: end "
                       "sessions (DELETE /api/streaming/sessions/ID) to make room, or start Ponder with a "
                       "larger --max-stored-bytes")
            .arg(m_limits.maxStoredBytes >> 20));
}

bool MemoryEventStore::removeLongestEnded()
{
    if (m_ended.empty())
        return false;
    const QString id = m_ended.begin()->second;
    qCInfo(lcStore) << "session" << id
                    << "removed to make room: it had ended, and the session limit is reached";
    remove(m_sessions.find(id));
    return true;
}

void MemoryEventStore::remove(QHash<QString, Entry>::iterator it)
{
    const QString id = it.key();
    if (it->endedAs != 0)
        m_ended.erase(it->endedAs);
    m_bytes -= it->bytes;
    m_sessions.erase(it);
    Q_EMIT sessionRemoved(id);
}

void MemoryEventStore::session(const QString &id, SessionDone done)
{
    const auto it = m_sessions.constFind(id);
    if (it == m_sessions.cend())
        return done(StoreStatus::sessionNotFound(id), {}, {});
    done(StoreStatus::success(), it->session, it->stats);
}

void MemoryEventStore::sessions(SessionsDone done)
{
    QList<Session> all;
    all.reserve(m_sessions.size());
    for (const Entry &entry : std::as_const(m_sessions))
        all << entry.session;
    std::sort(
        all.begin(), all.end(), [](const Session &a, const Session &b) { return a.createdAt < b.createdAt; });
    done(StoreStatus::success(), all);
}

void MemoryEventStore::endSession(const QString &id, Done done)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return done(StoreStatus::sessionNotFound(id));
    it->session.active = false;
    it->session.lastActivity = QDateTime::currentDateTimeUtc();
    if (it->endedAs == 0) {
        it->endedAs = ++m_endCount;
        m_ended.emplace(it->endedAs, id);
    }
    done(StoreStatus::success());
}

void MemoryEventStore::describeSession(const QString &id, const QJsonObject &description, Done done)
{
    auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return done(StoreStatus::sessionNotFound(id));
    Session described = it->session;
    if (description.contains(QLatin1String("user_request")))
        described.userRequest = description.value(QLatin1String("user_request")).toString();
    if (description.contains(QLatin1String("system_context")))
        described.systemContext = description.value(QLatin1String("system_context")).toObject();
    const qint64 grows = costOf(described) - costOf(it->session);
    if (grows > 0 && !makeRoomForBytes(grows, id))
        return done(fullStatus());
    it = m_sessions.find(id); // removing others may have moved it
    it->session = std::move(described);
    it->bytes += grows;
    m_bytes += grows;
    done(StoreStatus::success());
}

StoredEvent MemoryEventStore::appendTo(
    Entry &entry, const QString &sessionId, EventKind kind, const QString &type, const EventData &data)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    StoredEvent event {sessionId, kind, m_ids.next(quint64(now.toMSecsSinceEpoch())), type, data, {}};
    QList<StoredEvent> &stream = entry.stream(kind);
    stream.append(event);
    qint64 bytes = costOf(data);
    while (stream.size() > std::max(1, m_limits.historyLength)) {
        bytes -= costOf(stream.constFirst().data);
        stream.removeFirst(); // the list's start moves on: no element is moved
    }
    entry.bytes += bytes;
    m_bytes += bytes;
    entry.session.lastActivity = now;
    if (!event.isSessionEnd())
        entry.stats.record(kind, data);
    return event;
}

void MemoryEventStore::append(
    const QString &sessionId, EventKind kind, const QString &type, const EventData &data, AppendDone done)
{
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end())
        return done(StoreStatus::sessionNotFound(sessionId), {});
    // A session's end is always taken: it is what lets an ended session make room.
    const bool isEnd = type == QLatin1String("session_end");
    if (!isEnd && !makeRoomForBytes(costOf(data), sessionId))
        return done(fullStatus(), {});
    it = m_sessions.find(sessionId); // removing others may have moved it
    const StoredEvent event = appendTo(*it, sessionId, kind, type, data);
    // Watchers see the event before its publisher hears back: what the publisher publishes next in its
    // callback then reaches them after it, never before (they would take the earlier one for a duplicate).
    Q_EMIT eventAppended(event);
    done(StoreStatus::success(), event);
}

void MemoryEventStore::appendMany(const QString &sessionId, EventKind kind, const QString &type,
    const QList<EventData> &data, AppendManyDone done)
{
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end())
        return done(StoreStatus::sessionNotFound(sessionId), {});
    qint64 bytes = 0;
    for (const EventData &one : data)
        bytes += costOf(one);
    if (!makeRoomForBytes(bytes, sessionId)) // all or none
        return done(fullStatus(), {});
    it = m_sessions.find(sessionId); // removing others may have moved it
    QList<StoredEvent> written;
    written.reserve(data.size());
    for (const EventData &one : data)
        written << appendTo(*it, sessionId, kind, type, one);
    for (const StoredEvent &event : std::as_const(written))
        Q_EMIT eventAppended(event);
    done(StoreStatus::success(), written);
}

void MemoryEventStore::read(
    const QString &sessionId, EventKind kind, StreamId after, int limit, ReadDone done)
{
    const auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end())
        return done(StoreStatus::sessionNotFound(sessionId), {});
    const QList<StoredEvent> &stream = it->stream(kind);
    auto first = std::upper_bound(stream.cbegin(), stream.cend(), after,
        [](const StreamId &id, const StoredEvent &event) { return id < event.id; });
    QList<StoredEvent> events;
    for (; first != stream.cend() && events.size() < limit; ++first)
        events << *first;
    done(StoreStatus::success(), events);
}

void MemoryEventStore::watch(const QString &, std::function<void()> ready)
{
    ready(); // every append is announced at once
}

void MemoryEventStore::unwatch(const QString &) { }

void MemoryEventStore::expireIdleSessions()
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-m_limits.idleExpirySeconds);
    QStringList expired;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        if (it->session.lastActivity < cutoff)
            expired << it.key();
    }
    for (const QString &id : std::as_const(expired)) {
        qCInfo(lcStore) << "session" << id << "expired after being idle";
        remove(m_sessions.find(id));
    }
}

QJsonObject MemoryEventStore::healthDetails() const
{
    return {{QStringLiteral("sessions"), m_sessions.size()}, {QStringLiteral("stored_bytes"), m_bytes},
        {QStringLiteral("max_stored_bytes"), m_limits.maxStoredBytes}};
}
