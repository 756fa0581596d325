// SPDX-License-Identifier: MIT
#include "protocols/ollama/OllamaRequests.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ApiRequests {

namespace {

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
    static const QStringList levels {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")};
    if (!absent(think) && !think.isBool() && !(think.isString() && levels.contains(think.toString())))
        return invalid(QStringLiteral("think"),
            QStringLiteral("'think' must be true, false or a level (low, medium, high)"));
    // A duration ("5m", "1h") or seconds, as Ollama reads it.
    const QJsonValue keepAlive = body.value("keep_alive"_L1);
    if (!absent(keepAlive) && !keepAlive.isString() && !keepAlive.isDouble())
        return invalid(QStringLiteral("keep_alive"),
            QStringLiteral("'keep_alive' must be a duration (\"5m\") or a number of seconds"));
    const QJsonValue format = body.value("format"_L1);
    if (!absent(format) && !format.isString() && !format.isObject())
        return invalid(
            QStringLiteral("format"), QStringLiteral("'format' must be \"json\" or a JSON schema"));
    // Ollama reads every option from a JSON number (an int option drops the fraction, with no range of its
    // own) and refuses anything else: so does Ponder, before an OpenAI-compatible upstream gets a string
    // for a temperature. A number no 64-bit int holds is refused too, as Go's conversion would wrap it.
    // num_predict -1 is "no limit", -2 "fill the context".
    const QJsonObject options = body.value("options"_L1).toObject();
    for (const char *name : {"temperature", "top_p", "min_p", "typical_p", "presence_penalty",
             "frequency_penalty", "repeat_penalty", "mirostat_tau", "mirostat_eta", "num_predict", "seed",
             "top_k", "num_ctx", "num_keep", "repeat_last_n", "mirostat"}) {
        const QJsonValue value = options.value(QLatin1String(name));
        if (absent(value))
            continue;
        if (!value.isDouble() || !(std::abs(value.toDouble()) < 9.2e18))
            return invalid(
                QLatin1String(name), QStringLiteral("'%1' must be a number").arg(QLatin1String(name)));
    }
    const QJsonValue stop = options.value("stop"_L1);
    if (!absent(stop) && !stop.isString() && !isStringList(stop))
        return invalid(
            QStringLiteral("stop"), QStringLiteral("'stop' must be a string or an array of strings"));
    if (const qint64 predict = options.value("num_predict"_L1).toInteger(); predict > 0)
        request.maxTokens = predict;
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

} // namespace ApiRequests
