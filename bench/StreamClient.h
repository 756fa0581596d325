// SPDX-License-Identifier: MIT
// One streaming request over a raw socket (SSE or NDJSON), timing when each content delta arrives and,
// from the fake upstream's stamp in it, how long it took to come.
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTcpSocket>

#include <functional>
#include <memory>
#include <vector>

class StreamClient : public QObject
{
    Q_OBJECT

public:
    // clock: shared by all clients of a run, so times compare across them.
    StreamClient(quint16 port, const QByteArray &path, const QByteArray &body, const QElapsedTimer &clock);

    void start();
    bool isDone() const { return m_done; }
    qint64 contentEvents() const { return m_arrivalsNs.size(); }
    bool sawContent() const { return !m_arrivalsNs.isEmpty(); }
    double timeToFirstDeltaMs() const;
    QList<double> gapsMs() const; // between consecutive content deltas
    // From the moment the upstream wrote each delta (its stamp) to its arrival here.
    QList<double> latenciesMs() const;

Q_SIGNALS:
    // Something arrived or the connection ended: waiters re-check their condition.
    void progressed();

private:
    void onReadyRead();

    QTcpSocket m_socket;
    quint16 m_port;
    QByteArray m_request;
    const QElapsedTimer &m_clock;
    qint64 m_startNs = 0;
    QList<qint64> m_arrivalsNs;
    QList<qint64> m_latenciesNs;
    QByteArray m_partial;
    bool m_done = false;
};

// Runs the event loop until `done` holds or the deadline passes. Unlike QTest::qWaitFor it never
// sleeps between checks (that would add up to 10 ms to every measured time).
bool runUntil(const std::vector<std::unique_ptr<StreamClient>> &clients, const std::function<bool()> &done,
    int deadlineMs);
