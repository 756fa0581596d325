// SPDX-License-Identifier: MIT
#include "store/RedisReplies.h"

#include <QDateTime>
#include <QJsonDocument>

#include <hiredis/hiredis.h>

namespace RedisReplies {

QByteArray text(const redisReply *reply)
{
    return reply
            && (reply->type == REDIS_REPLY_STRING || reply->type == REDIS_REPLY_STATUS
                || reply->type == REDIS_REPLY_ERROR)
        ? QByteArray(reply->str, qsizetype(reply->len))
        : QByteArray();
}

bool isError(const redisReply *reply, QByteArrayView code)
{
    return reply && reply->type == REDIS_REPLY_ERROR && (code.isEmpty() || text(reply).contains(code));
}

QHash<QByteArray, QByteArray> hash(const redisReply *reply)
{
    QHash<QByteArray, QByteArray> fields;
    if (reply && reply->type == REDIS_REPLY_ARRAY) {
        for (size_t i = 0; i + 1 < reply->elements; i += 2)
            fields.insert(text(reply->element[i]), text(reply->element[i + 1]));
    }
    return fields;
}

void readSession(const QHash<QByteArray, QByteArray> &hash, Session *session, SessionStats *stats)
{
    *session = Session::fromJson(QJsonDocument::fromJson(hash.value("data")).object());
    session->active = hash.value("active") != "0";
    session->lastActivity = QDateTime::fromMSecsSinceEpoch(hash.value("last_activity").toLongLong(), Qt::UTC);
    stats->thinkingSteps = hash.value("thinking_count").toLongLong();
    stats->progressUpdates = hash.value("progress_count").toLongLong();
    stats->confidenceSum = hash.value("conf_sum").toDouble();
    stats->confidenceCount = hash.value("conf_n").toLongLong();
    if (hash.contains("last_updated"))
        stats->lastUpdated = QDateTime::fromMSecsSinceEpoch(hash.value("last_updated").toLongLong(), Qt::UTC);
    for (auto it = hash.cbegin(); it != hash.cend(); ++it) {
        if (it.key().startsWith("tt:"))
            stats->thinkingTypesUsed.insert(QString::fromUtf8(it.key().mid(3)), it.value().toLongLong());
        else if (it.key().startsWith("pt:"))
            stats->progressTypesUsed.insert(QString::fromUtf8(it.key().mid(3)), it.value().toLongLong());
    }
}

std::optional<StreamId> entryId(const redisReply *entry)
{
    if (!entry || entry->type != REDIS_REPLY_ARRAY || entry->elements != 2)
        return std::nullopt;
    return StreamId::fromLatin1(text(entry->element[0]));
}

std::optional<StoredEvent> entry(
    const redisReply *entry, const QString &sessionId, EventKind kind, EntryFacts *facts)
{
    const auto id = entryId(entry);
    if (!id)
        return std::nullopt;
    const redisReply *fields = entry->element[1];
    if (!fields || fields->type != REDIS_REPLY_ARRAY)
        return std::nullopt;
    StoredEvent event {sessionId, kind, *id, {}, {}, {}};
    QByteArray dataText;
    bool writtenByPonder = false; // only Ponder's append scripts number entries
    for (size_t i = 0; i + 1 < fields->elements; i += 2) {
        const QByteArray name = text(fields->element[i]);
        if (name == "type") {
            event.type = QString::fromUtf8(text(fields->element[i + 1]));
        } else if (name == "data") {
            dataText = text(fields->element[i + 1]);
        } else if (name == "n") {
            writtenByPonder = true;
            if (facts)
                facts->number = text(fields->element[i + 1]).toLongLong();
        } else if (name == "was" && facts) {
            facts->was = StreamId::fromLatin1(text(fields->element[i + 1]));
        }
    }
    // What Ponder wrote is message-shaped (storedText): messages are spliced from it without parsing it.
    event.data = writtenByPonder ? EventData::fromStreamText(std::move(dataText), sessionId)
                                 : EventData::fromText(std::move(dataText));
    return event;
}

QList<StoredEvent> entries(const redisReply *entries, const QString &sessionId, EventKind kind)
{
    QList<StoredEvent> events;
    if (!entries || entries->type != REDIS_REPLY_ARRAY)
        return events;
    for (size_t i = 0; i < entries->elements; ++i) {
        if (auto event = entry(entries->element[i], sessionId, kind))
            events << *event;
    }
    return events;
}

// Data in another shape than its messages show (only Ponder's own code could hand over such data) loses what
// no message shows.
QByteArray storedText(const StoredEvent &event)
{
    if (event.data.isMessageShapedFor(event.sessionId, event.kind))
        return event.data.text();
    QJsonObject shaped = event.data.object();
    shaped.remove(QLatin1String("id"));
    shaped.insert(QLatin1String("session_id"), event.sessionId);
    return QJsonDocument(shaped).toJson(QJsonDocument::Compact);
}

QList<QByteArray> statsArguments(const StoredEvent &event)
{
    QByteArray countField;
    QByteArray typeField;
    QByteArray confidence;
    if (!event.isSessionEnd()) {
        const bool thinking = event.kind == EventKind::Thinking;
        countField = thinking ? "thinking_count" : "progress_count";
        const EventFacts facts = event.data.facts(event.kind);
        typeField = (thinking ? "tt:" : "pt:") + facts.type.toUtf8();
        if (facts.confidence)
            confidence = QByteArray::number(*facts.confidence);
    }
    return {countField, typeField, confidence};
}

QByteArray exclusiveStart(StreamId after)
{
    return after.isNull() ? QByteArray("-") : "(" + after.toLatin1();
}

} // namespace RedisReplies
