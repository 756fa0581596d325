// SPDX-License-Identifier: MIT
// The error body every Ponder route answers with: OpenAI's shape, which the `openai` SDKs parse,
// plus FastAPI's "detail" so clients of the earlier streaming service keep reading errors.
#pragma once

#include "core/ClippedText.h" // error messages quote what clients sent, clipped

#include <QJsonObject>
#include <QString>

struct ApiError
{
    ApiError(int httpStatus, QString text, QString field = {}, QString errorType = {})
        : status(httpStatus)
        , message(std::move(text))
        , type(std::move(errorType))
        , param(std::move(field))
    { }

    int status = 400;
    QString message;
    QString type; // empty: derived from the status (invalid_request_error, not_found_error, ...)
    QString param; // the request field at fault, when there is one
    QString code;
    // >= 0: the response says Retry-After (a rate limit's, the upstream's own when it gave one). Clients'
    // SDKs wait that long before they retry.
    int retryAfterSeconds = -1;

    QJsonObject toJson() const;
    static QString typeForStatus(int status);
};

class HttpResponder;
void sendApiError(HttpResponder &responder, const ApiError &error);
void addRetryAfter(HttpResponder &responder, const ApiError &error); // when the error has one
