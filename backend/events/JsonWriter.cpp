// SPDX-License-Identifier: MIT
#include "events/JsonWriter.h"

#include <QJsonDocument>
#include <QLocale>

#include <cmath>

JsonWriter &JsonWriter::beginObject()
{
    m_text.reserve(256);
    m_text += '{';
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_text += '}';
    m_first = false;
    return *this;
}

void JsonWriter::name(QLatin1StringView name)
{
    if (!m_first)
        m_text += ',';
    m_first = false;
    m_text += '"';
    m_text += QByteArrayView(name.data(), name.size()); // names are ours: plain ASCII, nothing to escape
    m_text += "\":";
}

JsonWriter &JsonWriter::field(QLatin1StringView fieldName, const QString &value)
{
    name(fieldName);
    appendString(m_text, value);
    return *this;
}

JsonWriter &JsonWriter::field(QLatin1StringView fieldName, bool value)
{
    name(fieldName);
    m_text += value ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::field(QLatin1StringView fieldName, std::optional<double> value)
{
    name(fieldName);
    // Callers validate ranges, so there is never a NaN or infinity, which JSON cannot hold.
    if (!value || !std::isfinite(*value))
        m_text += "null";
    else if (std::abs(*value) < 1e15 && *value == std::trunc(*value))
        m_text += QByteArray::number(qint64(*value)); // 1000000000, not 1e+09: as QJsonDocument writes it
    else
        m_text += QByteArray::number(*value, 'g', QLocale::FloatingPointShortest);
    return *this;
}

JsonWriter &JsonWriter::field(QLatin1StringView fieldName, const QStringList &values)
{
    name(fieldName);
    m_text += '[';
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            m_text += ',';
        appendString(m_text, values.at(i));
    }
    m_text += ']';
    return *this;
}

JsonWriter &JsonWriter::field(QLatin1StringView fieldName, const QJsonObject &value)
{
    name(fieldName);
    m_text += value.isEmpty() ? QByteArrayLiteral("{}") : QJsonDocument(value).toJson(QJsonDocument::Compact);
    return *this;
}

JsonWriter &JsonWriter::field(QLatin1StringView fieldName, const QJsonArray &value)
{
    name(fieldName);
    m_text += value.isEmpty() ? QByteArrayLiteral("[]") : QJsonDocument(value).toJson(QJsonDocument::Compact);
    return *this;
}

JsonWriter &JsonWriter::field(QLatin1StringView fieldName, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return field(fieldName, value.toString());
    case QJsonValue::Bool:
        return field(fieldName, value.toBool());
    case QJsonValue::Double:
        return field(fieldName, std::optional<double>(value.toDouble()));
    case QJsonValue::Array:
        return field(fieldName, value.toArray());
    case QJsonValue::Object:
        return field(fieldName, value.toObject());
    default:
        name(fieldName);
        m_text += "null";
        return *this;
    }
}

JsonWriter &JsonWriter::rawField(QLatin1StringView fieldName, QByteArrayView json)
{
    name(fieldName);
    m_text += json;
    return *this;
}

void JsonWriter::appendString(QByteArray &out, QStringView value)
{
    // Escaping the UTF-8 bytes is enough: every byte of a multi-byte sequence is >= 0x80, so only
    // ASCII quotes, backslashes and control characters need escapes.
    static constexpr char Hex[] = "0123456789abcdef";
    const QByteArray utf8 = value.toUtf8();
    out += '"';
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8.at(i));
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.constData() + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            out += "\\u00";
            out += Hex[c >> 4];
            out += Hex[c & 0xf];
        }
    }
    out.append(utf8.constData() + plainFrom, utf8.size() - plainFrom);
    out += '"';
}
