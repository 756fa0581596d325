// SPDX-License-Identifier: MIT
#include "secrets/Keychain.h"

#include "core/Logging.h"
#include "secrets/KeychainServiceProbe.h"

#include <QThread>
#include <qt6keychain/keychain.h>

namespace {

KeychainError::Kind kindOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeychainError::Kind::Unavailable;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return KeychainError::Kind::AccessDenied;
    default:
        return KeychainError::Kind::Other; // or Unavailable: the bus says (KeychainServiceProbe)
    }
}

} // namespace

Keychain::Keychain(QObject *parent)
    : QObject(parent)
    , m_serviceProbe(new KeychainServiceProbe(this))
{ }

// A job still running is left to finish on its own: it deletes itself when done (see startNext), so
// QtKeychain's executor never meets a job deleted under it.
Keychain::~Keychain() = default;

void Keychain::read(const QString &key, QObject *context, ReadDone done)
{
    enqueue({Operation::Read, key, {}, context, context != nullptr, std::move(done), {}});
}

void Keychain::write(const QString &key, const QString &value, QObject *context, WriteDone done)
{
    enqueue({Operation::Write, key, value, context, context != nullptr, {}, std::move(done)});
}

void Keychain::remove(const QString &key, QObject *context, WriteDone done)
{
    enqueue({Operation::Remove, key, {}, context, context != nullptr, {}, std::move(done)});
}

void Keychain::readAll(
    const QStringList &keys, QObject *context, std::function<void(QHash<QString, QString>)> done)
{
    if (keys.isEmpty())
        return done({});
    auto found = std::make_shared<QHash<QString, QString>>();
    auto waiting = std::make_shared<qsizetype>(keys.size());
    for (const QString &key : keys) {
        read(key, context, [key, found, waiting, done](std::optional<QString> value, const KeychainError &) {
            if (value)
                found->insert(key, *value);
            if (--*waiting == 0)
                done(*found);
        });
    }
}

void Keychain::enqueue(Request request)
{
    if (QThread::currentThread() != thread()) {
        // Never a job on a second thread: that is the crash this class exists to prevent.
        qCCritical(lcSecrets) << "keychain used from a thread it does not live on; refused";
        const KeychainError error {
            KeychainError::Kind::Other, QStringLiteral("the keychain was asked from the wrong thread")};
        if (request.readDone)
            request.readDone(std::nullopt, error);
        if (request.writeDone)
            request.writeDone(false, error);
        return;
    }
    m_queue.enqueue(std::move(request));
    startNext();
}

void Keychain::startNext()
{
    if (m_running || m_queue.isEmpty())
        return;
    m_running = m_queue.dequeue();
    QKeychain::Job *job = nullptr;
    switch (m_running->operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(serviceName());
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(serviceName());
        write->setTextData(m_running->value);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(serviceName());
        break;
    }
    // Not a child of this object, and not deleted by QtKeychain itself: it goes only after it finished.
    job->setAutoDelete(false);
    job->setKey(m_running->key);
    connect(job, &QKeychain::Job::finished, this, &Keychain::onFinished);
    connect(job, &QKeychain::Job::finished, job, &QObject::deleteLater);
    job->start();
}

void Keychain::onFinished(QKeychain::Job *job)
{
    const QKeychain::Error error = job->error();
    Outcome outcome;
    // Removing what is not there leaves it not there: that is success.
    outcome.succeeded = error == QKeychain::NoError
        || (m_running->operation == Operation::Remove && error == QKeychain::EntryNotFound);
    outcome.refusedByUser = error == QKeychain::AccessDeniedByUser;
    if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job);
        read && error == QKeychain::NoError)
        outcome.value = read->textData();
    const bool answered = error == QKeychain::NoError || error == QKeychain::EntryNotFound;
    if (!answered)
        outcome.problem = {kindOf(error), job->errorString()};
    if (outcome.problem.kind != KeychainError::Kind::Other)
        return finish(outcome);
    // Not there, or there and failing: the bus says which. The next request waits meanwhile, so answers
    // stay in order.
    m_serviceProbe->ask([this, outcome](bool present) mutable {
        if (!present)
            outcome.problem.kind = KeychainError::Kind::Unavailable;
        finish(outcome);
    });
}

void Keychain::finish(const Outcome &outcome)
{
    const Request request = *std::exchange(m_running, std::nullopt);
    const KeychainError &problem = outcome.problem;
    if (!problem.failed())
        setProblem({});
    else if (!outcome.refusedByUser) // one refusal is not a lasting problem
        setProblem(problem);
    if (problem.failed())
        qCInfo(lcSecrets).noquote() << "keychain entry" << request.key << "-" << problem.message();

    const bool deliver = !request.hasContext || request.context;
    if (deliver && request.operation == Operation::Read)
        request.readDone(outcome.value, problem);
    else if (deliver)
        request.writeDone(outcome.succeeded, problem);
    startNext();
}

void Keychain::setProblem(const KeychainError &problem)
{
    if (m_problem == problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged();
}
