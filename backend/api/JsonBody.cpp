// SPDX-License-Identifier: MIT
#include "api/JsonBody.h"

#include "http/ApiError.h"
#include "http/HttpRequest.h"
#include "http/HttpResponder.h"
#include "store/EventStore.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace {

// The body as JSON: as the server parsed it off the loop (a large one), or parsed now (a small one).
ParsedJsonBody parsedBody(const HttpRequest &request)
{
    return request.json ? *request.json : ParsedJsonBody::of(request.body);
}

} // namespace

std::optional<QJsonDocument> readJsonDocument(
    const HttpRequest &request, qint64 maxBytes, HttpResponder &responder)
{
    if (request.body.size() > maxBytes) {
        sendApiError(responder,
            {413,
                QStringLiteral("request body is %1 bytes; the limit is %2 bytes")
                    .arg(request.body.size())
                    .arg(maxBytes)});
        return std::nullopt;
    }
    if (request.body.trimmed().isEmpty()) {
        sendApiError(responder, {400, QStringLiteral("request body is empty; expected a JSON object")});
        return std::nullopt;
    }
    const auto [document, error] = parsedBody(request);
    if (error.error != QJsonParseError::NoError) {
        sendApiError(responder,
            {400,
                QStringLiteral("request body is not valid JSON: %1 at offset %2")
                    .arg(error.errorString())
                    .arg(error.offset)});
        return std::nullopt;
    }
    return document;
}

std::optional<QJsonObject> readJsonBody(const HttpRequest &request, qint64 maxBytes, HttpResponder &responder)
{
    const auto document = readJsonDocument(request, maxBytes, responder);
    if (!document)
        return std::nullopt;
    if (!document->isObject()) {
        sendApiError(responder, {400, QStringLiteral("request body must be a JSON object")});
        return std::nullopt;
    }
    return document->object();
}

void sendStoreFailure(HttpResponder &responder, const StoreStatus &status)
{
    switch (status.code) {
    case StoreStatus::Code::NotFound:
        return sendApiError(responder, {404, status.message});
    case StoreStatus::Code::Conflict:
        return sendApiError(responder, {409, status.message});
    case StoreStatus::Code::LimitReached:
        return sendApiError(responder, {429, status.message});
    case StoreStatus::Code::Full:
        return sendApiError(responder, {507, status.message});
    case StoreStatus::Code::Unavailable:
    case StoreStatus::Code::Ok:
        return sendApiError(responder,
            {503,
                status.message.isEmpty() ? QStringLiteral("the event store is unavailable")
                                         : status.message});
    }
}

std::variant<QJsonObject, ApiError> parseJsonBody(const HttpRequest &request, qint64 maxBytes)
{
    if (request.body.size() > maxBytes)
        return ApiError(413,
            QStringLiteral("request body is %1 bytes; the limit is %2 bytes")
                .arg(request.body.size())
                .arg(maxBytes));
    if (request.body.trimmed().isEmpty())
        return ApiError(400, QStringLiteral("request body is empty; expected a JSON object"));
    const auto [document, error] = parsedBody(request);
    if (error.error != QJsonParseError::NoError)
        return ApiError(400,
            QStringLiteral("request body is not valid JSON: %1 at offset %2")
                .arg(error.errorString())
                .arg(error.offset));
    if (!document.isObject())
        return ApiError(400, QStringLiteral("request body must be a JSON object"));
    return document.object();
}
