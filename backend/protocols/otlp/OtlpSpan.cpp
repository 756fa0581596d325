// SPDX-License-Identifier: MIT
#include "protocols/otlp/OtlpSpan.h"

#include <algorithm>

namespace {

bool isZero(const QByteArray &id)
{
    return std::all_of(id.cbegin(), id.cend(), [](char c) { return c == 0; });
}

} // namespace

QJsonValue otlpAttribute(const OtlpAttributes &attributes, QLatin1StringView key)
{
    for (const OtlpAttribute &attribute : attributes) {
        if (attribute.key == key)
            return attribute.value;
    }
    return QJsonValue(QJsonValue::Undefined);
}

bool acceptOtlpIds(OtlpBatch &batch, const OtlpSpan &span)
{
    QString reason;
    if (span.traceId.size() != 16 || isZero(span.traceId))
        reason = QStringLiteral("a trace id must be 16 bytes (32 hex digits), not all zero");
    else if (span.spanId.size() != 8 || isZero(span.spanId))
        reason = QStringLiteral("a span id must be 8 bytes (16 hex digits), not all zero");
    else if (!span.parentSpanId.isEmpty() && span.parentSpanId.size() != 8)
        reason = QStringLiteral("a parent span id must be 8 bytes (16 hex digits) or empty");
    if (reason.isEmpty())
        return true;
    ++batch.rejectedSpans;
    if (batch.rejection.isEmpty())
        batch.rejection = reason;
    return false;
}

OtlpReadResult OtlpReadResult::malformed(const QString &message)
{
    OtlpReadResult result;
    result.error = Error::Malformed;
    result.message = message;
    return result;
}

OtlpReadResult OtlpReadResult::tooManySpans(qsizetype spans)
{
    OtlpReadResult result;
    result.error = Error::TooManySpans;
    result.message = QStringLiteral("the request holds %1 spans; at most %2 are taken at once")
                         .arg(spans)
                         .arg(OtlpLimits::MaxSpansPerRequest);
    return result;
}
