// SPDX-License-Identifier: MIT
#include "events/StepMerge.h"

#include <QJsonArray>

namespace {

bool isEmpty(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return true;
    case QJsonValue::String:
        return value.toString().isEmpty();
    case QJsonValue::Array:
        return value.toArray().isEmpty();
    case QJsonValue::Object:
        return value.toObject().isEmpty();
    default:
        return false;
    }
}

} // namespace

namespace StepMerge {

QJsonObject merged(const QJsonObject &earlier, const QJsonObject &later)
{
    QJsonObject step = earlier;
    for (auto it = later.begin(); it != later.end(); ++it) {
        if (isEmpty(it.value()))
            continue;
        if (it.key() == QLatin1String("attributes")) {
            QJsonObject attributes = step.value(QLatin1String("attributes")).toObject();
            const QJsonObject more = it.value().toObject();
            for (auto attribute = more.begin(); attribute != more.end(); ++attribute)
                attributes.insert(attribute.key(), attribute.value());
            step.insert(it.key(), attributes);
            continue;
        }
        step.insert(it.key(), it.value());
    }
    return step;
}

} // namespace StepMerge
