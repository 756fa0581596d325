// SPDX-License-Identifier: MIT
// What both OTLP readers promise about any body, whatever it holds: a refusal says why and keeps no spans;
// a batch holds only spans with usable ids, no more of them than the limit, each pointing at a resource
// the batch has; and refused spans are counted with a reason.
#pragma once

#include "FuzzSupport.h"
#include "protocols/otlp/OtlpSpan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

inline void checkOtlpResult(const OtlpReadResult &result)
{
    if (result.error != OtlpReadResult::Error::None) {
        FUZZ_CHECK(!result.message.isEmpty());
        return;
    }
    const OtlpBatch &batch = result.batch;
    FUZZ_CHECK(batch.spans.size() <= OtlpLimits::MaxSpansPerRequest);
    FUZZ_CHECK((batch.rejectedSpans > 0) == !batch.rejection.isEmpty());
    for (const OtlpSpan &span : batch.spans) {
        FUZZ_CHECK(span.traceId.size() == 16 && span.traceId.count('\0') < 16);
        FUZZ_CHECK(span.spanId.size() == 8 && span.spanId.count('\0') < 8);
        FUZZ_CHECK(span.parentSpanId.isEmpty() || span.parentSpanId.size() == 8);
        FUZZ_CHECK(span.resource >= -1 && span.resource < batch.resources.size());
    }
}

// The spans of a batch written again in the OTLP JSON mapping (ids in hex, times as decimal strings,
// string attributes): what the JSON reader must read back the same.
inline QByteArray otlpJsonOf(const QList<OtlpSpan> &spans)
{
    QJsonArray written;
    for (const OtlpSpan &span : spans) {
        QJsonArray attributes;
        for (const OtlpAttribute &attribute : span.attributes) {
            if (attribute.value.isString())
                attributes.append(QJsonObject {{QStringLiteral("key"), attribute.key},
                    {QStringLiteral("value"),
                        QJsonObject {{QStringLiteral("stringValue"), attribute.value}}}});
        }
        QJsonObject out {{QStringLiteral("traceId"), QString::fromLatin1(span.traceId.toHex())},
            {QStringLiteral("spanId"), QString::fromLatin1(span.spanId.toHex())},
            {QStringLiteral("name"), span.name}, {QStringLiteral("kind"), span.kind},
            {QStringLiteral("startTimeUnixNano"), QString::number(span.startUnixNano)},
            {QStringLiteral("endTimeUnixNano"), QString::number(span.endUnixNano)},
            {QStringLiteral("attributes"), attributes},
            {QStringLiteral("status"),
                QJsonObject {{QStringLiteral("code"), span.statusCode},
                    {QStringLiteral("message"), span.statusMessage}}}};
        if (!span.parentSpanId.isEmpty())
            out.insert(QStringLiteral("parentSpanId"), QString::fromLatin1(span.parentSpanId.toHex()));
        written.append(out);
    }
    const QJsonObject request {{QStringLiteral("resourceSpans"),
        QJsonArray {QJsonObject {
            {QStringLiteral("scopeSpans"), QJsonArray {QJsonObject {{QStringLiteral("spans"), written}}}}}}}};
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

// Whether `read` (from otlpJsonOf(spans)) says what `spans` said.
inline bool sameOtlpSpans(const QList<OtlpSpan> &spans, const QList<OtlpSpan> &read)
{
    if (spans.size() != read.size())
        return false;
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const OtlpSpan &a = spans.at(i);
        const OtlpSpan &b = read.at(i);
        if (a.traceId != b.traceId || a.spanId != b.spanId || a.parentSpanId != b.parentSpanId
            || a.name != b.name || a.kind != b.kind || a.startUnixNano != b.startUnixNano
            || a.endUnixNano != b.endUnixNano || a.statusCode != b.statusCode
            || a.statusMessage != b.statusMessage)
            return false;
        QList<OtlpAttribute> strings;
        for (const OtlpAttribute &attribute : a.attributes) {
            if (attribute.value.isString())
                strings.append(attribute);
        }
        if (strings.size() != b.attributes.size())
            return false;
        for (qsizetype k = 0; k < strings.size(); ++k) {
            if (strings.at(k).key != b.attributes.at(k).key
                || strings.at(k).value != b.attributes.at(k).value)
                return false;
        }
    }
    return true;
}
