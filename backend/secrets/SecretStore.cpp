#include "secrets/SecretStore.h"

#include "core/Logging.h"

#include <qt6keychain/keychain.h>

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{ }

void SecretStore::read(const QString &key, ReadDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (readJob->error() == QKeychain::NoError)
            return done(readJob->textData(), {});
        if (readJob->error() == QKeychain::EntryNotFound)
            return done(std::nullopt, {});
        const QString error = QStringLiteral("the keychain is not available: %1").arg(readJob->errorString());
        qCDebug(lcSecrets).noquote() << "reading" << readJob->key() << "failed:" << error;
        done(std::nullopt, error);
    });
    job->start();
}

void SecretStore::write(const QString &key, const QString &value, WriteDone done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError)
            return done(true, {});
        done(false, QStringLiteral("the keychain is not available: %1").arg(finished->errorString()));
    });
    job->start();
}

void SecretStore::remove(const QString &key, WriteDone done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        const bool gone
            = finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
        done(gone, gone ? QString() : finished->errorString());
    });
    job->start();
}
