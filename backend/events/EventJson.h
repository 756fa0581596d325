// Small JSON helpers shared by the event types.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace EventJson {

QString timestampText(const QDateTime &time); // ISO 8601, UTC, milliseconds
QDateTime parseTimestamp(const QJsonValue &value);

template<typename T>
QJsonValue optionalValue(const std::optional<T> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

} // namespace EventJson
