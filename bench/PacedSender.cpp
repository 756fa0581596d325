// SPDX-License-Identifier: MIT
#include "PacedSender.h"

#include "HttpWire.h"

#include <algorithm>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

bool PacedSender::connect(quint16 port, int connections)
{
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < connections; ++i) {
        Connection connection;
        connection.fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int one = 1;
        ::setsockopt(connection.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (::connect(connection.fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
            ::close(connection.fd);
            return false;
        }
        m_connections.push_back(std::move(connection));
    }
    return true;
}

PacedSender::~PacedSender()
{
    for (const Connection &connection : m_connections)
        ::close(connection.fd);
}

void PacedSender::run(
    const QByteArray &path, qint64 total, double rate, int burst, const std::function<QByteArray()> &body)
{
    // The kernel may otherwise wake a sleeping thread up to 50 µs late, half the interval at 10k/s.
    ::prctl(PR_SET_TIMERSLACK, 1UL);
    const auto firstIdle = [this] {
        return std::find_if(
            m_connections.begin(), m_connections.end(), [](const Connection &c) { return !c.busy; });
    };
    burst = std::max(1, burst);
    const qint64 intervalNs = qint64(1e9 * burst / rate);
    timespec due {};
    ::clock_gettime(CLOCK_MONOTONIC, &due);
    for (qint64 sent = 0; sent < total;) {
        due.tv_nsec += intervalNs;
        while (due.tv_nsec >= 1'000'000'000) {
            due.tv_nsec -= 1'000'000'000;
            ++due.tv_sec;
        }
        ::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, nullptr);
        readAnswers(0);
        for (int i = 0; i < burst && sent < total; ++i, ++sent) {
            auto idle = firstIdle();
            while (idle == m_connections.end()) {
                readAnswers(100);
                idle = firstIdle();
            }
            const QByteArray request = postRequest(path, body());
            idle->busy = true;
            if (::send(idle->fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL)
                != ssize_t(request.size()))
                ++m_failures;
        }
    }
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 60'000
        && std::any_of(
            m_connections.begin(), m_connections.end(), [](const Connection &c) { return c.busy; }))
        readAnswers(100);
}

void PacedSender::readAnswers(int timeoutMs)
{
    std::vector<pollfd> polled;
    for (const Connection &connection : m_connections)
        polled.push_back({connection.fd, short(connection.busy ? POLLIN : 0), 0});
    if (::poll(polled.data(), nfds_t(polled.size()), timeoutMs) <= 0)
        return;
    for (size_t i = 0; i < polled.size(); ++i) {
        if (polled[i].revents & POLLIN)
            readFrom(m_connections[i]);
    }
}

void PacedSender::readFrom(Connection &connection)
{
    char chunk[4096];
    const ssize_t got = ::recv(connection.fd, chunk, sizeof chunk, MSG_DONTWAIT);
    if (got <= 0)
        return;
    connection.buffer.append(chunk, got);
    if (completeAnswerLength(connection.buffer) < 0)
        return;
    if (!isSuccess(connection.buffer))
        ++m_failures;
    connection.buffer.clear(); // one request outstanding per connection: nothing follows the answer
    connection.busy = false;
}
