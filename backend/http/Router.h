// Maps "METHOD /path/{param}" to handlers, and tells a wrong method (405) from an unknown path (404).
#pragma once

#include "http/HttpRequest.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class HttpResponder;

using RouteParams = QHash<QString, QString>;
using RouteHandler = std::function<void(const HttpRequest &, const RouteParams &, HttpResponder &)>;

class Router
{
public:
    // pattern: segments separated by '/'; "{name}" matches one non-empty segment.
    void add(const QByteArray &method, const QString &pattern, RouteHandler handler);

    struct Match
    {
        const RouteHandler *handler = nullptr;
        RouteParams params;
        QByteArrayList allowedMethods; // filled when the path exists but not for this method
    };
    Match match(const QByteArray &method, const QString &path) const;

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        RouteHandler handler;
    };
    static bool matchSegments(const QStringList &pattern, const QStringList &path, RouteParams *params);

    std::vector<Route> m_routes;
};
