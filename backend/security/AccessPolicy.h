// SPDX-License-Identifier: MIT
// Who may talk to the local server. Local does not mean trusted: a web page in the user's browser can
// reach 127.0.0.1 too, so every request is checked for
//  - its Host: only local names or configured ones (defeats DNS rebinding);
//  - its Origin, when a browser sends one: only the allow-list (by default pages served from loopback);
//  - the API token, when one is set, on every route but /health (default-deny: a new route needs no
//    listing to be protected).
// It sees the request's head only, with its path normalised, before any body is read.
#pragma once

#include "http/ApiError.h"

#include <QHostAddress>
#include <QStringList>

#include <optional>

struct HttpRequest;
class HttpResponder;

struct AccessOptions
{
    QString apiKey; // empty: no token needed (zero-login)
    QStringList allowedHosts; // extra Host names, e.g. a LAN name when listening beyond loopback
    QStringList allowedOrigins; // extra browser origins such as https://chat.example; "*" allows any
};

class AccessPolicy
{
public:
    AccessPolicy(AccessOptions options, QHostAddress listenAddress);

    std::optional<ApiError> check(const HttpRequest &request) const;
    // CORS headers for an allowed browser origin.
    void decorate(const HttpRequest &request, HttpResponder &responder) const;

    static bool isLocalHostName(const QString &host);

private:
    bool hostAllowed(const QByteArray &hostHeader) const;
    bool originAllowed(const QByteArray &origin) const;
    bool tokenValid(const HttpRequest &request) const;

    AccessOptions m_options;
    QHostAddress m_listenAddress;
};
