// SPDX-License-Identifier: MIT
#include "events/JsonFieldReader.h"

#include "core/ClippedText.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

QString JsonFieldReader::present(const QStringList &names) const
{
    for (const QString &name : names) {
        if (m_object.contains(name) && !m_object.value(name).isNull())
            return name;
    }
    return names.first();
}

void JsonFieldReader::fail(const QString &field, const QString &message)
{
    if (!ok())
        return; // keep the first problem: fixing it may fix the rest
    m_errorField = field;
    m_errorMessage = message;
}

QString JsonFieldReader::requiredString(const QStringList &names)
{
    const QString name = present(names);
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull()) {
        fail(name, QStringLiteral("'%1' is required").arg(names.join(QLatin1String("' or '"))));
        return {};
    }
    if (!value.isString()) {
        fail(name, QStringLiteral("'%1' must be a string").arg(name));
        return {};
    }
    return value.toString();
}

std::optional<QString> JsonFieldReader::optionalString(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString()) {
        fail(name, QStringLiteral("'%1' must be a string").arg(name));
        return std::nullopt;
    }
    return value.toString();
}

std::optional<QString> JsonFieldReader::optionalString(
    const QString &name, qsizetype maxCharacters, bool singleLine)
{
    const std::optional<QString> text = optionalString(name);
    if (!text)
        return std::nullopt;
    if (text->size() > maxCharacters) {
        fail(name,
            QStringLiteral("'%1' is %2 characters; at most %3 are allowed")
                .arg(name)
                .arg(text->size())
                .arg(maxCharacters));
        return std::nullopt;
    }
    if (singleLine && std::any_of(text->cbegin(), text->cend(), [](QChar c) { return c.unicode() < 0x20; })) {
        fail(name, QStringLiteral("'%1' must not hold control characters").arg(name));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> JsonFieldReader::optionalChoice(const QString &name, const QStringList &allowed)
{
    const std::optional<QString> value = optionalString(name);
    if (value && !allowed.contains(*value)) {
        fail(name,
            QStringLiteral("'%1' must be one of: %2 (got '%3')")
                .arg(name, allowed.join(QLatin1String(", ")), clippedForMessage(*value)));
        return std::nullopt;
    }
    return value;
}

std::optional<QDateTime> JsonFieldReader::optionalTimestamp(const QString &name)
{
    const std::optional<QString> text = optionalString(name, 64, true);
    if (!text)
        return std::nullopt;
    const QDateTime time = QDateTime::fromString(*text, Qt::ISODateWithMs);
    // Without a zone Qt reads local time, which means something else on every machine: a zone is required.
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime) {
        fail(name,
            QStringLiteral("'%1' must be an ISO 8601 time with a zone, such as 2025-01-31T12:00:00.000Z (got "
                           "'%2')")
                .arg(name, clippedForMessage(*text)));
        return std::nullopt;
    }
    return time.toUTC();
}

QString JsonFieldReader::requiredChoice(const QStringList &names, const QStringList &allowed)
{
    const QString value = requiredString(names);
    if (ok() && !allowed.contains(value)) {
        fail(present(names),
            QStringLiteral("'%1' must be one of: %2 (got '%3')")
                .arg(present(names), allowed.join(QLatin1String(", ")), clippedForMessage(value)));
        return {};
    }
    return value;
}

std::optional<double> JsonFieldReader::optionalNumber(const QStringList &names, double min, double max)
{
    const QString name = present(names);
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isDouble() || !std::isfinite(value.toDouble())) {
        fail(name, QStringLiteral("'%1' must be a number").arg(name));
        return std::nullopt;
    }
    const double number = value.toDouble();
    if (number < min || number > max) {
        fail(name,
            QStringLiteral("'%1' must be between %2 and %3 (got %4)")
                .arg(name)
                .arg(min)
                .arg(max)
                .arg(number));
        return std::nullopt;
    }
    return number;
}

std::optional<qint64> JsonFieldReader::optionalInteger(const QString &name, qint64 min, qint64 max)
{
    const std::optional<double> number = optionalNumber({name}, double(min), double(max));
    if (!number)
        return std::nullopt;
    // Converted only once it is known to fit: a double outside qint64 (a max near 2^63 rounds up to it)
    // cast to an integer is undefined behaviour.
    if (std::floor(*number) != *number || *number >= 9223372036854775808.0) {
        fail(name, QStringLiteral("'%1' must be a whole number from %2 to %3").arg(name).arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(*number);
}

std::optional<bool> JsonFieldReader::optionalBool(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isBool()) {
        fail(name, QStringLiteral("'%1' must be true or false").arg(name));
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<QJsonValue> JsonFieldReader::optionalStringOrNumber(const QString &name, double min, double max)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (value.isString())
        return value;
    if (!value.isDouble()) {
        fail(name, QStringLiteral("'%1' must be a string or a number").arg(name));
        return std::nullopt;
    }
    const std::optional<double> number = optionalNumber({name}, min, max);
    return number ? std::optional<QJsonValue>(value) : std::nullopt;
}

QStringList JsonFieldReader::stringList(const QStringList &names)
{
    const QString name = present(names);
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray()) {
        fail(name, QStringLiteral("'%1' must be an array of strings").arg(name));
        return {};
    }
    QStringList strings;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString()) {
            fail(name, QStringLiteral("'%1' must be an array of strings").arg(name));
            return {};
        }
        strings << item.toString();
    }
    return strings;
}

QJsonArray JsonFieldReader::stringOrObjectList(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return {};
    const QJsonArray items = value.toArray();
    const bool valid = value.isArray() && std::all_of(items.begin(), items.end(), [](const QJsonValue &item) {
        return item.isString() || item.isObject();
    });
    if (!valid) {
        fail(name, QStringLiteral("'%1' must be an array of strings or objects").arg(name));
        return {};
    }
    return items;
}

QJsonObject JsonFieldReader::object(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject()) {
        fail(name, QStringLiteral("'%1' must be an object").arg(name));
        return {};
    }
    return value.toObject();
}
