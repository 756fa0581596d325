// SPDX-License-Identifier: MIT
// The spans of one OTLP export request, as both readers (protobuf and JSON) hand them over: what Ponder
// uses of a span, with attribute values as JSON values.
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

struct OtlpAttribute
{
    QString key;
    QJsonValue value; // a string, bool, number, array or object (a kvlist); bytes as base64
};
using OtlpAttributes = QList<OtlpAttribute>;

// The value of the first attribute named `key`, or undefined.
QJsonValue otlpAttribute(const OtlpAttributes &attributes, QLatin1StringView key);

struct OtlpSpanEvent
{
    quint64 timeUnixNano = 0;
    QString name;
    OtlpAttributes attributes;
};

struct OtlpSpan
{
    enum StatusCode
    {
        Unset = 0,
        Ok = 1,
        Error = 2
    };

    QByteArray traceId; // 16 bytes
    QByteArray spanId; // 8 bytes
    QByteArray parentSpanId; // 8 bytes, or empty for a root span
    QString name;
    int kind = 0;
    quint64 startUnixNano = 0;
    quint64 endUnixNano = 0; // 0: not ended
    OtlpAttributes attributes;
    QList<OtlpSpanEvent> events;
    int statusCode = Unset;
    QString statusMessage;
    qsizetype resource = -1; // index into OtlpBatch::resources
};

struct OtlpBatch
{
    QList<OtlpAttributes> resources;
    QList<OtlpSpan> spans; // in the order of the request
    // Spans the readers refused (ids of the wrong length, or all zero), and why, for partial_success.
    qint64 rejectedSpans = 0;
    QString rejection; // the first reason, with how many it covers
};

// What reading a request body gave: a batch, or why the body as a whole is refused.
struct OtlpReadResult
{
    enum class Error
    {
        None,
        Malformed, // 400
        TooManySpans // 413
    };
    OtlpBatch batch;
    Error error = Error::None;
    QString message;

    static OtlpReadResult malformed(const QString &message);
    static OtlpReadResult tooManySpans(qsizetype spans);
};

namespace OtlpLimits {
// Past it the request is refused with 413: exporters send batches of 512 by default.
inline constexpr qsizetype MaxSpansPerRequest = 8192;
// Nested arrays and kvlists in an attribute value beyond this depth are cut (kept as a placeholder).
inline constexpr int MaxValueDepth = 8;
} // namespace OtlpLimits

// Whether an id read from a request is usable: the right length and not all zero (the specification calls
// both invalid). Refusals are counted in the batch.
bool acceptOtlpIds(OtlpBatch &batch, const OtlpSpan &span);
