// SPDX-License-Identifier: MIT
#include "SecretEditor.h"

#include "secrets/Keychain.h"
#include "upstream/UpstreamConfig.h"

#include <QPointer>
#include <QRandomGenerator>

SecretEditor::SecretEditor(Keychain &keychain, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
{
    connect(&m_keychain, &Keychain::problemChanged, this, &SecretEditor::keychainProblemChanged);
}

SecretEditor::Problem SecretEditor::keychainProblem() const
{
    return problemOf(m_keychain.problem());
}

QString SecretEditor::keychainProblemDetail() const
{
    return m_keychain.problem().detail;
}

SecretEditor::Problem SecretEditor::problemOf(const KeychainError &error)
{
    switch (error.kind) {
    case KeychainError::Kind::None:
        return Problem::None;
    case KeychainError::Kind::Unavailable:
        return Problem::NoKeychain;
    case KeychainError::Kind::AccessDenied:
        return Problem::AccessDenied;
    case KeychainError::Kind::Other:
        break;
    }
    return Problem::Other;
}

QString SecretEditor::newToken()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QStringLiteral("ponder-")
        + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QUrl> SecretEditor::upstreamServer(const QString &upstreamSpec)
{
    QString error;
    const auto config = UpstreamConfig::parse(upstreamSpec.trimmed(), &error);
    if (!config) {
        begin(); // report() ends what begin() started
        report(QStringLiteral("upstream"), false, {}, {KeychainError::Kind::Other, error});
        return std::nullopt;
    }
    return config->baseUrl;
}

void SecretEditor::saveUpstreamKey(const QString &upstreamSpec, const QString &key)
{
    if (key.trimmed().isEmpty())
        return removeUpstreamKey(upstreamSpec);
    const auto server = upstreamServer(upstreamSpec);
    if (!server)
        return;
    begin();
    m_keychain.write(Keychain::upstreamKey(*server), key.trimmed(), this,
        [this, server](bool ok, const KeychainError &error) {
            reportKeyChange(
                ok, tr("The key for %1 is saved in the keychain.").arg(server->toString()), error);
        });
}

void SecretEditor::removeUpstreamKey(const QString &upstreamSpec)
{
    const auto server = upstreamServer(upstreamSpec);
    if (!server)
        return;
    begin();
    m_keychain.remove(
        Keychain::upstreamKey(*server), this, [this, server](bool ok, const KeychainError &error) {
            reportKeyChange(
                ok, tr("The key for %1 is removed from the keychain.").arg(server->toString()), error);
        });
}

void SecretEditor::loadLocalToken()
{
    begin();
    m_keychain.read(
        Keychain::localApiTokenKey(), this, [this](std::optional<QString> value, const KeychainError &error) {
            if (value)
                setLocalToken(*value);
            // No token saved is not a failure: the endpoint simply needs no login.
            report(QStringLiteral("token"), !error.failed(), {}, error);
        });
}

void SecretEditor::generateLocalToken()
{
    const QString token = newToken();
    begin();
    m_keychain.write(
        Keychain::localApiTokenKey(), token, this, [this, token](bool ok, const KeychainError &error) {
            if (ok)
                setLocalToken(token);
            reportChange(QStringLiteral("token"), ok,
                tr("A new API token is saved in the keychain; the local endpoint requires it from the next "
                   "start."),
                error);
        });
}

void SecretEditor::removeLocalToken()
{
    begin();
    m_keychain.remove(Keychain::localApiTokenKey(), this, [this](bool ok, const KeychainError &error) {
        if (ok)
            setLocalToken({});
        reportChange(QStringLiteral("token"), ok,
            tr("The API token is removed; from the next start the local endpoint needs no login."), error);
    });
}

void SecretEditor::saveRedisPassword(const QString &redisUrl, const QString &password)
{
    if (password.isEmpty())
        return removeRedisPassword(redisUrl);
    const QUrl url(redisUrl.trimmed());
    begin();
    m_keychain.write(
        Keychain::redisPasswordKey(url), password, this, [this, url](bool ok, const KeychainError &error) {
            reportChange(QStringLiteral("redis"), ok,
                tr("The password for %1 is saved in the keychain; it is used from the next start.")
                    .arg(url.host()),
                error);
        });
}

void SecretEditor::removeRedisPassword(const QString &redisUrl)
{
    const QUrl url(redisUrl.trimmed());
    begin();
    m_keychain.remove(
        Keychain::redisPasswordKey(url), this, [this, url](bool ok, const KeychainError &error) {
            reportChange(QStringLiteral("redis"), ok,
                tr("The password for %1 is removed from the keychain.").arg(url.host()), error);
        });
}

void SecretEditor::report(const QString &topic, bool ok, const QString &success, const KeychainError &error)
{
    m_topic = topic;
    // A failure is worded by the window from its kind (saying plainly that there is no plaintext
    // fallback, so nobody wonders where the key went); a write that found no entry failed all the same.
    m_failure = ok       ? KeychainError {}
        : error.failed() ? error
                         : KeychainError {KeychainError::Kind::Other, {}};
    m_message = ok ? success : QString();
    Q_EMIT messageChanged();
    end();
}

void SecretEditor::reportChange(
    const QString &topic, bool ok, const QString &success, const KeychainError &error)
{
    if (ok)
        Q_EMIT serverSecretChanged();
    report(topic, ok, success, error);
}

void SecretEditor::reportKeyChange(bool ok, const QString &success, const KeychainError &error)
{
    if (ok)
        Q_EMIT upstreamKeyChanged();
    report(QStringLiteral("upstream"), ok, success, error);
}

void SecretEditor::setLocalToken(const QString &token)
{
    if (m_localToken == token)
        return;
    m_localToken = token;
    Q_EMIT localTokenChanged();
}

void SecretEditor::begin()
{
    if (m_busy++ == 0)
        Q_EMIT busyChanged();
}

void SecretEditor::end()
{
    if (--m_busy == 0)
        Q_EMIT busyChanged();
}
