#include "upstream/OllamaRequest.h"

#include <QJsonDocument>

namespace {

QLatin1String key(const char *name)
{
    return QLatin1String(name);
}

// OpenAI content may be a list of parts; Ollama takes text plus base64 images.
void mapContent(const QJsonValue &content, QJsonObject &message)
{
    if (!content.isArray()) {
        message.insert(key("content"), content.isString() ? content.toString() : QString());
        return;
    }
    QStringList texts;
    QJsonArray images;
    for (const QJsonValue &part : content.toArray()) {
        const QString type = part[key("type")].toString();
        if (type == QLatin1String("text")) {
            texts.append(part[key("text")].toString());
        } else if (type == QLatin1String("image_url")) {
            const QString url = part[key("image_url")][key("url")].toString();
            const qsizetype comma = url.indexOf(QLatin1Char(','));
            if (url.startsWith(QLatin1String("data:")) && comma > 0)
                images.append(url.mid(comma + 1));
        }
    }
    message.insert(key("content"), texts.join(QLatin1Char('\n')));
    if (!images.isEmpty())
        message.insert(key("images"), images);
}

// Ollama wants tool-call arguments as an object, OpenAI sends them as a JSON string.
QJsonArray mapToolCalls(const QJsonArray &calls)
{
    QJsonArray mapped;
    for (const QJsonValue &call : calls) {
        const QJsonObject function = call[key("function")].toObject();
        const QJsonValue arguments = function.value(key("arguments"));
        QJsonObject argumentObject = arguments.isObject()
            ? arguments.toObject()
            : QJsonDocument::fromJson(arguments.toString().toUtf8()).object();
        mapped.append(QJsonObject {{key("function"),
            QJsonObject {{key("name"), function.value(key("name"))}, {key("arguments"), argumentObject}}}});
    }
    return mapped;
}

QJsonObject mapOptions(const QJsonObject &body)
{
    QJsonObject options
        = body.value(key("options")).toObject(); // Ollama-specific extras, if a client sent them
    for (const char *name : {"temperature", "top_p", "seed", "presence_penalty", "frequency_penalty", "top_k",
             "min_p", "repeat_penalty", "num_ctx"}) {
        if (body.contains(key(name)) && !body.value(key(name)).isNull())
            options.insert(key(name), body.value(key(name)));
    }
    const QJsonValue maxTokens = body.contains(key("max_completion_tokens"))
        ? body.value(key("max_completion_tokens"))
        : body.value(key("max_tokens"));
    if (maxTokens.isDouble())
        options.insert(key("num_predict"), maxTokens);
    const QJsonValue stop = body.value(key("stop"));
    if (stop.isString())
        options.insert(key("stop"), QJsonArray {stop});
    else if (stop.isArray())
        options.insert(key("stop"), stop);
    return options;
}

} // namespace

QJsonObject toOllamaChatBody(const ChatRequest &request)
{
    const QJsonObject &body = request.body;
    QJsonArray messages;
    for (const QJsonValue &value : request.messages()) {
        const QJsonObject source = value.toObject();
        QJsonObject message {{key("role"), source.value(key("role"))}};
        mapContent(source.value(key("content")), message);
        if (source.value(key("tool_calls")).isArray())
            message.insert(key("tool_calls"), mapToolCalls(source.value(key("tool_calls")).toArray()));
        if (source.value(key("name")).isString()
            && source.value(key("role")).toString() == QLatin1String("tool"))
            message.insert(key("tool_name"), source.value(key("name")));
        messages.append(message);
    }

    QJsonObject ollama {{key("model"), request.model}, {key("messages"), messages}, {key("stream"), true}};
    const QJsonObject options = mapOptions(body);
    if (!options.isEmpty())
        ollama.insert(key("options"), options);
    if (body.value(key("tools")).isArray())
        ollama.insert(key("tools"), body.value(key("tools")));
    const QJsonObject format = body.value(key("response_format")).toObject();
    if (format.value(key("type")).toString() == QLatin1String("json_object"))
        ollama.insert(key("format"), QStringLiteral("json"));
    else if (format.value(key("type")).toString() == QLatin1String("json_schema"))
        ollama.insert(key("format"), format.value(key("json_schema"))[key("schema")]);
    // Thinking is asked for explicitly: sending think to a model without it is an error at Ollama.
    if (body.contains(key("think")))
        ollama.insert(key("think"), body.value(key("think")));
    else if (body.value(key("reasoning_effort")).isString())
        ollama.insert(key("think"), body.value(key("reasoning_effort")).toString() != QLatin1String("none"));
    if (body.contains(key("keep_alive")))
        ollama.insert(key("keep_alive"), body.value(key("keep_alive")));
    return ollama;
}
