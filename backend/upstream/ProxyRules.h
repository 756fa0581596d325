// SPDX-License-Identifier: MIT
// Which proxy, if any, a request to an upstream goes through, from the environment as curl reads it:
// http_proxy for http:// (lower case only, as curl: a CGI program's HTTP_PROXY can come from a request
// header), https_proxy or HTTPS_PROXY for https://, all_proxy or ALL_PROXY for either when those are unset,
// and no_proxy or NO_PROXY for the hosts that are reached directly. A proxy given without a scheme is
// http://, without a port 1080. Requests to this machine (localhost, 127.0.0.0/8, ::1) never go through a
// proxy: a proxy elsewhere would reach its own loopback, not this one.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

class ProxyRules
{
public:
    static ProxyRules fromEnvironment();
    // For tests: the variables by name.
    static ProxyRules fromVariables(const QHash<QString, QString> &variables);

    // The proxy for `url` (http://, socks5:// or socks5h://, or one Ponder cannot use, which the client
    // refuses with a message), or an empty URL: connect directly.
    QUrl proxyFor(const QUrl &url) const;

private:
    bool bypasses(const QString &host) const;

    QUrl m_http;
    QUrl m_https;
    QStringList m_noProxy; // lower case, without a leading dot
    bool m_noProxyForAll = false;
};
