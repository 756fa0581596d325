// SPDX-License-Identifier: MIT
// Where Ponder's Redis is and how to log in: read from a redis:// URL, shown without its password.
#pragma once

#include <QString>

#include <optional>

struct RedisOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 6379;
    int database = 0;
    QString keyPrefix = QStringLiteral("ponder");
    // Sent with AUTH on every connection when the password is not empty: a Redis with requirepass, or an ACL
    // user. redis://USER@HOST names a user whose password is given apart from the URL (the keychain,
    // PONDER_REDIS_PASSWORD); a password alone is written redis://:PASSWORD@HOST.
    QString username;
    QString password;

    // Accepts redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]; returns an error message for anything else. The
    // message never repeats a password.
    static std::optional<RedisOptions> fromUrl(const QString &url, QString *error);
    // For logs and /health: the password shows as "***".
    QString url() const;
};
