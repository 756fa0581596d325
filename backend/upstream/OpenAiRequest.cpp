// SPDX-License-Identifier: MIT
#include "upstream/OpenAiRequest.h"

#include "upstream/RelayedBody.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

// Sampling options: Ollama keeps them in `options`, OpenAI at the top.
void mapOptions(const QJsonObject &ollama, QJsonObject &openAi)
{
    const QJsonObject options = ollama.value("options"_L1).toObject();
    for (const char *name :
        {"temperature", "top_p", "seed", "presence_penalty", "frequency_penalty", "stop"}) {
        if (options.contains(QLatin1String(name)))
            openAi.insert(QLatin1String(name), options.value(QLatin1String(name)));
    }
    if (options.value("num_predict"_L1).toInteger(-1) > 0)
        openAi.insert("max_tokens"_L1, options.value("num_predict"_L1));
    for (const char *name : {"logprobs", "top_logprobs"}) {
        if (ollama.contains(QLatin1String(name)))
            openAi.insert(QLatin1String(name), ollama.value(QLatin1String(name)));
    }
}

// Ollama's images are bare base64; OpenAI takes data URLs in content parts.
QJsonValue contentWithImages(const QString &text, const QJsonArray &images)
{
    if (images.isEmpty())
        return text;
    QJsonArray parts {QJsonObject {{"type"_L1, "text"_L1}, {"text"_L1, text}}};
    for (const QJsonValue &image : images)
        parts.append(QJsonObject {{"type"_L1, "image_url"_L1},
            {"image_url"_L1, QJsonObject {{"url"_L1, "data:image/png;base64,"_L1 + image.toString()}}}});
    return parts;
}

// Ollama sends tool-call arguments as an object and numbers no calls; OpenAI wants a JSON string and ids.
QJsonArray mapToolCalls(const QJsonArray &calls)
{
    QJsonArray mapped;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QJsonObject function = calls.at(i)["function"_L1].toObject();
        const QJsonValue arguments = function.value("arguments"_L1);
        mapped.append(QJsonObject {{"id"_L1, QStringLiteral("call_%1").arg(i)}, {"type"_L1, "function"_L1},
            {"function"_L1,
                QJsonObject {{"name"_L1, function.value("name"_L1)},
                    {"arguments"_L1,
                        arguments.isString()
                            ? arguments.toString()
                            : QString::fromUtf8(
                                QJsonDocument(arguments.toObject()).toJson(QJsonDocument::Compact))}}}});
    }
    return mapped;
}

QJsonArray mapMessages(const QJsonArray &messages)
{
    QJsonArray mapped;
    for (const QJsonValue &value : messages) {
        const QJsonObject source = value.toObject();
        const QString role = source.value("role"_L1).toString();
        QJsonObject message {{"role"_L1, role},
            {"content"_L1,
                contentWithImages(
                    source.value("content"_L1).toString(), source.value("images"_L1).toArray())}};
        if (source.value("tool_calls"_L1).isArray())
            message.insert("tool_calls"_L1, mapToolCalls(source.value("tool_calls"_L1).toArray()));
        if (role == QLatin1String("tool") && source.value("tool_name"_L1).isString())
            message.insert("name"_L1, source.value("tool_name"_L1));
        mapped.append(message);
    }
    return mapped;
}

QJsonValue responseFormat(const QJsonValue &format)
{
    if (format.isString() && format.toString() == QLatin1String("json"))
        return QJsonObject {{"type"_L1, "json_object"_L1}};
    if (format.isObject())
        return QJsonObject {{"type"_L1, "json_schema"_L1},
            {"json_schema"_L1, QJsonObject {{"name"_L1, "response"_L1}, {"schema"_L1, format}}}};
    return QJsonValue::Undefined;
}

} // namespace

QJsonObject toOpenAiChatBody(const ChatRequest &request)
{
    const QJsonObject &body = request.body;
    QJsonObject openAi;
    if (request.api == WireApi::OllamaGenerate) {
        QJsonArray messages;
        if (body.value("system"_L1).isString())
            messages.append(QJsonObject {{"role"_L1, "system"_L1}, {"content"_L1, body.value("system"_L1)}});
        messages.append(QJsonObject {{"role"_L1, "user"_L1},
            {"content"_L1,
                contentWithImages(body.value("prompt"_L1).toString(), body.value("images"_L1).toArray())}});
        openAi.insert("messages"_L1, messages);
    } else {
        openAi.insert("messages"_L1, mapMessages(body.value("messages"_L1).toArray()));
    }
    mapOptions(body, openAi);
    if (body.value("tools"_L1).isArray())
        openAi.insert("tools"_L1, body.value("tools"_L1));
    if (const QJsonValue format = responseFormat(body.value("format"_L1)); !format.isUndefined())
        openAi.insert("response_format"_L1, format);
    // A level is what OpenAI's reasoning_effort says; true and false leave the server's default.
    if (body.value("think"_L1).isString())
        openAi.insert("reasoning_effort"_L1, body.value("think"_L1));
    return openAi;
}

QJsonObject toOpenAiCompletionBody(const ChatRequest &request)
{
    const QJsonObject &body = request.body;
    QJsonObject openAi {{"prompt"_L1, body.value("prompt"_L1).toString()}};
    if (body.value("suffix"_L1).isString())
        openAi.insert("suffix"_L1, body.value("suffix"_L1));
    mapOptions(body, openAi);
    return openAi;
}

QJsonObject toOpenAiEmbeddingsBody(const ChatRequest &request)
{
    QJsonObject openAi {{"input"_L1, request.body.value("input"_L1)}};
    if (request.body.contains("dimensions"_L1))
        openAi.insert("dimensions"_L1, request.body.value("dimensions"_L1));
    return openAi;
}

QByteArray streamedWithUsage(const ChatRequest &request)
{
    QJsonObject options = request.body.value(QLatin1StringView("stream_options")).toObject();
    options.insert(QStringLiteral("include_usage"), true);
    return RelayedBody::write(request,
        {{QStringLiteral("model"), request.model}, {QStringLiteral("stream"), true},
            {QStringLiteral("stream_options"), options}});
}
