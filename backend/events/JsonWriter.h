// SPDX-License-Identifier: MIT
// Writes compact JSON text straight from values. Events are encoded with it because building a
// QJsonObject and encoding it costs several times more than everything else an event goes through
// (measured in bench/hub_bench; see docs/benchmarks.md).
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

class JsonWriter
{
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();

    // Members of the object being written; an empty optional is written as null.
    JsonWriter &field(QLatin1StringView name, const QString &value);
    JsonWriter &field(QLatin1StringView name, bool value);
    // Would silently convert to bool: pass a QString, or a std::optional<double> for numbers.
    JsonWriter &field(QLatin1StringView name, const char *value) = delete;
    JsonWriter &field(QLatin1StringView name, double value) = delete;
    JsonWriter &field(QLatin1StringView name, int value) = delete;
    JsonWriter &field(QLatin1StringView name, std::optional<double> value);
    JsonWriter &field(QLatin1StringView name, const QStringList &values);
    JsonWriter &field(QLatin1StringView name, const QJsonObject &value);
    JsonWriter &field(QLatin1StringView name, const QJsonArray &value);
    // Any JSON value; undefined is written as null.
    JsonWriter &field(QLatin1StringView name, const QJsonValue &value);
    // JSON text the caller already encoded (compact, valid): written as it is.
    JsonWriter &rawField(QLatin1StringView name, QByteArrayView json);

    QByteArray take() { return std::exchange(m_text, {}); }

    // `value` as a JSON string literal, quotes included.
    static void appendString(QByteArray &out, QStringView value);

private:
    void name(QLatin1StringView name);

    QByteArray m_text;
    bool m_first = true; // no member written yet in the current object
};
