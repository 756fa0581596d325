// SPDX-License-Identifier: MIT
#include "events/ThinkingStep.h"

#include "events/EventJson.h"
#include "events/EventTypes.h"
#include "events/JsonFieldReader.h"
#include "events/JsonWriter.h"

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
    // `alternatives` is what the earlier service's REST request called it.
    step.alternativesConsidered
        = reader.stringList({QStringLiteral("alternatives_considered"), QStringLiteral("alternatives")});
    step.decisionFactors = reader.stringList(QStringLiteral("decision_factors"));
    step.contextUsed = reader.object(QStringLiteral("context_used"));
    step.estimatedDuration = reader.optionalNumber({QStringLiteral("estimated_duration")}, 0, 1e9);
    step.details = StepDetails::read(json, reader);
    return step;
}

QJsonObject ThinkingStep::toJson() const
{
    return EventData::fromText(jsonText(true)).object();
}

EventData ThinkingStep::toStoredData() const
{
    return EventData::fromText(jsonText(false), {sessionId, thinkingType, confidenceLevel, false});
}

QByteArray ThinkingStep::jsonText(bool withId) const
{
    JsonWriter json;
    json.beginObject().field(QLatin1StringView("session_id"), sessionId);
    if (withId)
        json.field(QLatin1StringView("id"), id);
    json.field(QLatin1StringView("timestamp"), EventJson::timestampText(timestamp))
        .field(QLatin1StringView("thinking_type"), thinkingType)
        .field(QLatin1StringView("content"), content)
        .field(QLatin1StringView("reasoning_chain"), reasoningChain)
        .field(QLatin1StringView("confidence_level"), confidenceLevel)
        .field(QLatin1StringView("alternatives_considered"), alternativesConsidered)
        .field(QLatin1StringView("decision_factors"), decisionFactors)
        .field(QLatin1StringView("context_used"), contextUsed)
        .field(QLatin1StringView("estimated_duration"), estimatedDuration);
    details.write(json);
    return json.endObject().take();
}
