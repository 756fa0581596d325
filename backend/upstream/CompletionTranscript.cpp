#include "upstream/CompletionTranscript.h"

void CompletionTranscript::addToolCallFragments(const QJsonArray &fragments)
{
    for (const QJsonValue &value : fragments) {
        const QJsonObject fragment = value.toObject();
        const int index = fragment.value(QLatin1String("index")).toInt();
        QJsonObject call = toolCalls.value(index);
        for (const char *field : {"id", "type"}) {
            if (fragment.value(QLatin1String(field)).isString())
                call.insert(QLatin1String(field), fragment.value(QLatin1String(field)));
        }
        QJsonObject function = call.value(QLatin1String("function")).toObject();
        const QJsonObject part = fragment.value(QLatin1String("function")).toObject();
        if (part.value(QLatin1String("name")).isString())
            function.insert(QStringLiteral("name"), part.value(QLatin1String("name")));
        function.insert(QStringLiteral("arguments"),
            function.value(QLatin1String("arguments")).toString()
                + part.value(QLatin1String("arguments")).toString());
        call.insert(QStringLiteral("function"), function);
        if (!call.contains(QLatin1String("type")))
            call.insert(QStringLiteral("type"), QStringLiteral("function"));
        toolCalls.insert(index, call);
    }
}

QJsonArray CompletionTranscript::toolCallsJson() const
{
    QJsonArray list;
    for (const QJsonObject &call : toolCalls)
        list.append(call);
    return list;
}

QJsonObject CompletionTranscript::message() const
{
    QJsonObject message {{QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("content"),
            content.isEmpty() && !toolCalls.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(content)}};
    if (!reasoning.isEmpty())
        message.insert(QStringLiteral("reasoning_content"), reasoning);
    if (!toolCalls.isEmpty())
        message.insert(QStringLiteral("tool_calls"), toolCallsJson());
    return message;
}
