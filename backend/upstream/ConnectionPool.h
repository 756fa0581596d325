// SPDX-License-Identifier: MIT
// Idle keep-alive connections to one upstream, so a request skips the TCP (and TLS) handshake.
//
// A connection comes back only after a response that ended cleanly; an aborted request closes its
// connection instead, which is what tells the model server to stop. Idle connections that the server
// closes, or that sit unused too long, are dropped.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

class ConnectionPool : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionPool(QObject *parent = nullptr);
    ~ConnectionPool() override;

    // An idle connected socket for `key` ("scheme://host:port"), or null. The caller becomes its parent.
    QTcpSocket *take(const QString &key, QObject *newParent);
    void giveBack(const QString &key, QTcpSocket *socket);
    int idleCount() const;

    static constexpr int MaxIdlePerKey = 32;
    static constexpr int IdleTimeoutMs = 30'000;

private:
    struct Idle
    {
        QPointer<QTcpSocket> socket;
        QElapsedTimer since;
    };

    void drop(QTcpSocket *socket);
    void dropExpired();

    QHash<QString, QList<Idle>> m_idle;
    QTimer m_sweep;
};
