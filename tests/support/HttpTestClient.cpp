#include "HttpTestClient.h"

#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace {
constexpr int ReplyDeadlineMs = 30000;
}

QByteArray HttpTestReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpTestReply HttpTestClient::get(const QUrl &url, const Headers &headers)
{
    return send("GET", url, {}, headers);
}

HttpTestReply HttpTestClient::send(
    const QByteArray &method, const QUrl &url, const QByteArray &body, const Headers &headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(ReplyDeadlineMs);

    HttpTestReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

QByteArray rawHttpExchange(const QUrl &server, const QByteArray &request, int quietMs)
{
    QTcpSocket socket;
    socket.connectToHost(server.host(), quint16(server.port()));
    if (!socket.waitForConnected(ReplyDeadlineMs))
        return {};
    socket.write(request);
    QByteArray received;
    while (socket.state() == QAbstractSocket::ConnectedState) {
        QSignalSpy ready(&socket, &QTcpSocket::readyRead);
        if (!ready.wait(quietMs) && socket.bytesAvailable() == 0)
            break;
        received += socket.readAll();
    }
    received += socket.readAll();
    return received;
}
