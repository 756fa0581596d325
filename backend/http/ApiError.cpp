// SPDX-License-Identifier: MIT
#include "http/ApiError.h"

#include "http/HttpResponder.h"

QString ApiError::typeForStatus(int status)
{
    switch (status) {
    case 401:
        return QStringLiteral("authentication_error");
    case 403:
        return QStringLiteral("permission_error");
    case 404:
        return QStringLiteral("not_found_error");
    case 409:
        return QStringLiteral("conflict_error");
    case 413:
        return QStringLiteral("request_too_large");
    case 429:
        return QStringLiteral("rate_limit_error");
    default:
        return status >= 500 ? QStringLiteral("server_error") : QStringLiteral("invalid_request_error");
    }
}

QJsonObject ApiError::toJson() const
{
    QJsonObject error {
        {QStringLiteral("message"), message},
        {QStringLiteral("type"), type.isEmpty() ? typeForStatus(status) : type},
        {QStringLiteral("param"), param.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(param)},
        {QStringLiteral("code"), code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(code)},
    };
    return {{QStringLiteral("error"), error}, {QStringLiteral("detail"), message}};
}

void addRetryAfter(HttpResponder &responder, const ApiError &error)
{
    if (error.retryAfterSeconds >= 0)
        responder.addHeader("Retry-After", QByteArray::number(error.retryAfterSeconds));
}

void sendApiError(HttpResponder &responder, const ApiError &error)
{
    addRetryAfter(responder, error);
    // Once: a writer that called sendApiError itself gets Ponder's shape, not itself again.
    if (HttpResponder::ErrorWriter writer = responder.errorWriter()) {
        responder.setErrorWriter({});
        return writer(responder, error);
    }
    responder.sendJson(error.status, error.toJson());
}
