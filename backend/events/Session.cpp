// SPDX-License-Identifier: MIT
#include "events/Session.h"

#include "events/EventJson.h"

#include <QUuid>

#include <algorithm>

QJsonObject Session::toJson() const
{
    return {
        {QStringLiteral("session_id"), id},
        {QStringLiteral("user_id"), userId},
        {QStringLiteral("debug_mode"), debugMode},
        {QStringLiteral("user_request"), userRequest},
        {QStringLiteral("system_context"), systemContext},
        {QStringLiteral("created_at"), EventJson::timestampText(createdAt)},
        {QStringLiteral("last_activity"), EventJson::timestampText(lastActivity)},
        {QStringLiteral("active"), active},
    };
}

Session Session::fromJson(const QJsonObject &json)
{
    Session session;
    session.id = json.value(QLatin1String("session_id")).toString();
    session.userId = json.value(QLatin1String("user_id")).toString();
    session.debugMode = json.value(QLatin1String("debug_mode")).toBool();
    session.userRequest = json.value(QLatin1String("user_request")).toString();
    session.systemContext = json.value(QLatin1String("system_context")).toObject();
    session.createdAt = EventJson::parseTimestamp(json.value(QLatin1String("created_at")));
    session.lastActivity = EventJson::parseTimestamp(json.value(QLatin1String("last_activity")));
    session.active = json.value(QLatin1String("active")).toBool(true);
    return session;
}

bool Session::isValidId(const QString &id)
{
    // [A-Za-z0-9._:-]{1,128}, checked by hand: this runs for every event published.
    if (id.isEmpty() || id.size() > 128)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.'
            || u == u'_' || u == u':' || u == u'-';
    });
}

QString Session::generateId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void SessionStats::record(EventKind kind, const EventData &eventData)
{
    const EventFacts facts = eventData.facts(kind);
    if (kind == EventKind::Thinking) {
        ++thinkingSteps;
        ++thinkingTypesUsed[facts.type];
    } else {
        ++progressUpdates;
        ++progressTypesUsed[facts.type];
    }
    if (facts.confidence) {
        confidenceSum += *facts.confidence;
        ++confidenceCount;
    }
    lastUpdated = QDateTime::currentDateTimeUtc();
}

namespace {
QJsonObject countsToJson(const QMap<QString, qint64> &counts)
{
    QJsonObject json;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}
} // namespace

QJsonObject SessionStats::toJson(const Session &session) const
{
    const double duration = double(session.createdAt.msecsTo(session.lastActivity)) / 1000.0;
    return {
        {QStringLiteral("session_id"), session.id},
        {QStringLiteral("thinking_steps"), thinkingSteps},
        {QStringLiteral("progress_updates"), progressUpdates},
        {QStringLiteral("total_events"), thinkingSteps + progressUpdates},
        {QStringLiteral("session_duration"), qMax(0.0, duration)},
        {QStringLiteral("average_confidence"),
            confidenceCount > 0 ? QJsonValue(confidenceSum / double(confidenceCount))
                                : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("thinking_types_used"), countsToJson(thinkingTypesUsed)},
        {QStringLiteral("progress_types_used"), countsToJson(progressTypesUsed)},
        {QStringLiteral("last_updated"),
            EventJson::timestampText(lastUpdated.isValid() ? lastUpdated : session.lastActivity)},
    };
}
