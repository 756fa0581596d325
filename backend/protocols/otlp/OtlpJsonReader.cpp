// SPDX-License-Identifier: MIT
#include "protocols/otlp/OtlpJsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace {

// Where a value is in the request, such as resourceSpans[0].scopeSpans[1].spans[2].kind; spelled out only
// for an error message, so reading a good request formats nothing.
struct Path
{
    const Path *parent = nullptr;
    const char *name = nullptr; // a member, or null for an index into the parent
    qsizetype index = -1;

    Path member(const char *memberName) const { return {this, memberName, -1}; }
    Path at(qsizetype position) const { return {this, nullptr, position}; }
    QString text() const
    {
        const QString before = parent ? parent->text() : QString();
        if (!name)
            return before + QStringLiteral("[%1]").arg(index);
        return before.isEmpty() ? QString::fromLatin1(name) : before + QLatin1Char('.') + QLatin1String(name);
    }
};

// A shape the mapping does not allow: the request is refused as a whole (400).
struct Malformed
{
    QString message;
};

[[noreturn]] void refuse(const Path &where, const char *what)
{
    throw Malformed {where.text() + QLatin1Char(' ') + QLatin1String(what)};
}

// A member by its lowerCamelCase name, or by the proto's snake_case one.
QJsonValue member(const QJsonObject &object, QLatin1StringView camel, QLatin1StringView snake = {})
{
    const auto it = object.constFind(camel);
    if (it != object.constEnd() || snake.isEmpty())
        return it != object.constEnd() ? *it : QJsonValue(QJsonValue::Undefined);
    return object.value(snake);
}

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

QJsonArray arrayAt(const QJsonValue &value, const Path &where)
{
    if (isAbsent(value))
        return {};
    if (!value.isArray())
        refuse(where, "must be an array");
    return value.toArray();
}

QJsonObject objectAt(const QJsonValue &value, const Path &where)
{
    if (isAbsent(value))
        return {};
    if (!value.isObject())
        refuse(where, "must be an object");
    return value.toObject();
}

QString stringAt(const QJsonValue &value, const Path &where)
{
    if (isAbsent(value))
        return {};
    if (!value.isString())
        refuse(where, "must be a string");
    return value.toString();
}

quint64 unsignedAt(const QJsonValue &value, const Path &where)
{
    if (isAbsent(value))
        return 0;
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number >= 0 && number < 18446744073709551616.0 && std::floor(number) == number)
            return quint64(number);
    } else if (value.isString()) {
        bool ok = false;
        const quint64 number = value.toString().toULongLong(&ok);
        if (ok)
            return number;
    }
    refuse(where, "must be an unsigned 64-bit integer (a decimal string or a number)");
}

int enumAt(const QJsonValue &value, const Path &where, const QStringList &names)
{
    if (isAbsent(value))
        return 0;
    // Any int32, as protobuf carries an enum: a value the spec does not name is kept as it is (a newer
    // exporter's), read the same from either encoding.
    const double number = value.toDouble();
    if (value.isDouble() && std::floor(number) == number && number >= double(INT32_MIN)
        && number <= double(INT32_MAX))
        return int(number);
    if (value.isString() && names.contains(value.toString()))
        return int(names.indexOf(value.toString()));
    refuse(where, "must be an enum value (an integer)");
}

QByteArray idAt(const QJsonValue &value, const Path &where)
{
    const QString hex = stringAt(value, where);
    const bool isHex = hex.size() % 2 == 0 && std::all_of(hex.cbegin(), hex.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
    // Not hex is a wrong id, which refuses the span (as a wrong length does), not the request.
    return isHex ? QByteArray::fromHex(hex.toLatin1()) : QByteArray(1, '\x01');
}

OtlpAttributes attributesAt(const QJsonValue &value, const Path &where, int depth);

QJsonValue anyValueAt(const QJsonValue &value, const Path &where, int depth)
{
    const QJsonObject any = objectAt(value, where);
    QJsonValue found;
    if (!(found = member(any, QLatin1StringView("stringValue"), QLatin1StringView("string_value")))
             .isUndefined())
        return stringAt(found, where.member("stringValue"));
    if (!(found = member(any, QLatin1StringView("boolValue"), QLatin1StringView("bool_value")))
             .isUndefined()) {
        if (!found.isBool())
            refuse(where.member("boolValue"), "must be true or false");
        return found;
    }
    if (!(found = member(any, QLatin1StringView("intValue"), QLatin1StringView("int_value"))).isUndefined()) {
        if (found.isDouble() && std::floor(found.toDouble()) == found.toDouble())
            return found;
        bool ok = false;
        const qint64 number = found.toString().toLongLong(&ok);
        if (!found.isString() || !ok)
            refuse(where.member("intValue"), "must be a 64-bit integer (a decimal string or a number)");
        return number;
    }
    if (!(found = member(any, QLatin1StringView("doubleValue"), QLatin1StringView("double_value")))
             .isUndefined()) {
        if (found.isDouble())
            return found;
        // proto3's JSON writes these as strings; JSON itself holds none of them.
        const QString special = found.toString();
        if (special == QLatin1String("NaN") || special == QLatin1String("Infinity")
            || special == QLatin1String("-Infinity"))
            return QJsonValue();
        refuse(where.member("doubleValue"), "must be a number");
    }
    if (!(found = member(any, QLatin1StringView("bytesValue"), QLatin1StringView("bytes_value")))
             .isUndefined())
        return stringAt(found, where.member("bytesValue")); // base64, as the mapping writes bytes
    if (!(found = member(any, QLatin1StringView("arrayValue"), QLatin1StringView("array_value")))
             .isUndefined()) {
        const Path list = where.member("arrayValue");
        const QJsonArray items
            = arrayAt(objectAt(found, list).value(QLatin1StringView("values")), list.member("values"));
        if (depth >= OtlpLimits::MaxValueDepth)
            return QStringLiteral("[nested too deep]");
        QJsonArray values;
        for (qsizetype i = 0; i < items.size(); ++i)
            values.append(anyValueAt(items.at(i), list.member("values").at(i), depth + 1));
        return values;
    }
    if (!(found = member(any, QLatin1StringView("kvlistValue"), QLatin1StringView("kvlist_value")))
             .isUndefined()) {
        const Path list = where.member("kvlistValue");
        const QJsonValue pairs = objectAt(found, list).value(QLatin1StringView("values"));
        if (depth >= OtlpLimits::MaxValueDepth)
            return QStringLiteral("[nested too deep]");
        QJsonObject object;
        for (const OtlpAttribute &pair : attributesAt(pairs, list.member("values"), depth + 1))
            object.insert(pair.key, pair.value);
        return object;
    }
    return QJsonValue(); // empty, or only members this reader does not know
}

OtlpAttributes attributesAt(const QJsonValue &value, const Path &where, int depth)
{
    const QJsonArray list = arrayAt(value, where);
    OtlpAttributes attributes;
    attributes.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Path at = where.at(i);
        const QJsonObject pair = objectAt(list.at(i), at);
        const QJsonValue key = pair.value(QLatin1StringView("key"));
        if (!key.isString())
            refuse(at.member("key"), "must be a string");
        attributes.append(
            {key.toString(), anyValueAt(pair.value(QLatin1StringView("value")), at.member("value"), depth)});
    }
    return attributes;
}

OtlpSpan spanAt(const QJsonValue &value, const Path &where)
{
    static const QStringList statusCodes {QStringLiteral("STATUS_CODE_UNSET"),
        QStringLiteral("STATUS_CODE_OK"), QStringLiteral("STATUS_CODE_ERROR")};
    static const QStringList spanKinds {QStringLiteral("SPAN_KIND_UNSPECIFIED"),
        QStringLiteral("SPAN_KIND_INTERNAL"), QStringLiteral("SPAN_KIND_SERVER"),
        QStringLiteral("SPAN_KIND_CLIENT"), QStringLiteral("SPAN_KIND_PRODUCER"),
        QStringLiteral("SPAN_KIND_CONSUMER")};
    const QJsonObject in = objectAt(value, where);
    OtlpSpan span;
    span.traceId = idAt(
        member(in, QLatin1StringView("traceId"), QLatin1StringView("trace_id")), where.member("traceId"));
    span.spanId
        = idAt(member(in, QLatin1StringView("spanId"), QLatin1StringView("span_id")), where.member("spanId"));
    span.parentSpanId
        = idAt(member(in, QLatin1StringView("parentSpanId"), QLatin1StringView("parent_span_id")),
            where.member("parentSpanId"));
    if (std::all_of(span.parentSpanId.cbegin(), span.parentSpanId.cend(), [](char c) { return c == 0; }))
        span.parentSpanId.clear(); // some exporters write a root's parent as zeros
    span.name = stringAt(in.value(QLatin1StringView("name")), where.member("name"));
    span.kind = enumAt(in.value(QLatin1StringView("kind")), where.member("kind"), spanKinds);
    span.startUnixNano = unsignedAt(
        member(in, QLatin1StringView("startTimeUnixNano"), QLatin1StringView("start_time_unix_nano")),
        where.member("startTimeUnixNano"));
    span.endUnixNano = unsignedAt(
        member(in, QLatin1StringView("endTimeUnixNano"), QLatin1StringView("end_time_unix_nano")),
        where.member("endTimeUnixNano"));
    span.attributes = attributesAt(in.value(QLatin1StringView("attributes")), where.member("attributes"), 0);
    const Path eventsAt = where.member("events");
    const QJsonArray events = arrayAt(in.value(QLatin1StringView("events")), eventsAt);
    span.events.reserve(events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Path at = eventsAt.at(i);
        const QJsonObject event = objectAt(events.at(i), at);
        span.events.append(
            {unsignedAt(member(event, QLatin1StringView("timeUnixNano"), QLatin1StringView("time_unix_nano")),
                 at.member("timeUnixNano")),
                stringAt(event.value(QLatin1StringView("name")), at.member("name")),
                attributesAt(event.value(QLatin1StringView("attributes")), at.member("attributes"), 0)});
    }
    const Path statusAt = where.member("status");
    const QJsonObject status = objectAt(in.value(QLatin1StringView("status")), statusAt);
    span.statusCode = enumAt(status.value(QLatin1StringView("code")), statusAt.member("code"), statusCodes);
    span.statusMessage = stringAt(status.value(QLatin1StringView("message")), statusAt.member("message"));
    return span;
}

// The spans the request holds, counted before anything is converted, so an oversized batch costs little.
qsizetype countSpans(const QJsonObject &request)
{
    qsizetype spans = 0;
    for (const QJsonValue &entry :
        member(request, QLatin1StringView("resourceSpans"), QLatin1StringView("resource_spans")).toArray()) {
        for (const QJsonValue &scope :
            member(entry.toObject(), QLatin1StringView("scopeSpans"), QLatin1StringView("scope_spans"))
                .toArray())
            spans += scope.toObject().value(QLatin1StringView("spans")).toArray().size();
    }
    return spans;
}

void readRequest(const QJsonObject &request, OtlpBatch &batch)
{
    const Path root;
    const Path resourceSpansAt = root.member("resourceSpans");
    const QJsonArray resourceSpans
        = arrayAt(member(request, QLatin1StringView("resourceSpans"), QLatin1StringView("resource_spans")),
            resourceSpansAt);
    for (qsizetype r = 0; r < resourceSpans.size(); ++r) {
        const Path at = resourceSpansAt.at(r);
        const QJsonObject entry = objectAt(resourceSpans.at(r), at);
        const Path resourceAt = at.member("resource");
        const QJsonObject resource = objectAt(entry.value(QLatin1StringView("resource")), resourceAt);
        const qsizetype index = batch.resources.size();
        batch.resources.append(attributesAt(
            resource.value(QLatin1StringView("attributes")), resourceAt.member("attributes"), 0));
        const Path scopesAt = at.member("scopeSpans");
        const QJsonArray scopes = arrayAt(
            member(entry, QLatin1StringView("scopeSpans"), QLatin1StringView("scope_spans")), scopesAt);
        for (qsizetype s = 0; s < scopes.size(); ++s) {
            const Path spansAt = scopesAt.at(s).member("spans");
            const QJsonArray spans
                = arrayAt(objectAt(scopes.at(s), scopesAt.at(s)).value(QLatin1StringView("spans")), spansAt);
            for (qsizetype i = 0; i < spans.size(); ++i) {
                OtlpSpan span = spanAt(spans.at(i), spansAt.at(i));
                span.resource = index;
                if (acceptOtlpIds(batch, span))
                    batch.spans.append(std::move(span));
            }
        }
    }
}

} // namespace

namespace OtlpJsonReader {

OtlpReadResult read(QByteArrayView body)
{
    OtlpReadResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return OtlpReadResult::malformed(QStringLiteral("the body is not valid JSON: %1 at byte %2")
                                             .arg(parseError.errorString())
                                             .arg(parseError.offset));
    }
    if (!document.isObject()) {
        return OtlpReadResult::malformed(
            QStringLiteral("the body must be a JSON object (an ExportTraceServiceRequest)"));
    }
    const qsizetype spans = countSpans(document.object());
    if (spans > OtlpLimits::MaxSpansPerRequest)
        return OtlpReadResult::tooManySpans(spans);
    try {
        result.batch.spans.reserve(spans);
        readRequest(document.object(), result.batch);
    } catch (const Malformed &malformed) {
        result = OtlpReadResult::malformed(malformed.message);
    }
    return result;
}

} // namespace OtlpJsonReader
