#include "events/ProgressUpdate.h"

#include "events/EventJson.h"
#include "events/EventTypes.h"
#include "events/JsonFieldReader.h"

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
    update.currentStep = reader.optionalInteger(QStringLiteral("current_step"), 0, MaxSteps);
    update.totalSteps = reader.optionalInteger(QStringLiteral("total_steps"), 0, MaxSteps);
    update.estimatedRemaining = reader.optionalNumber({QStringLiteral("estimated_remaining")}, 0, 1e9);
    update.intermediateFindings = reader.stringList(QStringLiteral("intermediate_findings"));
    update.currentActivity = reader.optionalString(QStringLiteral("current_activity")).value_or(QString());
    update.confidence
        = reader.optionalNumber({QStringLiteral("confidence"), QStringLiteral("confidence_level")}, 0, 1);
    return update;
}

QJsonObject ProgressUpdate::toJson() const
{
    return {
        {QStringLiteral("session_id"), sessionId},
        {QStringLiteral("id"), id},
        {QStringLiteral("timestamp"), EventJson::timestampText(timestamp)},
        {QStringLiteral("update_type"), updateType},
        {QStringLiteral("message"), message},
        {QStringLiteral("progress_percentage"), EventJson::optionalValue(progressPercentage)},
        {QStringLiteral("current_step"), EventJson::optionalValue(currentStep)},
        {QStringLiteral("total_steps"), EventJson::optionalValue(totalSteps)},
        {QStringLiteral("estimated_remaining"), EventJson::optionalValue(estimatedRemaining)},
        {QStringLiteral("intermediate_findings"), QJsonArray::fromStringList(intermediateFindings)},
        {QStringLiteral("current_activity"), currentActivity},
        {QStringLiteral("confidence"), EventJson::optionalValue(confidence)},
    };
}
