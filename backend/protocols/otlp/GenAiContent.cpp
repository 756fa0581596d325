// SPDX-License-Identifier: MIT
#include "protocols/otlp/GenAiContent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// A messages value: a JSON string, or the structured array some SDKs record.
QJsonArray messagesOf(const QJsonValue &value)
{
    if (value.isArray())
        return value.toArray();
    if (value.isObject())
        return QJsonArray {value};
    if (!value.isString())
        return {};
    const QByteArray text = value.toString().toUtf8();
    const QJsonDocument document = QJsonDocument::fromJson(text);
    if (document.isArray())
        return document.array();
    if (document.isObject())
        return QJsonArray {document.object()};
    // Plain text: one message of it.
    return QJsonArray {QJsonObject {
        {QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), value.toString()}}};
}

QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isUndefined() || value.isNull())
        return {};
    return QString::fromUtf8(value.isObject()
            ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
            : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
}

// The parts of one message of a type ("text", "reasoning"), joined; a message with plain `content` (the
// older shape) counts as one text part.
QString partsOf(const QJsonObject &message, QLatin1StringView type)
{
    if (!message.contains(QLatin1StringView("parts")))
        return type == QLatin1StringView("text") ? textOf(message.value(QLatin1StringView("content")))
                                                 : QString();
    QStringList texts;
    for (const QJsonValue &part : message.value(QLatin1StringView("parts")).toArray()) {
        const QJsonObject object = part.toObject();
        const QString partType = object.value(QLatin1StringView("type")).toString();
        if (partType == type)
            texts << textOf(object.value(QLatin1StringView("content")));
        else if (type == QLatin1StringView("text") && partType == QLatin1String("tool_call_response"))
            texts << textOf(object.value(QLatin1StringView("response")));
    }
    return texts.join(QLatin1Char('\n'));
}

QString callsOf(const QJsonObject &message)
{
    QStringList calls;
    for (const QJsonValue &part : message.value(QLatin1StringView("parts")).toArray()) {
        const QJsonObject object = part.toObject();
        if (object.value(QLatin1StringView("type")).toString() == QLatin1String("tool_call"))
            calls << object.value(QLatin1StringView("name")).toString() + QLatin1Char('(')
                    + textOf(object.value(QLatin1StringView("arguments"))) + QLatin1Char(')');
    }
    return calls.isEmpty() ? QString() : QStringLiteral("calls ") + calls.join(QStringLiteral(", "));
}

void readInput(const QJsonValue &value, GenAiContent &content)
{
    const QJsonArray messages = messagesOf(value);
    QString last;
    for (const QJsonValue &entry : messages) {
        const QJsonObject message = entry.toObject();
        const QString text = partsOf(message, QLatin1StringView("text"));
        if (text.isEmpty())
            continue;
        last = text;
        if (message.value(QLatin1StringView("role")).toString() == QLatin1String("user"))
            content.input = text;
    }
    if (content.input.isEmpty())
        content.input = last;
}

void readOutput(const QJsonValue &value, GenAiContent &content)
{
    QStringList texts, reasoning, calls;
    for (const QJsonValue &entry : messagesOf(value)) {
        QJsonObject message = entry.toObject();
        if (message.contains(QLatin1StringView("message"))) // gen_ai.choice events: {index, message, ...}
            message = message.value(QLatin1StringView("message")).toObject();
        texts << partsOf(message, QLatin1StringView("text"));
        reasoning << partsOf(message, QLatin1StringView("reasoning"));
        calls << callsOf(message);
    }
    texts.removeAll(QString());
    reasoning.removeAll(QString());
    calls.removeAll(QString());
    content.output = !texts.isEmpty() ? texts.join(QLatin1Char('\n')) : calls.join(QLatin1Char('\n'));
    content.reasoning = reasoning.join(QLatin1Char('\n'));
}

void readFrom(const OtlpAttributes &attributes, GenAiContent &content)
{
    for (const OtlpAttribute &attribute : attributes) {
        const QString &key = attribute.key;
        if (!key.startsWith(QLatin1String("gen_ai.")))
            continue;
        if (key == QLatin1String("gen_ai.input.messages") || key == QLatin1String("gen_ai.prompt"))
            readInput(attribute.value, content);
        else if (key == QLatin1String("gen_ai.output.messages") || key == QLatin1String("gen_ai.completion"))
            readOutput(attribute.value, content);
    }
}

} // namespace

GenAiContent GenAiContent::of(const OtlpSpan &span)
{
    GenAiContent content;
    readFrom(span.attributes, content);
    for (const OtlpSpanEvent &event : span.events) {
        readFrom(event.attributes, content);
        // The older events put the text in `content` or `message`.
        if (event.name == QLatin1String("gen_ai.user.message"))
            readInput(otlpAttribute(event.attributes, QLatin1StringView("content")), content);
        else if (event.name == QLatin1String("gen_ai.choice")) {
            const QJsonValue message = otlpAttribute(event.attributes, QLatin1StringView("message"));
            readOutput(message.isUndefined() ? otlpAttribute(event.attributes, QLatin1StringView("content"))
                                             : message,
                content);
        }
    }
    return content;
}
