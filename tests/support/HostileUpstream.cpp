// SPDX-License-Identifier: MIT
#include "HostileUpstream.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

#include <deque>

namespace {

constexpr qint64 WriteAhead = 256 * 1024; // written beyond what the client has taken, at most

QByteArray readFile(const QString &name)
{
    QFile file(QStringLiteral(PONDER_TEST_TLS_DIR "/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

QByteArray HostileUpstream::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// One client connection: reads a request's head (and its Content-Length body), then writes the answer as
// the client takes it.
class HostileUpstream::Connection : public QObject
{
public:
    Connection(HostileUpstream &server, QSslSocket *socket)
        : QObject(socket)
        , m_server(server)
        , m_socket(socket)
    {
        connect(socket, &QSslSocket::readyRead, this, &Connection::onReadyRead);
        connect(socket, &QSslSocket::bytesWritten, this, &Connection::writeMore);
        connect(socket, &QSslSocket::encryptedBytesWritten, this, &Connection::writeMore);
        connect(socket, &QSslSocket::disconnected, this, [this] {
            if (!m_closing)
                ++m_server.m_closedByClients;
            setWaiting(false);
            m_pieces.clear();
            m_socket->deleteLater();
        });
        connect(socket, &QSslSocket::sslErrors, socket, [](const QList<QSslError> &) {});
    }

private:
    void onReadyRead()
    {
        const QByteArray bytes = m_socket->readAll();
        if (m_socket->isEncrypted() || m_answer.startTls)
            return; // past a CONNECT, the tunnel's bytes are not HTTP to this server
        m_buffer += bytes;
        if (m_answering)
            return; // the next request waits for this answer
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        Request request;
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon <= 0)
                continue;
            request.headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
            if (request.headers.last().first.compare("content-length", Qt::CaseInsensitive) == 0)
                length = request.headers.last().second.toLongLong();
        }
        if (m_buffer.size() < headEnd + 4 + length)
            return;
        m_buffer.remove(0, headEnd + 4 + length);
        m_server.m_requests.append(request);
        QByteArray key = request.method == "CONNECT" ? request.method : request.target;
        if (const qsizetype scheme = key.indexOf("://"); scheme >= 0) { // absolute form: its path
            const qsizetype path = key.indexOf('/', scheme + 3);
            key = path < 0 ? QByteArray("/") : key.mid(path);
        }
        key = key.split('?').first();
        m_answer = m_server.m_answers.value(key,
            whole(
                "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nContent-Type: text/plain\r\n\r\nnot found"));
        m_pieces.assign(m_answer.pieces.cbegin(), m_answer.pieces.cend());
        m_answering = true;
        writeMore();
    }

    void writeMore()
    {
        if (!m_answering)
            return;
        while (!m_pieces.empty() && m_socket->bytesToWrite() < WriteAhead) {
            Piece &piece = m_pieces.front();
            m_server.m_written += m_socket->write(piece.bytes);
            if (--piece.repeat <= 0)
                m_pieces.pop_front();
        }
        setWaiting(!m_pieces.empty());
        if (!m_pieces.empty())
            return;
        m_answering = false;
        if (m_answer.startTls) {
            m_socket->setLocalCertificate(QSslCertificate(readFile(QStringLiteral("test-cert.pem"))));
            m_socket->setPrivateKey(QSslKey(readFile(QStringLiteral("test-key.pem")), QSsl::Rsa));
            m_socket->startServerEncryption();
            return;
        }
        if (m_answer.close) {
            m_closing = true;
            m_socket->disconnectFromHost(); // after what is written
            return;
        }
        if (!m_buffer.isEmpty()) // the next request, if it came already
            onReadyRead();
    }

    void setWaiting(bool waiting)
    {
        if (waiting != m_waiting)
            m_server.m_waiting += waiting ? 1 : -1;
        m_waiting = waiting;
    }

    HostileUpstream &m_server;
    QSslSocket *m_socket;
    bool m_waiting = false;
    QByteArray m_buffer;
    Answer m_answer;
    std::deque<Piece> m_pieces;
    bool m_answering = false;
    bool m_closing = false;
};

HostileUpstream::HostileUpstream(QObject *parent)
    : QTcpServer(parent)
{ }

HostileUpstream::~HostileUpstream()
{
    // Sockets still open emit disconnected() while they are being destroyed: nobody may listen by then.
    for (QSslSocket *socket : findChildren<QSslSocket *>())
        socket->disconnect();
}

bool HostileUpstream::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QString HostileUpstream::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(serverPort());
}

void HostileUpstream::incomingConnection(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    new Connection(*this, socket);
}
