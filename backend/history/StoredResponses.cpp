// SPDX-License-Identifier: MIT
#include "history/StoredResponses.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace StoredResponses {

namespace {

QByteArray compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

bool createTable(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS responses ("
                           " id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, previous_id TEXT,"
                           " created_at TEXT NOT NULL, response TEXT NOT NULL, messages TEXT NOT NULL)")))
        return true;
    *error = query.lastError().text();
    return false;
}

bool insert(QSqlDatabase &db, const StoredResponse &response, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO responses"
                                 " (id, conversation_id, previous_id, created_at, response, messages)"
                                 " VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(response.id);
    query.addBindValue(response.conversationId);
    query.addBindValue(response.previousId.isEmpty() ? QVariant() : QVariant(response.previousId));
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    query.addBindValue(QString::fromUtf8(compact(response.response)));
    query.addBindValue(QString::fromUtf8(compact(response.messages)));
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

std::optional<QJsonObject> find(QSqlDatabase &db, const QString &id)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT response FROM responses WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
}

ResponseChain chain(QSqlDatabase &db, const QString &id, qint64 maxBytes)
{
    ResponseChain result;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Newest first, so the bound is met on the turns nearest the one asked for before any older is read.
    query.prepare(
        QStringLiteral("WITH RECURSIVE chain(id, previous_id, conversation_id, messages, depth) AS ("
                       " SELECT id, previous_id, conversation_id, messages, 0 FROM responses WHERE id = ?"
                       " UNION ALL SELECT r.id, r.previous_id, r.conversation_id, r.messages, c.depth + 1"
                       " FROM responses r JOIN chain c ON r.id = c.previous_id)"
                       " SELECT conversation_id, length(messages), messages FROM chain ORDER BY depth"));
    query.addBindValue(id);
    if (!query.exec()) {
        result.status = ResponseChain::Status::Unavailable;
        return result;
    }
    QList<QJsonArray> turns;
    qint64 bytes = 0;
    while (query.next()) {
        if (turns.isEmpty())
            result.conversationId = query.value(0).toString();
        bytes += query.value(1).toLongLong();
        if (bytes > maxBytes) {
            result.status = ResponseChain::Status::TooLarge;
            return result;
        }
        turns.append(QJsonDocument::fromJson(query.value(2).toString().toUtf8()).array());
    }
    if (turns.isEmpty())
        return result;
    for (auto turn = turns.crbegin(); turn != turns.crend(); ++turn) {
        for (const QJsonValue &message : *turn)
            result.messages.append(message);
    }
    result.bytes = bytes;
    result.status = ResponseChain::Status::Found;
    return result;
}

bool remove(QSqlDatabase &db, const QString &id)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM responses WHERE id = ?"));
    query.addBindValue(id);
    return query.exec() && query.numRowsAffected() == 1;
}

} // namespace StoredResponses
