#include "events/ThinkingStep.h"

#include "events/EventJson.h"
#include "events/EventTypes.h"
#include "events/JsonFieldReader.h"

#include <QJsonArray>

ThinkingStep ThinkingStep::fromJson(const QJsonObject &json, JsonFieldReader &reader)
{
    ThinkingStep step;
    step.sessionId = reader.requiredString({QStringLiteral("session_id")});
    step.id = reader.optionalString(QStringLiteral("id")).value_or(QString());
    step.timestamp = EventJson::parseTimestamp(json.value(QLatin1String("timestamp")));
    step.thinkingType = reader.requiredChoice({QStringLiteral("thinking_type")}, EventTypes::thinkingTypes());
    step.content = reader.requiredString({QStringLiteral("content")});
    step.reasoningChain = reader.stringList(QStringLiteral("reasoning_chain"));
    step.confidenceLevel
        = reader.optionalNumber({QStringLiteral("confidence_level"), QStringLiteral("confidence")}, 0, 1);
    step.alternativesConsidered = reader.stringList(QStringLiteral("alternatives_considered"));
    step.decisionFactors = reader.stringList(QStringLiteral("decision_factors"));
    step.contextUsed = reader.object(QStringLiteral("context_used"));
    step.estimatedDuration = reader.optionalNumber({QStringLiteral("estimated_duration")}, 0, 1e9);
    return step;
}

QJsonObject ThinkingStep::toJson() const
{
    return {
        {QStringLiteral("session_id"), sessionId},
        {QStringLiteral("id"), id},
        {QStringLiteral("timestamp"), EventJson::timestampText(timestamp)},
        {QStringLiteral("thinking_type"), thinkingType},
        {QStringLiteral("content"), content},
        {QStringLiteral("reasoning_chain"), QJsonArray::fromStringList(reasoningChain)},
        {QStringLiteral("confidence_level"), EventJson::optionalValue(confidenceLevel)},
        {QStringLiteral("alternatives_considered"), QJsonArray::fromStringList(alternativesConsidered)},
        {QStringLiteral("decision_factors"), QJsonArray::fromStringList(decisionFactors)},
        {QStringLiteral("context_used"), contextUsed},
        {QStringLiteral("estimated_duration"), EventJson::optionalValue(estimatedDuration)},
    };
}
