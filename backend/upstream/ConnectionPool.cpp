// SPDX-License-Identifier: MIT
#include "upstream/ConnectionPool.h"

#include <QTcpSocket>

ConnectionPool::ConnectionPool(QObject *parent)
    : QObject(parent)
{
    m_sweep.setInterval(IdleTimeoutMs / 2);
    connect(&m_sweep, &QTimer::timeout, this, &ConnectionPool::dropExpired);
}

ConnectionPool::~ConnectionPool() = default;

QTcpSocket *ConnectionPool::take(const QString &key, Holder *holder)
{
    QList<Idle> &idle = m_idle[key];
    while (!idle.isEmpty()) {
        Idle entry = idle.takeLast(); // the most recently used is the least likely to have been closed
        if (!entry.socket || entry.socket->state() != QAbstractSocket::ConnectedState
            || entry.since.elapsed() > IdleTimeoutMs) {
            if (entry.socket)
                entry.socket->deleteLater();
            continue;
        }
        m_held.insert(entry.socket, holder);
        return entry.socket;
    }
    return nullptr;
}

void ConnectionPool::giveBack(const QString &key, QTcpSocket *socket)
{
    m_held.remove(socket);
    QList<Idle> &idle = m_idle[key];
    if (idle.size() >= MaxIdlePerKey || socket->state() != QAbstractSocket::ConnectedState) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        return;
    }
    if (socket->parent() != this) { // a new connection: watched from now until it closes
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] { onError(socket); });
    }
    Idle entry {socket, {}};
    entry.since.start();
    idle.append(entry);
    if (!m_sweep.isActive())
        m_sweep.start();
}

int ConnectionPool::idleCount() const
{
    int count = 0;
    for (const QList<Idle> &idle : m_idle)
        count += int(idle.size());
    return count;
}

void ConnectionPool::onReadyRead(QTcpSocket *socket)
{
    if (Holder *holder = m_held.value(socket))
        return holder->onHeldReadyRead();
    drop(socket); // an idle connection that speaks is of no further use
}

void ConnectionPool::onDisconnected(QTcpSocket *socket)
{
    if (Holder *holder = m_held.value(socket))
        return holder->onHeldDisconnected();
    drop(socket);
}

void ConnectionPool::onError(QTcpSocket *socket)
{
    if (Holder *holder = m_held.value(socket))
        holder->onHeldError();
}

void ConnectionPool::drop(QTcpSocket *socket)
{
    m_held.remove(socket);
    for (QList<Idle> &idle : m_idle)
        idle.removeIf([socket](const Idle &entry) { return entry.socket == socket; });
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void ConnectionPool::dropExpired()
{
    QList<QTcpSocket *> expired;
    for (const QList<Idle> &idle : std::as_const(m_idle)) {
        for (const Idle &entry : idle) {
            if (entry.socket && entry.since.elapsed() > IdleTimeoutMs)
                expired.append(entry.socket);
        }
    }
    for (QTcpSocket *socket : expired)
        drop(socket);
    if (idleCount() == 0)
        m_sweep.stop();
}
