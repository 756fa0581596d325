// SPDX-License-Identifier: MIT
#include "protocols/ApiRequests.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ApiRequests {

ApiError invalid(const QString &param, const QString &message)
{
    return ApiError(400, message, param);
}

bool absent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

std::optional<ApiError> expect(
    const QJsonObject &body, const char *name, bool (QJsonValue::*is)() const, const char *what)
{
    const QJsonValue value = body.value(QLatin1String(name));
    if (absent(value) || (value.*is)())
        return std::nullopt;
    return invalid(
        QLatin1String(name), QStringLiteral("'%1' must be %2").arg(QLatin1String(name), QLatin1String(what)));
}

bool isStringList(const QJsonValue &value)
{
    const QJsonArray list = value.toArray();
    return value.isArray()
        && std::all_of(list.begin(), list.end(), [](const QJsonValue &v) { return v.isString(); });
}

std::optional<ApiError> expectWholeNumber(const QJsonObject &body, const char *name, double low)
{
    const QJsonValue value = body.value(QLatin1String(name));
    if (absent(value))
        return std::nullopt;
    const double number = value.toDouble(-1e300);
    if (value.isDouble() && std::isfinite(number) && number >= low && number < 9e15
        && std::trunc(number) == number)
        return std::nullopt;
    return invalid(QLatin1String(name),
        QStringLiteral("'%1' must be a whole number of at least %2").arg(QLatin1String(name)).arg(low));
}

std::optional<ApiError> readCommon(const QJsonObject &body, const Context &context, WireApi api,
    bool streamByDefault, CompletionRequest &request)
{
    const QJsonValue model = body.value("model"_L1);
    if (!model.isString() || model.toString().trimmed().isEmpty())
        return invalid(QStringLiteral("model"), QStringLiteral("model is required"));
    if (auto error = expect(body, "stream", &QJsonValue::isBool, "true or false"))
        return error;
    request.model = model.toString();
    request.stream = body.value("stream"_L1).toBool(streamByDefault);
    request.upstream.api = api;
    QJsonObject forwarded = body;
    if (auto error = CompletionRequest::readPonderFields(body, context.headerSessionId,
            context.reasoningField, context.headerReasoningField, request, forwarded))
        return error;
    for (const char *name : {"model", "stream"})
        forwarded.remove(QLatin1String(name));
    request.upstream.body = forwarded;
    return std::nullopt;
}

} // namespace ApiRequests
