// SPDX-License-Identifier: MIT
#include "events/StepDetails.h"

#include "events/EventJson.h"
#include "events/JsonFieldReader.h"
#include "events/JsonWriter.h"

#include <QJsonDocument>

namespace {

constexpr qsizetype MaxAttributeStringCharacters = 1024;

QJsonValue boundedValue(const QJsonValue &value)
{
    if (value.isString())
        return StepDetails::clipped(value.toString(), MaxAttributeStringCharacters);
    return value;
}

} // namespace

const QStringList &StepDetails::kinds()
{
    static const QStringList kinds {QStringLiteral("agent"), QStringLiteral("llm"), QStringLiteral("tool"),
        QStringLiteral("retrieval"), QStringLiteral("embedding"), QStringLiteral("reasoning"),
        QStringLiteral("step"), QStringLiteral("custom")};
    return kinds;
}

const QStringList &StepDetails::statuses()
{
    static const QStringList statuses {
        QStringLiteral("running"), QStringLiteral("ok"), QStringLiteral("error"), QStringLiteral("stopped")};
    return statuses;
}

StepDetails StepDetails::read(const QJsonObject &json, JsonFieldReader &reader)
{
    StepDetails step;
    step.stepId = reader.optionalString(QStringLiteral("step_id"), MaxIdCharacters, true).value_or(QString());
    if (json.contains(QLatin1String("step_id")) && step.stepId.isEmpty() && reader.ok())
        reader.reject(QStringLiteral("step_id"), QStringLiteral("'step_id' must not be empty"));
    step.parentId = reader.optionalString(QStringLiteral("parent_id"), MaxIdCharacters, true);
    step.kind = reader.optionalChoice(QStringLiteral("kind"), kinds()).value_or(QString());
    step.name = reader.optionalString(QStringLiteral("name"), MaxNameCharacters, true).value_or(QString());
    step.status = reader.optionalChoice(QStringLiteral("status"), statuses()).value_or(QString());
    step.startedAt = reader.optionalTimestamp(QStringLiteral("started_at")).value_or(QDateTime());
    step.endedAt = reader.optionalTimestamp(QStringLiteral("ended_at")).value_or(QDateTime());
    if (step.startedAt.isValid() && step.endedAt.isValid() && step.endedAt < step.startedAt)
        reader.reject(QStringLiteral("ended_at"), QStringLiteral("'ended_at' is before 'started_at'"));
    step.input
        = reader.optionalString(QStringLiteral("input"), MaxSummaryCharacters, false).value_or(QString());
    step.output
        = reader.optionalString(QStringLiteral("output"), MaxSummaryCharacters, false).value_or(QString());
    step.attributes = reader.object(QStringLiteral("attributes"));
    if (step.attributes.size() > MaxAttributes) {
        reader.reject(QStringLiteral("attributes"),
            QStringLiteral("'attributes' has %1 members; at most %2 are allowed")
                .arg(step.attributes.size())
                .arg(MaxAttributes));
    } else if (!step.attributes.isEmpty()) {
        const qsizetype bytes = QJsonDocument(step.attributes).toJson(QJsonDocument::Compact).size();
        if (bytes > MaxAttributesBytes)
            reader.reject(QStringLiteral("attributes"),
                QStringLiteral("'attributes' is %1 bytes of JSON; at most %2 are allowed")
                    .arg(bytes)
                    .arg(MaxAttributesBytes));
    }
    return step;
}

void StepDetails::write(JsonWriter &json) const
{
    if (!stepId.isEmpty()) {
        json.field(QLatin1StringView("step_id"), stepId);
        json.field(QLatin1StringView("parent_id"), parentId ? QJsonValue(*parentId) : QJsonValue());
    } else if (parentId) {
        json.field(QLatin1StringView("parent_id"), *parentId);
    }
    const auto text = [&json](QLatin1StringView member, const QString &value) {
        if (!value.isEmpty())
            json.field(member, value);
    };
    text(QLatin1StringView("kind"), kind);
    text(QLatin1StringView("name"), name);
    text(QLatin1StringView("status"), status);
    if (startedAt.isValid())
        json.field(QLatin1StringView("started_at"), EventJson::timestampText(startedAt));
    if (endedAt.isValid())
        json.field(QLatin1StringView("ended_at"), EventJson::timestampText(endedAt));
    text(QLatin1StringView("input"), input);
    text(QLatin1StringView("output"), output);
    if (!attributes.isEmpty())
        json.field(QLatin1StringView("attributes"), attributes);
}

bool StepDetails::isEmpty() const
{
    return stepId.isEmpty() && !parentId && kind.isEmpty() && name.isEmpty() && status.isEmpty()
        && !startedAt.isValid() && !endedAt.isValid() && input.isEmpty() && output.isEmpty()
        && attributes.isEmpty();
}

QString StepDetails::clipped(const QString &text, qsizetype max)
{
    if (text.size() <= max)
        return text;
    qsizetype keep = std::max<qsizetype>(0, max - 1);
    if (keep > 0 && text.at(keep - 1).isHighSurrogate())
        --keep;
    return text.left(keep) + QChar(0x2026);
}

QJsonObject StepDetails::boundedAttributes(const QList<std::pair<QString, QJsonValue>> &attributes)
{
    QJsonObject bounded;
    qsizetype bytes = 2;
    for (const auto &[key, original] : attributes) {
        if (bounded.size() >= MaxAttributes)
            break;
        if (bounded.contains(key))
            continue;
        const QJsonValue value = boundedValue(original);
        // What this member adds to the object's text: its "key":value and a comma.
        const qsizetype size
            = QJsonDocument(QJsonObject {{key, value}}).toJson(QJsonDocument::Compact).size() - 1;
        if (bytes + size > MaxAttributesBytes)
            continue; // a smaller one after it may still fit
        bytes += size;
        bounded.insert(key, value);
    }
    return bounded;
}

QJsonObject StepDetails::boundedAttributes(const QJsonObject &attributes)
{
    QList<std::pair<QString, QJsonValue>> ordered;
    ordered.reserve(attributes.size());
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        ordered.append({it.key(), it.value()});
    return boundedAttributes(ordered);
}
