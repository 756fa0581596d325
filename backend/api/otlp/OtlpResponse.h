// SPDX-License-Identifier: MIT
// Answers an OTLP/HTTP export in the encoding of its request: ExportTraceServiceResponse on success (with
// partial_success when spans were refused, or as a warning), google.rpc.Status for every error, as
// protobuf for protobuf requests and as OTLP JSON otherwise.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

struct ApiError;
struct HttpRequest;
class HttpResponder;

namespace OtlpResponse {

enum class Encoding
{
    Protobuf,
    Json
};

// The request's encoding from its Content-Type; nullopt for another type (415).
std::optional<Encoding> encodingOf(const HttpRequest &request);

void sendSuccess(HttpResponder &out, Encoding encoding, qint64 rejectedSpans, const QString &message);
// `retryAfterSeconds` > 0 adds Retry-After (429, 503).
void sendError(HttpResponder &out, Encoding encoding, const ApiError &error, int retryAfterSeconds = 0);
// The path's error writer (Router::setErrorWriter): the HTTP edge's refusals in the request's encoding.
void sendEdgeError(const HttpRequest &request, HttpResponder &out, const ApiError &error);

} // namespace OtlpResponse
