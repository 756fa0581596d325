// SPDX-License-Identifier: MIT
// What the settings do with the OS keychain: upstream API keys, the local API token and Redis passwords,
// through the application's one Keychain. Nothing is ever written anywhere else; when no keychain is
// reachable the message says so and nothing is saved.
#pragma once

#include "secrets/KeychainError.h"

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <optional>

class Keychain;

class SecretEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    Q_PROPERTY(QString localToken READ localToken NOTIFY localTokenChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY messageChanged) // the last operation failed
    // Why it failed, for the window to word (Words.keychainFailure), and what the keychain itself said.
    Q_PROPERTY(Problem failure READ failure NOTIFY messageChanged)
    Q_PROPERTY(QString failureDetail READ failureDetail NOTIFY messageChanged)
    // What the message is about, so each settings page shows only its own: "upstream", "token" or "redis".
    Q_PROPERTY(QString topic READ topic NOTIFY messageChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // Why the keychain cannot be used, as it said the last time it was asked; None while it works.
    Q_PROPERTY(Problem keychainProblem READ keychainProblem NOTIFY keychainProblemChanged)
    Q_PROPERTY(QString keychainProblemDetail READ keychainProblemDetail NOTIFY keychainProblemChanged)

public:
    // KeychainError::Kind, for QML.
    enum class Problem
    {
        None,
        NoKeychain,
        AccessDenied,
        Other,
    };
    Q_ENUM(Problem)

    explicit SecretEditor(Keychain &keychain, QObject *parent = nullptr);

    QString localToken() const { return m_localToken; }
    QString message() const { return m_message; }
    bool failed() const { return m_failure.failed(); }
    Problem failure() const { return problemOf(m_failure); }
    QString failureDetail() const { return m_failure.detail; }
    QString topic() const { return m_topic; }
    bool busy() const { return m_busy > 0; }
    Problem keychainProblem() const;
    QString keychainProblemDetail() const;
    static Problem problemOf(const KeychainError &error);

    // `upstreamSpec` as in the settings ("openai:http://host:8080/v1"): the key is the server's.
    Q_INVOKABLE void saveUpstreamKey(const QString &upstreamSpec, const QString &key);
    Q_INVOKABLE void removeUpstreamKey(const QString &upstreamSpec);
    Q_INVOKABLE void loadLocalToken();
    Q_INVOKABLE void generateLocalToken();
    Q_INVOKABLE void removeLocalToken();
    // `redisUrl` as in the settings (without a password): the password is its server's and user's.
    Q_INVOKABLE void saveRedisPassword(const QString &redisUrl, const QString &password);
    Q_INVOKABLE void removeRedisPassword(const QString &redisUrl);

    static QString newToken();

Q_SIGNALS:
    // A secret the backend reads when it starts (the API token, the Redis password) was saved or removed:
    // a restart applies it.
    void serverSecretChanged();
    // An upstream's key was saved or removed: the running backend is given the upstreams again.
    void upstreamKeyChanged();
    void localTokenChanged();
    void messageChanged();
    void busyChanged();
    void keychainProblemChanged();

private:
    void report(const QString &topic, bool ok, const QString &success, const KeychainError &error);
    // report(), for an operation that saves or removes a server secret.
    void reportChange(const QString &topic, bool ok, const QString &success, const KeychainError &error);
    // report(), for an operation that saves or removes an upstream's key.
    void reportKeyChange(bool ok, const QString &success, const KeychainError &error);
    // The server an upstream spec names, whose keychain entry holds its key; reports a bad spec.
    std::optional<QUrl> upstreamServer(const QString &upstreamSpec);
    void setLocalToken(const QString &token);
    void begin();
    void end();

    Keychain &m_keychain;
    QString m_localToken;
    QString m_message;
    KeychainError m_failure;
    QString m_topic;
    int m_busy = 0;
};
