// SPDX-License-Identifier: MIT
#include "chat/ResponsesRequest.h"

#include "chat/FieldChecks.h"
#include "events/Session.h"

#include <limits>

using namespace Qt::StringLiterals;
using FieldChecks::invalid;

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

std::variant<QJsonArray, ApiError> translateTools(const QJsonValue &value)
{
    QJsonArray tools;
    const QJsonArray given = value.toArray();
    for (qsizetype i = 0; i < given.size(); ++i) {
        const QString at = QStringLiteral("tools[%1]").arg(i);
        const QJsonObject tool = given.at(i).toObject();
        const QString type = tool.value("type"_L1).toString();
        if (type != QLatin1String("function"))
            return invalid(at + QStringLiteral(".type"),
                QStringLiteral("tools of type '%1' are not supported: Ponder serves function tools only")
                    .arg(clippedForMessage(type)));
        if (!tool.value("name"_L1).isString() || tool.value("name"_L1).toString().isEmpty())
            return invalid(
                at + QStringLiteral(".name"), QStringLiteral("'%1.name' must be a non-empty string").arg(at));
        QJsonObject function {{"name"_L1, tool.value("name"_L1)}};
        for (const char *field : {"description", "parameters", "strict"}) {
            if (tool.contains(QLatin1String(field)) && !tool.value(QLatin1String(field)).isNull())
                function.insert(QLatin1String(field), tool.value(QLatin1String(field)));
        }
        tools.append(QJsonObject {{"type"_L1, QStringLiteral("function")}, {"function"_L1, function}});
    }
    return tools;
}

std::variant<QJsonValue, ApiError> translateToolChoice(const QJsonValue &value)
{
    if (value.isString()) {
        const QString mode = value.toString();
        if (mode == QLatin1String("none") || mode == QLatin1String("auto")
            || mode == QLatin1String("required"))
            return value;
    } else if (value["type"_L1].toString() == QLatin1String("function") && value["name"_L1].isString()) {
        return QJsonObject {{"type"_L1, QStringLiteral("function")},
            {"function"_L1, QJsonObject {{"name"_L1, value["name"_L1]}}}};
    }
    return invalid(QStringLiteral("tool_choice"),
        QStringLiteral(
            "'tool_choice' must be none, auto, required or {\"type\": \"function\", \"name\": ...}"));
}

std::variant<QJsonObject, ApiError> translateTextFormat(const QJsonValue &text)
{
    const QJsonObject format = text["format"_L1].toObject();
    const QString type = format.value("type"_L1).toString(QStringLiteral("text"));
    if (type == QLatin1String("text"))
        return QJsonObject();
    if (type == QLatin1String("json_object"))
        return QJsonObject {{"type"_L1, type}};
    if (type == QLatin1String("json_schema")) {
        QJsonObject schema;
        for (const char *field : {"name", "schema", "strict", "description"}) {
            if (format.contains(QLatin1String(field)))
                schema.insert(QLatin1String(field), format.value(QLatin1String(field)));
        }
        return QJsonObject {{"type"_L1, type}, {"json_schema"_L1, schema}};
    }
    return invalid(QStringLiteral("text.format.type"),
        QStringLiteral("'text.format.type' must be text, json_object or json_schema"));
}

std::optional<ApiError> checkShapes(const QJsonObject &body)
{
    using namespace FieldChecks;
    for (const auto &check :
        {number(body, QStringLiteral("temperature"), 0, 2), number(body, QStringLiteral("top_p"), 0, 1),
            integer(body, QStringLiteral("max_output_tokens"), 1, std::numeric_limits<qint64>::max()),
            boolean(body, QStringLiteral("stream")), boolean(body, QStringLiteral("store")),
            boolean(body, QStringLiteral("parallel_tool_calls")),
            string(body, QStringLiteral("instructions")),
            string(body, QStringLiteral("previous_response_id")), string(body, QStringLiteral("user")),
            object(body, QStringLiteral("metadata")), object(body, QStringLiteral("reasoning")),
            object(body, QStringLiteral("text")), array(body, QStringLiteral("tools"))}) {
        if (check)
            return check;
    }
    const QJsonObject metadata = body.value("metadata"_L1).toObject();
    for (auto it = metadata.begin(); it != metadata.end(); ++it) {
        if (!it.value().isString())
            return invalid(QStringLiteral("metadata.") + clippedForMessage(it.key()),
                QStringLiteral("metadata values must be strings"));
    }
    if (auto error = oneOf(body.value("reasoning"_L1).toObject(), QStringLiteral("effort"),
            {QStringLiteral("none"), QStringLiteral("minimal"), QStringLiteral("low"),
                QStringLiteral("medium"), QStringLiteral("high"), QStringLiteral("xhigh")})) {
        error->param = QStringLiteral("reasoning.effort");
        error->message.prepend(QStringLiteral("reasoning."));
        return error;
    }
    if (body.value("background"_L1).toBool())
        return invalid(QStringLiteral("background"),
            QStringLiteral("'background' responses are not supported: stream the response instead"));
    for (const char *unsupported : {"conversation", "prompt"}) {
        const QJsonValue value = body.value(QLatin1String(unsupported));
        if (!value.isUndefined() && !value.isNull())
            return invalid(QLatin1String(unsupported),
                QStringLiteral("'%1' is not supported: continue a conversation with previous_response_id")
                    .arg(QLatin1String(unsupported)));
    }
    return std::nullopt;
}

} // namespace

void ResponsesRequest::continueFrom(const QJsonArray &earlierMessages)
{
    QJsonArray messages;
    if (!instructions.isEmpty())
        messages.append(QJsonObject {{"role"_L1, QStringLiteral("system")}, {"content"_L1, instructions}});
    for (const QJsonValue &message : earlierMessages)
        messages.append(message);
    for (const QJsonValue &message : turnMessages)
        messages.append(message);
    chat.upstream.body.insert("messages"_L1, messages);
}

std::variant<ResponsesRequest, ApiError> ResponsesRequest::fromJson(
    const QJsonObject &body, const QString &headerSessionId)
{
    ResponsesRequest request;
    const QJsonValue model = body.value("model"_L1);
    if (!model.isString() || model.toString().trimmed().isEmpty())
        return invalid(QStringLiteral("model"),
            QStringLiteral("'model' is required: the id of a model from GET /v1/models"));
    if (auto error = checkShapes(body))
        return *error;

    const QJsonValue input = body.value("input"_L1);
    InputTranslator translator;
    if (input.isString()) {
        translator.add(QJsonObject {{"role"_L1, QStringLiteral("user")}, {"content"_L1, input}},
            QStringLiteral("input"));
    } else if (input.isArray() && !input.toArray().isEmpty()) {
        const QJsonArray items = input.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (auto error = translator.add(items.at(i), QStringLiteral("input[%1]").arg(i)))
                return *error;
        }
    } else {
        return invalid(QStringLiteral("input"),
            QStringLiteral("'input' must be a string or a non-empty array of input items"));
    }
    request.turnMessages = translator.finish();

    QJsonObject chatBody;
    if (body.value("tools"_L1).isArray() && !body.value("tools"_L1).toArray().isEmpty()) {
        auto tools = translateTools(body.value("tools"_L1));
        if (auto *error = std::get_if<ApiError>(&tools))
            return *error;
        chatBody.insert("tools"_L1, std::get<QJsonArray>(tools));
    }
    if (const QJsonValue choice = body.value("tool_choice"_L1); !choice.isUndefined() && !choice.isNull()) {
        auto translated = translateToolChoice(choice);
        if (auto *error = std::get_if<ApiError>(&translated))
            return *error;
        chatBody.insert("tool_choice"_L1, std::get<QJsonValue>(translated));
    }
    auto format = translateTextFormat(body.value("text"_L1));
    if (auto *error = std::get_if<ApiError>(&format))
        return *error;
    if (!std::get<QJsonObject>(format).isEmpty())
        chatBody.insert("response_format"_L1, std::get<QJsonObject>(format));
    if (const QJsonValue effort = body.value("reasoning"_L1)["effort"_L1]; effort.isString())
        chatBody.insert("reasoning_effort"_L1, effort);
    if (body.value("max_output_tokens"_L1).isDouble()) {
        chatBody.insert("max_tokens"_L1, body.value("max_output_tokens"_L1));
        request.chat.maxTokens = body.value("max_output_tokens"_L1).toInteger();
    }
    for (const char *field : {"temperature", "top_p", "parallel_tool_calls", "user"}) {
        if (body.contains(QLatin1String(field)) && !body.value(QLatin1String(field)).isNull())
            chatBody.insert(QLatin1String(field), body.value(QLatin1String(field)));
    }

    request.instructions = body.value("instructions"_L1).toString();
    request.previousResponseId = body.value("previous_response_id"_L1).toString();
    request.store = body.value("store"_L1).toBool(true);
    request.chat.model = model.toString();
    request.chat.stream = body.value("stream"_L1).toBool(false);
    request.chat.saveConversation = request.store;
    request.chat.user = body.value("user"_L1).toString();
    request.chat.source = QStringLiteral("responses");
    request.chat.upstream.body = chatBody;
    request.continueFrom({});

    request.chat.sessionId = headerSessionId;
    QString sessionField = QStringLiteral("X-Session-Id");
    if (request.chat.sessionId.isEmpty()) {
        request.chat.sessionId = body.value("metadata"_L1)["session_id"_L1].toString();
        sessionField = QStringLiteral("metadata.session_id");
    }
    if (!request.chat.sessionId.isEmpty() && !Session::isValidId(request.chat.sessionId))
        return invalid(sessionField,
            QStringLiteral("'%1' must be 1 to 128 letters, digits, '.', '_', ':' or '-'").arg(sessionField));

    for (const char *field : {"tools", "tool_choice", "temperature", "top_p", "metadata", "max_output_tokens",
             "parallel_tool_calls", "reasoning", "text", "truncation", "user", "instructions"}) {
        if (body.contains(QLatin1String(field)))
            request.echo.insert(QLatin1String(field), body.value(QLatin1String(field)));
    }
    return request;
}
