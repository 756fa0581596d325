// SPDX-License-Identifier: MIT
// Maps "METHOD /path/{param}" to handlers, and tells a wrong method (405) from an unknown path (404).
#pragma once

#include "http/HttpRequest.h"
#include "http/HttpResponder.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

using RouteParams = QHash<QString, QString>;
// What a route's handler makes of a request body.
enum class RouteBody
{
    // JSON: a large body that begins like a JSON document is parsed on a worker thread before the handler
    // runs (HttpRequest::json), so that the handler can read it at once without holding up the loop.
    Json,
    // Bytes the handler reads itself (OTLP's protobuf or gzip, a body passed on as it came).
    Raw
};
using RouteHandler = std::function<void(const HttpRequest &, const RouteParams &, HttpResponder &)>;

class Router
{
public:
    // What a route takes when it says nothing: a body has no use on GET or DELETE, and a small one does no
    // harm; routes that read a body give their own limit.
    static constexpr qint64 DefaultMaxBodyBytes = 64 * 1024;

    // pattern: segments separated by '/'; "{name}" matches one non-empty segment. A request whose declared
    // body is over maxBodyBytes gets 413 from its head, before the body is read.
    void add(const QByteArray &method, const QString &pattern, RouteHandler handler,
        qint64 maxBodyBytes = DefaultMaxBodyBytes, RouteBody body = RouteBody::Json);

    struct Match
    {
        const RouteHandler *handler = nullptr;
        RouteParams params;
        qint64 maxBodyBytes = 0; // of the route matched
        RouteBody body = RouteBody::Json;
        QByteArrayList allowedMethods; // filled when the path exists but not for this method
    };
    // `path` is normalised (normaliseRequestPath): its segments are split at '/' and each decoded alone.
    Match match(const QByteArray &method, const QString &path) const;

    // Errors on `pathPrefix` and below (a route family such as Ollama's /api) are written by `writer`,
    // whoever answers them: a handler, the router (404, 405) or the HTTP edge (401, 403, 413...). The
    // longest prefix that matches decides; an empty writer gives a path below back to Ponder's own shape.
    void setErrorWriter(const QString &pathPrefix, RouteErrorWriter writer);
    // For a normalised path; empty for Ponder's own shape.
    RouteErrorWriter errorWriterFor(const QString &path) const;

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        RouteHandler handler;
        qint64 maxBodyBytes;
        RouteBody body;
    };
    static bool matchSegments(const QStringList &pattern, const QStringList &path, RouteParams *params);

    std::vector<Route> m_routes;
    std::vector<std::pair<QString, RouteErrorWriter>> m_errorWriters;
};
