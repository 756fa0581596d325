// SPDX-License-Identifier: MIT
// Publishes requests at fixed instants from a thread of its own, over several keep-alive HTTP connections
// with one request outstanding on each: one request every 100 µs at 10k/s, or the same rate as bursts (ten
// requests every millisecond). A publisher on the bench's event loop would share its thread with the
// subscriber whose receive times are measured, and a Qt timer cannot tick faster than once a millisecond.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>

#include <atomic>
#include <functional>
#include <vector>

class PacedSender
{
public:
    // Connects `connections` sockets to 127.0.0.1:`port`; false when any could not connect.
    bool connect(quint16 port, int connections);
    ~PacedSender();

    // Sends `total` POSTs to `path` at `rate` per second, `burst` at a time, blocking until all are answered
    // (or 60 s have passed); `body` is called at each send, on the calling thread.
    void run(const QByteArray &path, qint64 total, double rate, int burst,
        const std::function<QByteArray()> &body);

    qint64 failures() const { return m_failures; }

private:
    struct Connection
    {
        int fd = -1;
        bool busy = false;
        QByteArray buffer;
    };

    void readAnswers(int timeoutMs);
    void readFrom(Connection &connection);

    std::vector<Connection> m_connections;
    qint64 m_failures = 0;
};
