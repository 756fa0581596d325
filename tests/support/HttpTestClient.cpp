// SPDX-License-Identifier: MIT
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

QByteArray rawHttpExchange(const QUrl &server, const QByteArray &request, int quietMs,
    const std::function<bool(const QByteArray &)> &complete)
{
    QTcpSocket socket;
    socket.connectToHost(server.host(), quint16(server.port()));
    if (!socket.waitForConnected(ReplyDeadlineMs))
        return {};
    socket.write(request);
    QByteArray received;
    while (socket.state() == QAbstractSocket::ConnectedState && !(complete && complete(received))) {
        QSignalSpy ready(&socket, &QTcpSocket::readyRead);
        if (!ready.wait(quietMs) && socket.bytesAvailable() == 0)
            break;
        received += socket.readAll();
    }
    received += socket.readAll();
    return received;
}

QByteArray RawHttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QList<QByteArray> RawHttpResponse::sseData() const
{
    QList<QByteArray> data;
    for (const QByteArray &line : body.split('\n')) {
        if (line.startsWith("data: "))
            data.append(line.mid(6));
    }
    return data;
}

RawHttpResponse parseRawResponse(const QByteArray &raw)
{
    RawHttpResponse response;
    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return response;
    const QList<QByteArray> lines = raw.left(headEnd).split('\n');
    response.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            response.headers.append(
                {lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    QByteArray rest = raw.mid(headEnd + 4);
    if (response.header("transfer-encoding") != "chunked") {
        response.body = rest;
        return response;
    }
    while (true) {
        const qsizetype lineEnd = rest.indexOf("\r\n");
        if (lineEnd < 0)
            break;
        bool ok = false;
        const qsizetype size = rest.left(lineEnd).toLongLong(&ok, 16);
        if (!ok)
            break;
        if (size == 0) {
            response.chunkedComplete = true;
            break;
        }
        response.body += rest.mid(lineEnd + 2, size);
        rest.remove(0, lineEnd + 2 + size + 2);
    }
    return response;
}

RawHttpResponse rawPost(const QUrl &server, const QString &path, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers, int quietMs)
{
    QByteArray request = "POST " + path.toUtf8()
        + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(server.port())
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    request += "\r\n" + body;
    // Read until the response is complete (the connection stays open: keep-alive) or goes quiet.
    return parseRawResponse(rawHttpExchange(server, request, quietMs, [](const QByteArray &received) {
        const RawHttpResponse response = parseRawResponse(received);
        const QByteArray length = response.header("content-length");
        return response.chunkedComplete || (!length.isEmpty() && response.body.size() >= length.toLongLong());
    }));
}
