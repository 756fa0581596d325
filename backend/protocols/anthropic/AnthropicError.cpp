// SPDX-License-Identifier: MIT
#include "protocols/anthropic/AnthropicError.h"

QString anthropicErrorType(int status)
{
    switch (status) {
    case 401:
        return QStringLiteral("authentication_error");
    case 403:
        return QStringLiteral("permission_error");
    case 404:
        return QStringLiteral("not_found_error");
    case 413:
        return QStringLiteral("request_too_large");
    case 429:
        return QStringLiteral("rate_limit_error");
    case 504:
        return QStringLiteral("timeout_error");
    case 529:
        return QStringLiteral("overloaded_error");
    default:
        // Anthropic has one type for every other server-side failure, and one for every other client error.
        return status >= 500 ? QStringLiteral("api_error") : QStringLiteral("invalid_request_error");
    }
}

QJsonObject anthropicErrorBody(const ApiError &error)
{
    return {{QStringLiteral("type"), QStringLiteral("error")},
        {QStringLiteral("error"),
            QJsonObject {{QStringLiteral("type"), anthropicErrorType(error.status)},
                {QStringLiteral("message"), error.message}}}};
}
