// SPDX-License-Identifier: MIT
// POST /v1/traces: the OTLP/HTTP trace receiver. Takes ExportTraceServiceRequest as protobuf or JSON,
// plain or gzip, and answers as the specification asks: 200 with ExportTraceServiceResponse (and
// partial_success when spans were refused), 400 for a body that cannot be read, 413 past the size limits,
// 415 for another content type or encoding, 429 or 503 with Retry-After when Ponder cannot take more now;
// every error as a google.rpc.Status in the request's encoding. An export of a megabyte or more (any gzip'd
// one) is inflated and read on a worker thread, so the server keeps answering others meanwhile.
#pragma once

#include "api/otlp/OtlpResponse.h"
#include "http/ApiError.h"
#include "protocols/otlp/OtlpSpan.h"

#include <variant>

class HttpResponder;
class Router;
class TraceIngest;

class TraceRoutes
{
public:
    explicit TraceRoutes(TraceIngest &ingest)
        : m_ingest(ingest)
    { }
    void registerOn(Router &router);

private:
    // Answers with the read's error, or stores what it read and answers once stored.
    void store(const std::variant<OtlpReadResult, ApiError> &read, OtlpResponse::Encoding encoding,
        HttpResponder &out);

    TraceIngest &m_ingest;
};
