// SPDX-License-Identifier: MIT
#include "history/ConversationStore.h"

#include "history/ConversationStoreWorker.h"

#include <QPointer>

ConversationStore::ConversationStore(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_worker(new ConversationStoreWorker(m_path))
{
    m_thread.setObjectName(QStringLiteral("ponder-history"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

ConversationStore::~ConversationStore()
{
    // Queued writes finish before the thread stops: an answer being saved is never lost on quit.
    m_thread.quit();
    m_thread.wait();
}

template<typename Result>
void ConversationStore::run(
    std::function<Result(ConversationStoreWorker &)> work, std::function<void(Result)> done)
{
    QPointer<ConversationStore> self(this);
    QThread *caller = QThread::currentThread();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, work, done, self, caller] {
        Result result = work(*worker);
        if (!done)
            return;
        // Back to the caller's thread; dropped if the store went away meanwhile.
        auto *receiver = new QObject;
        receiver->moveToThread(caller);
        QMetaObject::invokeMethod(receiver, [receiver, done, result, self] {
            if (self)
                done(result);
            delete receiver;
        });
    });
}

void ConversationStore::record(const Exchange &exchange, std::function<void(bool, QString)> done)
{
    using Outcome = std::pair<bool, QString>;
    run<Outcome>(
        [exchange](ConversationStoreWorker &worker) {
            Exchange read = exchange;
            if (read.readRequestMessages)
                read.requestMessages = read.readRequestMessages();
            QString error;
            const bool ok = worker.record(read, &error);
            return Outcome {ok, error};
        },
        done ? std::function<void(Outcome)>(
            [done](const Outcome &outcome) { done(outcome.first, outcome.second); })
             : std::function<void(Outcome)>());
}

void ConversationStore::conversations(std::function<void(QList<ConversationSummary>)> done)
{
    run<QList<ConversationSummary>>(
        [](ConversationStoreWorker &worker) { return worker.conversations(); }, done);
}

void ConversationStore::messages(
    const QString &conversationId, std::function<void(QList<StoredMessage>)> done)
{
    run<QList<StoredMessage>>(
        [conversationId](ConversationStoreWorker &worker) { return worker.messages(conversationId); }, done);
}

void ConversationStore::rename(
    const QString &conversationId, const QString &title, std::function<void(bool)> done)
{
    run<bool>([conversationId, title](
                  ConversationStoreWorker &worker) { return worker.rename(conversationId, title); },
        done);
}

void ConversationStore::remove(const QString &conversationId, std::function<void(bool)> done)
{
    run<bool>(
        [conversationId](ConversationStoreWorker &worker) { return worker.remove(conversationId); }, done);
}

void ConversationStore::recordQuestion(const QString &conversationId, const QString &model,
    const StoredMessage &question, std::function<void(bool)> done)
{
    run<bool>(
        [conversationId, model, question](ConversationStoreWorker &worker) {
            return worker.recordQuestion(conversationId, model, question);
        },
        done);
}

void ConversationStore::recordAnswer(
    const QString &conversationId, const StoredMessage &answer, std::function<void(bool)> done)
{
    run<bool>([conversationId, answer](
                  ConversationStoreWorker &worker) { return worker.recordAnswer(conversationId, answer); },
        done);
}

void ConversationStore::forgetLastAnswer(const QString &conversationId, std::function<void(bool)> done)
{
    run<bool>(
        [conversationId](ConversationStoreWorker &worker) { return worker.forgetLastAnswer(conversationId); },
        done);
}

void ConversationStore::recordResponse(const StoredResponse &response, std::function<void(bool)> done)
{
    run<bool>([response](ConversationStoreWorker &worker) { return worker.recordResponse(response); }, done);
}

void ConversationStore::response(const QString &id, std::function<void(std::optional<QJsonObject>)> done)
{
    run<std::optional<QJsonObject>>(
        [id](ConversationStoreWorker &worker) { return worker.response(id); }, done);
}

void ConversationStore::responseChain(
    const QString &id, qint64 maxBytes, std::function<void(ResponseChain)> done)
{
    run<ResponseChain>(
        [id, maxBytes](ConversationStoreWorker &worker) { return worker.responseChain(id, maxBytes); }, done);
}

void ConversationStore::removeResponse(const QString &id, std::function<void(bool)> done)
{
    run<bool>([id](ConversationStoreWorker &worker) { return worker.removeResponse(id); }, done);
}
