// SPDX-License-Identifier: MIT
// One asynchronous hiredis connection driven by the Qt event loop (never a blocking call: a host name is
// resolved by QHostInfo, on a thread of its own, and hiredis is given an address).
//
// hiredis's own Qt adapter connects to a Qt 5 signal signature that Qt 6 no longer has, so this class hooks
// hiredis's event callbacks to QSocketNotifiers itself.
#pragma once

#include <QByteArrayList>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

struct redisAsyncContext;
struct redisReply;
class QSocketNotifier;

class RedisConnection : public QObject
{
    Q_OBJECT

public:
    // `reply` is null when the command failed (connection lost); `error` then says why.
    using ReplyHandler = std::function<void(redisReply *reply, const QString &error)>;

    RedisConnection(QString host, int port, QObject *parent = nullptr);
    ~RedisConnection() override;

    void open();
    void close();
    bool isConnected() const { return m_connected; }
    // A Redis that keeps a command unanswered this long is treated as gone (a frozen host, a network
    // partition that leaves the socket open): the connection is dropped and its pending handlers get null. 0:
    // never.
    void setReplyTimeout(int milliseconds) { m_replyTimeoutMs = milliseconds; }

    // Sends a command. The handler is called exactly once: with the reply, or with null and the reason; at
    // once, before this returns false, when the command cannot be sent (not connected, or closing).
    bool command(const QByteArrayList &arguments, ReplyHandler handler);

    // Subscribes to `channel` (SUBSCRIBE): `subscribed` runs once Redis confirms, then `message` gets each
    // message's payload for as long as the connection lasts. The connection takes no other command after
    // this. A lost connection is reported by `disconnected` alone.
    using MessageHandler = std::function<void(const QByteArray &payload)>;
    bool subscribe(const QByteArray &channel, std::function<void()> subscribed, MessageHandler message);

Q_SIGNALS:
    void connected();
    void disconnected(const QString &reason);

private:
    static void onConnect(const redisAsyncContext *context, int status);
    static void onDisconnect(const redisAsyncContext *context, int status);
    static void onReply(redisAsyncContext *context, void *reply, void *handler);
    static void onSubscriptionReply(redisAsyncContext *context, void *reply, void *);
    static void addRead(void *self);
    static void delRead(void *self);
    static void addWrite(void *self);
    static void delWrite(void *self);
    static void cleanup(void *self);

    using ReplyCallback = void (*)(redisAsyncContext *context, void *reply, void *privateData);
    // Hands a command in Redis's wire format to hiredis, and writes it unless writes are being held; false
    // if hiredis refused it.
    bool send(const QByteArray &encoded, ReplyCallback callback, void *privateData);
    // Connects to the next address the host has (one, unless a name has several).
    void connectNext();
    void lost(const QString &reason);
    void checkReplyTimeout();
    // Writes what hiredis has queued now, rather than on the loop's next pass: see addWrite.
    void writeQueued();
    void setWriteNotifier(bool enabled);

    QString m_host;
    int m_port;
    QList<QHostAddress> m_addresses;
    qsizetype m_nextAddress = 0;
    bool m_resolving = false;
    bool m_closed = false;
    redisAsyncContext *m_context = nullptr;
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
    bool m_connected = false;
    bool m_holdingWrites = false; // in command() or in hiredis's read handling: writeQueued() follows
    bool m_writeQueued = false; // hiredis has bytes to write
    int m_replyTimeoutMs = 0;
    QElapsedTimer m_clock;
    std::deque<qint64> m_sentAt; // when each unanswered command was sent (m_clock), oldest first
    std::function<void()> m_subscribed;
    MessageHandler m_message;
    QTimer m_watchdog;
};
