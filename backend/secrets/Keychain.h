// SPDX-License-Identifier: MIT
// The one owner of the OS keychain in a process (QtKeychain: the Secret Service or KWallet on Linux, the
// Keychain on macOS, the Credential Manager on Windows): upstream API keys, the local API token and Redis
// passwords.
//
// QtKeychain 0.13 runs every job through one process-wide executor that is not thread-safe. When the
// window read its token on the GUI thread and the backend read an upstream key on its own thread, the
// executor disconnected a job the other thread had already deleted, and the window crashed at start. So
// there is one Keychain, used only on the thread it lives on; it runs one job at a time, keeps each job
// alive until the job has finished (even past its own end), and deletes nothing a running job uses.
//
// There is deliberately no plaintext fallback. Where no keychain answers (a headless machine without
// D-Bus) every call fails fast with a message, and nothing is stored.
#pragma once

#include "secrets/KeychainError.h"

class KeychainServiceProbe;

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace QKeychain {
class Job;
}

class Keychain : public QObject
{
    Q_OBJECT

public:
    // No value and no error: the keychain answered but has no such entry.
    using ReadDone = std::function<void(std::optional<QString> value, KeychainError error)>;
    using WriteDone = std::function<void(bool ok, KeychainError error)>;

    explicit Keychain(QObject *parent = nullptr);
    ~Keychain() override;

    // Each answer comes on this object's thread, in the order asked, and is dropped when `context` is gone
    // by then (a closed dialog). Calls from any other thread are refused with an error.
    void read(const QString &key, QObject *context, ReadDone done);
    void write(const QString &key, const QString &value, QObject *context, WriteDone done);
    void remove(const QString &key, QObject *context, WriteDone done);
    // Reads several entries; `done` gets those that exist, once every one has answered.
    void readAll(
        const QStringList &keys, QObject *context, std::function<void(QHash<QString, QString>)> done);

    // Why the keychain could not be used the last time it was asked; none while it works. (A user who
    // refused one request is not a lasting problem.)
    KeychainError problem() const { return m_problem; }

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

Q_SIGNALS:
    void problemChanged();

private:
    enum class Operation
    {
        Read,
        Write,
        Remove
    };
    struct Request
    {
        Operation operation;
        QString key;
        QString value;
        QPointer<QObject> context;
        bool hasContext = false;
        ReadDone readDone;
        WriteDone writeDone;
    };

    void enqueue(Request request);
    void startNext();
    void onFinished(QKeychain::Job *job);
    // What the keychain said to the running request.
    struct Outcome
    {
        KeychainError problem; // none when it answered (an entry that is not there is an answer)
        bool succeeded = false; // for a write or remove
        bool refusedByUser = false;
        std::optional<QString> value; // for a read that found its entry
    };
    // Ends the running request with `outcome`, and starts the next.
    void finish(const Outcome &outcome);
    void setProblem(const KeychainError &problem);

    QQueue<Request> m_queue;
    std::optional<Request> m_running;
    KeychainError m_problem;
    KeychainServiceProbe *m_serviceProbe;
};
