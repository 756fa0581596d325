// SPDX-License-Identifier: MIT
#include "protocols/responses/ResponsesRequest.h"

#include "events/Session.h"
#include "protocols/FieldChecks.h"
#include "protocols/responses/ResponsesInput.h"

#include <limits>

using namespace Qt::StringLiterals;
using FieldChecks::invalid;

namespace {

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

    auto messages = ResponsesInput::toChatMessages(body.value("input"_L1));
    if (auto *error = std::get_if<ApiError>(&messages))
        return *error;
    request.turnMessages = std::get<QJsonArray>(messages);

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
