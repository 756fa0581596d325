// SPDX-License-Identifier: MIT
#include "api/otlp/TraceRoutes.h"

#include "api/otlp/OtlpResponse.h"
#include "api/otlp/TraceIngest.h"
#include "core/OffLoop.h"
#include "http/ApiError.h"
#include "http/GzipDecoder.h"
#include "http/HttpResponder.h"
#include "http/Router.h"
#include "protocols/otlp/OtlpJsonReader.h"
#include "protocols/otlp/OtlpProtobufReader.h"

#include <QPointer>

#include <variant>

using OtlpResponse::Encoding;

namespace {

// The body as the exporter meant it: inflated when it came gzip'd, within the decoded-size bound.
std::variant<QByteArray, ApiError> decodedBody(
    const QByteArray &body, const QByteArray &coding, qint64 maxDecodedBytes)
{
    if (coding.isEmpty() || coding == "identity")
        return body;
    QByteArray inflated;
    QString error;
    switch (GzipDecoder::inflate(body, maxDecodedBytes, &inflated, &error)) {
    case GzipDecoder::Result::Ok:
        return inflated;
    case GzipDecoder::Result::TooLarge:
        return ApiError(413, error);
    case GzipDecoder::Result::Corrupt:
        break;
    }
    return ApiError(400, error);
}

// What an export says, or why it cannot be read: a pure function of its bytes, so that a large one is
// read on a worker thread.
std::variant<OtlpReadResult, ApiError> readExport(
    const QByteArray &body, const QByteArray &coding, qint64 maxDecodedBytes, Encoding encoding)
{
    const auto decoded = decodedBody(body, coding, maxDecodedBytes);
    if (const auto *error = std::get_if<ApiError>(&decoded))
        return *error;
    const QByteArray &bytes = std::get<QByteArray>(decoded);
    OtlpReadResult read
        = encoding == Encoding::Protobuf ? OtlpProtobufReader::read(bytes) : OtlpJsonReader::read(bytes);
    if (read.error != OtlpReadResult::Error::None)
        return ApiError(read.error == OtlpReadResult::Error::TooManySpans ? 413 : 400, read.message);
    return read;
}

// Whether an export is read off the loop: a large body, or any gzip'd one, which may inflate a thousandfold.
bool readsOffLoop(const QByteArray &body, const QByteArray &coding)
{
    return coding == "gzip" || body.size() >= OffLoop::MinBytes;
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
            const QByteArray coding = request.header("content-encoding").trimmed().toLower();
            if (!coding.isEmpty() && coding != "identity" && coding != "gzip")
                return OtlpResponse::sendError(out, *encoding,
                    {415,
                        QStringLiteral("Content-Encoding '%1' is not supported: send gzip or no encoding")
                            .arg(clippedForMessage(QString::fromLatin1(coding)))});
            if (!readsOffLoop(request.body, coding))
                return store(
                    readExport(request.body, coding, limits.maxDecodedBytes, *encoding), *encoding, out);
            // The responder goes with its connection: a client gone meanwhile drops the export unread.
            OffLoop::run(
                &out,
                [body = request.body, coding, max = limits.maxDecodedBytes, encoding = *encoding] {
                    return readExport(body, coding, max, encoding);
                },
                [this, encoding = *encoding, responder = &out](
                    const std::variant<OtlpReadResult, ApiError> &read) {
                    store(read, encoding, *responder);
                });
        },
        m_ingest.limits().maxBodyBytes, RouteBody::Raw);
    router.setErrorWriter(QStringLiteral("/v1/traces"), OtlpResponse::sendEdgeError);
}

void TraceRoutes::store(
    const std::variant<OtlpReadResult, ApiError> &read, Encoding encoding, HttpResponder &out)
{
    const TraceLimits &limits = m_ingest.limits();
    if (const auto *error = std::get_if<ApiError>(&read))
        return OtlpResponse::sendError(out, encoding, *error);
    const OtlpReadResult &export_ = std::get<OtlpReadResult>(read);
    QPointer<HttpResponder> responder(&out);
    m_ingest.ingest(export_.batch, [responder, encoding, limits](const TraceIngest::Outcome &outcome) {
        if (!responder)
            return;
        switch (outcome.status) {
        case TraceIngest::Outcome::Status::Stored:
            return OtlpResponse::sendSuccess(*responder, encoding, outcome.rejectedSpans, outcome.message);
        case TraceIngest::Outcome::Status::SessionLimit:
            return OtlpResponse::sendError(
                *responder, encoding, {429, outcome.message}, limits.retryAfterSeconds);
        case TraceIngest::Outcome::Status::Unavailable:
            return OtlpResponse::sendError(*responder, encoding,
                {503, QStringLiteral("the event store is unavailable: %1").arg(outcome.message)},
                limits.retryAfterSeconds);
        }
    });
}
