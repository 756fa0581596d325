// SPDX-License-Identifier: MIT
#include "api/otlp/TraceRoutes.h"

#include "api/otlp/OtlpResponse.h"
#include "api/otlp/TraceIngest.h"
#include "http/ApiError.h"
#include "http/GzipDecoder.h"
#include "http/HttpResponder.h"
#include "http/Router.h"
#include "protocols/otlp/OtlpJsonReader.h"
#include "protocols/otlp/OtlpProtobufReader.h"

#include <QPointer>

using OtlpResponse::Encoding;

namespace {

// The body as the exporter meant it: inflated when it came gzip'd, within the decoded-size bound.
std::optional<QByteArray> decodedBody(
    const HttpRequest &request, const TraceLimits &limits, Encoding encoding, HttpResponder &out)
{
    const QByteArray coding = request.header("content-encoding").trimmed().toLower();
    if (coding.isEmpty() || coding == "identity")
        return request.body;
    if (coding != "gzip") {
        OtlpResponse::sendError(out, encoding,
            {415,
                QStringLiteral("Content-Encoding '%1' is not supported: send gzip or no encoding")
                    .arg(clippedForMessage(QString::fromLatin1(coding)))});
        return std::nullopt;
    }
    QByteArray inflated;
    QString error;
    switch (GzipDecoder::inflate(request.body, limits.maxDecodedBytes, &inflated, &error)) {
    case GzipDecoder::Result::Ok:
        return inflated;
    case GzipDecoder::Result::TooLarge:
        OtlpResponse::sendError(out, encoding, {413, error});
        return std::nullopt;
    case GzipDecoder::Result::Corrupt:
        OtlpResponse::sendError(out, encoding, {400, error});
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

void TraceRoutes::registerOn(Router &router)
{
    router.add(
        "POST", QStringLiteral("/v1/traces"),
        [this](const HttpRequest &request, const RouteParams &, HttpResponder &out) {
            const TraceLimits &limits = m_ingest.limits();
            const auto encoding = OtlpResponse::encodingOf(request);
            if (!encoding)
                return OtlpResponse::sendError(out, Encoding::Json,
                    {415,
                        QStringLiteral(
                            "Content-Type must be application/x-protobuf or application/json (got '%1')")
                            .arg(clippedForMessage(QString::fromLatin1(request.header("content-type"))))});
            if (!m_ingest.hasRoom())
                return OtlpResponse::sendError(out, *encoding,
                    {429,
                        QStringLiteral("%1 exports are being stored already: retry later")
                            .arg(limits.maxExportsInFlight)},
                    limits.retryAfterSeconds);
            const auto body = decodedBody(request, limits, *encoding, out);
            if (!body)
                return;
            const OtlpReadResult read = *encoding == Encoding::Protobuf ? OtlpProtobufReader::read(*body)
                                                                        : OtlpJsonReader::read(*body);
            if (read.error != OtlpReadResult::Error::None)
                return OtlpResponse::sendError(out, *encoding,
                    {read.error == OtlpReadResult::Error::TooManySpans ? 413 : 400, read.message});
            QPointer<HttpResponder> responder(&out);
            m_ingest.ingest(read.batch, [responder, encoding, limits](const TraceIngest::Outcome &outcome) {
                if (!responder)
                    return;
                switch (outcome.status) {
                case TraceIngest::Outcome::Status::Stored:
                    return OtlpResponse::sendSuccess(
                        *responder, *encoding, outcome.rejectedSpans, outcome.message);
                case TraceIngest::Outcome::Status::SessionLimit:
                    return OtlpResponse::sendError(
                        *responder, *encoding, {429, outcome.message}, limits.retryAfterSeconds);
                case TraceIngest::Outcome::Status::Unavailable:
                    return OtlpResponse::sendError(*responder, *encoding,
                        {503, QStringLiteral("the event store is unavailable: %1").arg(outcome.message)},
                        limits.retryAfterSeconds);
                }
            });
        },
        m_ingest.limits().maxBodyBytes);
    router.setErrorWriter(QStringLiteral("/v1/traces"), OtlpResponse::sendEdgeError);
}
