#include "store/RedisEventStore.h"

#include "core/Logging.h"
#include "store/RedisConnection.h"
#include "store/RedisScripts.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>
#include <hiredis/hiredis.h>

namespace {

// Events grouped into one AppendMany call at most: a script blocks Redis while it runs (about 3 µs an event).
constexpr qsizetype MaxEventsPerScript = 500;

QByteArray text(const redisReply *reply)
{
    return reply
            && (reply->type == REDIS_REPLY_STRING || reply->type == REDIS_REPLY_STATUS
                || reply->type == REDIS_REPLY_ERROR)
        ? QByteArray(reply->str, qsizetype(reply->len))
        : QByteArray();
}

bool isError(const redisReply *reply, QByteArrayView code = {})
{
    return reply && reply->type == REDIS_REPLY_ERROR && (code.isEmpty() || text(reply).contains(code));
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// What an entry says besides its event.
struct EntryFacts
{
    qint64 number = 0; // its n, its number in its stream (0: none, not written by Ponder)
    QByteArray was; // the provisional id it was first shown under, if it had to take another (Append)
};

// A stream entry is [id, [field, value, ...]].
std::optional<StreamId> entryId(const redisReply *entry)
{
    if (!entry || entry->type != REDIS_REPLY_ARRAY || entry->elements != 2)
        return std::nullopt;
    return StreamId::parse(QString::fromLatin1(text(entry->element[0])));
}

std::optional<StoredEvent> parseEntry(
    const redisReply *entry, const QString &sessionId, EventKind kind, EntryFacts *facts = nullptr)
{
    const auto id = entryId(entry);
    if (!id)
        return std::nullopt;
    const redisReply *fields = entry->element[1];
    if (!fields || fields->type != REDIS_REPLY_ARRAY)
        return std::nullopt;
    StoredEvent event {sessionId, kind, *id, {}, {}, {}};
    QByteArray dataText;
    bool writtenByPonder = false; // only Ponder's append scripts number entries
    for (size_t i = 0; i + 1 < fields->elements; i += 2) {
        const QByteArray name = text(fields->element[i]);
        if (name == "type") {
            event.type = QString::fromUtf8(text(fields->element[i + 1]));
        } else if (name == "data") {
            dataText = text(fields->element[i + 1]);
        } else if (name == "n") {
            writtenByPonder = true;
            if (facts)
                facts->number = text(fields->element[i + 1]).toLongLong();
        } else if (name == "was" && facts) {
            facts->was = text(fields->element[i + 1]);
        }
    }
    // What Ponder wrote is message-shaped (storedText): messages are spliced from it without parsing it.
    event.data = writtenByPonder ? EventData::fromStreamText(std::move(dataText), sessionId)
                                 : EventData::fromText(std::move(dataText));
    return event;
}

// An event's data as its entry keeps it: in the shape its messages show, with its session's id and no id
// of its own, so that tails (this process's and others') can splice it into messages without parsing it.
// Data in another shape (only Ponder's own code could hand over such data) loses what no message shows.
QByteArray storedText(const StoredEvent &event)
{
    if (event.data.isMessageShapedFor(event.sessionId, event.kind))
        return event.data.text();
    QJsonObject shaped = event.data.object();
    shaped.remove(QLatin1String("id"));
    shaped.insert(QLatin1String("session_id"), event.sessionId);
    return QJsonDocument(shaped).toJson(QJsonDocument::Compact);
}

QList<StoredEvent> parseEntries(const redisReply *entries, const QString &sessionId, EventKind kind)
{
    QList<StoredEvent> events;
    if (!entries || entries->type != REDIS_REPLY_ARRAY)
        return events;
    for (size_t i = 0; i < entries->elements; ++i) {
        if (auto event = parseEntry(entries->element[i], sessionId, kind))
            events << *event;
    }
    return events;
}

QHash<QByteArray, QByteArray> parseHash(const redisReply *reply)
{
    QHash<QByteArray, QByteArray> hash;
    if (reply && reply->type == REDIS_REPLY_ARRAY) {
        for (size_t i = 0; i + 1 < reply->elements; i += 2)
            hash.insert(text(reply->element[i]), text(reply->element[i + 1]));
    }
    return hash;
}

void parseSession(const QHash<QByteArray, QByteArray> &hash, Session *session, SessionStats *stats)
{
    *session = Session::fromJson(QJsonDocument::fromJson(hash.value("data")).object());
    session->active = hash.value("active") != "0";
    session->lastActivity = QDateTime::fromMSecsSinceEpoch(hash.value("last_activity").toLongLong(), Qt::UTC);
    stats->thinkingSteps = hash.value("thinking_count").toLongLong();
    stats->progressUpdates = hash.value("progress_count").toLongLong();
    stats->confidenceSum = hash.value("conf_sum").toDouble();
    stats->confidenceCount = hash.value("conf_n").toLongLong();
    if (hash.contains("last_updated"))
        stats->lastUpdated = QDateTime::fromMSecsSinceEpoch(hash.value("last_updated").toLongLong(), Qt::UTC);
    for (auto it = hash.cbegin(); it != hash.cend(); ++it) {
        if (it.key().startsWith("tt:"))
            stats->thinkingTypesUsed.insert(QString::fromUtf8(it.key().mid(3)), it.value().toLongLong());
        else if (it.key().startsWith("pt:"))
            stats->progressTypesUsed.insert(QString::fromUtf8(it.key().mid(3)), it.value().toLongLong());
    }
}

// Keys are built several times for every event: one allocation, where QByteArray's + makes one a part.
QByteArray joined(std::initializer_list<QByteArrayView> parts)
{
    qsizetype size = 0;
    for (const QByteArrayView part : parts)
        size += part.size();
    QByteArray result(size, Qt::Uninitialized);
    char *out = result.data();
    for (const QByteArrayView part : parts)
        out = std::copy_n(part.data(), part.size(), out);
    return result;
}

QByteArray exclusiveStart(StreamId after)
{
    return after.isNull() ? QByteArray("-") : "(" + after.toString().toLatin1();
}

} // namespace

std::optional<RedisOptions> RedisOptions::fromUrl(const QString &url, QString *error)
{
    const QUrl parsed(url, QUrl::StrictMode);
    // Messages quote the URL without its password: they end up in terminals, logs and dialogs.
    const QString expected = QStringLiteral("expected redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]");
    if (!parsed.isValid()) {
        *error = QStringLiteral("invalid Redis URL: %1").arg(expected);
        return std::nullopt;
    }
    const QString shown
        = parsed.toString(parsed.userName().isEmpty() ? QUrl::RemoveUserInfo : QUrl::RemovePassword);
    if (parsed.scheme() == QLatin1String("rediss")) {
        *error = QStringLiteral("invalid Redis URL '%1': TLS (rediss://) is not supported; use redis://, "
                                "through a TLS tunnel if Redis is not on this machine")
                     .arg(shown);
        return std::nullopt;
    }
    if (parsed.scheme() != QLatin1String("redis") || parsed.host().isEmpty()) {
        *error = QStringLiteral("invalid Redis URL '%1': %2").arg(shown, expected);
        return std::nullopt;
    }
    RedisOptions options;
    options.host = parsed.host();
    options.port = parsed.port(6379);
    options.username = parsed.userName(QUrl::FullyDecoded);
    options.password = parsed.password(QUrl::FullyDecoded);
    const QString db = parsed.path().mid(1);
    if (!db.isEmpty()) {
        bool ok = false;
        options.database = db.toInt(&ok);
        if (!ok || options.database < 0) {
            *error = QStringLiteral("invalid Redis database '%1' in '%2'").arg(db, shown);
            return std::nullopt;
        }
    }
    return options;
}

QString RedisOptions::url() const
{
    const QString credentials = password.isEmpty()
        ? QString()
        : QStringLiteral("%1:***@").arg(QString::fromUtf8(QUrl::toPercentEncoding(username)));
    return QStringLiteral("redis://%1%2:%3/%4").arg(credentials, host).arg(port).arg(database);
}

RedisEventStore::RedisEventStore(RedisOptions options, StoreLimits limits, QObject *parent)
    : EventStore(parent)
    , m_options(std::move(options))
    , m_keyPrefix(m_options.keyPrefix.toUtf8())
    , m_limits(limits)
    , m_recovery(limits.historyLength)
    , m_pacer(limits.historyLength)
    , m_writes(MaxEventsPerScript, [this](const QByteArray &key, QList<GroupedWrites::Write> writes) {
        sendWrites(key, std::move(writes));
    })
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &RedisEventStore::connectBoth);
    m_tailRetry.setSingleShot(true);
    connect(&m_tailRetry, &QTimer::timeout, this, &RedisEventStore::readTail);
    m_excludedCheck.setInterval(ExcludedCheckMs);
    connect(&m_excludedCheck, &QTimer::timeout, this, &RedisEventStore::recheckExcludedKeys);
    // Channels are not per database, and several processes may share a prefix: a random name of its own.
    m_channel = m_keyPrefix + ":notify:" + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    m_heartbeat.setInterval(ReplyTimeoutMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        // Reading the marker is the PING: it also notices a Redis emptied under an open connection
        // (FLUSHALL, FLUSHDB).
        if (m_healthy)
            checkForLostData([] {});
    });
    m_heartbeat.start();
}

RedisEventStore::~RedisEventStore()
{
    // Freeing a connection fails its pending replies, and their handlers use this store: free them while
    // the store is still whole, not later as QObject children.
    m_healthy = false;
    delete m_commands;
    m_commands = nullptr;
    delete m_announcements;
    m_announcements = nullptr;
    // Their publishers were answered 201: say so rather than lose them without a word.
    if (!m_buffer.empty())
        qCWarning(lcRedis).noquote()
            << m_buffer.size() << "buffered events were never written to Redis: it was away until shutdown";
}

// "<prefix>:{<session>}:<name>": the braces are a Redis Cluster hash tag, so a session's keys share a slot.
QByteArray RedisEventStore::sessionKey(const QString &id) const
{
    return joined({m_keyPrefix, ":{", id.toUtf8(), "}:session"});
}

QByteArray RedisEventStore::streamKey(const QString &id, EventKind kind) const
{
    const QLatin1String name = streamNameLatin1(kind);
    return joined({m_keyPrefix, ":{", id.toUtf8(), "}:", QByteArrayView(name.data(), name.size())});
}

QByteArray RedisEventStore::indexKey() const
{
    return m_keyPrefix + ":sessions";
}

// Ended sessions scored by when they ended: they no longer hold a place under the session cap.
QByteArray RedisEventStore::endedKey() const
{
    return m_keyPrefix + ":ended";
}

QByteArray RedisEventStore::watchersKey(const QString &id) const
{
    return joined({m_keyPrefix, ":{", id.toUtf8(), "}:watchers"});
}

QByteArray RedisEventStore::epochKey() const
{
    return m_keyPrefix + ":epoch";
}

void RedisEventStore::start()
{
    connectBoth();
}

void RedisEventStore::connectBoth()
{
    delete m_commands;
    delete m_announcements;
    m_tailReading = false;
    m_commands = new RedisConnection(m_options.host, m_options.port, this);
    m_announcements = new RedisConnection(m_options.host, m_options.port, this);
    m_commands->setReplyTimeout(ReplyTimeoutMs);
    m_announcements->setReplyTimeout(ReplyTimeoutMs);
    for (RedisConnection *connection : {m_commands, m_announcements}) {
        connect(connection, &RedisConnection::connected, this, &RedisEventStore::onConnected);
        connect(connection, &RedisConnection::disconnected, this, &RedisEventStore::onConnectionLost);
        connection->open();
    }
}

void RedisEventStore::onConnected()
{
    if (!m_commands->isConnected() || !m_announcements->isConnected())
        return;
    if (m_options.password.isEmpty())
        return prepareConnections();
    // AUTH alone first: anything sent behind a refused password is refused too (NOAUTH), which would hide
    // Redis's answer to the password itself.
    QByteArrayList auth {QByteArrayLiteral("AUTH")};
    if (!m_options.username.isEmpty())
        auth << m_options.username.toUtf8();
    auth << m_options.password.toUtf8();
    const auto refusal = [](const redisReply *reply) {
        return QStringLiteral("Redis refused Ponder's password: %1").arg(QString::fromUtf8(text(reply)));
    };
    whenAllAccepted({{m_commands, auth}, {m_announcements, auth}}, refusal, [this] { prepareConnections(); });
}

void RedisEventStore::whenAllAccepted(const QList<std::pair<RedisConnection *, QByteArrayList>> &commands,
    const std::function<QString(const redisReply *)> &refusalReason, const std::function<void()> &next)
{
    auto pending = std::make_shared<qsizetype>(commands.size());
    auto refusal = std::make_shared<QString>();
    for (const auto &[connection, command] : commands) {
        connection->command(
            command, [this, pending, refusal, refusalReason, next](redisReply *reply, const QString &) {
                if (!reply)
                    return; // the connection went: connecting again starts over
                if (isError(reply) && refusal->isEmpty())
                    *refusal = refusalReason(reply);
                if (--*pending > 0)
                    return;
                if (!refusal->isEmpty())
                    return reconnectBecause(*refusal);
                next();
            });
    }
}

void RedisEventStore::prepareConnections()
{
    const QByteArray db = QByteArray::number(m_options.database);
    m_commands->command({"SELECT", db}, [](redisReply *, const QString &) {});
    // Loaded before anything else is sent on the connection, so every call after this finds them. Until they
    // are, writes are buffered as while Redis is away: a Redis still loading its data answers every write
    // with LOADING for as long as loading takes, and one that refuses the scripts (a password Ponder was not
    // given, scripting disabled) would refuse every write.
    QList<std::pair<RedisConnection *, QByteArrayList>> loads;
    for (const RedisScript *script : RedisScripts::All)
        loads.append({m_commands, {"SCRIPT", "LOAD", script->text}});
    const auto refusal = [](const redisReply *reply) {
        const QString answer = QString::fromUtf8(text(reply));
        if (isError(reply, "LOADING"))
            return QStringLiteral("Redis is still loading its data");
        if (isError(reply, "NOAUTH"))
            return QStringLiteral(
                "Redis wants a password (%1): give it in the URL (redis://:PASSWORD@HOST), in "
                "PONDER_REDIS_PASSWORD, or in the window's settings")
                .arg(answer);
        return QStringLiteral("Redis refused Ponder's scripts: %1").arg(answer);
    };
    // Then whether Redis still has Ponder's data: what it lost is written again before the buffer is flushed.
    // Subscribed last: from the confirmation on, this process hears of every append by another one.
    whenAllAccepted(loads, refusal, [this] {
        checkForLostData([this] {
            m_announcements->subscribe(
                m_channel, [this] { onReady(); },
                [this](const QByteArray &key) {
                    if (isTailed(key))
                        markUnread(key);
                });
        });
    });
}

void RedisEventStore::checkForLostData(std::function<void()> next)
{
    // Down one connection, so the GET answers after the SET: with the marker there, the SET does nothing.
    m_commands->command(
        {"SET", epochKey(), RedisRecovery::newEpoch(), "NX"}, [](redisReply *, const QString &) {});
    m_commands->command({"GET", epochKey()}, [this, next](redisReply *reply, const QString &) {
        if (!reply)
            return; // the connection went: connecting again starts over
        if (reply->type == REDIS_REPLY_ERROR)
            return reconnectBecause(QStringLiteral("Redis refused to read Ponder's marker: %1")
                                        .arg(QString::fromUtf8(text(reply))));
        if (m_recovery.lostSince(text(reply)))
            restoreLostData();
        next();
    });
}

void RedisEventStore::restoreLostData()
{
    const QList<RedisRecovery::Restore> sessions = m_recovery.recordLoss();
    const QString message = QStringLiteral("Redis at %1 came back without Ponder's data (restarted without "
                                           "persistence, a failover to an empty replica, or flushed). Events "
                                           "this process had written there, now lost: %2. Sessions it knows, "
                                           "written again: %3.");
    qCWarning(lcRedis).noquote() << message.arg(m_options.url(), QString::number(m_recovery.lastEventsLost()),
        QString::number(sessions.size())); // one pass: a URL may hold a "%2"
    // Sent before anything that would write to them: the buffer's flush follows down the same connection.
    const QByteArray now = QByteArray::number(nowMs());
    for (const RedisRecovery::Restore &session : sessions) {
        runScript(RedisScripts::RestoreSession,
            {"1", sessionKey(session.id), session.json, session.active ? "1" : "0", now, activityTtlMs()},
            [](redisReply *, const QString &) {});
        m_commands->command(
            {"ZADD", indexKey(), now, session.id.toUtf8()}, [](redisReply *, const QString &) {});
        if (!session.active) // ended, so it holds no place under the session cap
            m_commands->command(
                {"ZADD", endedKey(), "NX", now, session.id.toUtf8()}, [](redisReply *, const QString &) {});
    }
    m_activityRefreshed.clear();
    // The streams start again from nothing: tails read them from their start, numbered from 1 again.
    for (auto it = m_tailFrom.begin(); it != m_tailFrom.end(); ++it) {
        if (it.value() != "$") {
            it.value() = "0-0";
            m_tailNumbers.insert(it.key(), 0);
            markUnread(it.key());
        }
    }
}

void RedisEventStore::onReady()
{
    qCInfo(lcRedis).noquote() << "connected to" << m_options.url();
    if (m_buffer.empty())
        m_backoffMs = 100; // else once Redis takes them: while it refuses them, reconnecting backs off
    flushBuffer(); // before anything new, so the buffered events keep their order
    m_healthy = true;
    m_lastError.clear();
    // Watching again: Redis may have lost this process's place in the watchers sets. Then every tailed
    // stream is read for what was written meanwhile, the flushed events among them.
    for (auto it = m_watched.cbegin(); it != m_watched.cend(); ++it)
        registerWatcher(it.key());
    QList<QByteArray> startsUnknown; // watched while Redis was away
    for (auto it = m_tailFrom.cbegin(); it != m_tailFrom.cend(); ++it) {
        if (it.value() == "$")
            startsUnknown << it.key();
        else
            m_unread.insert(it.key());
    }
    for (const QByteArray &key : std::as_const(startsUnknown))
        startTailAtTop(key, [this, key] { markUnread(key); });
    readTail();
}

void RedisEventStore::onConnectionLost(const QString &reason)
{
    const QString closedBecause = std::exchange(m_closeReason, {});
    if (m_reconnect.isActive())
        return;
    if (m_healthy && closedBecause.isEmpty())
        qCWarning(lcRedis).noquote() << "lost Redis at" << m_options.url() << "(" << reason
                                     << "); buffering writes and retrying";
    m_healthy = false;
    m_lastError = closedBecause.isEmpty() ? reason : closedBecause;
    // Refusing the announcements' SUBSCRIBE is the one refusal that comes as a closed connection.
    if (m_lastError.startsWith(QLatin1String("NOPERM")))
        m_lastError = QStringLiteral("Redis refused Ponder's channel %1 (%2): Ponder's Redis user needs "
                                     "&%3:notify:* among its ACL rules")
                          .arg(QString::fromUtf8(m_channel), m_lastError, m_options.keyPrefix);
    m_tailReading = false;
    m_pacer.releaseAll(); // buffered now, like any write while Redis is away
    scheduleReconnect();
}

void RedisEventStore::scheduleReconnect()
{
    m_reconnect.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, 5000);
}

StoreStatus RedisEventStore::unavailable() const
{
    return StoreStatus::failure(StoreStatus::Code::Unavailable,
        QStringLiteral("Redis at %1 is unavailable: %2").arg(m_options.url(), m_lastError));
}

void RedisEventStore::createSession(const Session &session, Done done)
{
    if (!m_healthy)
        return done(unavailable());
    const QByteArray cutoff = QByteArray::number(nowMs() - m_limits.idleExpirySeconds * 1000);
    m_commands->command({"ZCOUNT", indexKey(), cutoff, "+inf"},
        [this, session, done](redisReply *count, const QString &error) {
            if (!count)
                return done(StoreStatus::failure(StoreStatus::Code::Unavailable, error));
            if (count->type == REDIS_REPLY_INTEGER && count->integer >= m_limits.maxSessions)
                return makeRoomFor(session, done);
            const QByteArray now = QByteArray::number(nowMs());
            const QByteArray json = QJsonDocument(session.toJson()).toJson(QJsonDocument::Compact);
            runScript(RedisScripts::CreateSession,
                {"1", sessionKey(session.id), json, now, QByteArray::number(m_limits.idleExpirySeconds)},
                [this, session, now, done](redisReply *reply, const QString &failure) {
                    if (!reply)
                        return done(StoreStatus::failure(StoreStatus::Code::Unavailable, failure));
                    if (isError(reply, "EXISTS"))
                        return done(StoreStatus::failure(StoreStatus::Code::Conflict,
                            QStringLiteral("session '%1' already exists").arg(session.id)));
                    if (isError(reply))
                        return done(StoreStatus::failure(
                            StoreStatus::Code::Unavailable, QString::fromUtf8(text(reply))));
                    m_commands->command(
                        {"ZADD", indexKey(), now, session.id.toUtf8()}, [](redisReply *, const QString &) {});
                    m_recovery.created(session);
                    done(StoreStatus::success());
                });
        });
}

void RedisEventStore::makeRoomFor(const Session &session, Done done)
{
    m_commands->command(
        {"ZPOPMIN", endedKey()}, [this, session, done](redisReply *ended, const QString &error) {
            if (!ended)
                return done(StoreStatus::failure(StoreStatus::Code::Unavailable, error));
            if (ended->type != REDIS_REPLY_ARRAY || ended->elements < 1)
                return done(StoreStatus::failure(StoreStatus::Code::LimitReached,
                    QStringLiteral("the session limit (%1) is reached: end a session to make room")
                        .arg(m_limits.maxSessions)));
            const QString id = QString::fromUtf8(text(ended->element[0]));
            m_recovery.forget(id); // removed on purpose: not one to give back should Redis lose its data
            qCInfo(lcRedis) << "session" << id
                            << "removed to make room: it had ended, and the session limit is reached";
            // Its keys share a hash slot (one DEL); the index is a key of its own (Redis Cluster).
            m_commands->command({"DEL", sessionKey(id), streamKey(id, EventKind::Thinking),
                                    streamKey(id, EventKind::Progress), watchersKey(id)},
                [](redisReply *, const QString &) {});
            m_commands->command({"ZREM", indexKey(), id.toUtf8()},
                [this, id, session, done](redisReply *removed, const QString &failure) {
                    if (!removed)
                        return done(StoreStatus::failure(StoreStatus::Code::Unavailable, failure));
                    Q_EMIT sessionRemoved(id);
                    // Counted again: an entry for a session that had expired meanwhile made no room.
                    createSession(session, done);
                });
        });
}

void RedisEventStore::session(const QString &id, SessionDone done)
{
    if (!m_healthy)
        return done(unavailable(), {}, {});
    m_commands->command({"HGETALL", sessionKey(id)}, [id, done](redisReply *reply, const QString &error) {
        if (!reply)
            return done(StoreStatus::failure(StoreStatus::Code::Unavailable, error), {}, {});
        const auto hash = parseHash(reply);
        if (!hash.contains("data"))
            return done(StoreStatus::sessionNotFound(id), {}, {});
        Session session;
        SessionStats stats;
        parseSession(hash, &session, &stats);
        done(StoreStatus::success(), session, stats);
    });
}

void RedisEventStore::sessions(SessionsDone done)
{
    if (!m_healthy)
        return done(unavailable(), {});
    const QByteArray cutoff = QByteArray::number(nowMs() - m_limits.idleExpirySeconds * 1000);
    m_commands->command(
        {"ZRANGEBYSCORE", indexKey(), cutoff, "+inf"}, [this, done](redisReply *reply, const QString &error) {
            if (!reply)
                return done(StoreStatus::failure(StoreStatus::Code::Unavailable, error), {});
            QStringList ids;
            for (size_t i = 0; reply->type == REDIS_REPLY_ARRAY && i < reply->elements; ++i)
                ids << QString::fromUtf8(text(reply->element[i]));
            if (ids.isEmpty())
                return done(StoreStatus::success(), {});
            auto found = std::make_shared<QList<Session>>();
            auto remaining = std::make_shared<int>(int(ids.size()));
            for (const QString &id : std::as_const(ids)) {
                // Not answered (the connection went): the session is left out, as one that expired is.
                m_commands->command(
                    {"HGETALL", sessionKey(id)}, [found, remaining, done](redisReply *hash, const QString &) {
                        const auto fields = parseHash(hash);
                        if (fields.contains("data")) {
                            Session session;
                            SessionStats stats;
                            parseSession(fields, &session, &stats);
                            *found << session;
                        }
                        if (--*remaining == 0)
                            done(StoreStatus::success(), *found);
                    });
            }
        });
}

void RedisEventStore::endSession(const QString &id, Done done)
{
    if (!m_healthy)
        return done(unavailable());
    runScript(RedisScripts::EndSession,
        {"4", sessionKey(id), streamKey(id, EventKind::Thinking), streamKey(id, EventKind::Progress),
            watchersKey(id), QByteArray::number(nowMs()), activityTtlMs()},
        [this, id, done](redisReply *reply, const QString &error) {
            if (!reply)
                return done(StoreStatus::failure(StoreStatus::Code::Unavailable, error));
            if (isError(reply, "NOSESSION"))
                return done(StoreStatus::sessionNotFound(id));
            m_recovery.ended(id);
            // Its place under the session cap is free from now on (NX: ending twice keeps the first time).
            m_commands->command({"ZADD", endedKey(), "NX", QByteArray::number(nowMs()), id.toUtf8()},
                [id, done](redisReply *added, const QString &failure) {
                    if (!added)
                        return done(StoreStatus::failure(StoreStatus::Code::Unavailable, failure));
                    done(StoreStatus::success());
                });
        });
}

void RedisEventStore::append(
    const QString &sessionId, EventKind kind, const QString &type, const EventData &data, AppendDone done)
{
    const QByteArray key = streamKey(sessionId, kind);
    if (m_healthy && isTailed(key))
        return m_pacer.whenRoom(
            key, 1, [this, sessionId, kind, type, data, done = std::move(done)]() mutable {
                appendNow(sessionId, kind, type, data, std::move(done));
            });
    appendNow(sessionId, kind, type, data, std::move(done));
}

void RedisEventStore::appendNow(
    const QString &sessionId, EventKind kind, const QString &type, const EventData &data, AppendDone done)
{
    if (m_healthy)
        return appendManyNow(sessionId, kind, type, {data},
            [done = std::move(done)](StoreStatus status, const QList<StoredEvent> &written) {
                if (done)
                    done(status, written.value(0));
            });

    // Redis is away: keep the event (bounded), answer at once, and let local watchers see it now.
    StoredEvent buffered {sessionId, kind, {}, type, data, {}};
    buffered.id = m_provisionalIds.next(quint64(nowMs()));
    if (int(m_buffer.size()) >= m_limits.maxBufferedEvents)
        dropOldestBuffered();
    m_buffer.push_back(buffered);
    m_shownProvisionally.insert(buffered.id.toString().toLatin1(), streamKey(sessionId, kind));
    done(StoreStatus::success(), buffered);
    Q_EMIT eventAppended(buffered);
}

QList<QByteArray> RedisEventStore::statsArguments(const StoredEvent &event)
{
    QByteArray countField;
    QByteArray typeField;
    QByteArray confidence;
    if (!event.isSessionEnd()) {
        const bool thinking = event.kind == EventKind::Thinking;
        countField = thinking ? "thinking_count" : "progress_count";
        const EventFacts facts = event.data.facts(event.kind);
        typeField = (thinking ? "tt:" : "pt:") + facts.type.toUtf8();
        if (facts.confidence)
            confidence = QByteArray::number(*facts.confidence);
    }
    return {countField, typeField, confidence};
}

void RedisEventStore::sendBuffered(const StoredEvent &event)
{
    const QList<QByteArray> stats = statsArguments(event);
    const EventKind other = event.kind == EventKind::Thinking ? EventKind::Progress : EventKind::Thinking;
    const QByteArray now = QByteArray::number(nowMs());
    const QByteArray key = streamKey(event.sessionId, event.kind);
    if (isTailed(key))
        m_pacer.sent(key, 1);
    // Explicit ids keep what local watchers already saw; Redis falls back to * if one is too old.
    runScript(RedisScripts::Append,
        {"4", sessionKey(event.sessionId), key, streamKey(event.sessionId, other),
            watchersKey(event.sessionId), event.id.toString().toLatin1(),
            QByteArray::number(std::max(1, m_limits.historyLength)), activityTtlMs(), now,
            event.type.toUtf8(), storedText(event), stats.at(0), stats.at(1), stats.at(2), m_channel},
        [this, event, key, now](redisReply *reply, const QString &) {
            const QByteArray provisionalId = event.id.toString().toLatin1();
            if (reply && reply->type != REDIS_REPLY_ERROR) {
                // Stored under another id (Redis had newer entries), it reaches this process's tail again,
                // marked with the id its watchers saw: the tail leaves it out then.
                if (text(reply) == provisionalId || !isTailed(key))
                    m_shownProvisionally.remove(provisionalId);
                m_pacer.written(
                    key, 1, StreamId::parse(QString::fromLatin1(text(reply))).value_or(StreamId {}));
                m_backoffMs = 100; // Redis takes writes again
                m_recovery.wrote(event.sessionId, event.kind, 1);
                if (activityRefreshDue(event.sessionId, now.toLongLong())) // Append refreshed the expiry
                    activityRefreshed(event.sessionId, now.toLongLong());
                return;
            }
            m_pacer.failed(key, 1);
            // Redis took the call; what is wrong is this event's session (gone, or another program's key
            // where its stream belongs), and trying again would not mend it.
            if (isError(reply, "NOSESSION") || isError(reply, "WRONGTYPE")) {
                m_backoffMs = 100;
                m_shownProvisionally.remove(provisionalId);
                ++m_droppedEvents; // its publisher was answered 201: the drop is counted, not only logged
                qCWarning(lcRedis).noquote()
                    << "a buffered event of" << event.sessionId << "was dropped:" << text(reply);
                return;
            }
            // Its publisher was answered long ago: it waits for the next connection. (Lost with the
            // connection, it may have been written; sent again with its id, it is not written twice.)
            keepBuffered(event);
            if (reply) // Redis refused it (still loading its data, short of replicas, out of memory...)
                reconnectBecause(
                    QStringLiteral("Redis refused buffered events: %1").arg(QString::fromUtf8(text(reply))));
        });
}

void RedisEventStore::keepBuffered(const StoredEvent &event)
{
    // In id order: what was buffered since (ids are never reused) comes after it.
    const auto at = std::upper_bound(m_buffer.begin(), m_buffer.end(), event,
        [](const StoredEvent &a, const StoredEvent &b) { return a.id < b.id; });
    m_buffer.insert(at, event);
    if (int(m_buffer.size()) > m_limits.maxBufferedEvents)
        dropOldestBuffered();
}

void RedisEventStore::dropOldestBuffered()
{
    m_shownProvisionally.remove(m_buffer.front().id.toString().toLatin1());
    m_buffer.pop_front();
    ++m_droppedEvents;
}

void RedisEventStore::reconnectBecause(const QString &reason)
{
    if (m_closeReason.isEmpty())
        qCWarning(lcRedis).noquote() << reason << "- connecting again";
    m_closeReason = reason;
    m_commands->close();
}

void RedisEventStore::appendMany(const QString &sessionId, EventKind kind, const QString &type,
    const QList<EventData> &data, AppendManyDone done)
{
    if (data.isEmpty())
        return done(StoreStatus::success(), {});
    const QByteArray key = streamKey(sessionId, kind);
    if (m_healthy && isTailed(key))
        return m_pacer.whenRoom(
            key, data.size(), [this, sessionId, kind, type, data, done = std::move(done)]() mutable {
                appendManyNow(sessionId, kind, type, data, std::move(done));
            });
    appendManyNow(sessionId, kind, type, data, std::move(done));
}

void RedisEventStore::appendManyNow(const QString &sessionId, EventKind kind, const QString &type,
    const QList<EventData> &data, AppendManyDone done)
{
    if (!m_healthy) // buffered one by one; append() does not pace while Redis is away
        return EventStore::appendMany(sessionId, kind, type, data, std::move(done));
    const QByteArray key = streamKey(sessionId, kind);
    if (isTailed(key))
        m_pacer.sent(key, data.size()); // counted from now, so the pacer sees writes that wait their turn
    m_writes.submit(key, {sessionId, kind, type, data, std::move(done)});
}

void RedisEventStore::sendWrites(const QByteArray &key, QList<GroupedWrites::Write> writes)
{
    const QString sessionId = writes.first().sessionId;
    const EventKind kind = writes.first().kind;
    const QString type = writes.first().type;
    const EventKind other = kind == EventKind::Thinking ? EventKind::Progress : EventKind::Thinking;
    const qint64 nowValue = nowMs();
    const QByteArray now = QByteArray::number(nowValue);
    const bool refresh = activityRefreshDue(sessionId, nowValue);
    QList<QByteArray> arguments {"4", sessionKey(sessionId), key, streamKey(sessionId, other),
        watchersKey(sessionId), QByteArray::number(std::max(1, m_limits.historyLength)), activityTtlMs(), now,
        type.toUtf8(),
        kind == EventKind::Thinking ? QByteArrayLiteral("seq:thinking") : QByteArrayLiteral("seq:progress"),
        refresh ? QByteArrayLiteral("1") : QByteArrayLiteral("0"), m_channel};
    QList<StoredEvent> events;
    for (const GroupedWrites::Write &write : std::as_const(writes)) {
        for (const EventData &eventData : write.data) {
            const StoredEvent event {sessionId, kind, {}, type, eventData, {}};
            arguments << storedText(event) << statsArguments(event);
            events.append(event);
        }
    }
    runScript(RedisScripts::AppendMany, arguments,
        [this, sessionId, kind, key, writes, events, nowValue, refresh](
            redisReply *reply, const QString &error) {
            // The new ids in order, then the first one's number in the stream.
            const bool ok
                = reply && reply->type == REDIS_REPLY_ARRAY && reply->elements == size_t(events.size()) + 1;
            QList<StoredEvent> written = events;
            if (ok) {
                for (qsizetype i = 0; i < written.size(); ++i)
                    written[i].id
                        = StreamId::parse(QString::fromLatin1(text(reply->element[i]))).value_or(StreamId {});
                m_pacer.written(key, events.size(), written.last().id);
                const redisReply *first = reply->element[events.size()];
                showWritten(key, written, first->type == REDIS_REPLY_INTEGER ? first->integer : 0);
            } else {
                m_pacer.failed(key, events.size());
            }
            StoreStatus status = StoreStatus::success();
            if (!reply)
                status = StoreStatus::failure(StoreStatus::Code::Unavailable, error);
            else if (isError(reply, "NOSESSION"))
                status = StoreStatus::sessionNotFound(sessionId);
            else if (!ok)
                status = StoreStatus::failure(StoreStatus::Code::Unavailable, QString::fromUtf8(text(reply)));
            if (ok && refresh)
                activityRefreshed(sessionId, nowValue);
            if (ok)
                m_recovery.wrote(sessionId, kind, events.size());
            qsizetype at = 0;
            for (const GroupedWrites::Write &write : writes) {
                write.done(status, ok ? written.mid(at, write.data.size()) : QList<StoredEvent> {});
                at += write.data.size();
            }
            if (reply)
                return m_writes.finished(key);
            // The connection went: what waited for this call would go down it too.
            for (const GroupedWrites::Write &write : m_writes.abandoned(key)) {
                m_pacer.failed(key, write.data.size());
                write.done(status, {});
            }
        });
}

void RedisEventStore::showWritten(
    const QByteArray &key, const QList<StoredEvent> &written, qint64 firstNumber)
{
    // Only when the tail has read every entry before these: another process's entry in between must be
    // shown first, and the tail brings them all in order; it reads now, whether or not that process's
    // announcement has come. (Only Ponder's scripts number entries and announce them: one another program
    // XADDs is neither noticed nor read; docs/streaming-api.md says to write through Ponder.)
    const auto lastNumber = m_tailNumbers.constFind(key);
    const auto position = StreamId::parse(QString::fromLatin1(m_tailFrom.value(key)));
    if (lastNumber == m_tailNumbers.cend() || *lastNumber != firstNumber - 1 || !position
        || !(*position < written.first().id)) {
        if (isTailed(key))
            markUnread(key);
        return;
    }
    m_tailNumbers.insert(key, firstNumber + written.size() - 1);
    m_tailFrom.insert(key, written.last().id.toString().toLatin1());
    for (const StoredEvent &event : written)
        Q_EMIT eventAppended(event);
    if (isTailed(key)) // a watcher dropped while these were delivered may have been the last
        m_pacer.tailRead(key, written.last().id);
}

void RedisEventStore::runScript(
    const RedisScript &script, const QByteArrayList &keysAndArguments, RedisConnection::ReplyHandler handler)
{
    QByteArrayList command {QByteArrayLiteral("EVALSHA"), script.sha1};
    command += keysAndArguments;
    m_commands->command(
        command, [this, handler = std::move(handler)](redisReply *reply, const QString &error) {
            // Redis lost the scripts loaded on connect (SCRIPT FLUSH, a failover). This call fails, like any
            // while Redis is away, and connecting again loads them again. Sending it again in full instead
            // could put it behind appends sent after it, and a stream's order is promised.
            if (isError(reply, "NOSCRIPT"))
                reconnectBecause(QStringLiteral("Redis no longer has Ponder's scripts"));
            handler(reply, error);
        });
}

void RedisEventStore::flushBuffer()
{
    if (m_buffer.empty())
        return;
    qCInfo(lcRedis) << "flushing" << m_buffer.size() << "buffered events";
    for (const StoredEvent &event : m_buffer)
        sendBuffered(event);
    m_buffer.clear();
}

void RedisEventStore::read(const QString &sessionId, EventKind kind, StreamId after, int limit, ReadDone done)
{
    if (!m_healthy)
        return done(unavailable(), {});
    // Both commands go down one connection, so their replies come back in this order.
    auto exists = std::make_shared<bool>(false);
    m_commands->command({"EXISTS", sessionKey(sessionId)}, [exists](redisReply *reply, const QString &) {
        *exists = reply && reply->type == REDIS_REPLY_INTEGER && reply->integer == 1;
    });
    m_commands->command({"XRANGE", streamKey(sessionId, kind), exclusiveStart(after), "+", "COUNT",
                            QByteArray::number(std::max(1, limit))},
        [sessionId, kind, exists, done](redisReply *reply, const QString &error) {
            if (!reply)
                return done(StoreStatus::failure(StoreStatus::Code::Unavailable, error), {});
            if (!*exists)
                return done(StoreStatus::sessionNotFound(sessionId), {});
            if (reply->type == REDIS_REPLY_ERROR) // e.g. another program's key where the stream belongs
                return done(
                    StoreStatus::failure(StoreStatus::Code::Unavailable, QString::fromUtf8(text(reply))), {});
            done(StoreStatus::success(), parseEntries(reply, sessionId, kind));
        });
}

void RedisEventStore::watch(const QString &sessionId, std::function<void()> ready)
{
    m_recovery.touched(sessionId);
    if (m_watched[sessionId]++ > 0 || !m_healthy) {
        // Already tailed; or Redis is away, and the tail will start from the top once it is back.
        for (EventKind kind : {EventKind::Thinking, EventKind::Progress}) {
            const QByteArray key = streamKey(sessionId, kind);
            m_streamKeys.insert(key, {sessionId, kind});
            if (!m_tailFrom.contains(key))
                m_tailFrom.insert(key, "$");
        }
        return ready();
    }
    // Registered before the tops are read, down the same connection: what is written after them is
    // announced, what is written before them is in the history the caller reads next. An announcement may
    // still beat the tops' replies here, so each stream is read once they are in.
    registerWatcher(sessionId);
    auto remaining = std::make_shared<int>(2);
    for (EventKind kind : {EventKind::Thinking, EventKind::Progress}) {
        const QByteArray key = streamKey(sessionId, kind);
        m_streamKeys.insert(key, {sessionId, kind});
        startTailAtTop(key, [this, key, remaining, ready] {
            markUnread(key);
            if (--*remaining == 0)
                ready();
        });
    }
}

void RedisEventStore::registerWatcher(const QString &sessionId)
{
    const QByteArray key = watchersKey(sessionId);
    m_commands->command({"SADD", key, m_channel}, [](redisReply *, const QString &) {});
    // Gone with the session when nothing happens in it; the appends refresh it with the session's keys.
    m_commands->command({"PEXPIRE", key, activityTtlMs()}, [](redisReply *, const QString &) {});
}

void RedisEventStore::startTailAtTop(const QByteArray &key, std::function<void()> done)
{
    // A lost reply (the connection went) starts the tail from the beginning, so `done` still comes.
    m_commands->command(
        {"XREVRANGE", key, "+", "-", "COUNT", "1"}, [this, key, done](redisReply *reply, const QString &) {
            QByteArray top = "0-0";
            std::optional<qint64> topNumber;
            if (reply && reply->type == REDIS_REPLY_ARRAY && reply->elements == 0) {
                topNumber = 0; // empty: Ponder numbers a stream's entries from 1
            } else if (reply && reply->type == REDIS_REPLY_ARRAY && reply->elements == 1) {
                top = text(reply->element[0]->element[0]);
                EntryFacts facts;
                parseEntry(reply->element[0], {}, EventKind::Thinking, &facts);
                if (facts.number > 0)
                    topNumber = facts.number;
            }
            if (m_streamKeys.contains(key)) {
                m_tailFrom.insert(key, top);
                if (topNumber)
                    m_tailNumbers.insert(key, *topNumber);
                else
                    m_tailNumbers.remove(key);
                if (const auto position = StreamId::parse(QString::fromLatin1(top)))
                    m_pacer.tailRead(key, *position);
            }
            done();
        });
}

void RedisEventStore::unwatch(const QString &sessionId)
{
    auto it = m_watched.find(sessionId);
    if (it == m_watched.end() || --*it > 0)
        return;
    m_watched.erase(it);
    if (m_healthy)
        m_commands->command(
            {"SREM", watchersKey(sessionId), m_channel}, [](redisReply *, const QString &) {});
    for (EventKind kind : {EventKind::Thinking, EventKind::Progress}) {
        const QByteArray key = streamKey(sessionId, kind);
        m_tailFrom.remove(key);
        m_tailNumbers.remove(key);
        m_streamKeys.remove(key);
        m_unread.remove(key);
        m_pacer.release(key);
        m_shownProvisionally.removeIf([&key](const auto &shown) { return shown.value() == key; });
        m_tailExcluded.remove(key);
    }
}

void RedisEventStore::recheckExcludedKeys()
{
    if (m_tailExcluded.isEmpty())
        return m_excludedCheck.stop();
    if (!m_healthy)
        return;
    for (auto it = m_tailExcluded.cbegin(); it != m_tailExcluded.cend(); ++it) {
        m_commands->command({"TYPE", it.key()}, [this, key = it.key()](redisReply *reply, const QString &) {
            if (!reply || reply->type != REDIS_REPLY_STATUS)
                return;
            const QByteArray type = text(reply);
            if ((type != "stream" && type != "none") || !m_tailExcluded.contains(key))
                return;
            // Mended (or gone, and a stream again with the next append): read on from where the tail was.
            qCInfo(lcRedis) << key << "is a stream again: its watchers get live events from it";
            m_tailFrom.insert(key, m_tailExcluded.take(key));
            markUnread(key);
        });
    }
}

void RedisEventStore::markUnread(const QByteArray &key)
{
    m_unread.insert(key);
    readTail();
}

void RedisEventStore::readTail()
{
    // One read at a time, and none while a failed one waits to be tried again (onTailError).
    if (!m_healthy || m_tailReading || m_unread.isEmpty() || m_tailRetry.isActive())
        return;
    QByteArrayList keys;
    QByteArrayList ids;
    for (auto it = m_unread.begin(); it != m_unread.end();) {
        const auto from = m_tailFrom.constFind(*it);
        if (from != m_tailFrom.cend() && *from == "$") { // its start is not known yet: read once it is
            ++it;
            continue;
        }
        if (from != m_tailFrom.cend()) { // else no longer tailed, or left out (onTailError)
            keys << *it;
            ids << *from;
        }
        it = m_unread.erase(it);
    }
    if (keys.isEmpty())
        return;
    // Literals, not char arrays: this is sent for every announcement, and each char array would be a copy.
    QByteArrayList command {QByteArrayLiteral("XREAD"), QByteArrayLiteral("COUNT"), QByteArrayLiteral("1000"),
        QByteArrayLiteral("STREAMS")};
    static_assert(TailReadCount == 1000);
    command += keys;
    command += ids;
    m_tailReading = m_commands->command(command, [this, keys](redisReply *reply, const QString &) {
        m_tailReading = false;
        if (!reply)
            return; // connection lost (or closing): once back, every tailed stream is read (onReady)
        if (reply->type == REDIS_REPLY_ERROR) {
            for (const QByteArray &key : keys)
                m_unread.insert(key);
            return onTailError(QString::fromUtf8(text(reply)));
        }
        m_tailRetryMs = TailRetryFirstMs;
        // A stream that filled its share of the read may hold more.
        for (size_t i = 0; reply->type == REDIS_REPLY_ARRAY && i < reply->elements; ++i) {
            const redisReply *stream = reply->element[i];
            if (stream->type == REDIS_REPLY_ARRAY && stream->elements == 2
                && stream->element[1]->type == REDIS_REPLY_ARRAY
                && stream->element[1]->elements >= size_t(TailReadCount))
                m_unread.insert(text(stream->element[0]));
        }
        onTailReply(reply);
        readTail();
    });
}

void RedisEventStore::onTailError(const QString &error)
{
    // One XREAD reads every tailed stream, and Redis fails it as a whole, so a key another program put where
    // a stream belongs would stop live events for every session. Such keys are left out of the tail; whatever
    // the error, the read is tried again after a pause, never in a tight loop.
    qCWarning(lcRedis).noquote() << "the live tail's read failed:" << error;
    const int delay = std::exchange(m_tailRetryMs, std::min(m_tailRetryMs * 2, TailRetryLastMs));
    const QList<QByteArray> keys = m_tailFrom.keys();
    if (keys.isEmpty())
        return m_tailRetry.start(delay);
    auto remaining = std::make_shared<qsizetype>(keys.size());
    for (const QByteArray &key : keys) {
        m_commands->command({"TYPE", key}, [this, key, remaining, delay](redisReply *reply, const QString &) {
            const QByteArray type = reply && reply->type == REDIS_REPLY_STATUS ? text(reply) : "none";
            if (type != "stream" && type != "none" && m_tailFrom.contains(key)) {
                qCWarning(lcRedis) << key << "holds a" << type
                                   << "where a stream belongs: its watchers get no live events from it until "
                                      "it is a stream again";
                m_tailExcluded.insert(key, m_tailFrom.take(key));
                m_tailNumbers.remove(key);
                m_pacer.release(key);
                if (!m_excludedCheck.isActive())
                    m_excludedCheck.start();
            }
            if (--*remaining == 0)
                m_tailRetry.start(delay);
        });
    }
}

void RedisEventStore::onTailReply(redisReply *reply)
{
    if (reply->type != REDIS_REPLY_ARRAY)
        return; // nil: timed out or unblocked
    QList<StoredEvent> arrived;
    QList<QPair<QByteArray, StreamId>> positions;
    for (size_t i = 0; i < reply->elements; ++i) {
        const redisReply *stream = reply->element[i];
        if (stream->type != REDIS_REPLY_ARRAY || stream->elements != 2)
            continue;
        const QByteArray key = text(stream->element[0]);
        const auto info = m_streamKeys.constFind(key);
        if (info == m_streamKeys.cend())
            continue; // unwatched meanwhile
        const redisReply *entries = stream->element[1];
        if (entries->type != REDIS_REPLY_ARRAY)
            continue;
        // Where the tail was when this read went out, or further on: this process's own writes are shown
        // as Redis answers them when the tail had read up to them (showWritten).
        const std::optional<StreamId> shownUpTo = StreamId::parse(QString::fromLatin1(m_tailFrom.value(key)));
        std::optional<StreamId> lastRead;
        qint64 missed = 0;
        // -1: not known (the tail started at "$", or at an entry another writer added)
        qint64 lastNumber = m_tailNumbers.value(key, -1);
        for (size_t e = 0; e < entries->elements; ++e) {
            // Checked before the entry is parsed: under a steady stream of this process's own writes, that
            // is most of what the tail reads.
            if (const auto id = entryId(entries->element[e]); shownUpTo && id && !(*shownUpTo < *id))
                continue;
            EntryFacts facts;
            auto event = parseEntry(entries->element[e], info->sessionId, info->kind, &facts);
            if (!event)
                continue;
            if (facts.number > 0 && lastNumber >= 0 && facts.number > lastNumber + 1)
                missed += facts.number - lastNumber - 1;
            if (facts.number > 0)
                lastNumber = facts.number;
            lastRead = event->id;
            // Buffered here while Redis was away, and already shown to this process's watchers.
            if (!facts.was.isEmpty() && m_shownProvisionally.remove(facts.was))
                continue;
            arrived << *event;
        }
        if (lastNumber >= 0)
            m_tailNumbers.insert(key, lastNumber);
        if (lastRead) {
            m_tailFrom.insert(key, lastRead->toString().toLatin1());
            positions.append({key, *lastRead});
        }
        if (missed > 0) {
            // Written by other processes faster than this one read, and trimmed by MAXLEN meanwhile.
            qCWarning(lcRedis) << "the tail missed" << missed << "entries of" << key
                               << "trimmed before it read them";
            Q_EMIT eventsMissed(info->sessionId, info->kind, missed);
        }
    }
    // A reply groups entries by stream; watchers of both streams want them in time order.
    std::stable_sort(arrived.begin(), arrived.end(),
        [](const StoredEvent &a, const StoredEvent &b) { return a.id < b.id; });
    for (const StoredEvent &event : std::as_const(arrived))
        Q_EMIT eventAppended(event);
    // Only now, with the events delivered, may the writes waiting for the tail go on.
    for (const auto &[key, position] : std::as_const(positions)) {
        if (isTailed(key)) // see showWritten
            m_pacer.tailRead(key, position);
    }
}

qint64 RedisEventStore::activityRefreshMs() const
{
    // A score this much behind the last activity takes a session off the list this much before its keys
    // expire: a second at most, and a tenth of a short expiry.
    return std::min<qint64>(1000, qint64(m_limits.idleExpirySeconds) * 100);
}

QByteArray RedisEventStore::activityTtlMs() const
{
    return QByteArray::number(qint64(m_limits.idleExpirySeconds) * 1000 + activityRefreshMs());
}

bool RedisEventStore::activityRefreshDue(const QString &sessionId, qint64 now) const
{
    const qint64 refreshed = m_activityRefreshed.value(sessionId);
    return refreshed == 0 || now - refreshed >= activityRefreshMs();
}

void RedisEventStore::activityRefreshed(const QString &sessionId, qint64 now)
{
    qint64 &refreshed = m_activityRefreshed[sessionId];
    refreshed = std::max(refreshed, now);
    m_commands->command({QByteArrayLiteral("ZADD"), indexKey(), QByteArray::number(now), sessionId.toUtf8()},
        [](redisReply *, const QString &) {});
}

void RedisEventStore::expireIdleSessions()
{
    const qint64 forgetBefore = nowMs() - activityRefreshMs();
    m_activityRefreshed.removeIf(
        [forgetBefore](const auto &refreshed) { return refreshed.value() < forgetBefore; });
    m_recovery.forgetIdleBefore(nowMs() - m_limits.idleExpirySeconds * 1000);
    if (!m_healthy)
        return;
    const QByteArray cutoff = QByteArray::number(nowMs() - m_limits.idleExpirySeconds * 1000);
    m_commands->command(
        {"ZREMRANGEBYSCORE", indexKey(), "-inf", "(" + cutoff}, [](redisReply *, const QString &) {});
    m_commands->command(
        {"ZREMRANGEBYSCORE", endedKey(), "-inf", "(" + cutoff}, [](redisReply *, const QString &) {});
}

QJsonObject RedisEventStore::healthDetails() const
{
    QJsonObject details {
        {QStringLiteral("redis_connection"),
            m_healthy ? QStringLiteral("connected") : QStringLiteral("disconnected")},
        {QStringLiteral("redis_url"), m_options.url()},
        {QStringLiteral("buffered_events"), qint64(m_buffer.size())},
        {QStringLiteral("dropped_events"), m_droppedEvents},
        {QStringLiteral("watched_sessions"), m_watched.size()},
        {QStringLiteral("writes_waiting_for_tail"), m_pacer.waitingWrites()},
        {QStringLiteral("writes_waiting_for_previous_call"), m_writes.waitingWrites()},
        // Watched streams whose key holds another type (another program's): no live events until mended.
        {QStringLiteral("streams_left_out_of_tail"), m_tailExcluded.size()},
    };
    if (!m_healthy)
        details.insert(QStringLiteral("reason"), QStringLiteral("Redis unavailable: %1").arg(m_lastError));
    const QJsonObject losses = m_recovery.healthDetails();
    for (auto it = losses.begin(); it != losses.end(); ++it)
        details.insert(it.key(), it.value());
    return details;
}
