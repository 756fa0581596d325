// SPDX-License-Identifier: MIT
#include "chat/ApiRequests.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace ApiRequests {

namespace {

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

// What every API's request has: the model, stream (with the API's default), Ponder's own fields.
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

std::optional<ApiError> readOllamaOptions(const QJsonObject &body, CompletionRequest &request)
{
    for (const auto &[name, is, what] : {std::tuple {"options", &QJsonValue::isObject, "an object"},
             std::tuple {"tools", &QJsonValue::isArray, "an array of tools"},
             std::tuple {"images", &QJsonValue::isArray, "an array of base64 images"},
             std::tuple {"context", &QJsonValue::isArray, "an array of numbers"}}) {
        if (auto error = expect(body, name, is, what))
            return error;
    }
    const QJsonValue think = body.value("think"_L1);
    if (!absent(think) && !think.isBool() && !think.isString())
        return invalid(QStringLiteral("think"),
            QStringLiteral("'think' must be true, false or a level (low, medium, high)"));
    const QJsonValue format = body.value("format"_L1);
    if (!absent(format) && !format.isString() && !format.isObject())
        return invalid(
            QStringLiteral("format"), QStringLiteral("'format' must be \"json\" or a JSON schema"));
    const QJsonValue predict = body.value("options"_L1)["num_predict"_L1];
    if (predict.isDouble() && predict.toDouble() > 0)
        request.maxTokens = predict.toInteger();
    return std::nullopt;
}

std::optional<ApiError> readSampling(const QJsonObject &body, CompletionRequest &request)
{
    if (auto error = expectWholeNumber(body, "max_tokens", 1))
        return error;
    for (const char *name : {"temperature", "top_p", "presence_penalty", "frequency_penalty"}) {
        if (auto error = expect(body, name, &QJsonValue::isDouble, "a number"))
            return error;
    }
    const QJsonValue n = body.value("n"_L1);
    if (!absent(n) && n.toDouble(-1) != 1)
        return invalid(
            QStringLiteral("n"), QStringLiteral("'n' must be 1: Ponder returns one choice per request"));
    if (body.value("max_tokens"_L1).isDouble())
        request.maxTokens = body.value("max_tokens"_L1).toInteger();
    request.user = body.value("user"_L1).toString();
    return std::nullopt;
}

} // namespace

Parsed ollamaChat(const QJsonObject &body, const Context &context)
{
    CompletionRequest request;
    if (auto error = readCommon(body, context, WireApi::OllamaChat, true, request))
        return *error;
    const QJsonValue messages = body.value("messages"_L1);
    if (!messages.isArray())
        return invalid(QStringLiteral("messages"), QStringLiteral("'messages' must be an array of messages"));
    const QJsonArray list = messages.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = QStringLiteral("messages[%1]").arg(i);
        const QJsonObject message = list.at(i).toObject();
        if (!list.at(i).isObject() || !message.value("role"_L1).isString())
            return invalid(at, QStringLiteral("'%1' must be an object with a role").arg(at));
        if (!absent(message.value("content"_L1)) && !message.value("content"_L1).isString())
            return invalid(at + ".content"_L1, QStringLiteral("'%1.content' must be a string").arg(at));
        if (!absent(message.value("images"_L1)) && !isStringList(message.value("images"_L1)))
            return invalid(
                at + ".images"_L1, QStringLiteral("'%1.images' must be an array of base64 images").arg(at));
    }
    if (auto error = readOllamaOptions(body, request))
        return *error;
    return request;
}

Parsed ollamaGenerate(const QJsonObject &body, const Context &context)
{
    CompletionRequest request;
    if (auto error = readCommon(body, context, WireApi::OllamaGenerate, true, request))
        return *error;
    for (const char *name : {"prompt", "suffix", "system", "template"}) {
        if (auto error = expect(body, name, &QJsonValue::isString, "a string"))
            return *error;
    }
    if (auto error = expect(body, "raw", &QJsonValue::isBool, "true or false"))
        return *error;
    if (auto error = readOllamaOptions(body, request))
        return *error;
    return request;
}

Parsed ollamaEmbed(const QJsonObject &body, const Context &context)
{
    CompletionRequest request;
    if (auto error = readCommon(body, context, WireApi::OllamaEmbed, false, request))
        return *error;
    const QJsonValue input = body.value("input"_L1);
    if (!(input.isString() || (isStringList(input) && !input.toArray().isEmpty())))
        return invalid(QStringLiteral("input"),
            QStringLiteral("'input' must be a string or a non-empty array of strings"));
    if (auto error = expect(body, "truncate", &QJsonValue::isBool, "true or false"))
        return *error;
    if (auto error = expectWholeNumber(body, "dimensions", 1))
        return *error;
    if (auto error = expect(body, "options", &QJsonValue::isObject, "an object"))
        return *error;
    return request;
}

Parsed openAiCompletions(const QJsonObject &body, const Context &context)
{
    CompletionRequest request;
    if (auto error = readCommon(body, context, WireApi::OpenAiCompletions, false, request))
        return *error;
    const QJsonValue prompt = body.value("prompt"_L1);
    if (!(prompt.isString() || (isStringList(prompt) && prompt.toArray().size() == 1)))
        return invalid(QStringLiteral("prompt"),
            QStringLiteral(
                "'prompt' must be a string (or an array of one string: Ponder returns one choice)"));
    if (auto error = readSampling(body, request))
        return *error;
    if (auto error = expect(body, "stream_options", &QJsonValue::isObject, "an object"))
        return *error;
    request.includeUsage = body.value("stream_options"_L1)["include_usage"_L1].toBool(false);
    if (!request.stream)
        request.upstream.body.remove("stream_options"_L1);
    return request;
}

Parsed openAiEmbeddings(const QJsonObject &body, const Context &context)
{
    CompletionRequest request;
    if (auto error = readCommon(body, context, WireApi::OpenAiEmbeddings, false, request))
        return *error;
    const QJsonValue input = body.value("input"_L1);
    if (!(input.isString() || (isStringList(input) && !input.toArray().isEmpty())))
        return invalid(QStringLiteral("input"),
            QStringLiteral(
                "'input' must be a string or a non-empty array of strings (token arrays are not taken)"));
    const QJsonValue format = body.value("encoding_format"_L1);
    if (!absent(format) && format.toString() != "float"_L1 && format.toString() != "base64"_L1)
        return invalid(
            QStringLiteral("encoding_format"), QStringLiteral("'encoding_format' must be float or base64"));
    if (auto error = expectWholeNumber(body, "dimensions", 1))
        return *error;
    request.user = body.value("user"_L1).toString();
    return request;
}

} // namespace ApiRequests
