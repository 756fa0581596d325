// SPDX-License-Identifier: MIT
#include "StreamClient.h"

#include "FakeUpstream.h"

#include <QEventLoop>
#include <QTimer>

StreamClient::StreamClient(
    quint16 port, const QByteArray &path, const QByteArray &body, const QElapsedTimer &clock)
    : m_port(port)
    , m_clock(clock)
{
    m_request = "POST " + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    connect(&m_socket, &QTcpSocket::readyRead, this, &StreamClient::onReadyRead);
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_startNs = m_clock.nsecsElapsed();
        m_socket.write(m_request);
    });
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        m_done = true;
        Q_EMIT progressed();
    });
}

void StreamClient::start()
{
    m_socket.connectToHost(QHostAddress::LocalHost, m_port);
}

void StreamClient::onReadyRead()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 monotonic = FakeUpstream::monotonicNs();
    m_partial += m_socket.readAll();
    qsizetype start = 0;
    // SSE events ("data: {...}") and NDJSON lines alike: a delta is a line with the content "tok<n> ..."
    // (chat completions, Ollama), the Responses API's output_text delta, or Anthropic's text_delta.
    for (qsizetype end = m_partial.indexOf('\n'); end >= 0; end = m_partial.indexOf('\n', start)) {
        const QByteArrayView line(m_partial.constData() + start, end - start);
        start = end + 1;
        const bool delta = line.contains("\"content\":\"tok")
            || (line.contains("\"delta\":\"tok") && line.contains("output_text.delta"))
            || (line.contains("\"text\":\"tok") && line.contains("\"text_delta\""));
        if (delta) {
            m_arrivalsNs.append(now);
            // The fake's stamp: when the upstream wrote this delta.
            const qsizetype at = line.indexOf('@');
            if (at >= 0 && at + 17 <= line.size())
                m_latenciesNs.append(monotonic - line.sliced(at + 1, 16).toLongLong());
        } else if (line.startsWith("data: [DONE]") || line.contains("\"done\":true")
            || line.contains("\"type\":\"response.completed\"")
            || line.contains("\"type\":\"response.incomplete\"")
            || line.contains("\"type\":\"response.failed\"") || line.contains("\"type\":\"message_stop\"")
            || line.contains("\"type\":\"error\"")) {
            m_done = true;
        }
    }
    m_partial.remove(0, start);
    Q_EMIT progressed();
}

double StreamClient::timeToFirstDeltaMs() const
{
    return m_arrivalsNs.isEmpty() ? -1 : double(m_arrivalsNs.first() - m_startNs) / 1e6;
}

QList<double> StreamClient::latenciesMs() const
{
    QList<double> latencies;
    for (const qint64 ns : m_latenciesNs)
        latencies.append(double(ns) / 1e6);
    return latencies;
}

QList<double> StreamClient::gapsMs() const
{
    QList<double> gaps;
    for (qsizetype i = 1; i < m_arrivalsNs.size(); ++i)
        gaps.append(double(m_arrivalsNs.at(i) - m_arrivalsNs.at(i - 1)) / 1e6);
    return gaps;
}

bool runUntil(const std::vector<std::unique_ptr<StreamClient>> &clients, const std::function<bool()> &done,
    int deadlineMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    for (const auto &client : clients) {
        QObject::connect(client.get(), &StreamClient::progressed, &loop, [&] {
            if (done())
                loop.quit();
        });
    }
    deadline.start(deadlineMs);
    loop.exec();
    return done();
}
