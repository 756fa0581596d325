// SPDX-License-Identifier: MIT
#include "history/ConversationStoreWorker.h"

#include "core/Logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {

const char *const Schema[] = {
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "CREATE TABLE IF NOT EXISTS conversations ("
    " id TEXT PRIMARY KEY, title TEXT NOT NULL, model TEXT,"
    " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS messages ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
    " role TEXT NOT NULL, content TEXT NOT NULL, reasoning TEXT, model TEXT,"
    " prompt_tokens INTEGER, completion_tokens INTEGER, finish_reason TEXT, created_at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages(conversation_id, id)",
};

// Version 2: how an answer ended and how it went, so a reopened chat shows what was shown.
const char *const MigrationTo2[] = {
    "ALTER TABLE messages ADD COLUMN outcome TEXT",
    "ALTER TABLE messages ADD COLUMN error TEXT",
    "ALTER TABLE messages ADD COLUMN error_kind TEXT",
    "ALTER TABLE messages ADD COLUMN thought_ms INTEGER",
    "ALTER TABLE messages ADD COLUMN first_token_ms INTEGER",
    "ALTER TABLE messages ADD COLUMN tokens_per_second REAL",
    "PRAGMA user_version=2",
};

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

template<typename Number>
QVariant optional(const std::optional<Number> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QString titleFrom(const QList<StoredMessage> &messages)
{
    for (const StoredMessage &message : messages) {
        if (message.role == QLatin1String("user")) {
            const QString title = message.content.simplified();
            return title.size() > 80 ? title.left(79) + QChar(0x2026) : title;
        }
    }
    return QStringLiteral("Conversation");
}

} // namespace

ConversationStoreWorker::ConversationStoreWorker(QString path)
    : m_path(std::move(path))
    , m_connection(QStringLiteral("ponder-history-") + QUuid::createUuid().toString(QUuid::Id128))
{ }

ConversationStoreWorker::~ConversationStoreWorker()
{
    // Statements go before their connection does.
    m_countMessages.reset();
    m_touchConversation.reset();
    m_insertMessage.reset();
    if (m_open) {
        QSqlDatabase::database(m_connection, false).close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool ConversationStoreWorker::open(QString *error)
{
    if (m_open)
        return true;
    // Opened on first use, on this thread: a connection belongs to the thread that made it.
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        *error = QStringLiteral("cannot open %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    for (const char *statement : Schema) {
        if (!query.exec(QLatin1String(statement))) {
            *error = QStringLiteral("cannot prepare %1: %2").arg(m_path, query.lastError().text());
            return false;
        }
    }
    if (!migrate(error))
        return false;
    if (!StoredResponses::createTable(db, error)) {
        *error = QStringLiteral("cannot prepare %1: %2").arg(m_path, *error);
        return false;
    }
    m_open = true;
    return true;
}

bool ConversationStoreWorker::migrate(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = QStringLiteral("cannot read the version of %1: %2").arg(m_path, query.lastError().text());
        return false;
    }
    if (query.value(0).toInt() >= 2)
        return true;
    db.transaction();
    for (const char *statement : MigrationTo2) {
        if (!query.exec(QLatin1String(statement))) {
            *error = QStringLiteral("cannot update %1: %2").arg(m_path, query.lastError().text());
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

QSqlQuery *ConversationStoreWorker::prepared(std::optional<QSqlQuery> &kept, const char *sql, QString *error)
{
    if (kept)
        return &*kept;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.prepare(QLatin1String(sql))) {
        *error = query.lastError().text();
        return nullptr;
    }
    return &kept.emplace(std::move(query));
}

bool ConversationStoreWorker::insertMessage(
    const QString &conversationId, const StoredMessage &message, QString *error)
{
    QSqlQuery *query = prepared(m_insertMessage,
        "INSERT INTO messages (conversation_id, role, content, reasoning, model, prompt_tokens,"
        " completion_tokens, finish_reason, created_at, outcome, error, error_kind, thought_ms,"
        " first_token_ms, tokens_per_second) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        error);
    if (!query)
        return false;
    // Bound by position: the kept statement is bound again for every message.
    const QVariant values[] = {conversationId, message.role,
        message.content.isNull() ? QStringLiteral("") : message.content, // a tool-call answer has none
        textOrNull(message.reasoning), textOrNull(message.model), optional(message.promptTokens),
        optional(message.completionTokens), textOrNull(message.finishReason),
        iso(message.createdAt.isValid() ? message.createdAt : QDateTime::currentDateTimeUtc()),
        textOrNull(message.outcome), textOrNull(message.error), textOrNull(message.errorKind),
        optional(message.thoughtMs), optional(message.firstTokenMs), optional(message.tokensPerSecond)};
    for (int i = 0; i < int(std::size(values)); ++i)
        query->bindValue(i, values[i]);
    const bool inserted = query->exec();
    if (!inserted)
        *error = query->lastError().text();
    // The kept statement lets go of the message's texts (an answer may be tens of megabytes). Only those:
    // binding a value costs Qt some 2,000 instructions.
    query->bindValue(2, QVariant());
    query->bindValue(3, QVariant());
    return inserted;
}

bool ConversationStoreWorker::record(const Exchange &exchange, QString *error)
{
    if (!open(error))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QString countError;
    bool continuing = false;
    if (QSqlQuery *count
        = prepared(m_countMessages, "SELECT COUNT(*) FROM messages WHERE conversation_id = ?", &countError)) {
        count->bindValue(0, exchange.conversationId);
        continuing = count->exec() && count->next() && count->value(0).toLongLong() > 0;
        count->finish(); // read: the kept statement lets go of its result
    }

    bool ok = touchConversation(exchange.conversationId, exchange.model, exchange.requestMessages, error);

    // The client sends the whole history every time; what is new is what follows its last answer.
    qsizetype first = 0;
    if (continuing) {
        for (qsizetype i = exchange.requestMessages.size() - 1; i >= 0; --i) {
            if (exchange.requestMessages.at(i).role == QLatin1String("assistant")) {
                first = i + 1;
                break;
            }
        }
    }
    for (qsizetype i = first; ok && i < exchange.requestMessages.size(); ++i)
        ok = insertMessage(exchange.conversationId, exchange.requestMessages.at(i), error);
    if (ok)
        ok = insertMessage(exchange.conversationId, exchange.answer, error);
    if (!ok) {
        db.rollback();
        qCWarning(lcHistory).noquote()
            << "could not save conversation" << exchange.conversationId << "-" << *error;
        return false;
    }
    return db.commit();
}

QList<ConversationSummary> ConversationStoreWorker::conversations()
{
    QString error;
    if (!open(&error))
        return {};
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.exec(QStringLiteral("SELECT c.id, c.title, c.model, c.created_at, c.updated_at,"
                              " (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id)"
                              " FROM conversations c ORDER BY c.updated_at DESC"));
    QList<ConversationSummary> list;
    while (query.next()) {
        list.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs),
            QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs),
            query.value(5).toLongLong()});
    }
    return list;
}

QList<StoredMessage> ConversationStoreWorker::messages(const QString &conversationId)
{
    QString error;
    if (!open(&error))
        return {};
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral(
        "SELECT role, content, reasoning, model, prompt_tokens, completion_tokens, finish_reason, created_at,"
        " outcome, error, error_kind, thought_ms, first_token_ms, tokens_per_second"
        " FROM messages WHERE conversation_id = ? ORDER BY id"));
    query.addBindValue(conversationId);
    query.exec();
    QList<StoredMessage> list;
    while (query.next()) {
        StoredMessage message;
        message.role = query.value(0).toString();
        message.content = query.value(1).toString();
        message.reasoning = query.value(2).toString();
        message.model = query.value(3).toString();
        if (!query.value(4).isNull())
            message.promptTokens = query.value(4).toLongLong();
        if (!query.value(5).isNull())
            message.completionTokens = query.value(5).toLongLong();
        message.finishReason = query.value(6).toString();
        message.createdAt = QDateTime::fromString(query.value(7).toString(), Qt::ISODateWithMs);
        message.outcome = query.value(8).toString();
        message.error = query.value(9).toString();
        message.errorKind = query.value(10).toString();
        if (!query.value(11).isNull())
            message.thoughtMs = query.value(11).toLongLong();
        if (!query.value(12).isNull())
            message.firstTokenMs = query.value(12).toLongLong();
        if (!query.value(13).isNull())
            message.tokensPerSecond = query.value(13).toDouble();
        list.append(message);
    }
    return list;
}

bool ConversationStoreWorker::rename(const QString &conversationId, const QString &title)
{
    QString error;
    if (!open(&error))
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("UPDATE conversations SET title = ? WHERE id = ?"));
    query.addBindValue(title);
    query.addBindValue(conversationId);
    return query.exec() && query.numRowsAffected() == 1;
}

bool ConversationStoreWorker::remove(const QString &conversationId)
{
    QString error;
    if (!open(&error))
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("DELETE FROM conversations WHERE id = ?"));
    query.addBindValue(conversationId);
    return query.exec() && query.numRowsAffected() == 1;
}

bool ConversationStoreWorker::touchConversation(const QString &conversationId, const QString &model,
    const QList<StoredMessage> &firstMessages, QString *error)
{
    const QString now = iso(QDateTime::currentDateTimeUtc());
    QSqlQuery *query = prepared(m_touchConversation,
        "INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET model = COALESCE(excluded.model, conversations.model),"
        " updated_at = excluded.updated_at",
        error);
    if (!query)
        return false;
    query->bindValue(0, conversationId);
    query->bindValue(1, titleFrom(firstMessages));
    query->bindValue(2, textOrNull(model));
    query->bindValue(3, now);
    query->bindValue(4, now);
    if (query->exec())
        return true;
    *error = query->lastError().text();
    return false;
}

bool ConversationStoreWorker::recordQuestion(
    const QString &conversationId, const QString &model, const StoredMessage &question)
{
    QString error;
    if (!open(&error))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    if (!touchConversation(conversationId, model, {question}, &error)
        || !insertMessage(conversationId, question, &error)) {
        db.rollback();
        qCWarning(lcHistory).noquote() << "could not save a question in" << conversationId << "-" << error;
        return false;
    }
    return db.commit();
}

bool ConversationStoreWorker::recordAnswer(const QString &conversationId, const StoredMessage &answer)
{
    QString error;
    if (!open(&error))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    if (!touchConversation(conversationId, answer.model, {}, &error)
        || !insertMessage(conversationId, answer, &error)) {
        db.rollback();
        qCWarning(lcHistory).noquote() << "could not save an answer in" << conversationId << "-" << error;
        return false;
    }
    return db.commit();
}

bool ConversationStoreWorker::forgetLastAnswer(const QString &conversationId)
{
    QString error;
    if (!open(&error))
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral(
        "DELETE FROM messages WHERE conversation_id = ? AND id > "
        "(SELECT COALESCE(MAX(id), 0) FROM messages WHERE conversation_id = ? AND role = 'user')"));
    query.addBindValue(conversationId);
    query.addBindValue(conversationId);
    return query.exec();
}

bool ConversationStoreWorker::recordResponse(const StoredResponse &response)
{
    QString error;
    if (open(&error)) {
        QSqlDatabase db = QSqlDatabase::database(m_connection);
        if (StoredResponses::insert(db, response, &error))
            return true;
    }
    qCWarning(lcHistory).noquote() << "could not save response" << response.id << "-" << error;
    return false;
}

std::optional<QJsonObject> ConversationStoreWorker::response(const QString &id)
{
    QString error;
    if (!open(&error))
        return std::nullopt;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    return StoredResponses::find(db, id);
}

ResponseChain ConversationStoreWorker::responseChain(const QString &id, qint64 maxBytes)
{
    QString error;
    if (!open(&error))
        return {ResponseChain::Status::Unavailable, {}, {}};
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    return StoredResponses::chain(db, id, maxBytes);
}

bool ConversationStoreWorker::removeResponse(const QString &id)
{
    QString error;
    if (!open(&error))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    return StoredResponses::remove(db, id);
}
