// SPDX-License-Identifier: MIT
// One HTTP request as HttpConnection read it; handlers may keep a copy and answer later.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

struct HttpRequest
{
    QByteArray method; // upper case, e.g. "GET"
    // Without the query, normalised once by the parser (normaliseRequestPath) for every check and the router
    // alike; still percent-encoded where it must be: the router decodes each segment.
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remoteAddress;

    // Header names are case-insensitive (RFC 9110); the first occurrence wins.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    bool isWebSocketUpgrade() const;
    bool acceptsEventStream() const;
};
