// SPDX-License-Identifier: MIT
#include "api/otlp/OtlpResponse.h"

#include "http/ApiError.h"
#include "http/HttpRequest.h"
#include "http/HttpResponder.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <otlp_trace_service.pb.h>

namespace {

// google.rpc.Code for an HTTP status, as gRPC maps them.
int rpcCodeFor(int status)
{
    switch (status) {
    case 400:
    case 413:
    case 415:
        return 3; // INVALID_ARGUMENT
    case 401:
        return 16; // UNAUTHENTICATED
    case 403:
        return 7; // PERMISSION_DENIED
    case 404:
        return 5; // NOT_FOUND
    case 405:
        return 12; // UNIMPLEMENTED
    case 408:
        return 4; // DEADLINE_EXCEEDED
    case 429:
        return 8; // RESOURCE_EXHAUSTED
    case 503:
        return 14; // UNAVAILABLE
    default:
        return status >= 500 ? 13 : 2; // INTERNAL, UNKNOWN
    }
}

QByteArray serialized(const google::protobuf::MessageLite &message)
{
    std::string bytes;
    message.SerializeToString(&bytes);
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

} // namespace

namespace OtlpResponse {

std::optional<Encoding> encodingOf(const HttpRequest &request)
{
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    if (type == "application/x-protobuf")
        return Encoding::Protobuf;
    if (type == "application/json")
        return Encoding::Json;
    return std::nullopt;
}

void sendSuccess(HttpResponder &out, Encoding encoding, qint64 rejectedSpans, const QString &message)
{
    const bool partial = rejectedSpans > 0 || !message.isEmpty();
    if (encoding == Encoding::Protobuf) {
        ponder::otlp::ExportTraceServiceResponse response;
        if (partial) {
            response.mutable_partial_success()->set_rejected_spans(rejectedSpans);
            response.mutable_partial_success()->set_error_message(message.toStdString());
        }
        return out.send(200, serialized(response), "application/x-protobuf");
    }
    QJsonObject response;
    if (partial) // int64 is a decimal string in the OTLP JSON mapping
        response.insert(QStringLiteral("partialSuccess"),
            QJsonObject {{QStringLiteral("rejectedSpans"), QString::number(rejectedSpans)},
                {QStringLiteral("errorMessage"), message}});
    out.send(200, QJsonDocument(response).toJson(QJsonDocument::Compact), "application/json");
}

void sendError(HttpResponder &out, Encoding encoding, const ApiError &error, int retryAfterSeconds)
{
    if (retryAfterSeconds > 0)
        out.addHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    if (encoding == Encoding::Protobuf) {
        ponder::otlp::RpcStatus status;
        status.set_code(rpcCodeFor(error.status));
        status.set_message(error.message.toStdString());
        return out.send(error.status, serialized(status), "application/x-protobuf");
    }
    const QJsonObject status {
        {QStringLiteral("code"), rpcCodeFor(error.status)}, {QStringLiteral("message"), error.message}};
    out.send(error.status, QJsonDocument(status).toJson(QJsonDocument::Compact), "application/json");
}

void sendEdgeError(const HttpRequest &request, HttpResponder &out, const ApiError &error)
{
    sendError(out, encodingOf(request).value_or(Encoding::Json), error);
}

} // namespace OtlpResponse
