// SPDX-License-Identifier: MIT
#include "store/RedisOptions.h"

#include <QUrl>

std::optional<RedisOptions> RedisOptions::fromUrl(const QString &url, QString *error)
{
    const QUrl parsed(url, QUrl::StrictMode);
    // Messages quote the URL without its password: they end up in terminals, logs and dialogs.
    const QString expected = QStringLiteral("expected redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]");
    if (!parsed.isValid()) {
        *error = QStringLiteral("invalid Redis URL: %1").arg(expected);
        return std::nullopt;
    }
    const QString shown
        = parsed.toString(parsed.userName().isEmpty() ? QUrl::RemoveUserInfo : QUrl::RemovePassword);
    if (parsed.scheme() == QLatin1String("rediss")) {
        *error = QStringLiteral("invalid Redis URL '%1': TLS (rediss://) is not supported; use redis://, "
                                "through a TLS tunnel if Redis is not on this machine")
                     .arg(shown);
        return std::nullopt;
    }
    if (parsed.scheme() != QLatin1String("redis") || parsed.host().isEmpty()) {
        *error = QStringLiteral("invalid Redis URL '%1': %2").arg(shown, expected);
        return std::nullopt;
    }
    RedisOptions options;
    options.host = parsed.host();
    options.port = parsed.port(6379);
    options.username = parsed.userName(QUrl::FullyDecoded);
    options.password = parsed.password(QUrl::FullyDecoded);
    const QString db = parsed.path().mid(1);
    if (!db.isEmpty()) {
        bool ok = false;
        options.database = db.toInt(&ok);
        if (!ok || options.database < 0) {
            *error = QStringLiteral("invalid Redis database '%1' in '%2'").arg(db, shown);
            return std::nullopt;
        }
    }
    return options;
}

QString RedisOptions::url() const
{
    const QString credentials = password.isEmpty()
        ? QString()
        : QStringLiteral("%1:***@").arg(QString::fromUtf8(QUrl::toPercentEncoding(username)));
    return QStringLiteral("redis://%1%2:%3/%4").arg(credentials, host).arg(port).arg(database);
}
