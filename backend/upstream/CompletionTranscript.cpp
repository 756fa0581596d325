// SPDX-License-Identifier: MIT
#include "upstream/CompletionTranscript.h"

void CompletionTranscript::addToolCallFragments(const QJsonArray &fragments)
{
    for (const QJsonValue &value : fragments) {
        const QJsonObject fragment = value.toObject();
        ToolCall &call = m_toolCalls[fragment.value(QLatin1String("index")).toInt()];
        for (const char *field : {"id", "type"}) {
            if (fragment.value(QLatin1String(field)).isString())
                call.fields.insert(QLatin1String(field), fragment.value(QLatin1String(field)));
        }
        const QJsonObject part = fragment.value(QLatin1String("function")).toObject();
        if (part.value(QLatin1String("name")).isString())
            call.name = part.value(QLatin1String("name"));
        call.arguments += part.value(QLatin1String("arguments")).toString();
    }
}

QJsonArray CompletionTranscript::toolCallsJson() const
{
    QJsonArray list;
    for (const ToolCall &call : m_toolCalls) {
        QJsonObject json = call.fields;
        if (!json.contains(QLatin1String("type")))
            json.insert(QStringLiteral("type"), QStringLiteral("function"));
        QJsonObject function {{QStringLiteral("arguments"), call.arguments}};
        if (!call.name.isUndefined())
            function.insert(QStringLiteral("name"), call.name);
        json.insert(QStringLiteral("function"), function);
        list.append(json);
    }
    return list;
}

qsizetype CompletionTranscript::chars() const
{
    qsizetype total = content.size() + reasoning.size();
    for (const ToolCall &call : m_toolCalls)
        total += call.arguments.size();
    return total;
}

QJsonObject CompletionTranscript::message() const
{
    QJsonObject message {{QStringLiteral("role"), QStringLiteral("assistant")},
        {QStringLiteral("content"),
            content.isEmpty() && hasToolCalls() ? QJsonValue(QJsonValue::Null) : QJsonValue(content)}};
    if (!reasoning.isEmpty())
        message.insert(QStringLiteral("reasoning_content"), reasoning);
    if (hasToolCalls())
        message.insert(QStringLiteral("tool_calls"), toolCallsJson());
    return message;
}
