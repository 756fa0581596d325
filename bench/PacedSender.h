// Publishes requests at evenly spaced instants (every 100 µs at 10k/s), from a thread of its own, over
// several keep-alive HTTP connections with one request outstanding on each. A Qt timer cannot tick faster
// than once a millisecond, so a publisher on the event loop sends each millisecond's events as a burst;
// this one sends them as a steady stream.
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

    // Sends `total` POSTs to `path` at `rate` per second, blocking until all are answered (or 60 s have
    // passed); `body` is called at each send, on the calling thread.
    void run(const QByteArray &path, qint64 total, double rate, const std::function<QByteArray()> &body);

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
