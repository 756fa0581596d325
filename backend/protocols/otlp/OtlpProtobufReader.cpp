// SPDX-License-Identifier: MIT
#include "protocols/otlp/OtlpProtobufReader.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <google/protobuf/arena.h>
#include <limits>
#include <otlp_trace_service.pb.h>

namespace {

namespace pb = ponder::otlp;

QString text(const std::string &bytes)
{
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

QByteArray bytesOf(const std::string &bytes)
{
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

OtlpAttributes attributesOf(const google::protobuf::RepeatedPtrField<pb::KeyValue> &list, int depth);

QJsonValue valueOf(const pb::AnyValue &value, int depth)
{
    switch (value.value_case()) {
    case pb::AnyValue::kStringValue:
        return text(value.string_value());
    case pb::AnyValue::kBoolValue:
        return value.bool_value();
    case pb::AnyValue::kIntValue:
        return qint64(value.int_value());
    case pb::AnyValue::kDoubleValue:
        // JSON holds no NaN or infinity.
        return std::isfinite(value.double_value()) ? QJsonValue(value.double_value()) : QJsonValue();
    case pb::AnyValue::kBytesValue:
        return QString::fromLatin1(bytesOf(value.bytes_value()).toBase64());
    case pb::AnyValue::kArrayValue: {
        if (depth >= OtlpLimits::MaxValueDepth)
            return QStringLiteral("[nested too deep]");
        QJsonArray array;
        for (const pb::AnyValue &item : value.array_value().values())
            array.append(valueOf(item, depth + 1));
        return array;
    }
    case pb::AnyValue::kKvlistValue: {
        if (depth >= OtlpLimits::MaxValueDepth)
            return QStringLiteral("[nested too deep]");
        QJsonObject object;
        for (const OtlpAttribute &member : attributesOf(value.kvlist_value().values(), depth + 1))
            object.insert(member.key, member.value);
        return object;
    }
    default:
        return QJsonValue(); // an empty AnyValue
    }
}

OtlpAttributes attributesOf(const google::protobuf::RepeatedPtrField<pb::KeyValue> &list, int depth)
{
    OtlpAttributes attributes;
    attributes.reserve(list.size());
    for (const pb::KeyValue &pair : list)
        attributes.append({text(pair.key()), valueOf(pair.value(), depth)});
    return attributes;
}

bool isZero(const QByteArray &id)
{
    return std::all_of(id.cbegin(), id.cend(), [](char c) { return c == 0; });
}

} // namespace

namespace OtlpProtobufReader {

OtlpReadResult read(QByteArrayView body)
{
    OtlpReadResult result;
    if (body.size() > std::numeric_limits<int>::max())
        return OtlpReadResult::malformed(QStringLiteral("the body is too large to be read as protobuf"));
    google::protobuf::Arena arena;
    auto *request = google::protobuf::Arena::CreateMessage<pb::ExportTraceServiceRequest>(&arena);
    if (!request->ParseFromArray(body.data(), int(body.size()))) {
        return OtlpReadResult::malformed(
            QStringLiteral("the body is not a valid protobuf ExportTraceServiceRequest"));
    }
    qsizetype spans = 0;
    for (const pb::ResourceSpans &resourceSpans : request->resource_spans()) {
        for (const pb::ScopeSpans &scopeSpans : resourceSpans.scope_spans())
            spans += scopeSpans.spans_size();
    }
    if (spans > OtlpLimits::MaxSpansPerRequest)
        return OtlpReadResult::tooManySpans(spans);
    OtlpBatch &batch = result.batch;
    batch.spans.reserve(spans);
    for (const pb::ResourceSpans &resourceSpans : request->resource_spans()) {
        const qsizetype resource = batch.resources.size();
        batch.resources.append(attributesOf(resourceSpans.resource().attributes(), 0));
        for (const pb::ScopeSpans &scopeSpans : resourceSpans.scope_spans()) {
            for (const pb::Span &in : scopeSpans.spans()) {
                OtlpSpan span;
                span.traceId = bytesOf(in.trace_id());
                span.spanId = bytesOf(in.span_id());
                span.parentSpanId = bytesOf(in.parent_span_id());
                if (isZero(span.parentSpanId))
                    span.parentSpanId.clear(); // some exporters write a root's parent as zeros
                if (!acceptOtlpIds(batch, span))
                    continue;
                span.name = text(in.name());
                span.kind = in.kind();
                span.startUnixNano = in.start_time_unix_nano();
                span.endUnixNano = in.end_time_unix_nano();
                span.attributes = attributesOf(in.attributes(), 0);
                span.events.reserve(in.events_size());
                for (const pb::Span::Event &event : in.events())
                    span.events.append(
                        {event.time_unix_nano(), text(event.name()), attributesOf(event.attributes(), 0)});
                span.statusCode = in.status().code();
                span.statusMessage = text(in.status().message());
                span.resource = resource;
                batch.spans.append(std::move(span));
            }
        }
    }
    return result;
}

} // namespace OtlpProtobufReader
