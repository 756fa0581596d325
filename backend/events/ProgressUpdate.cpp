// SPDX-License-Identifier: MIT
#include "events/ProgressUpdate.h"

#include "events/EventJson.h"
#include "events/EventTypes.h"
#include "events/JsonFieldReader.h"
#include "events/JsonWriter.h"

ProgressUpdate ProgressUpdate::now(const QString &sessionId, const QString &type, const QString &message,
    const QString &activity, std::optional<double> percentage)
{
    ProgressUpdate update;
    update.sessionId = sessionId;
    update.timestamp = QDateTime::currentDateTimeUtc();
    update.updateType = type;
    update.message = message;
    update.currentActivity = activity;
    update.progressPercentage = percentage;
    return update;
}

ProgressUpdate ProgressUpdate::fromJson(const QJsonObject &json, JsonFieldReader &reader)
{
    constexpr qint64 MaxSteps = 1'000'000'000;
    ProgressUpdate update;
    update.sessionId = reader.requiredString({QStringLiteral("session_id")});
    update.id = reader.optionalString(QStringLiteral("id")).value_or(QString());
    update.timestamp = EventJson::parseTimestamp(json.value(QLatin1String("timestamp")));
    update.updateType = reader.requiredChoice(
        {QStringLiteral("update_type"), QStringLiteral("progress_type")}, EventTypes::progressTypes());
    update.message = reader.requiredString({QStringLiteral("message")});
    update.progressPercentage = reader.optionalNumber({QStringLiteral("progress_percentage")}, 0, 100);
    update.currentStep
        = reader.optionalStringOrNumber(QStringLiteral("current_step"), 0, MaxSteps).value_or(QJsonValue());
    update.totalSteps = reader.optionalInteger(QStringLiteral("total_steps"), 0, MaxSteps);
    update.estimatedRemaining
        = reader.optionalStringOrNumber(QStringLiteral("estimated_remaining"), 0, 1e9).value_or(QJsonValue());
    update.intermediateFindings = reader.stringOrObjectList(QStringLiteral("intermediate_findings"));
    update.currentActivity = reader.optionalString(QStringLiteral("current_activity")).value_or(QString());
    update.confidence
        = reader.optionalNumber({QStringLiteral("confidence"), QStringLiteral("confidence_level")}, 0, 1);
    return update;
}

QJsonObject ProgressUpdate::toJson() const
{
    return EventData::fromText(jsonText(true)).object();
}

EventData ProgressUpdate::toStoredData() const
{
    // Written when first read, from a copy of this update (its members are shared, not copied): in memory,
    // an update no one watches or reads back is never written.
    return EventData::whenRead(
        [update = *this] { return update.jsonText(false); }, {sessionId, updateType, confidence, false});
}

QByteArray ProgressUpdate::jsonText(bool withId) const
{
    auto number
        = [](const auto &value) { return value ? std::optional<double>(double(*value)) : std::nullopt; };
    JsonWriter json;
    json.beginObject().field(QLatin1StringView("session_id"), sessionId);
    if (withId)
        json.field(QLatin1StringView("id"), id);
    json.field(QLatin1StringView("timestamp"), EventJson::timestampText(timestamp))
        .field(QLatin1StringView("update_type"), updateType)
        .field(QLatin1StringView("message"), message)
        .field(QLatin1StringView("progress_percentage"), progressPercentage)
        .field(QLatin1StringView("current_step"), currentStep)
        .field(QLatin1StringView("total_steps"), number(totalSteps))
        .field(QLatin1StringView("estimated_remaining"), estimatedRemaining)
        .field(QLatin1StringView("intermediate_findings"), intermediateFindings)
        .field(QLatin1StringView("current_activity"), currentActivity)
        .field(QLatin1StringView("confidence"), confidence);
    if (!metrics.isEmpty())
        json.field(QLatin1StringView("metrics"), metrics.toJson());
    if (!runId.isEmpty())
        json.field(QLatin1StringView("run_id"), runId);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        json.field(QLatin1StringView(it.key().toLatin1()), it.value());
    return json.endObject().take();
}
