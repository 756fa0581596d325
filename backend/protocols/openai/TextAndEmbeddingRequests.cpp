// SPDX-License-Identifier: MIT
#include "protocols/openai/TextAndEmbeddingRequests.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ApiRequests {

namespace {

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
