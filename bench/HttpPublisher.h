// SPDX-License-Identifier: MIT
// Publishes events over one keep-alive HTTP connection, one request at a time (no pipelining), and
// tells when each answer is back.
#pragma once

#include <QObject>
#include <QTcpSocket>

class HttpPublisher : public QObject
{
    Q_OBJECT

public:
    explicit HttpPublisher(quint16 port);

    bool isIdle() const { return m_idle && m_socket.state() == QAbstractSocket::ConnectedState; }
    void post(
        const QByteArray &path, const QByteArray &body, const QByteArray &contentType = "application/json");
    qint64 answered() const { return m_answered; }
    qint64 failures() const { return m_failures; }

Q_SIGNALS:
    void answeredOne();

private:
    void onReadyRead();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_idle = false;
    qint64 m_answered = 0;
    qint64 m_failures = 0;
};
