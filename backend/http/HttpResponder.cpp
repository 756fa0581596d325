#include "http/HttpResponder.h"

#include "core/Version.h"
#include "http/HttpStatus.h"

#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <algorithm>

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

namespace {

QByteArray chunkFrame(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)

HttpResponder::HttpResponder(QTcpSocket *socket)
    : QObject(socket)
    , m_socket(socket)
{
    connect(socket, &QTcpSocket::disconnected, this, &HttpResponder::clientDisconnected);
}

#else

HttpResponder::HttpResponder(QHttpServerResponder &&responder, QObject *parent)
    : QObject(parent)
    , m_responder(std::make_unique<QHttpServerResponder>(std::move(responder)))
{ }

#endif

HttpResponder::~HttpResponder() = default;

void HttpResponder::addHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({name, value});
}

bool HttpResponder::isConnected() const
{
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
#else
    return m_responder != nullptr;
#endif
}

qint64 HttpResponder::pendingBytes() const
{
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    return m_socket ? m_socket->bytesToWrite() : 0;
#else
    return 0;
#endif
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
    else
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
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    if (m_socket)
        m_socket->write(headerBlock(status, contentType, body.size()).append(body));
#else
    QHttpHeaders headers;
    headers.append(QHttpHeaders::WellKnownHeader::ContentType, contentType);
    for (const auto &[name, value] : m_headers)
        headers.append(name, value);
    m_responder->write(body, headers, QHttpServerResponder::StatusCode(status));
#endif
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
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    if (m_socket)
        m_socket->write(headerBlock(status, contentType, -1));
#else
    QHttpHeaders headers;
    headers.append(QHttpHeaders::WellKnownHeader::ContentType, contentType);
    for (const auto &[name, value] : m_headers)
        headers.append(name, value);
    m_responder->writeBeginChunked(headers, QHttpServerResponder::StatusCode(status));
#endif
}

bool HttpResponder::writeChunk(const QByteArray &data)
{
    if (m_state != State::Streaming || data.isEmpty() || !isConnected())
        return false;
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    // QTcpSocket would send on the next event-loop pass; a delta leaves now, before whatever else this
    // pass has to do (publishing to the hub, logging).
    const bool written = m_socket->write(chunkFrame(data)) > 0;
    m_socket->flush();
    return written;
#else
    m_responder->writeChunk(data);
    return true;
#endif
}

void HttpResponder::endStream()
{
    if (m_state != State::Streaming)
        return;
    m_state = State::Done;
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    if (isConnected())
        m_socket->write("0\r\n\r\n");
#else
    // Qt 6.8 requires a non-empty last chunk; an SSE comment line is harmless to every client.
    m_responder->writeEndChunked(QByteArrayLiteral(":\n\n"));
#endif
    finish();
}

void HttpResponder::finish()
{
    // The connection may carry further requests (keep-alive); this responder's job is over.
    deleteLater();
}
