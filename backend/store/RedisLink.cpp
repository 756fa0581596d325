// SPDX-License-Identifier: MIT
#include "store/RedisLink.h"

#include "core/Logging.h"
#include "store/RedisRecovery.h"
#include "store/RedisReplies.h"
#include "store/RedisScripts.h"

#include <hiredis/hiredis.h>

using RedisReplies::isError;
using RedisReplies::text;

RedisLink::RedisLink(RedisOptions options, const RedisKeys &keys)
    : m_options(std::move(options))
    , m_epochKey(keys.epoch())
    , m_channel(keys.newChannel())
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &RedisLink::connectBoth);
    m_heartbeat.setInterval(ReplyTimeoutMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        // Reading the marker is the PING: it also notices a Redis emptied under an open connection
        // (FLUSHALL, FLUSHDB).
        if (m_up)
            readMarker([] {});
    });
    m_heartbeat.start();
}

RedisLink::~RedisLink()
{
    shutDown();
}

void RedisLink::shutDown()
{
    m_up = false;
    m_reconnect.stop();
    delete m_commands;
    m_commands = nullptr;
    delete m_announcements;
    m_announcements = nullptr;
}

void RedisLink::open()
{
    connectBoth();
}

void RedisLink::connectBoth()
{
    delete m_commands;
    delete m_announcements;
    m_commands = new RedisConnection(m_options.host, m_options.port, this);
    m_announcements = new RedisConnection(m_options.host, m_options.port, this);
    m_commands->setReplyTimeout(ReplyTimeoutMs);
    m_announcements->setReplyTimeout(ReplyTimeoutMs);
    for (RedisConnection *connection : {m_commands, m_announcements}) {
        connect(connection, &RedisConnection::connected, this, &RedisLink::onConnected);
        connect(connection, &RedisConnection::disconnected, this, &RedisLink::onConnectionLost);
        connection->open();
    }
}

void RedisLink::onConnected()
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

void RedisLink::whenAllAccepted(const QList<std::pair<RedisConnection *, QByteArrayList>> &commands,
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

void RedisLink::prepareConnections()
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
        readMarker([this] {
            m_announcements->subscribe(
                m_channel,
                [this] {
                    qCInfo(lcRedis).noquote() << "connected to" << m_options.url();
                    m_up = true;
                    m_lastError.clear();
                    Q_EMIT ready();
                },
                [this](const QByteArray &streamKey) { Q_EMIT announced(streamKey); });
        });
    });
}

void RedisLink::readMarker(std::function<void()> next)
{
    // Down one connection, so the GET answers after the SET: with the marker there, the SET does nothing.
    m_commands->command(
        {"SET", m_epochKey, RedisRecovery::newEpoch(), "NX"}, [](redisReply *, const QString &) {});
    m_commands->command({"GET", m_epochKey}, [this, next](redisReply *reply, const QString &) {
        if (!reply)
            return; // the connection went: connecting again starts over
        if (reply->type == REDIS_REPLY_ERROR)
            return reconnectBecause(QStringLiteral("Redis refused to read Ponder's marker: %1")
                                        .arg(QString::fromUtf8(text(reply))));
        Q_EMIT markerRead(text(reply));
        next();
    });
}

void RedisLink::onConnectionLost(const QString &reason)
{
    const QString closedBecause = std::exchange(m_closeReason, {});
    if (m_reconnect.isActive())
        return;
    if (m_up && closedBecause.isEmpty())
        qCWarning(lcRedis).noquote() << "lost Redis at" << m_options.url() << "(" << reason
                                     << "); buffering writes and retrying";
    m_up = false;
    m_lastError = closedBecause.isEmpty() ? reason : closedBecause;
    // Refusing the announcements' SUBSCRIBE is the one refusal that comes as a closed connection.
    if (m_lastError.startsWith(QLatin1String("NOPERM")))
        m_lastError = QStringLiteral("Redis refused Ponder's channel %1 (%2): Ponder's Redis user needs "
                                     "&%3:notify:* among its ACL rules")
                          .arg(QString::fromUtf8(m_channel), m_lastError, m_options.keyPrefix);
    Q_EMIT lost();
    m_reconnect.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, LastBackoffMs);
}

void RedisLink::reconnectBecause(const QString &reason)
{
    if (m_closeReason.isEmpty())
        qCWarning(lcRedis).noquote() << reason << "- connecting again";
    m_closeReason = reason;
    m_commands->close();
}

void RedisLink::runScript(
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
