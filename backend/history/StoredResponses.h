// SPDX-License-Identifier: MIT
// Responses API responses kept in history.sqlite, so GET /v1/responses/{id} finds one and
// previous_response_id continues from it. A row holds the response object as answered and its turn as chat
// messages (the input, then the answer); a chain of rows linked by previous_id is a conversation, read back
// oldest first with one recursive query. The functions run on ConversationStore's thread.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// Only ConversationStore's own thread opens the database; its users need no Qt Sql.
class QSqlDatabase;

struct StoredResponse
{
    QString id;
    QString conversationId; // the session it ran in
    QString previousId;
    QJsonObject response;
    QJsonArray messages; // this turn's input and answer, as chat messages
};

struct ResponseChain
{
    enum class Status
    {
        Found,
        NotFound,
        TooLarge, // the conversation is over the bound given
        Unavailable // the database could not be read
    } status
        = Status::NotFound;
    QString conversationId; // of the response asked for
    QJsonArray messages; // every turn up to and including the response asked for, oldest first
    qint64 bytes = 0; // the length of those turns as stored (JSON text)
};

namespace StoredResponses {

bool createTable(QSqlDatabase &db, QString *error);
bool insert(QSqlDatabase &db, const StoredResponse &response, QString *error);
std::optional<QJsonObject> find(QSqlDatabase &db, const QString &id);
// Reads at most `maxBytes` of stored messages: a chain over that is TooLarge, not loaded.
ResponseChain chain(QSqlDatabase &db, const QString &id, qint64 maxBytes);
bool remove(QSqlDatabase &db, const QString &id);

} // namespace StoredResponses
