// SPDX-License-Identifier: MIT
// Ponder's two connections to one Redis, kept up: one for commands, one subscribed to this process's channel,
// where other processes announce their appends. On connecting: AUTH (when there is a password), SELECT, the
// scripts loaded, the marker read (markerRead), then the subscription; only then is the link up (ready). A
// connection lost or a reply overdue takes the link down (lost) and connects again, backing off from 100 ms
// to 5 s while Redis stays away. A heartbeat reads the marker while nothing else would notice a Redis that
// stopped answering or was emptied.
#pragma once

#include "store/RedisConnection.h"
#include "store/RedisKeys.h"
#include "store/RedisOptions.h"

#include <QTimer>

struct RedisScript;

class RedisLink : public QObject
{
    Q_OBJECT

public:
    RedisLink(RedisOptions options, const RedisKeys &keys);
    ~RedisLink() override;

    void open();
    // Frees both connections while their pending replies' handlers (the store's) can still run; after this
    // the link stays down.
    void shutDown();

    bool isUp() const { return m_up; }
    // Why the link is down: "connecting", Redis's answer, or what Ponder made of it.
    const QString &lastError() const { return m_lastError; }
    const RedisOptions &options() const { return m_options; }
    const QByteArray &channel() const { return m_channel; }

    // A command on the commands connection, answered as by RedisConnection::command.
    bool command(const QByteArrayList &arguments, RedisConnection::ReplyHandler handler)
    {
        return m_commands->command(arguments, std::move(handler));
    }
    // EVALSHA on the commands connection; `handler` is answered as by RedisConnection::command.
    void runScript(const RedisScript &script, const QByteArrayList &keysAndArguments,
        RedisConnection::ReplyHandler handler);
    // Closes the commands connection; the reconnect that follows gives `reason` in /health meanwhile.
    void reconnectBecause(const QString &reason);
    // Redis took writes: the next reconnect waits the shortest time again.
    void resetBackoff() { m_backoffMs = FirstBackoffMs; }

Q_SIGNALS:
    // The marker Redis holds, read on connecting (before ready) and on every heartbeat. A handler may send
    // commands: they go before anything sent after the signal.
    void markerRead(const QByteArray &marker);
    // Connected, logged in, scripts loaded, marker read and subscribed.
    void ready();
    // Down: lastError() says why; connecting again is under way.
    void lost();
    // Another process appended to `streamKey` and told this one.
    void announced(const QByteArray &streamKey);

private:
    static constexpr int FirstBackoffMs = 100;
    static constexpr int LastBackoffMs = 5000;
    static constexpr int ReplyTimeoutMs = 5000; // unanswered this long, Redis counts as gone

    void connectBoth();
    void onConnected();
    void onConnectionLost(const QString &reason);
    // Selects the database, loads the scripts and reads the marker; then subscribes.
    void prepareConnections();
    // Sends the commands; once all are answered, connects again with the first refusal's reason, or runs
    // `next`. A connection lost meanwhile answers nothing: connecting again starts over.
    void whenAllAccepted(const QList<std::pair<RedisConnection *, QByteArrayList>> &commands,
        const std::function<QString(const redisReply *)> &refusalReason, const std::function<void()> &next);
    // Reads Ponder's marker (setting one if Redis has none), says what it is, then runs `next`.
    void readMarker(std::function<void()> next);

    RedisOptions m_options;
    QByteArray m_epochKey;
    QByteArray m_channel; // this process's: other processes announce their appends to it
    RedisConnection *m_commands = nullptr;
    RedisConnection *m_announcements = nullptr; // subscribed to m_channel
    bool m_up = false;
    QString m_lastError = QStringLiteral("connecting");
    QString m_closeReason; // why this process closed the connection itself, if it did
    QTimer m_reconnect;
    int m_backoffMs = FirstBackoffMs;
    // A PING this often: with nothing else waiting for an answer, nothing would notice a Redis that stopped.
    QTimer m_heartbeat;
};
