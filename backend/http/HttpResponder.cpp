// SPDX-License-Identifier: MIT
#include "http/HttpResponder.h"

#include "core/Version.h"
#include "http/HttpStatus.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <algorithm>
#include <span>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/socket.h>
#include <sys/uio.h>
#endif

namespace {

// Data up to this size is framed in one copy and written once; larger data is written as it is, between
// its frame's head and end, so that megabytes are not copied once more.
constexpr qsizetype FramedCopyBytes = 64 * 1024;
// The parts of one chunk writeChunk(parts) takes, without the framing it adds.
constexpr std::size_t MaxChunkParts = 4;

// Hands `bytes` to the kernel at once, without blocking: how many it took (0 when its buffer is full), or -1
// where this is not done or on an error, which the caller leaves to QTcpSocket to find and report.
qint64 sendNow(const QTcpSocket &socket, const QByteArray &bytes)
{
#ifdef Q_OS_LINUX
    const qintptr descriptor = socket.socketDescriptor();
    if (descriptor < 0)
        return -1;
    ssize_t sent = 0;
    do {
        sent = ::send(int(descriptor), bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    } while (sent < 0 && errno == EINTR);
    if (sent >= 0)
        return sent;
    return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
#else
    Q_UNUSED(socket);
    Q_UNUSED(bytes);
    return -1;
#endif
}

constexpr qsizetype ChunkHeadBytes = 2 * sizeof(qsizetype) + 2;

// A chunk's head ("<size in hex>\r\n") written into `out` (ChunkHeadBytes), not allocated: its length.
qsizetype chunkHead(qsizetype size, char *out)
{
    char digits[2 * sizeof(qsizetype)];
    qsizetype count = 0;
    do {
        digits[count++] = "0123456789abcdef"[size & 0xf];
        size >>= 4;
    } while (size > 0);
    for (qsizetype i = 0; i < count; ++i)
        out[i] = digits[count - 1 - i];
    out[count] = '\r';
    out[count + 1] = '\n';
    return count + 2;
}

// Hands `parts` to the kernel at once, in one call, without joining them: as sendNow.
qint64 sendNow(const QTcpSocket &socket, std::span<const QByteArrayView> parts)
{
#ifdef Q_OS_LINUX
    const qintptr descriptor = socket.socketDescriptor();
    if (descriptor < 0)
        return -1;
    iovec vectors[MaxChunkParts + 2];
    Q_ASSERT(parts.size() <= std::size(vectors));
    msghdr message {};
    message.msg_iov = vectors;
    for (const QByteArrayView part : parts) {
        if (!part.isEmpty())
            vectors[message.msg_iovlen++] = {const_cast<char *>(part.data()), size_t(part.size())};
    }
    ssize_t sent = 0;
    do {
        sent = ::sendmsg(int(descriptor), &message, MSG_NOSIGNAL | MSG_DONTWAIT);
    } while (sent < 0 && errno == EINTR);
    if (sent >= 0)
        return sent;
    return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
#else
    Q_UNUSED(socket);
    Q_UNUSED(parts);
    return -1;
#endif
}

} // namespace

HttpResponder::HttpResponder(QTcpSocket *socket, Framing framing)
    : QObject(socket)
    , m_framing(framing)
    , m_socket(socket)
{
    connect(socket, &QTcpSocket::disconnected, this, &HttpResponder::onSocketDisconnected);
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpResponder::tellBytesWritten);
}

void HttpResponder::onSocketDisconnected()
{
    const QPointer<HttpResponder> alive(this);
    if (m_listener)
        m_listener->onClientDisconnected();
    if (alive)
        Q_EMIT clientDisconnected();
}

void HttpResponder::tellBytesWritten()
{
    const QPointer<HttpResponder> alive(this);
    if (m_listener)
        m_listener->onBytesWritten();
    if (alive)
        Q_EMIT bytesWritten();
}

HttpResponder::~HttpResponder() = default;

void HttpResponder::addHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({name, value});
}

bool HttpResponder::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

qint64 HttpResponder::pendingBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void HttpResponder::abortConnection()
{
    if (m_socket)
        m_socket->abort();
}

QByteArray HttpResponder::headerBlock(int status, const QByteArray &contentType, qint64 contentLength) const
{
    // Appended piece by piece into one buffer with room for the body too: every response comes here.
    QByteArray block;
    block.reserve(256 + std::max<qint64>(0, contentLength));
    block.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ').append(httpReasonPhrase(status));
    block.append("\r\nServer: Ponder/" PONDER_VERSION_STRING "\r\n");
    if (!contentType.isEmpty())
        block.append("Content-Type: ").append(contentType).append("\r\n");
    if (contentLength >= 0 && status != 204 && status != 304)
        block.append("Content-Length: ").append(QByteArray::number(contentLength)).append("\r\n");
    else if (contentLength < 0 && m_framing.chunked)
        block.append("Transfer-Encoding: chunked\r\n");
    for (const auto &[name, value] : m_headers)
        block.append(name).append(": ").append(value).append("\r\n");
    block.append("\r\n");
    return block;
}

void HttpResponder::send(int status, const QByteArray &body, const QByteArray &contentType)
{
    if (m_state != State::Idle)
        return;
    m_state = State::Done;
    if (m_socket) {
        QByteArray response = headerBlock(status, contentType, body.size());
        if (!m_framing.headersOnly)
            response.append(body);
        // Now rather than on the loop's next pass: the client waits for nothing else.
        writeNow(response);
    }
    finish();
}

void HttpResponder::sendJson(int status, const QJsonObject &body)
{
    send(status, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

void HttpResponder::beginStream(int status, const QByteArray &contentType)
{
    if (m_state != State::Idle)
        return;
    m_state = State::Streaming;
    // Straight to the kernel like the chunks after it: through QTcpSocket's buffer it would wait for the
    // loop's next pass or the first chunk, and the socket would make its write notifier (a QObject) for it.
    if (m_socket)
        writeNow(headerBlock(status, contentType, -1));
    if (m_framing.headersOnly)
        finish();
}

bool HttpResponder::writeChunk(const QByteArray &data, Flush flush)
{
    if (data.size() < FramedCopyBytes)
        return writeChunk({QByteArrayView(data)}, flush);
    if (m_state != State::Streaming || !isConnected())
        return false;
    // Large data goes to the socket's buffer as it is (shared, not copied into a frame).
    bool written = false;
    if (m_framing.chunked) {
        written = m_socket->write(QByteArray::number(data.size(), 16) + "\r\n") > 0
            && m_socket->write(data) > 0 && m_socket->write("\r\n") > 0;
    } else {
        const qint64 sent
            = flush == Flush::Now && m_socket->bytesToWrite() == 0 ? sendNow(*m_socket, data) : -1;
        if (sent == data.size()) {
            tellBytesWritten();
            return true;
        }
        written = m_socket->write(sent > 0 ? data.sliced(sent) : data) > 0;
    }
    if (flush == Flush::Now)
        m_socket->flush();
    return written;
}

bool HttpResponder::writeChunk(std::initializer_list<QByteArrayView> parts, Flush flush)
{
    qsizetype size = 0;
    for (const QByteArrayView part : parts)
        size += part.size();
    if (m_state != State::Streaming || size == 0 || !isConnected())
        return false;
    // QTcpSocket would send on the next event-loop pass; a delta leaves now, before whatever else this
    // pass has to do (publishing to the hub, logging). With nothing waiting in the socket's buffer, the
    // frame goes to the kernel directly: through QTcpSocket every chunk would switch the socket's write
    // notifier on and off again, two calls into the event dispatcher that cost more than the send. What the
    // kernel does not take waits in QTcpSocket's buffer, and the chunks after it behind it, as before. Not
    // for Flush::WhenWritable: a fan-out to many watchers would make every kernel copy in its own pass.
    char headBytes[ChunkHeadBytes];
    const qsizetype headSize = m_framing.chunked ? chunkHead(size, headBytes) : 0;
    Q_ASSERT(parts.size() <= MaxChunkParts);
    QByteArrayView framed[MaxChunkParts + 2];
    std::size_t count = 0;
    framed[count++] = QByteArrayView(headBytes, headSize);
    for (const QByteArrayView part : parts)
        framed[count++] = part;
    if (m_framing.chunked)
        framed[count++] = "\r\n";
    const std::span<const QByteArrayView> frameParts(framed, count);
    const qint64 sent
        = flush == Flush::Now && m_socket->bytesToWrite() == 0 ? sendNow(*m_socket, frameParts) : -1;
    const qsizetype frameSize = headSize + size + (m_framing.chunked ? 2 : 0);
    if (sent == frameSize) {
        tellBytesWritten();
        return true;
    }
    QByteArray frame;
    frame.reserve(frameSize);
    for (const QByteArrayView part : frameParts)
        frame.append(part);
    const bool written = m_socket->write(sent > 0 ? frame.sliced(sent) : frame) > 0;
    if (flush == Flush::Now)
        m_socket->flush();
    return written;
}

void HttpResponder::endStream()
{
    if (m_state != State::Streaming)
        return;
    m_state = State::Done;
    // Now, like the chunks before it: left in QTcpSocket's buffer it would wait for the loop's next pass,
    // and the client for its end.
    if (isConnected() && m_framing.chunked)
        writeNow(QByteArrayLiteral("0\r\n\r\n"));
    finish();
}

void HttpResponder::writeNow(const QByteArray &bytes)
{
    // Straight to the kernel when nothing waits before it (see writeChunk); what it does not take is left
    // to QTcpSocket, flushed now.
    const qint64 sent = m_socket->bytesToWrite() == 0 ? sendNow(*m_socket, bytes) : -1;
    if (sent == bytes.size())
        return;
    m_socket->write(sent > 0 ? bytes.sliced(sent) : bytes);
    m_socket->flush();
}

void HttpResponder::finish()
{
    // The connection may carry further requests (keep-alive); this responder's job is over.
    m_state = State::Done;
    deleteLater();
    Q_EMIT complete();
}
