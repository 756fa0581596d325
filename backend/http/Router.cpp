// SPDX-License-Identifier: MIT
#include "http/Router.h"

#include <QUrl>

namespace {

QStringList splitPath(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

bool isParameter(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

} // namespace

void Router::add(const QByteArray &method, const QString &pattern, RouteHandler handler, qint64 maxBodyBytes,
    RouteBody body)
{
    m_routes.push_back({method, splitPath(pattern), std::move(handler), maxBodyBytes, body});
}

bool Router::matchSegments(const QStringList &pattern, const QStringList &path, RouteParams *params)
{
    if (pattern.size() != path.size())
        return false;
    // Literal segments first: most routes fail there, before any parameter is decoded.
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (!isParameter(pattern[i]) && pattern[i] != path[i])
            return false;
    }
    RouteParams found;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (isParameter(pattern[i]))
            found.insert(
                pattern[i].mid(1, pattern[i].size() - 2), QUrl::fromPercentEncoding(path[i].toUtf8()));
    }
    *params = std::move(found);
    return true;
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    const QStringList segments = splitPath(path);
    Match result;
    for (const Route &route : m_routes) {
        RouteParams params;
        if (!matchSegments(route.segments, segments, &params))
            continue;
        if (route.method == method) {
            result.handler = &route.handler;
            result.params = std::move(params);
            result.maxBodyBytes = route.maxBodyBytes;
            result.body = route.body;
            result.allowedMethods.clear();
            return result;
        }
        if (!result.allowedMethods.contains(route.method))
            result.allowedMethods.append(route.method);
    }
    return result;
}

void Router::setErrorWriter(const QString &pathPrefix, RouteErrorWriter writer)
{
    m_errorWriters.emplace_back(pathPrefix, std::move(writer));
}

RouteErrorWriter Router::errorWriterFor(const QString &path) const
{
    const std::pair<QString, RouteErrorWriter> *longest = nullptr;
    for (const auto &entry : m_errorWriters) {
        const QString &prefix = entry.first;
        const bool under = path.startsWith(prefix)
            && (path.size() == prefix.size() || path.at(prefix.size()) == QLatin1Char('/'));
        if (under && (!longest || prefix.size() > longest->first.size()))
            longest = &entry;
    }
    return longest ? longest->second : RouteErrorWriter {};
}
