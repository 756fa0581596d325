// A copy of one HTTP request that outlives Qt's request object, so handlers can answer later.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

class QHttpServerRequest;

struct HttpRequest
{
    QByteArray method; // upper case, e.g. "GET"
    QString path; // percent-encoded path without the query; the router decodes each segment
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remoteAddress;

    static HttpRequest fromQt(const QHttpServerRequest &request);

    // Header names are case-insensitive (RFC 9110); the first occurrence wins.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    bool isWebSocketUpgrade() const;
    bool acceptsEventStream() const;
};
