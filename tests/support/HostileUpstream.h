// SPDX-License-Identifier: MIT
// A server that misbehaves on purpose, for tests of what Ponder does with a hostile or broken upstream:
// each request is answered with exactly the bytes the test scripts (any framing, any size, however wrong),
// written only as fast as the client reads them, then the connection closed or held open. It plays an HTTP
// proxy too: requests in absolute form and CONNECT are recorded as they came, and a CONNECT can be followed
// by a TLS handshake with a self-signed certificate (tests/support/tls, made for these tests only).
//
// Apart from FakeUpstream on purpose: that one is faithful to the protocols, this one is not.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>

class HostileUpstream : public QTcpServer
{
    Q_OBJECT

public:
    // `bytes`, `repeat` times over (a large answer is never built whole).
    struct Piece
    {
        QByteArray bytes;
        qint64 repeat = 1;
    };
    struct Answer
    {
        QList<Piece> pieces;
        bool close
            = true; // false: the connection stays open after the last byte (and the next request may follow)
        bool startTls = false; // after the pieces (a CONNECT's 200), a TLS handshake as a server
    };
    struct Request
    {
        QByteArray method;
        QByteArray target; // as sent: "/v1/models", "http://host:port/v1/models", "host:443"
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;
    };

    explicit HostileUpstream(QObject *parent = nullptr);
    ~HostileUpstream() override;
    bool start();
    QString url() const; // http://127.0.0.1:<port>

    // Requests to this path (of an origin-form or absolute-form target), or with this method ("CONNECT"),
    // get `answer`; anything else a 404.
    void answer(const QByteArray &pathOrMethod, const Answer &answer)
    {
        m_answers.insert(pathOrMethod, answer);
    }
    static Answer whole(const QByteArray &response) { return {{{response, 1}}, true, false}; }

    QList<Request> requests() const { return m_requests; }
    // Bytes written to clients so far, of every answer.
    qint64 bytesWritten() const { return m_written; }
    // An answer has more to write and waits for the client to take what was written (its socket holds
    // what the kernel would not).
    bool isWaitingForTheClient() const { return m_waiting > 0; }
    int connectionsClosedByClients() const { return m_closedByClients; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    class Connection;

    QHash<QByteArray, Answer> m_answers;
    QList<Request> m_requests;
    qint64 m_written = 0;
    int m_waiting = 0; // connections whose answer waits for the client to read
    int m_closedByClients = 0;
};
