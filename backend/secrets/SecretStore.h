// Secrets (upstream API keys, the local API token) in the OS keychain through QtKeychain: the Secret
// Service or KWallet on Linux, the Keychain on macOS, the Credential Manager on Windows.
//
// There is deliberately no plaintext fallback. Where no keychain is reachable (a headless server without
// D-Bus), every call fails fast with a message, and `ponder serve` takes keys from the environment.
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class SecretStore : public QObject
{
    Q_OBJECT

public:
    // No value and no error: the keychain works but has no such entry.
    using ReadDone = std::function<void(std::optional<QString> value, QString error)>;
    using WriteDone = std::function<void(bool ok, QString error)>;

    explicit SecretStore(QObject *parent = nullptr);

    void read(const QString &key, ReadDone done);
    void write(const QString &key, const QString &value, WriteDone done);
    void remove(const QString &key, WriteDone done);

    // An upstream's API key belongs to its server, not to its place in the list: names such as
    // "openai-2" follow the order, so keying by them handed a removed server's key to the next one.
    static QString upstreamKey(const QUrl &baseUrl)
    {
        return QStringLiteral("upstream/") + baseUrl.adjusted(QUrl::StripTrailingSlash).toString();
    }
    static QString localApiTokenKey() { return QStringLiteral("local-api-token"); }
    // A Redis password belongs to its server and user: "redis/[USER@]HOST:PORT".
    static QString redisPasswordKey(const QUrl &redisUrl)
    {
        const QString user = redisUrl.userName();
        return QStringLiteral("redis/%1%2:%3")
            .arg(user.isEmpty() ? QString() : user + QLatin1Char('@'), redisUrl.host())
            .arg(redisUrl.port(6379));
    }
    static QString serviceName() { return QStringLiteral("io.github.ponder_app.Ponder"); }
};
