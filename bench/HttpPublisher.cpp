// SPDX-License-Identifier: MIT
#include "HttpPublisher.h"

#include "HttpWire.h"

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

void HttpPublisher::post(const QByteArray &path, const QByteArray &body, const QByteArray &contentType)
{
    m_idle = false;
    m_socket.write(postRequest(path, body, contentType));
    m_socket.flush();
}

void HttpPublisher::onReadyRead()
{
    m_buffer += m_socket.readAll();
    for (qsizetype length = completeAnswerLength(m_buffer); length >= 0;
         length = completeAnswerLength(m_buffer)) {
        if (!isSuccess(m_buffer))
            ++m_failures;
        m_buffer.remove(0, length);
        ++m_answered;
        m_idle = true;
        Q_EMIT answeredOne();
    }
}
