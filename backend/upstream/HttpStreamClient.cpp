// SPDX-License-Identifier: MIT
#include "upstream/HttpStreamClient.h"

#include "core/Version.h"
#include "upstream/ConnectionPool.h"

#include <QNetworkProxy>
#include <QSslSocket>
#include <QTcpSocket>

#include <utility>

namespace {

quint16 portOf(const QUrl &url)
{
    return quint16(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

// Connections are pooled per server and per way there.
QString poolKey(const HttpStreamClient &client, const QUrl &proxy)
{
    const QUrl &url = client.url();
    QString key
        = url.scheme() + QStringLiteral("://") + url.host() + QLatin1Char(':') + QString::number(portOf(url));
    if (!proxy.isEmpty())
        key += QStringLiteral(" via ") + proxy.toString(QUrl::FullyEncoded);
    return key;
}

// The URL's authority without any user info, as Host and absolute-form targets want it.
QByteArray hostAndPort(const QUrl &url)
{
    QUrl bare = url;
    bare.setUserInfo({});
    return bare.authority(QUrl::FullyEncoded).toLatin1();
}

} // namespace

HttpStreamClient::HttpStreamClient(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    m_timeout.onTimeout([this] {
        fail(Failure::Timeout,
            m_state == State::Connecting
                ? QStringLiteral("timed out connecting to %1").arg(where())
                : QStringLiteral("%1 sent nothing for %2 s")
                      .arg(where(), QString::number(m_request.idleTimeoutMs / 1000.0)));
    });
}

HttpStreamClient::~HttpStreamClient()
{
    closeSocket();
}

QString HttpStreamClient::where() const
{
    QString text = m_request.url.toDisplayString();
    if (!m_request.proxy.isEmpty())
        text += QStringLiteral(" (through the proxy %1)")
                    .arg(m_request.proxy.toDisplayString(QUrl::RemoveUserInfo));
    return text;
}

void HttpStreamClient::start(const Request &request)
{
    m_request = request;
    m_state = State::Connecting;
    m_failureSaid.clear();
    m_parser = HttpResponseParser();
    m_parser.setHeadRequest(request.method == "HEAD");
    m_forwardToProxy
        = request.proxy.scheme() == QLatin1String("http") && request.url.scheme() != QLatin1String("https");
    if (request.pool) {
        if (QTcpSocket *socket = request.pool->take(poolKey(*this, request.proxy), this)) {
            m_socket = socket;
            m_reused = true;
            m_heldFrom = request.pool; // it tells this client what the socket says
            onConnected();
            return;
        }
    }
    connectFresh();
}

void HttpStreamClient::watch(QTcpSocket *socket)
{
    connect(socket, &QTcpSocket::readyRead, this, &HttpStreamClient::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &HttpStreamClient::onDisconnected);
    connect(socket, &QTcpSocket::errorOccurred, this, &HttpStreamClient::onSocketError);
}

void HttpStreamClient::connectFresh()
{
    const bool tls = m_request.url.scheme() == QLatin1String("https");
    const auto failSoon = [this](Failure failure, const QString &message) {
        QMetaObject::invokeMethod(
            this, [this, failure, message] { fail(failure, message); }, Qt::QueuedConnection);
    };
    if (tls && !QSslSocket::supportsSsl())
        return failSoon(Failure::Tls, QStringLiteral("TLS is not available on this system (no OpenSSL)"));

    // A proxy, if any: the socket's own for CONNECT and SOCKS5, or the server this client talks to when
    // an http:// request is handed to an HTTP proxy whole.
    QNetworkProxy socketProxy(QNetworkProxy::NoProxy);
    QString host = m_request.url.host();
    quint16 port = portOf(m_request.url);
    const QUrl &proxy = m_request.proxy;
    if (!proxy.isEmpty()) {
        const QString scheme = proxy.scheme().toLower();
        const QString user = proxy.userName(QUrl::FullyDecoded);
        const QString password = proxy.password(QUrl::FullyDecoded);
        if (m_forwardToProxy) {
            host = proxy.host();
            port = quint16(proxy.port(1080));
        } else if (scheme == QLatin1String("http")) {
            socketProxy = QNetworkProxy(
                QNetworkProxy::HttpProxy, proxy.host(), quint16(proxy.port(1080)), user, password);
        } else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")) {
            socketProxy = QNetworkProxy(
                QNetworkProxy::Socks5Proxy, proxy.host(), quint16(proxy.port(1080)), user, password);
        } else {
            return failSoon(Failure::Unreachable,
                QStringLiteral("the proxy %1 (from the environment) is not supported: use an http:// or "
                               "socks5:// proxy, or name the upstream's host in no_proxy")
                    .arg(proxy.toDisplayString(QUrl::RemoveUserInfo)));
        }
    }

    QTcpSocket *socket = tls ? new QSslSocket(this) : new QTcpSocket(this);
    m_socket = socket;
    m_reused = false;
    socket->setProxy(socketProxy);
    watch(socket);
    m_timeout.start(m_request.connectTimeoutMs);
    if (tls) {
        auto *ssl = static_cast<QSslSocket *>(socket);
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            QStringList found;
            for (const QSslError &error : errors)
                found << error.errorString();
            m_tlsErrors = found.join(QStringLiteral("; "));
        });
        connect(ssl, &QSslSocket::encrypted, this, &HttpStreamClient::onConnected);
        ssl->connectToHostEncrypted(host, port);
    } else {
        connect(socket, &QTcpSocket::connected, this, &HttpStreamClient::onConnected);
        socket->connectToHost(host, port);
    }
}

// A pooled connection the server had already closed fails before any byte of the answer: the request
// was not processed, so it is sent again once on a new connection.
bool HttpStreamClient::retryOnFreshConnection()
{
    if (!m_reused || m_state != State::Reading || m_received)
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

void HttpStreamClient::setReadPaused(bool paused)
{
    if (m_readPaused == paused)
        return;
    m_readPaused = paused;
    if (paused) {
        if (m_socket)
            m_socket->setReadBufferSize(PausedReadBufferBytes);
        if (m_state == State::Reading)
            m_timeout.stop();
        return;
    }
    if (m_socket)
        m_socket->setReadBufferSize(ReadBufferBytes);
    if (m_state == State::Reading) {
        m_timeout.start(m_request.idleTimeoutMs);
        // What arrived while paused raised no readyRead of its own: read it on the loop's next pass (not
        // here, inside the consumer's own handler).
        QMetaObject::invokeMethod(this, &HttpStreamClient::onReadyRead, Qt::QueuedConnection);
    }
}

void HttpStreamClient::releaseWhenDone(int graceMs)
{
    setReadPaused(false); // the body's end is read on its own now
    if (m_state == State::Done || m_state == State::Idle) {
        deleteLater();
        return;
    }
    setParent(m_request.pool); // the pool outlives requests; without one, nothing holds it but the timer
    m_deleteWhenDone = true; // complete() or fail()
    // Usually the owner finished on the response's last bytes, inside read(), which completes it next: no
    // grace timer for that (it would be one more timer registered and an object made for every request).
    if (m_parser.isComplete() || m_parser.hasFailed())
        return;
    QTimer::singleShot(graceMs, this, [this] {
        abort();
        deleteLater();
    });
}

QByteArray HttpStreamClient::requestHead() const
{
    // Written into one buffer: made for every request, where each `+` would allocate a string of its own.
    const QUrl &url = m_request.url;
    const QByteArray authority = hostAndPort(url);
    QByteArray head;
    head.reserve(512);
    head.append(m_request.method).append(' ');
    if (m_forwardToProxy) {
        // Absolute-form (RFC 9112 §3.2.2): the proxy learns the server from the target.
        head.append(url.scheme().toLatin1()).append("://").append(authority);
    }
    const QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    head.append(path.isEmpty() ? QByteArrayView("/") : QByteArrayView(path));
    if (url.hasQuery())
        head.append('?').append(url.query(QUrl::FullyEncoded).toLatin1());
    head.append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
    head.append("User-Agent: Ponder/" PONDER_VERSION_STRING "\r\n");
    if (m_forwardToProxy && !m_request.proxy.userName().isEmpty()) {
        const QByteArray credentials = m_request.proxy.userName(QUrl::FullyDecoded).toUtf8() + ':'
            + m_request.proxy.password(QUrl::FullyDecoded).toUtf8();
        head.append("Proxy-Authorization: Basic ").append(credentials.toBase64()).append("\r\n");
    }
    // Without a pool, one request per connection. With one, abort() still closes the connection, which
    // ends exactly this request at the server.
    if (!m_request.pool)
        head.append("Connection: close\r\n");
    if (!m_request.body.isEmpty() || m_request.method == "POST" || m_request.method == "PUT")
        head.append("Content-Length: ").append(QByteArray::number(m_request.body.size())).append("\r\n");
    for (const auto &[name, value] : m_request.headers)
        head.append(name).append(": ").append(value).append("\r\n");
    head.append("\r\n");
    return head;
}

void HttpStreamClient::onConnected()
{
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(m_readPaused ? PausedReadBufferBytes : ReadBufferBytes);
    m_state = State::Reading;
    if (!m_readPaused)
        m_timeout.start(m_request.idleTimeoutMs);
    // Written apart: a body of megabytes is handed to the socket as it is (shared, not copied) instead
    // of being copied once more behind the head.
    m_socket->write(requestHead());
    m_socket->write(m_request.body);
    m_socket->flush(); // now, not after the rest of this event-loop pass
}

void HttpStreamClient::onReadyRead()
{
    if (!m_socket || m_state != State::Reading || m_readPaused)
        return;
    m_timeout.start(m_request.idleTimeoutMs);
    read(m_socket->readAll());
}

void HttpStreamClient::read(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_received = true;
    const bool hadHead = m_parser.hasHead();
    const QByteArray body = m_parser.feed(bytes);
    // Each signal's receiver may abort this client: nothing more is said once it has.
    if (!hadHead && m_parser.hasHead()) {
        if (m_reader)
            m_reader->onResponseStarted(m_parser.head().status);
        else
            Q_EMIT responseStarted(m_parser.head().status);
        if (m_state != State::Reading)
            return;
    }
    if (!body.isEmpty()) {
        if (m_reader)
            m_reader->onResponseBody(body);
        else
            Q_EMIT bodyReceived(body);
        if (m_state != State::Reading)
            return;
    }
    if (m_parser.hasFailed())
        fail(Failure::Broken, QStringLiteral("invalid HTTP response: %1").arg(m_parser.error()));
    else if (m_parser.isComplete())
        complete();
}

void HttpStreamClient::onDisconnected()
{
    if (m_state != State::Reading || retryOnFreshConnection())
        return;
    if (m_socket && m_socket->bytesAvailable() > 0) {
        read(m_socket->readAll());
        if (m_state != State::Reading)
            return;
    }
    if (!m_received)
        return fail(Failure::Broken, QStringLiteral("the upstream closed the connection without answering"));
    m_parser.endOfInput();
    if (m_parser.isComplete())
        return complete();
    fail(Failure::Broken, QStringLiteral("the response ended early: %1").arg(m_parser.error()));
}

void HttpStreamClient::onSocketError()
{
    if (m_state == State::Done || m_state == State::Idle || !m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError)
        return; // disconnected() decides whether the response was complete
    if (retryOnFreshConnection())
        return;
    const QString reason = m_socket->errorString();
    m_failureSaid = m_tlsErrors.isEmpty() ? reason : m_tlsErrors;
    if (error == QAbstractSocket::SslHandshakeFailedError || !m_tlsErrors.isEmpty()) {
        // Which server, and what was wrong with it: "TLS handshake failed" alone sends people looking.
        return fail(Failure::Tls,
            QStringLiteral("TLS with %1:%2 failed: %3")
                .arg(m_request.url.host(), QString::number(portOf(m_request.url)),
                    m_tlsErrors.isEmpty() ? reason : m_tlsErrors));
    }
    if (m_state == State::Connecting)
        return fail(Failure::Unreachable, QStringLiteral("cannot reach %1: %2").arg(where(), reason));
    fail(Failure::Broken, QStringLiteral("connection to the upstream failed: %1").arg(reason));
}

void HttpStreamClient::complete()
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    m_timeout.stop();
    const bool reusable = m_request.pool && m_socket && m_parser.canReuseConnection()
        && m_socket->bytesAvailable() == 0 && m_socket->state() == QAbstractSocket::ConnectedState;
    if (reusable) {
        QTcpSocket *socket = m_socket;
        m_socket = nullptr;
        if (!m_reused) // a new connection, which this client watched itself
            socket->disconnect(this);
        m_heldFrom = nullptr;
        m_request.pool->giveBack(poolKey(*this, m_request.proxy), socket);
    } else {
        closeSocket();
    }
    if (m_deleteWhenDone)
        deleteLater();
    if (m_reader)
        return m_reader->onResponseEnd();
    Q_EMIT finished();
}

void HttpStreamClient::fail(Failure failure, const QString &message)
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    m_timeout.stop();
    closeSocket();
    if (m_deleteWhenDone)
        deleteLater();
    if (m_reader)
        return m_reader->onResponseFailed(failure, message);
    Q_EMIT failed(failure, message);
}

void HttpStreamClient::closeSocket()
{
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    if (!m_reused)
        socket->disconnect(this);
    else if (m_heldFrom)
        std::exchange(m_heldFrom, nullptr)->letGo(socket);
    socket->abort();
    socket->deleteLater();
}
