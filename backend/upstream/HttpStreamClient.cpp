#include "upstream/HttpStreamClient.h"

#include "core/Version.h"
#include "upstream/ConnectionPool.h"

#include <QSslSocket>
#include <QTcpSocket>

HttpStreamClient::HttpStreamClient(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(Failure::Timeout,
            m_state == State::Connecting
                ? QStringLiteral("timed out connecting to %1").arg(m_request.url.toDisplayString())
                : QStringLiteral("%1 sent nothing for %2 s")
                      .arg(m_request.url.toDisplayString())
                      .arg(m_request.idleTimeoutMs / 1000.0));
    });
}

HttpStreamClient::~HttpStreamClient()
{
    closeSocket();
}

QByteArray HttpStreamClient::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_responseHeaders) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

namespace {

QString poolKey(const QUrl &url)
{
    return url.scheme() + QStringLiteral("://") + url.host() + QLatin1Char(':')
        + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

} // namespace

void HttpStreamClient::start(const Request &request)
{
    m_request = request;
    m_state = State::Connecting;
    if (request.pool) {
        if (QTcpSocket *socket = request.pool->take(poolKey(request.url), this)) {
            m_socket = socket;
            m_reused = true;
            connect(socket, &QTcpSocket::readyRead, this, &HttpStreamClient::onReadyRead);
            connect(socket, &QTcpSocket::disconnected, this, &HttpStreamClient::onDisconnected);
            connect(socket, &QTcpSocket::errorOccurred, this, &HttpStreamClient::onSocketError);
            onConnected();
            return;
        }
    }
    connectFresh();
}

void HttpStreamClient::connectFresh()
{
    const bool tls = m_request.url.scheme() == QLatin1String("https");
    if (tls && !QSslSocket::supportsSsl()) {
        QMetaObject::invokeMethod(
            this, [this] { fail(Failure::Unreachable, QStringLiteral("TLS is not available")); },
            Qt::QueuedConnection);
        return;
    }
    QTcpSocket *socket = tls ? new QSslSocket(this) : new QTcpSocket(this);
    m_socket = socket;
    m_reused = false;
    connect(socket, &QTcpSocket::readyRead, this, &HttpStreamClient::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &HttpStreamClient::onDisconnected);
    connect(socket, &QTcpSocket::errorOccurred, this, &HttpStreamClient::onSocketError);
    m_timeout.start(m_request.connectTimeoutMs);
    const quint16 port = quint16(m_request.url.port(tls ? 443 : 80));
    if (tls) {
        auto *ssl = static_cast<QSslSocket *>(socket);
        connect(ssl, &QSslSocket::encrypted, this, &HttpStreamClient::onConnected);
        ssl->connectToHostEncrypted(m_request.url.host(), port);
    } else {
        connect(socket, &QTcpSocket::connected, this, &HttpStreamClient::onConnected);
        socket->connectToHost(m_request.url.host(), port);
    }
}

// A pooled connection the server had already closed fails before any byte of the answer: the request
// was not processed, so it is sent again once on a new connection.
bool HttpStreamClient::retryOnFreshConnection()
{
    if (!m_reused || m_state != State::StatusAndHeaders || !m_buffer.isEmpty())
        return false;
    closeSocket();
    m_state = State::Connecting;
    connectFresh();
    return true;
}

void HttpStreamClient::abort()
{
    m_state = State::Done;
    m_timeout.stop();
    closeSocket();
}

void HttpStreamClient::releaseWhenDone(int graceMs)
{
    if (m_state == State::Done || m_state == State::Idle) {
        deleteLater();
        return;
    }
    setParent(m_request.pool); // the pool outlives requests; without one, nothing holds it but the timer
    connect(this, &HttpStreamClient::finished, this, &QObject::deleteLater);
    connect(this, &HttpStreamClient::failed, this, &QObject::deleteLater);
    QTimer::singleShot(graceMs, this, [this] {
        abort();
        deleteLater();
    });
}

void HttpStreamClient::onConnected()
{
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_state = State::StatusAndHeaders;
    m_timeout.start(m_request.idleTimeoutMs);

    QByteArray target = m_request.url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (m_request.url.hasQuery())
        target += '?' + m_request.url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray head = m_request.method + ' ' + target + " HTTP/1.1\r\n";
    head += "Host: " + m_request.url.authority(QUrl::FullyEncoded).toLatin1() + "\r\n";
    head += "User-Agent: Ponder/" PONDER_VERSION_STRING "\r\n";
    // Without a pool, one request per connection. With one, abort() still closes the connection, which
    // ends exactly this request at the server.
    if (!m_request.pool)
        head += "Connection: close\r\n";
    if (!m_request.body.isEmpty() || m_request.method == "POST")
        head += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
    for (const auto &[name, value] : m_request.headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    m_socket->write(head + m_request.body);
    m_socket->flush(); // now, not after the rest of this event-loop pass
}

void HttpStreamClient::onReadyRead()
{
    if (!m_socket || m_state == State::Done)
        return;
    m_buffer += m_socket->readAll();
    m_timeout.start(m_request.idleTimeoutMs);
    if (m_state == State::StatusAndHeaders && !parseHead())
        return;
    if (m_state == State::Body)
        parseBody();
}

bool HttpStreamClient::parseHead()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > 64 * 1024)
            fail(Failure::Broken, QStringLiteral("the upstream's response headers are too large"));
        return false;
    }
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    bool ok = false;
    m_status = statusLine.size() >= 2 && statusLine.first().startsWith("HTTP/1.")
        ? statusLine.at(1).toInt(&ok)
        : 0;
    if (!ok || m_status < 100) {
        fail(Failure::Broken, QStringLiteral("the upstream did not answer with HTTP/1.x"));
        return false;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            m_responseHeaders.append(
                {lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    if (header("transfer-encoding").toLower().contains("chunked")) {
        m_framing = Framing::Chunked;
    } else if (const QByteArray length = header("content-length"); !length.isEmpty()) {
        m_framing = Framing::Length;
        m_remaining = length.toLongLong();
    } else {
        m_framing = Framing::UntilClose;
    }
    m_state = State::Body;
    Q_EMIT responseStarted(m_status);
    return m_state == State::Body; // a receiver may have aborted
}

void HttpStreamClient::parseBody()
{
    switch (m_framing) {
    case Framing::Chunked:
        parseChunked();
        return;
    case Framing::Length: {
        const QByteArray data = m_buffer.left(m_remaining);
        m_buffer.remove(0, data.size());
        m_remaining -= data.size();
        if (!data.isEmpty())
            Q_EMIT bodyReceived(data);
        if (m_state == State::Body && m_remaining == 0)
            complete();
        return;
    }
    case Framing::UntilClose:
        if (!m_buffer.isEmpty())
            Q_EMIT bodyReceived(std::exchange(m_buffer, {}));
        return;
    }
}

bool HttpStreamClient::parseChunked()
{
    // Hand each chunk's data over as soon as any of it is here: a model's delta must not wait for the
    // rest of a TCP read.
    while (m_state == State::Body) {
        if (m_inChunkData) {
            if (m_remaining > 0) {
                if (m_buffer.isEmpty())
                    return true;
                const QByteArray data = m_buffer.left(m_remaining);
                m_buffer.remove(0, data.size());
                m_remaining -= data.size();
                Q_EMIT bodyReceived(data);
                continue;
            }
            if (m_buffer.size() < 2)
                return true;
            m_buffer.remove(0, 2); // the CRLF after the chunk's data
            m_inChunkData = false;
            continue;
        }
        const qsizetype lineEnd = m_buffer.indexOf("\r\n");
        if (lineEnd < 0)
            return true;
        QByteArray sizeField = m_buffer.left(lineEnd);
        if (const qsizetype extension = sizeField.indexOf(';'); extension >= 0)
            sizeField.truncate(extension);
        bool ok = false;
        const qint64 size = sizeField.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0) {
            fail(Failure::Broken, QStringLiteral("the upstream sent a malformed chunked body"));
            return false;
        }
        if (size == 0) {
            // The last chunk, then optional trailer lines and an empty line: consume it all, so the
            // connection is clean for the next request.
            const qsizetype end = m_buffer.indexOf("\r\n\r\n", lineEnd);
            if (end < 0)
                return true;
            m_buffer.remove(0, end + 4);
            complete();
            return true;
        }
        m_buffer.remove(0, lineEnd + 2);
        m_remaining = size;
        m_inChunkData = true;
    }
    return true;
}

void HttpStreamClient::onDisconnected()
{
    if (m_state == State::Done || retryOnFreshConnection())
        return;
    if (m_state == State::Body && m_framing == Framing::UntilClose) {
        onReadyRead();
        complete();
        return;
    }
    fail(Failure::Broken,
        m_state == State::Body
            ? QStringLiteral("the upstream closed the connection in the middle of the response")
            : QStringLiteral("the upstream closed the connection without answering"));
}

void HttpStreamClient::onSocketError()
{
    if (m_state == State::Done || !m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError)
        return; // disconnected() decides whether the response was complete
    if (retryOnFreshConnection())
        return;
    if (m_state == State::Connecting)
        fail(Failure::Unreachable,
            QStringLiteral("cannot reach %1: %2")
                .arg(m_request.url.toDisplayString(), m_socket->errorString()));
    else
        fail(Failure::Broken,
            QStringLiteral("connection to the upstream failed: %1").arg(m_socket->errorString()));
}

void HttpStreamClient::complete()
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    m_timeout.stop();
    const bool reusable = m_request.pool && m_socket && m_framing != Framing::UntilClose && m_buffer.isEmpty()
        && header("connection").toLower() != "close" && m_socket->state() == QAbstractSocket::ConnectedState;
    if (reusable) {
        QTcpSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        m_request.pool->giveBack(poolKey(m_request.url), socket);
    } else {
        closeSocket();
    }
    Q_EMIT finished();
}

void HttpStreamClient::fail(Failure failure, const QString &message)
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    m_timeout.stop();
    closeSocket();
    Q_EMIT failed(failure, message);
}

void HttpStreamClient::closeSocket()
{
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}
