#include "HttpPublisher.h"

HttpPublisher::HttpPublisher(quint16 port)
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_idle = true;
        Q_EMIT answeredOne();
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpPublisher::onReadyRead);
    m_socket.connectToHost(QHostAddress::LocalHost, port);
}

void HttpPublisher::post(const QByteArray &path, const QByteArray &body)
{
    m_idle = false;
    m_socket.write("POST " + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    m_socket.flush();
}

void HttpPublisher::onReadyRead()
{
    m_buffer += m_socket.readAll();
    while (true) {
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const qsizetype lengthAt = m_buffer.indexOf("Content-Length: ");
        const qsizetype length = lengthAt >= 0 && lengthAt < headEnd
            ? m_buffer.mid(lengthAt + 16, m_buffer.indexOf("\r\n", lengthAt) - lengthAt - 16).toLongLong()
            : 0;
        if (m_buffer.size() < headEnd + 4 + length)
            return;
        if (!m_buffer.startsWith("HTTP/1.1 2"))
            ++m_failures;
        m_buffer.remove(0, headEnd + 4 + length);
        ++m_answered;
        m_idle = true;
        Q_EMIT answeredOne();
    }
}
