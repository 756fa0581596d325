// SPDX-License-Identifier: MIT
#include "upstream/OllamaRequest.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

// OpenAI content may be a list of parts; Ollama takes text plus base64 images.
void mapContent(const QJsonValue &content, QJsonObject &message)
{
    if (!content.isArray()) {
        message.insert("content"_L1, content.isString() ? content.toString() : QString());
        return;
    }
    QStringList texts;
    QJsonArray images;
    for (const QJsonValue &part : content.toArray()) {
        const QString type = part["type"_L1].toString();
        if (type == QLatin1String("text")) {
            texts.append(part["text"_L1].toString());
        } else if (type == QLatin1String("image_url")) {
            const QString url = part["image_url"_L1]["url"_L1].toString();
            const qsizetype comma = url.indexOf(QLatin1Char(','));
            if (url.startsWith(QLatin1String("data:")) && comma > 0)
                images.append(url.mid(comma + 1));
        }
    }
    message.insert("content"_L1, texts.join(QLatin1Char('\n')));
    if (!images.isEmpty())
        message.insert("images"_L1, images);
}

// Ollama wants tool-call arguments as an object, OpenAI sends them as a JSON string.
QJsonArray mapToolCalls(const QJsonArray &calls)
{
    QJsonArray mapped;
    for (const QJsonValue &call : calls) {
        const QJsonObject function = call["function"_L1].toObject();
        const QJsonValue arguments = function.value("arguments"_L1);
        QJsonObject argumentObject = arguments.isObject()
            ? arguments.toObject()
            : QJsonDocument::fromJson(arguments.toString().toUtf8()).object();
        mapped.append(QJsonObject {{"function"_L1,
            QJsonObject {{"name"_L1, function.value("name"_L1)}, {"arguments"_L1, argumentObject}}}});
    }
    return mapped;
}

QJsonObject mapOptions(const QJsonObject &body)
{
    QJsonObject options
        = body.value("options"_L1).toObject(); // Ollama-specific extras, if a client sent them
    for (const char *name : {"temperature", "top_p", "seed", "presence_penalty", "frequency_penalty", "top_k",
             "min_p", "repeat_penalty", "num_ctx"}) {
        if (body.contains(QLatin1String(name)) && !body.value(QLatin1String(name)).isNull())
            options.insert(QLatin1String(name), body.value(QLatin1String(name)));
    }
    const QJsonValue maxTokens = body.contains("max_completion_tokens"_L1)
        ? body.value("max_completion_tokens"_L1)
        : body.value("max_tokens"_L1);
    if (maxTokens.isDouble())
        options.insert("num_predict"_L1, maxTokens);
    const QJsonValue stop = body.value("stop"_L1);
    if (stop.isString())
        options.insert("stop"_L1, QJsonArray {stop});
    else if (stop.isArray())
        options.insert("stop"_L1, stop);
    return options;
}

} // namespace

QJsonObject toOllamaChatBody(const ChatRequest &request)
{
    const QJsonObject &body = request.body;
    QJsonArray messages;
    for (const QJsonValue &value : request.messages()) {
        const QJsonObject source = value.toObject();
        QJsonObject message {{"role"_L1, source.value("role"_L1)}};
        mapContent(source.value("content"_L1), message);
        // What the model thought before an earlier answer, given back (Ollama's own field for it).
        if (source.value("reasoning_content"_L1).isString())
            message.insert("thinking"_L1, source.value("reasoning_content"_L1));
        if (source.value("tool_calls"_L1).isArray())
            message.insert("tool_calls"_L1, mapToolCalls(source.value("tool_calls"_L1).toArray()));
        if (source.value("name"_L1).isString() && source.value("role"_L1).toString() == QLatin1String("tool"))
            message.insert("tool_name"_L1, source.value("name"_L1));
        messages.append(message);
    }

    QJsonObject ollama {{"model"_L1, request.model}, {"messages"_L1, messages}, {"stream"_L1, true}};
    const QJsonObject options = mapOptions(body);
    if (!options.isEmpty())
        ollama.insert("options"_L1, options);
    if (body.value("tools"_L1).isArray())
        ollama.insert("tools"_L1, body.value("tools"_L1));
    const QJsonObject format = body.value("response_format"_L1).toObject();
    if (format.value("type"_L1).toString() == QLatin1String("json_object"))
        ollama.insert("format"_L1, QStringLiteral("json"));
    else if (format.value("type"_L1).toString() == QLatin1String("json_schema"))
        ollama.insert("format"_L1, format.value("json_schema"_L1)["schema"_L1]);
    // Thinking is asked for explicitly: sending think to a model without it is an error at Ollama.
    if (body.contains("think"_L1))
        ollama.insert("think"_L1, body.value("think"_L1));
    else if (body.value("reasoning_effort"_L1).isString())
        ollama.insert("think"_L1, body.value("reasoning_effort"_L1).toString() != QLatin1String("none"));
    if (body.contains("keep_alive"_L1))
        ollama.insert("keep_alive"_L1, body.value("keep_alive"_L1));
    return ollama;
}

QJsonObject toOllamaGenerateBody(const ChatRequest &request)
{
    const QJsonObject &body = request.body;
    const QJsonValue prompt = body.value("prompt"_L1);
    // A text completion continues its prompt as written: no chat template (raw).
    QJsonObject ollama {{"model"_L1, request.model},
        {"prompt"_L1, prompt.isArray() ? prompt.toArray().first().toString() : prompt.toString()},
        {"raw"_L1, true}, {"stream"_L1, true}};
    if (body.value("suffix"_L1).isString())
        ollama.insert("suffix"_L1, body.value("suffix"_L1));
    const QJsonObject options = mapOptions(body);
    if (!options.isEmpty())
        ollama.insert("options"_L1, options);
    return ollama;
}

QJsonObject toOllamaEmbedBody(const ChatRequest &request)
{
    QJsonObject ollama {{"model"_L1, request.model}, {"input"_L1, request.body.value("input"_L1)}};
    if (request.body.contains("dimensions"_L1))
        ollama.insert("dimensions"_L1, request.body.value("dimensions"_L1));
    return ollama;
}
