// SPDX-License-Identifier: MIT
// One HTTP request as HttpConnection read it; handlers may keep a copy and answer later.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <memory>

// A request body read as JSON.
struct ParsedJsonBody
{
    QJsonDocument document;
    QJsonParseError error {};

    static ParsedJsonBody of(const QByteArray &body);
};

struct HttpRequest
{
    QByteArray method; // upper case, e.g. "GET"
    // Without the query, normalised once by the parser (normaliseRequestPath) for every check and the router
    // alike; still percent-encoded where it must be: the router decodes each segment.
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // The body read as JSON when the server did that on a worker thread before the handler ran (a body of
    // a megabyte or more to a RouteBody::Json route); null otherwise, and the handler reads `body`.
    std::shared_ptr<const ParsedJsonBody> json;
    QHostAddress remoteAddress;

    // Header names are case-insensitive (RFC 9110); the first occurrence wins.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    bool isWebSocketUpgrade() const;
    bool acceptsEventStream() const;
};
