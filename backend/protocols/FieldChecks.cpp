// SPDX-License-Identifier: MIT
#include "protocols/FieldChecks.h"

#include <cmath>
#include <limits>

namespace FieldChecks {

namespace {

bool absent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

} // namespace

ApiError invalid(const QString &param, const QString &message)
{
    return ApiError(400, message, param);
}

std::optional<ApiError> number(const QJsonObject &body, const QString &name, double low, double high)
{
    const QJsonValue value = body.value(name);
    if (absent(value))
        return std::nullopt;
    if (!value.isDouble() || !(value.toDouble() >= low && value.toDouble() <= high))
        return invalid(
            name, QStringLiteral("'%1' must be a number from %2 to %3").arg(name).arg(low).arg(high));
    return std::nullopt;
}

std::optional<ApiError> integer(const QJsonObject &body, const QString &name, qint64 low, qint64 high)
{
    const QJsonValue value = body.value(name);
    if (absent(value))
        return std::nullopt;
    const double number = value.toDouble();
    // 2^63 is the first double past qint64; every double below it and at least -2^63 converts exactly.
    const bool inRange = value.isDouble() && std::isfinite(number) && number >= double(low)
        && number < 9223372036854775808.0 && number <= double(high) && std::trunc(number) == number;
    if (!inRange && low == std::numeric_limits<qint64>::min() && high == std::numeric_limits<qint64>::max())
        return invalid(name, QStringLiteral("'%1' must be a whole number").arg(name));
    if (!inRange && high == std::numeric_limits<qint64>::max())
        return invalid(name, QStringLiteral("'%1' must be a whole number of at least %2").arg(name).arg(low));
    if (!inRange)
        return invalid(
            name, QStringLiteral("'%1' must be a whole number from %2 to %3").arg(name).arg(low).arg(high));
    return std::nullopt;
}

std::optional<ApiError> boolean(const QJsonObject &body, const QString &name)
{
    const QJsonValue value = body.value(name);
    if (absent(value) || value.isBool())
        return std::nullopt;
    return invalid(name, QStringLiteral("'%1' must be true or false").arg(name));
}

std::optional<ApiError> string(const QJsonObject &body, const QString &name)
{
    const QJsonValue value = body.value(name);
    if (absent(value) || value.isString())
        return std::nullopt;
    return invalid(name, QStringLiteral("'%1' must be a string").arg(name));
}

std::optional<ApiError> object(const QJsonObject &body, const QString &name)
{
    const QJsonValue value = body.value(name);
    if (absent(value) || value.isObject())
        return std::nullopt;
    return invalid(name, QStringLiteral("'%1' must be an object").arg(name));
}

std::optional<ApiError> array(const QJsonObject &body, const QString &name)
{
    const QJsonValue value = body.value(name);
    if (absent(value) || value.isArray())
        return std::nullopt;
    return invalid(name, QStringLiteral("'%1' must be an array").arg(name));
}

std::optional<ApiError> oneOf(const QJsonObject &body, const QString &name, const QStringList &allowed)
{
    const QJsonValue value = body.value(name);
    if (absent(value) || (value.isString() && allowed.contains(value.toString())))
        return std::nullopt;
    return invalid(
        name, QStringLiteral("'%1' must be one of: %2").arg(name, allowed.join(QStringLiteral(", "))));
}

} // namespace FieldChecks
