// SPDX-License-Identifier: MIT
// Conversation history in SQLite (history.sqlite in the data folder).
//
// Every query runs on the store's own thread with its own connection, so neither the window nor the
// HTTP server ever waits for the disk; results come back through callbacks on the caller's thread.
#pragma once

#include "history/StoredResponses.h"

#include <QDateTime>
#include <QJsonArray>
#include <QObject>
#include <QThread>

#include <functional>

struct StoredMessage
{
    QString role;
    QString content; // what was said, also of an answer that was stopped or failed
    QString reasoning;
    QString model;
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens;
    QString finishReason;
    QDateTime createdAt;
    // How an answer ended: empty or "complete", "stopped", or "failed" (with the error and its kind).
    QString outcome;
    // What a front end words about a failure, as it keeps it (the window: its fields, as JSON).
    QString error;
    QString errorKind;
    // As measured when it was given, so a reopened answer shows what was shown.
    std::optional<qint64> thoughtMs;
    std::optional<qint64> firstTokenMs;
    std::optional<double> tokensPerSecond;
};

struct ConversationSummary
{
    QString id;
    QString title;
    QString model;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 messageCount = 0;
};

// One finished exchange: the request's messages and the answer.
struct Exchange
{
    QString conversationId;
    QString model;
    QList<StoredMessage> requestMessages; // all the client sent; only the new ones are written
    // Or, where reading them is work of its own (a request of megabytes, converted to UTF-16), what reads
    // them: called on the store's thread, before the exchange is written there.
    std::function<QList<StoredMessage>()> readRequestMessages;
    StoredMessage answer;
};

class ConversationStoreWorker;

class ConversationStore : public QObject
{
    Q_OBJECT

public:
    explicit ConversationStore(QString databasePath, QObject *parent = nullptr);
    ~ConversationStore() override;

    QString databasePath() const { return m_path; }

    // Writes an exchange into its conversation (created on first use). A continuing conversation gets
    // only the messages after the request's last assistant message, plus the answer.
    void record(const Exchange &exchange, std::function<void(bool ok, QString error)> done = {});
    void conversations(std::function<void(QList<ConversationSummary>)> done);
    void messages(const QString &conversationId, std::function<void(QList<StoredMessage>)> done);
    void rename(const QString &conversationId, const QString &title, std::function<void(bool)> done = {});
    void remove(const QString &conversationId, std::function<void(bool)> done = {});
    // One turn as the window keeps it: the question when it is asked (the conversation is created with
    // it, titled after it), the answer when it ends, however it ended.
    void recordQuestion(const QString &conversationId, const QString &model, const StoredMessage &question,
        std::function<void(bool)> done = {});
    void recordAnswer(
        const QString &conversationId, const StoredMessage &answer, std::function<void(bool)> done = {});
    // Before an answer is given again (Regenerate, a retry): drops what follows the last question.
    void forgetLastAnswer(const QString &conversationId, std::function<void(bool)> done = {});

    // Responses API responses (StoredResponses.h). A write queued before a read is done before it.
    void recordResponse(const StoredResponse &response, std::function<void(bool)> done = {});
    void response(const QString &id, std::function<void(std::optional<QJsonObject>)> done);
    void responseChain(const QString &id, qint64 maxBytes, std::function<void(ResponseChain)> done);
    void removeResponse(const QString &id, std::function<void(bool)> done);

private:
    template<typename Result>
    void run(std::function<Result(ConversationStoreWorker &)> work, std::function<void(Result)> done);

    QString m_path;
    QThread m_thread;
    ConversationStoreWorker *m_worker;
};
