// SPDX-License-Identifier: MIT
#include "store/RedisConnection.h"

#include "core/Logging.h"

#include <QHostInfo>
#include <QPointer>
#include <QSocketNotifier>

#include <charconv>
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <memory>

namespace {

// Writes "<marker><length>\r\n" at `out` and returns the position after it.
char *writeLength(char *out, char marker, qsizetype length)
{
    *out++ = marker;
    out = std::to_chars(out, out + 19, length).ptr; // a qsizetype has at most 19 digits
    *out++ = '\r';
    *out++ = '\n';
    return out;
}

// A command in Redis's wire format (RESP), written in one pass into a buffer sized once: hiredis 0.14
// formats arguments through a printf-like routine, and QByteArray's appends check for aliasing on every
// call; either cost more than everything else Ponder does to send an event.
QByteArray encodeCommand(const QByteArrayList &arguments)
{
    constexpr qsizetype Framing = 24; // marker, up to 19 digits, CRLF; CRLF after the argument
    qsizetype room = Framing;
    for (const QByteArray &argument : arguments)
        room += argument.size() + Framing;
    QByteArray encoded(room, Qt::Uninitialized);
    char *out = writeLength(encoded.data(), '*', arguments.size());
    for (const QByteArray &argument : arguments) {
        out = writeLength(out, '$', argument.size());
        out = std::copy_n(argument.constData(), argument.size(), out);
        *out++ = '\r';
        *out++ = '\n';
    }
    encoded.truncate(out - encoded.constData());
    return encoded;
}

} // namespace

RedisConnection::RedisConnection(QString host, int port, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
{
    m_clock.start();
    connect(&m_watchdog, &QTimer::timeout, this, &RedisConnection::checkReplyTimeout);
}

RedisConnection::~RedisConnection()
{
    if (m_context) {
        m_context->data = nullptr; // callbacks fired by the free below must not reach a dying object
        redisAsyncFree(m_context);
        m_context = nullptr;
    }
    delete m_read;
    delete m_write;
}

void RedisConnection::open()
{
    if (m_context || m_resolving)
        return;
    const QHostAddress literal(m_host);
    if (!literal.isNull()) {
        m_addresses = {literal};
        return connectNext();
    }
    // hiredis would resolve the name itself with getaddrinfo(), which blocks this thread (the server's)
    // for as long as DNS takes to answer: Qt resolves it on a thread of its own.
    m_resolving = true;
    QHostInfo::lookupHost(m_host, this, [this](const QHostInfo &info) {
        m_resolving = false;
        if (m_closed)
            return;
        m_addresses = info.addresses();
        if (info.error() != QHostInfo::NoError || m_addresses.isEmpty())
            return lost(QStringLiteral("cannot resolve %1: %2").arg(m_host, info.errorString()));
        connectNext();
    });
}

void RedisConnection::connectNext()
{
    const QHostAddress address = m_addresses.value(m_nextAddress++);
    m_context = redisAsyncConnect(address.toString().toUtf8().constData(), m_port);
    if (!m_context || m_context->err) {
        const QString reason
            = m_context ? QString::fromUtf8(m_context->errstr) : QStringLiteral("out of memory");
        if (m_context)
            redisAsyncFree(m_context);
        m_context = nullptr;
        // Reported on the next loop turn, like every other outcome, so callers never see re-entrant signals.
        QMetaObject::invokeMethod(
            this, [this, reason] { Q_EMIT disconnected(reason); }, Qt::QueuedConnection);
        return;
    }
    m_context->data = this;
    m_context->ev.data = this;
    m_context->ev.addRead = &RedisConnection::addRead;
    m_context->ev.delRead = &RedisConnection::delRead;
    m_context->ev.addWrite = &RedisConnection::addWrite;
    m_context->ev.delWrite = &RedisConnection::delWrite;
    m_context->ev.cleanup = &RedisConnection::cleanup;
    redisAsyncSetConnectCallback(m_context, &RedisConnection::onConnect);
    redisAsyncSetDisconnectCallback(m_context, &RedisConnection::onDisconnect);
}

void RedisConnection::close()
{
    m_closed = true; // a name still being resolved is not connected to
    if (m_context)
        redisAsyncDisconnect(m_context); // pending replies are failed, then onDisconnect runs
}

bool RedisConnection::command(const QByteArrayList &arguments, ReplyHandler handler)
{
    const auto notSent = [this, &handler] {
        handler(nullptr, QStringLiteral("not connected to Redis at %1:%2").arg(m_host).arg(m_port));
        return false;
    };
    if (!m_context || !m_connected)
        return notSent();
    auto owned = std::make_unique<ReplyHandler>(std::move(handler));
    if (!send(encodeCommand(arguments), &RedisConnection::onReply, owned.get())) {
        handler = std::move(*owned);
        return notSent();
    }
    owned.release(); // hiredis owns it now, until onReply
    return true;
}

bool RedisConnection::subscribe(
    const QByteArray &channel, std::function<void()> subscribed, MessageHandler message)
{
    if (!m_context || !m_connected)
        return false;
    // hiredis keeps the callback for as long as the subscription lasts, calls it for the confirmation and
    // every message, and once more with no reply when the connection is freed: the handlers stay here, and
    // hiredis is given none of its own to free.
    m_subscribed = std::move(subscribed);
    m_message = std::move(message);
    return send(encodeCommand({QByteArrayLiteral("SUBSCRIBE"), channel}),
        &RedisConnection::onSubscriptionReply, nullptr);
}

bool RedisConnection::send(const QByteArray &encoded, ReplyCallback callback, void *privateData)
{
    const bool holding = std::exchange(m_holdingWrites, true);
    const int queued = redisAsyncFormattedCommand(
        m_context, callback, privateData, encoded.constData(), size_t(encoded.size()));
    m_holdingWrites = holding;
    if (queued != REDIS_OK)
        return false;
    m_sentAt.push_back(m_clock.elapsed()); // until its reply (for SUBSCRIBE, the confirmation)
    if (m_replyTimeoutMs > 0 && !m_watchdog.isActive())
        m_watchdog.start(std::max(100, m_replyTimeoutMs / 4));
    if (!m_holdingWrites)
        writeQueued();
    return true;
}

void RedisConnection::writeQueued()
{
    if (!m_writeQueued || !m_context)
        return;
    // hiredis's plain buffer write: on an error it only records it, so no handler runs from here (a
    // handler calling command() could not cope). The write notifier then meets the error in hiredis's
    // own write handling, which fails the pending handlers on the loop's next pass.
    int done = 0;
    if (redisBufferWrite(&m_context->c, &done) == REDIS_OK && done) {
        m_writeQueued = false;
        setWriteNotifier(false); // on if an earlier write had to wait for room
        addRead(this); // as hiredis's own write handling asks, for the replies
        return;
    }
    setWriteNotifier(true); // the socket's buffer is full, or the write failed
}

void RedisConnection::onConnect(const redisAsyncContext *context, int status)
{
    auto *self = static_cast<RedisConnection *>(context->data);
    if (!self)
        return;
    if (status != REDIS_OK) {
        // hiredis frees the context after this callback.
        self->m_context = nullptr;
        if (self->m_nextAddress < self->m_addresses.size() && !self->m_closed) {
            // The name has another address (IPv4 after IPv6, say): tried once hiredis has let go of this one.
            self->cleanup(self);
            QMetaObject::invokeMethod(
                self, [self] { self->connectNext(); }, Qt::QueuedConnection);
            return;
        }
        self->lost(QString::fromUtf8(context->errstr));
        return;
    }
    self->m_connected = true;
    Q_EMIT self->connected();
}

void RedisConnection::onDisconnect(const redisAsyncContext *context, int status)
{
    auto *self = static_cast<RedisConnection *>(context->data);
    if (!self)
        return;
    self->m_context = nullptr; // freed by hiredis after this callback
    self->lost(status == REDIS_OK ? QStringLiteral("closed") : QString::fromUtf8(context->errstr));
}

void RedisConnection::lost(const QString &reason)
{
    m_connected = false;
    m_sentAt.clear();
    m_watchdog.stop();
    cleanup(this); // may run inside a notifier's own signal: deleteLater, never delete
    QMetaObject::invokeMethod(
        this, [this, reason] { Q_EMIT disconnected(reason); }, Qt::QueuedConnection);
}

void RedisConnection::checkReplyTimeout()
{
    if (m_sentAt.empty() || !m_context)
        return m_watchdog.stop();
    if (m_clock.elapsed() - m_sentAt.front() < m_replyTimeoutMs)
        return;
    // Not redisAsyncDisconnect: that waits for the replies that are not coming. Freeing the context fails
    // every pending handler at once; this object reports the loss itself, with the reason.
    redisAsyncContext *context = std::exchange(m_context, nullptr);
    context->data = nullptr;
    m_sentAt.clear();
    redisAsyncFree(context);
    lost(QStringLiteral("Redis did not answer within %1 s").arg(m_replyTimeoutMs / 1000.0));
}

void RedisConnection::onReply(redisAsyncContext *context, void *reply, void *handler)
{
    std::unique_ptr<ReplyHandler> owned(static_cast<ReplyHandler *>(handler));
    if (auto *self = static_cast<RedisConnection *>(context->data); self && !self->m_sentAt.empty())
        self->m_sentAt.pop_front();
    auto *typed = static_cast<redisReply *>(reply);
    if (!typed) {
        (*owned)(nullptr,
            context->errstr[0] ? QString::fromUtf8(context->errstr) : QStringLiteral("connection lost"));
        return;
    }
    (*owned)(typed, {});
}

void RedisConnection::onSubscriptionReply(redisAsyncContext *context, void *reply, void *)
{
    auto *self = static_cast<RedisConnection *>(context->data);
    const auto *typed = static_cast<const redisReply *>(reply);
    // No reply: the connection is being freed, and its loss is reported apart from this.
    if (!self || !typed || typed->type != REDIS_REPLY_ARRAY || typed->elements < 3
        || typed->element[0]->type != REDIS_REPLY_STRING)
        return;
    const QByteArrayView kind(typed->element[0]->str, qsizetype(typed->element[0]->len));
    const redisReply *payload = typed->element[2];
    if (kind == "subscribe") {
        if (!self->m_sentAt.empty())
            self->m_sentAt.pop_front();
        if (self->m_subscribed)
            self->m_subscribed();
    } else if (kind == "message" && payload->type == REDIS_REPLY_STRING && self->m_message) {
        self->m_message(QByteArray(payload->str, qsizetype(payload->len)));
    }
}

// hiredis asks for read and write interest many times a second (for every command written): the notifiers
// are made once per connection and then only enabled and disabled.
void RedisConnection::addRead(void *data)
{
    auto *self = static_cast<RedisConnection *>(data);
    if (!self->m_context)
        return;
    if (self->m_read)
        return self->m_read->setEnabled(true);
    self->m_read = new QSocketNotifier(self->m_context->c.fd, QSocketNotifier::Read);
    connect(self->m_read, &QSocketNotifier::activated, self, [self] {
        if (!self->m_context)
            return;
        // Commands the reply handlers send go out together once hiredis is done with what it read: hiredis
        // must not meet a write error while it is still handing out replies.
        const QPointer<RedisConnection> guard(self); // a handler may delete this connection
        self->m_holdingWrites = true;
        redisAsyncHandleRead(self->m_context);
        if (!guard)
            return;
        self->m_holdingWrites = false;
        self->writeQueued();
    });
}

void RedisConnection::delRead(void *data)
{
    auto *self = static_cast<RedisConnection *>(data);
    if (self->m_read)
        self->m_read->setEnabled(false);
}

// A command is written at once when it is sent, or when hiredis has handed out the replies it read, not
// when a write notifier fires on the loop's next pass: that pass would add its wait to every command's
// round trip, and enabling and disabling the notifier each wake the loop (GLib's dispatcher signals its
// wake-up descriptor on every change). The notifier is only needed while the socket cannot take more, and
// to learn that a connection attempt has finished.
void RedisConnection::addWrite(void *data)
{
    auto *self = static_cast<RedisConnection *>(data);
    if (!self->m_context)
        return;
    self->m_writeQueued = true;
    if (!self->m_holdingWrites)
        self->setWriteNotifier(true);
}

void RedisConnection::delWrite(void *data)
{
    auto *self = static_cast<RedisConnection *>(data);
    self->m_writeQueued = false;
    self->setWriteNotifier(false);
}

void RedisConnection::setWriteNotifier(bool enabled)
{
    if (m_write)
        return m_write->setEnabled(enabled);
    if (!enabled || !m_context)
        return;
    m_write = new QSocketNotifier(m_context->c.fd, QSocketNotifier::Write);
    connect(m_write, &QSocketNotifier::activated, this, [this] {
        if (m_context)
            redisAsyncHandleWrite(m_context);
    });
}

void RedisConnection::cleanup(void *data)
{
    auto *self = static_cast<RedisConnection *>(data);
    self->m_writeQueued = false;
    for (QSocketNotifier **notifier : {&self->m_read, &self->m_write}) {
        if (*notifier) {
            (*notifier)->setEnabled(false);
            (*notifier)->deleteLater(); // may run inside the notifier's own signal
            *notifier = nullptr;
        }
    }
}
