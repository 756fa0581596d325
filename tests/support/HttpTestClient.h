// SPDX-License-Identifier: MIT
// Blocking HTTP helpers for tests (they spin the event loop while waiting, so in-process servers keep
// running).
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

#include <functional>

struct HttpTestReply
{
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    QByteArray header(const QByteArray &name) const;
};

class HttpTestClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    HttpTestReply get(const QUrl &url, const Headers &headers = {});
    HttpTestReply send(
        const QByteArray &method, const QUrl &url, const QByteArray &body = {}, const Headers &headers = {});

private:
    QNetworkAccessManager m_network;
};

// Sends raw bytes over a fresh TCP connection and returns everything received until the peer
// closes, `complete` says the response is whole, or `quietMs` pass without data: for byte-level checks
// no HTTP client would let us make.
QByteArray rawHttpExchange(const QUrl &server, const QByteArray &request, int quietMs = 500,
    const std::function<bool(const QByteArray &)> &complete = {});

// A raw HTTP/1.1 response taken apart: status, headers, and the body with chunked framing removed.
struct RawHttpResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool chunkedComplete = false; // the terminating 0-size chunk arrived

    QByteArray header(const QByteArray &name) const;
    // The payloads of the SSE "data:" lines, in order.
    QList<QByteArray> sseData() const;
};
RawHttpResponse parseRawResponse(const QByteArray &raw);
// POSTs JSON over a fresh connection and reads until the server goes quiet.
RawHttpResponse rawPost(const QUrl &server, const QString &path, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers = {}, int quietMs = 1500);
