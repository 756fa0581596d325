// SPDX-License-Identifier: MIT
#include "protocols/ApiRequests.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace ApiRequests {

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

std::optional<ApiError> expectWholeNumber(const QJsonObject &body, const char *name, qint64 low)
{
    return FieldChecks::integer(body, QLatin1String(name), low, std::numeric_limits<qint64>::max());
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
