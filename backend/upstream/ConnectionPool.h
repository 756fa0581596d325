// SPDX-License-Identifier: MIT
// Idle keep-alive connections to one upstream, so a request skips the TCP (and TLS) handshake.
//
// A connection comes back only after a response that ended cleanly; an aborted request closes its
// connection instead, which is what tells the model server to stop. Idle connections that the server
// closes, or that sit unused too long, are dropped.
//
// A connection is the pool's from its first return until it closes, in use or idle: the pool watches it
// for all that time and hands what it says on to whoever holds it, so that taking it and giving it back
// for every request makes and tears down no signal connection and moves it to no other parent.
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

    // Who holds a taken connection (an HttpStreamClient), told what its socket says.
    class Holder
    {
    public:
        virtual void onHeldReadyRead() = 0;
        virtual void onHeldDisconnected() = 0;
        virtual void onHeldError() = 0;

    protected:
        ~Holder() = default;
    };

    // An idle connected socket for `key` ("scheme://host:port"), or null. It stays the pool's child;
    // `holder` hears it until it is given back or let go of.
    QTcpSocket *take(const QString &key, Holder *holder);
    // A connection whose response ended cleanly, for the next request. One the pool does not have yet
    // (a new connection) is adopted: its caller has stopped listening to it.
    void giveBack(const QString &key, QTcpSocket *socket);
    // A taken connection its holder will not give back (it closes it): no one hears it any more.
    void letGo(QTcpSocket *socket) { m_held.remove(socket); }
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
    // What a socket of the pool's says: its holder's news, or the end of an idle connection.
    void onReadyRead(QTcpSocket *socket);
    void onDisconnected(QTcpSocket *socket);
    void onError(QTcpSocket *socket);

    QHash<QString, QList<Idle>> m_idle;
    QHash<QTcpSocket *, Holder *> m_held; // taken connections
    QTimer m_sweep;
};
