// SPDX-License-Identifier: MIT
#include "protocols/responses/ResponsesInput.h"

#include "protocols/FieldChecks.h"

#include <QJsonObject>

#include <optional>

using namespace Qt::StringLiterals;
using FieldChecks::invalid;

namespace ResponsesInput {

namespace {

// Turns `input` items into chat messages, in order: consecutive function calls (and a message just
// before them) share one assistant message, as a chat model produced them.
class InputTranslator
{
public:
    std::optional<ApiError> add(const QJsonValue &value, const QString &at)
    {
        if (!value.isObject())
            return invalid(
                at, QStringLiteral("'%1' must be an object: a message or another input item").arg(at));
        const QJsonObject item = value.toObject();
        const QString type = item.value("type"_L1).toString(QStringLiteral("message"));
        if (type == QLatin1String("message"))
            return message(item, at);
        if (type == QLatin1String("function_call"))
            return functionCall(item, at);
        if (type == QLatin1String("function_call_output"))
            return functionCallOutput(item, at);
        if (type == QLatin1String("reasoning"))
            return reasoning(item);
        if (type == QLatin1String("item_reference"))
            return invalid(at + QStringLiteral(".type"),
                QStringLiteral("'item_reference' input items are not supported: continue a conversation with "
                               "previous_response_id, or send the items themselves"));
        return invalid(at + QStringLiteral(".type"),
            QStringLiteral("input items of type '%1' are not supported; supported: message, function_call, "
                           "function_call_output, reasoning")
                .arg(clippedForMessage(type)));
    }

    QJsonArray finish()
    {
        flush();
        return m_messages;
    }

private:
    std::optional<ApiError> message(const QJsonObject &item, const QString &at)
    {
        static const QStringList roles {QStringLiteral("user"), QStringLiteral("assistant"),
            QStringLiteral("system"), QStringLiteral("developer")};
        const QString role = item.value("role"_L1).toString();
        if (!roles.contains(role))
            return invalid(at + QStringLiteral(".role"),
                QStringLiteral("'%1.role' must be one of: %2").arg(at, roles.join(QStringLiteral(", "))));
        const QJsonValue content = item.value("content"_L1);
        QJsonValue chatContent;
        if (content.isString()) {
            chatContent = content;
        } else if (content.isArray()) {
            QJsonArray parts;
            for (qsizetype i = 0; i < content.toArray().size(); ++i) {
                const QString partAt = QStringLiteral("%1.content[%2]").arg(at).arg(i);
                auto part = translatePart(content.toArray().at(i), partAt);
                if (auto *error = std::get_if<ApiError>(&part))
                    return *error;
                parts.append(std::get<QJsonObject>(part));
            }
            chatContent = role == QLatin1String("user") ? QJsonValue(parts) : QJsonValue(joinedText(parts));
        } else {
            return invalid(at + QStringLiteral(".content"),
                QStringLiteral("'%1.content' must be a string or an array of content parts").arg(at));
        }
        // Many chat templates (and Ollama) know no 'developer' role; it is the system's voice.
        QJsonObject message {
            {"role"_L1, role == QLatin1String("developer") ? QStringLiteral("system") : role},
            {"content"_L1, chatContent}};
        flush();
        if (role != QLatin1String("assistant")) {
            m_messages.append(message);
            return std::nullopt;
        }
        takeReasoning(message);
        m_assistant = message; // left open: function calls that follow join it
        return std::nullopt;
    }

    static std::variant<QJsonObject, ApiError> translatePart(const QJsonValue &value, const QString &at)
    {
        const QString type = value["type"_L1].toString();
        if (type == QLatin1String("input_text") || type == QLatin1String("output_text")
            || type == QLatin1String("text") || type == QLatin1String("refusal")) {
            const QJsonValue text = value[type == QLatin1String("refusal") ? "refusal"_L1 : "text"_L1];
            if (!text.isString())
                return invalid(
                    at + QStringLiteral(".text"), QStringLiteral("'%1.text' must be a string").arg(at));
            return QJsonObject {{"type"_L1, QStringLiteral("text")}, {"text"_L1, text}};
        }
        if (type == QLatin1String("input_image")) {
            const QJsonValue url = value["image_url"_L1];
            if (!url.isString())
                return invalid(at + QStringLiteral(".image_url"),
                    QStringLiteral("'%1.image_url' must be a URL or a data URL (file_id is not supported)")
                        .arg(at));
            QJsonObject image {{"url"_L1, url}};
            if (value["detail"_L1].isString())
                image.insert("detail"_L1, value["detail"_L1]);
            return QJsonObject {{"type"_L1, QStringLiteral("image_url")}, {"image_url"_L1, image}};
        }
        return invalid(at + QStringLiteral(".type"),
            QStringLiteral(
                "content parts of type '%1' are not supported; supported: input_text, input_image, "
                "output_text")
                .arg(clippedForMessage(type)));
    }

    static QString joinedText(const QJsonArray &parts)
    {
        QString text;
        for (const QJsonValue &part : parts)
            text += part["text"_L1].toString();
        return text;
    }

    std::optional<ApiError> functionCall(const QJsonObject &item, const QString &at)
    {
        for (const char *field : {"call_id", "name", "arguments"}) {
            if (!item.value(QLatin1String(field)).isString())
                return invalid(at + QLatin1Char('.') + QLatin1String(field),
                    QStringLiteral("'%1.%2' must be a string").arg(at, QLatin1String(field)));
        }
        // The call joins the assistant message just before it, unless a tool's answer or a reasoning item
        // came in between.
        if (!m_assistant || !m_pendingReasoning.isEmpty()) {
            flush();
            m_assistant
                = QJsonObject {{"role"_L1, QStringLiteral("assistant")}, {"content"_L1, QJsonValue::Null}};
            takeReasoning(*m_assistant);
        }
        m_calls.append(
            QJsonObject {{"id"_L1, item.value("call_id"_L1)}, {"type"_L1, QStringLiteral("function")},
                {"function"_L1,
                    QJsonObject {
                        {"name"_L1, item.value("name"_L1)}, {"arguments"_L1, item.value("arguments"_L1)}}}});
        return std::nullopt;
    }

    std::optional<ApiError> functionCallOutput(const QJsonObject &item, const QString &at)
    {
        if (!item.value("call_id"_L1).isString())
            return invalid(
                at + QStringLiteral(".call_id"), QStringLiteral("'%1.call_id' must be a string").arg(at));
        const QJsonValue output = item.value("output"_L1);
        QString text;
        if (output.isString()) {
            text = output.toString();
        } else if (output.isArray()) {
            for (qsizetype i = 0; i < output.toArray().size(); ++i) {
                auto part
                    = translatePart(output.toArray().at(i), QStringLiteral("%1.output[%2]").arg(at).arg(i));
                if (auto *error = std::get_if<ApiError>(&part))
                    return *error;
                text += std::get<QJsonObject>(part).value("text"_L1).toString();
            }
        } else {
            return invalid(at + QStringLiteral(".output"),
                QStringLiteral("'%1.output' must be a string or an array of content parts").arg(at));
        }
        flush();
        m_messages.append(QJsonObject {{"role"_L1, QStringLiteral("tool")},
            {"tool_call_id"_L1, item.value("call_id"_L1)}, {"content"_L1, text}});
        return std::nullopt;
    }

    // A reasoning item is what the model thought before the assistant message that follows it.
    std::optional<ApiError> reasoning(const QJsonObject &item)
    {
        QString text;
        for (const char *list : {"content", "summary"}) {
            for (const QJsonValue &part : item.value(QLatin1String(list)).toArray())
                text += part["text"_L1].toString();
            if (!text.isEmpty())
                break;
        }
        m_pendingReasoning += text;
        return std::nullopt;
    }

    void takeReasoning(QJsonObject &assistant)
    {
        if (!m_pendingReasoning.isEmpty())
            assistant.insert("reasoning_content"_L1, std::exchange(m_pendingReasoning, {}));
    }

    // Closes the assistant message being built, with the calls that joined it. The calls are gathered
    // apart and inserted once: inserting into the message for each call would copy them all every time.
    void flush()
    {
        if (!m_assistant)
            return;
        if (!m_calls.isEmpty())
            m_assistant->insert("tool_calls"_L1, std::exchange(m_calls, {}));
        m_messages.append(*std::exchange(m_assistant, std::nullopt));
    }

    QJsonArray m_messages;
    std::optional<QJsonObject> m_assistant;
    QJsonArray m_calls;
    QString m_pendingReasoning;
};

} // namespace

std::variant<QJsonArray, ApiError> toChatMessages(const QJsonValue &input)
{
    InputTranslator translator;
    if (input.isString()) {
        translator.add(QJsonObject {{"role"_L1, QStringLiteral("user")}, {"content"_L1, input}},
            QStringLiteral("input"));
        return translator.finish();
    }
    if (!input.isArray() || input.toArray().isEmpty())
        return invalid(QStringLiteral("input"),
            QStringLiteral("'input' must be a string or a non-empty array of input items"));
    const QJsonArray items = input.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (auto error = translator.add(items.at(i), QStringLiteral("input[%1]").arg(i)))
            return *error;
    }
    return translator.finish();
}

} // namespace ResponsesInput
