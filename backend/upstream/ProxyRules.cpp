// SPDX-License-Identifier: MIT
#include "upstream/ProxyRules.h"

#include <QHostAddress>

namespace {

QUrl parseProxy(QString text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("http://"));
    QUrl proxy(text, QUrl::TolerantMode);
    if (proxy.isValid() && proxy.port() < 0)
        proxy.setPort(1080); // curl's default proxy port
    return proxy;
}

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

ProxyRules ProxyRules::fromEnvironment()
{
    // This runs for every upstream request: look up the seven names alone (QProcessEnvironment would
    // copy the whole environment into a hash each time).
    QHash<QString, QString> variables;
    for (const char *name :
        {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"}) {
        if (qEnvironmentVariableIsSet(name))
            variables.insert(QString::fromLatin1(name), qEnvironmentVariable(name));
    }
    return fromVariables(variables);
}

ProxyRules ProxyRules::fromVariables(const QHash<QString, QString> &variables)
{
    const auto first = [&variables](std::initializer_list<const char *> names) {
        for (const char *name : names) {
            const QString value = variables.value(QString::fromLatin1(name)).trimmed();
            if (!value.isEmpty())
                return value;
        }
        return QString();
    };
    ProxyRules rules;
    const QString all = first({"all_proxy", "ALL_PROXY"});
    rules.m_http = parseProxy(first({"http_proxy"}).isEmpty() ? all : first({"http_proxy"}));
    const QString https = first({"https_proxy", "HTTPS_PROXY"});
    rules.m_https = parseProxy(https.isEmpty() ? all : https);
    for (QString entry : first({"no_proxy", "NO_PROXY"}).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry == QLatin1String("*"))
            rules.m_noProxyForAll = true;
        if (entry.startsWith(QLatin1Char('.')))
            entry.remove(0, 1);
        if (entry.startsWith(QLatin1Char('[')) && entry.endsWith(QLatin1Char(']')))
            entry = entry.mid(1, entry.size() - 2);
        if (!entry.isEmpty())
            rules.m_noProxy << entry;
    }
    return rules;
}

bool ProxyRules::bypasses(const QString &host) const
{
    if (m_noProxyForAll || isLoopback(host))
        return true;
    const QString name = host.toLower();
    const QHostAddress address(name);
    for (const QString &entry : m_noProxy) {
        if (name == entry)
            return true;
        if (!address.isNull()) {
            // An address matches an equal address or a CIDR range ("10.0.0.0/8"), never a name suffix.
            if (entry.contains(QLatin1Char('/'))) {
                const auto subnet = QHostAddress::parseSubnet(entry);
                if (subnet.first.protocol() == address.protocol() && address.isInSubnet(subnet))
                    return true;
            } else if (QHostAddress(entry) == address) {
                return true;
            }
            continue;
        }
        if (name.endsWith(QLatin1Char('.') + entry))
            return true; // example.com covers api.example.com
    }
    return false;
}

QUrl ProxyRules::proxyFor(const QUrl &url) const
{
    const QUrl &proxy = url.scheme() == QLatin1String("https") ? m_https : m_http;
    if (proxy.isEmpty() || bypasses(url.host()))
        return {};
    return proxy;
}
