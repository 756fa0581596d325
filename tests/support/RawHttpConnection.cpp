// SPDX-License-Identifier: MIT
#include "RawHttpConnection.h"

#include <QTest>

RawHttpConnection::RawHttpConnection(const QUrl &server)
{
    m_socket.connectToHost(server.host(), quint16(server.port()));
    m_socket.waitForConnected(15000);
}

void RawHttpConnection::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

QList<RawHttpResponse> RawHttpConnection::responses(int count)
{
    QList<RawHttpResponse> whole;
    (void)QTest::qWaitFor(
        [&] {
            m_received += m_socket.readAll();
            whole = split(m_received);
            return whole.size() >= count;
        },
        15000);
    return whole;
}

QByteArray RawHttpConnection::received()
{
    m_received += m_socket.readAll();
    return m_received;
}

bool RawHttpConnection::waitForClose()
{
    return QTest::qWaitFor(
        [&] {
            m_received += m_socket.readAll();
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        15000);
}

QList<RawHttpResponse> RawHttpConnection::split(const QByteArray &raw)
{
    QList<RawHttpResponse> responses;
    qsizetype position = 0;
    while (true) {
        const qsizetype headEnd = raw.indexOf("\r\n\r\n", position);
        if (headEnd < 0)
            return responses;
        RawHttpResponse response = parseRawResponse(raw.mid(position, headEnd + 4 - position));
        const qsizetype length = response.status == 100 ? 0 : response.header("content-length").toLongLong();
        if (raw.size() < headEnd + 4 + length)
            return responses;
        response.body = raw.mid(headEnd + 4, length);
        responses.append(response);
        position = headEnd + 4 + length;
    }
}

RawHttpResponse answerThenClose(const QUrl &server, const QByteArray &request)
{
    RawHttpConnection connection(server);
    connection.send(request);
    const QList<RawHttpResponse> answers = connection.responses(1);
    if (answers.size() != 1 || !connection.waitForClose())
        return {};
    return answers.first();
}
