// SPDX-License-Identifier: MIT
#include "protocols/openai/ChatCompletionRequest.h"

#include "protocols/FieldChecks.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace {

using FieldChecks::invalid;

std::optional<ApiError> checkMessages(const QJsonValue &value)
{
    if (!value.isArray() || value.toArray().isEmpty())
        return invalid(
            QStringLiteral("messages"), QStringLiteral("'messages' must be a non-empty array of messages"));
    static const QStringList roles {QStringLiteral("system"), QStringLiteral("developer"),
        QStringLiteral("user"), QStringLiteral("assistant"), QStringLiteral("tool"),
        QStringLiteral("function")};
    const QJsonArray messages = value.toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QString at = QStringLiteral("messages[%1]").arg(i);
        if (!messages.at(i).isObject())
            return invalid(at, QStringLiteral("'%1' must be an object with a role and content").arg(at));
        const QJsonObject message = messages.at(i).toObject();
        const QString role = message.value("role"_L1).toString();
        if (!roles.contains(role))
            return invalid(at + QStringLiteral(".role"),
                QStringLiteral("'%1.role' must be one of: %2").arg(at, roles.join(QStringLiteral(", "))));
        const QJsonValue content = message.value("content"_L1);
        const bool nullable = role == QLatin1String("assistant");
        if (!(content.isString() || content.isArray()
                || (nullable && (content.isNull() || content.isUndefined()))))
            return invalid(at + QStringLiteral(".content"),
                QStringLiteral("'%1.content' must be a string or an array of content parts").arg(at));
    }
    return std::nullopt;
}

std::optional<ApiError> checkStop(const QJsonValue &stop)
{
    if (stop.isUndefined() || stop.isNull() || stop.isString())
        return std::nullopt;
    const QJsonArray list = stop.toArray();
    const bool strings
        = std::all_of(list.begin(), list.end(), [](const QJsonValue &v) { return v.isString(); });
    if (!stop.isArray() || !strings || list.size() > 4)
        return invalid(
            QStringLiteral("stop"), QStringLiteral("'stop' must be a string or an array of up to 4 strings"));
    return std::nullopt;
}

} // namespace

std::variant<CompletionRequest, ApiError> parseChatCompletionRequest(const QJsonObject &body,
    const QString &headerSessionId, ReasoningField defaultReasoningField, const QString &headerReasoningField)
{
    CompletionRequest request;
    const QJsonValue model = body.value("model"_L1);
    if (!model.isString() || model.toString().trimmed().isEmpty())
        return invalid(QStringLiteral("model"),
            QStringLiteral("'model' is required: the id of a model from GET /v1/models"));
    request.model = model.toString();

    if (auto error = checkMessages(body.value("messages"_L1)))
        return *error;
    for (const auto &[name, low, high] :
        {std::tuple {"temperature", 0.0, 2.0}, std::tuple {"top_p", 0.0, 1.0},
            std::tuple {"presence_penalty", -2.0, 2.0}, std::tuple {"frequency_penalty", -2.0, 2.0}}) {
        if (auto error = FieldChecks::number(body, QLatin1String(name), low, high))
            return *error;
    }
    for (const char *name : {"max_tokens", "max_completion_tokens"}) {
        if (auto error
            = FieldChecks::integer(body, QLatin1String(name), 1, std::numeric_limits<qint64>::max()))
            return *error;
    }
    if (auto error = FieldChecks::integer(body, QStringLiteral("seed"), std::numeric_limits<qint64>::min(),
            std::numeric_limits<qint64>::max()))
        return *error;
    if (auto error = checkStop(body.value("stop"_L1)))
        return *error;
    const QJsonValue n = body.value("n"_L1);
    if (!n.isUndefined() && !n.isNull() && n.toDouble(-1) != 1)
        return invalid(
            QStringLiteral("n"), QStringLiteral("'n' must be 1: Ponder returns one choice per request"));
    const QJsonValue stream = body.value("stream"_L1);
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool())
        return invalid(QStringLiteral("stream"), QStringLiteral("'stream' must be true or false"));
    for (const char *name : {"stream_options", "response_format", "metadata"}) {
        const QJsonValue object = body.value(QLatin1String(name));
        if (!object.isUndefined() && !object.isNull() && !object.isObject())
            return invalid(
                QLatin1String(name), QStringLiteral("'%1' must be an object").arg(QLatin1String(name)));
    }
    const QJsonValue tools = body.value("tools"_L1);
    if (!tools.isUndefined() && !tools.isNull() && !tools.isArray())
        return invalid(
            QStringLiteral("tools"), QStringLiteral("'tools' must be an array of tool definitions"));

    request.stream = stream.toBool(false);
    request.includeUsage = body.value("stream_options"_L1)["include_usage"_L1].toBool(false);
    request.user = body.value("user"_L1).toString();
    const QJsonValue maxTokens = body.contains("max_completion_tokens"_L1)
        ? body.value("max_completion_tokens"_L1)
        : body.value("max_tokens"_L1);
    if (maxTokens.isDouble())
        request.maxTokens = maxTokens.toInteger();

    QJsonObject forwarded = body;
    if (auto error = CompletionRequest::readPonderFields(
            body, headerSessionId, defaultReasoningField, headerReasoningField, request, forwarded))
        return *error;
    for (const char *name : {"model", "stream"})
        forwarded.remove(QLatin1String(name));
    // The client's stream options are its own; Ponder adds include_usage upstream and drops the usage chunk
    // when the client did not ask for it.
    if (!request.stream)
        forwarded.remove("stream_options"_L1);
    request.upstream.body = forwarded;
    return request;
}
