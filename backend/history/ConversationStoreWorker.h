// SPDX-License-Identifier: MIT
// The SQLite side of ConversationStore; every method runs on the store's thread.
#pragma once

#include "history/ConversationStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

class ConversationStoreWorker : public QObject
{
    Q_OBJECT

public:
    explicit ConversationStoreWorker(QString path);
    ~ConversationStoreWorker() override;

    bool record(const Exchange &exchange, QString *error);
    QList<ConversationSummary> conversations();
    QList<StoredMessage> messages(const QString &conversationId);
    bool rename(const QString &conversationId, const QString &title);
    bool remove(const QString &conversationId);
    bool recordQuestion(const QString &conversationId, const QString &model, const StoredMessage &question);
    bool recordAnswer(const QString &conversationId, const StoredMessage &answer);
    bool forgetLastAnswer(const QString &conversationId);
    bool recordResponse(const StoredResponse &response);
    std::optional<QJsonObject> response(const QString &id);
    ResponseChain responseChain(const QString &id, qint64 maxBytes);
    bool removeResponse(const QString &id);

private:
    bool open(QString *error);
    bool migrate(QString *error);
    // Creates the conversation, titled after `firstMessages`, or marks it updated (and its model).
    bool touchConversation(const QString &conversationId, const QString &model,
        const QList<StoredMessage> &firstMessages, QString *error);
    bool insertMessage(const QString &conversationId, const StoredMessage &message, QString *error);
    // `sql`, prepared on first use and kept in `kept`; null, with the error, if it cannot be prepared.
    QSqlQuery *prepared(std::optional<QSqlQuery> &kept, const char *sql, QString *error);

    QString m_path;
    QString m_connection;
    bool m_open = false;
    // The statements every recorded exchange runs (four of them): SQLite spends more preparing one than
    // running it, and it was most of the history's time per request.
    std::optional<QSqlQuery> m_countMessages;
    std::optional<QSqlQuery> m_touchConversation;
    std::optional<QSqlQuery> m_insertMessage;
};
