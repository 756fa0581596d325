// SPDX-License-Identifier: MIT
#include "security/AccessPolicy.h"

#include "http/HttpRequest.h"
#include "http/HttpResponder.h"

#include <QUrl>

#include <algorithm>
#include <array>

namespace {

// Compares in time independent of where the strings differ, so the token cannot be guessed byte by byte.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    const QByteArray &other = a.size() == b.size() ? b : a;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ other.at(i));
    return difference == 0;
}

QString hostWithoutPort(const QString &host)
{
    if (host.startsWith(QLatin1Char('['))) // [::1]:8009
        return host.mid(1, host.indexOf(QLatin1Char(']')) - 1);
    const qsizetype colon = host.lastIndexOf(QLatin1Char(':'));
    return colon >= 0 && host.indexOf(QLatin1Char(':')) == colon ? host.left(colon) : host;
}

// The routes anyone may reach when a key is set: a liveness check, for monitors and service managers.
// Every other path needs the key, known or not, so a route added later is protected without being listed.
// The path is normalised (normaliseRequestPath): "//health" and "/x/../health" are "/health" here too.
bool isPublic(const HttpRequest &request)
{
    return request.path == QLatin1String("/health");
}

// The credentials of "Authorization: Bearer <token>"; the scheme is case-insensitive (RFC 9110 §11.1).
QByteArray bearerToken(const QByteArray &authorization)
{
    const QByteArray trimmed = authorization.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    if (space < 0 || trimmed.first(space).compare("bearer", Qt::CaseInsensitive) != 0)
        return {};
    return trimmed.sliced(space + 1).trimmed();
}

// The headers that decide who the request is from. Sent twice, one check could read one copy and the code
// after it the other (or a proxy in front the other): so the request is refused, whichever comes first.
constexpr std::array<QByteArrayView, 4> SingleHeaders {"host", "origin", "authorization", "x-api-key"};

QByteArrayView repeatedHeader(const HttpRequest &request)
{
    for (const QByteArrayView name : SingleHeaders) {
        int seen = 0;
        for (const auto &header : request.headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0 && ++seen > 1)
                return name;
        }
    }
    return {};
}

// host [ ":" port ] with a port of digits, or an IPv6 literal in brackets (RFC 9110 §7.2).
bool hostHeaderWellFormed(const QByteArray &host)
{
    qsizetype portStart = -1;
    if (host.startsWith('[')) {
        const qsizetype close = host.indexOf(']');
        if (close < 0)
            return false;
        if (close + 1 < host.size()) {
            if (host.at(close + 1) != ':')
                return false;
            portStart = close + 2;
        }
    } else if (const qsizetype colon = host.indexOf(':'); colon >= 0) {
        portStart = colon + 1;
    }
    if (portStart < 0)
        return true;
    const QByteArrayView port = QByteArrayView(host).sliced(portStart);
    return !port.isEmpty() && port.size() <= 5
        && std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

AccessPolicy::AccessPolicy(AccessOptions options, QHostAddress listenAddress)
    : m_options(std::move(options))
    , m_listenAddress(std::move(listenAddress))
{ }

bool AccessPolicy::isLocalHostName(const QString &host)
{
    if (host == QLatin1String("127.0.0.1")) // nearly every request: skip parsing it as an address
        return true;
    const QString name = host.toLower();
    if (name == QLatin1String("localhost") || name.endsWith(QLatin1String(".localhost"))
        || name == QLatin1String("host.docker.internal"))
        return true;
    const QHostAddress address(name);
    return !address.isNull() && address.isLoopback();
}

bool AccessPolicy::hostAllowed(const QByteArray &hostHeader) const
{
    if (hostHeader.isEmpty())
        return true; // HTTP/1.0 tools; browsers, the rebinding attackers' vehicle, always send Host
    const QString host = hostWithoutPort(QString::fromLatin1(hostHeader)).toLower();
    if (isLocalHostName(host))
        return true;
    if (!m_listenAddress.isLoopback() && QHostAddress(host) == m_listenAddress)
        return true;
    return m_options.allowedHosts.contains(host, Qt::CaseInsensitive);
}

bool AccessPolicy::originAllowed(const QByteArray &origin) const
{
    const QString text = QString::fromLatin1(origin);
    if (m_options.allowedOrigins.contains(QLatin1String("*"))
        || m_options.allowedOrigins.contains(text, Qt::CaseInsensitive))
        return true;
    const QUrl url(text);
    // "null" (sandboxed frames, file://) has no host and is refused.
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        && isLocalHostName(url.host()) && url.host().toLower() != QLatin1String("host.docker.internal");
}

bool AccessPolicy::tokenValid(const HttpRequest &request) const
{
    const QByteArray expected = m_options.apiKey.toUtf8();
    QByteArray given = request.header("x-api-key");
    if (given.isEmpty())
        given = bearerToken(request.header("authorization"));
    // Browsers cannot set headers on a WebSocket: a query parameter stands in for them there.
    if (given.isEmpty() && request.isWebSocketUpgrade())
        given = request.query.queryItemValue(QStringLiteral("api_key"), QUrl::FullyDecoded).toUtf8();
    return !given.isEmpty() && constantTimeEquals(given, expected);
}

std::optional<ApiError> AccessPolicy::check(const HttpRequest &request) const
{
    if (const QByteArrayView repeated = repeatedHeader(request); !repeated.isEmpty())
        return ApiError(400,
            QStringLiteral("the request carries more than one %1 header").arg(QString::fromLatin1(repeated)),
            {}, QStringLiteral("invalid_request_error"));
    if (!hostHeaderWellFormed(request.header("host")))
        return ApiError(400,
            QStringLiteral("Host '%1' is not a host name with an optional port")
                .arg(clippedForMessage(QString::fromLatin1(request.header("host")))),
            {}, QStringLiteral("invalid_request_error"));
    if (!hostAllowed(request.header("host")))
        return ApiError(403,
            QStringLiteral(
                "Host '%1' is not allowed: Ponder answers local names only (add it with --allowed-host)")
                .arg(clippedForMessage(QString::fromLatin1(request.header("host")))),
            {}, QStringLiteral("permission_error"));
    const QByteArray origin = request.header("origin");
    // A page elsewhere can make the browser send a GET without an Origin (an image, a script, a frame); the
    // browser still says where it came from. Only a person's own navigation (a link followed, an address
    // typed) is let through without an Origin: its answer goes to them, not to the page.
    if (origin.isEmpty() && request.header("sec-fetch-site").compare("cross-site", Qt::CaseInsensitive) == 0
        && request.header("sec-fetch-mode").compare("navigate", Qt::CaseInsensitive) != 0)
        return ApiError(403,
            QStringLiteral("a request a page on another site made without an Origin is not allowed"), {},
            QStringLiteral("permission_error"));
    if (!origin.isEmpty() && !originAllowed(origin))
        return ApiError(403,
            QStringLiteral("Origin '%1' is not allowed (add it with --allowed-origin)")
                .arg(clippedForMessage(QString::fromLatin1(origin))),
            {}, QStringLiteral("permission_error"));
    // A CORS preflight never carries credentials; the request that follows it does.
    if (!m_options.apiKey.isEmpty() && request.method != "OPTIONS" && !isPublic(request)
        && !tokenValid(request)) {
        ApiError error(401,
            QStringLiteral(
                "a valid API key is required: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"),
            {}, QStringLiteral("authentication_error"));
        error.code = QStringLiteral("invalid_api_key");
        return error;
    }
    return std::nullopt;
}

void AccessPolicy::decorate(const HttpRequest &request, HttpResponder &responder) const
{
    const QByteArray origin = request.header("origin");
    if (origin.isEmpty())
        return;
    responder.addHeader("Access-Control-Allow-Origin", origin);
    responder.addHeader("Vary", "Origin");
    responder.addHeader("Access-Control-Expose-Headers", "X-Session-Id");
}
