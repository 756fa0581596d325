// SPDX-License-Identifier: MIT
#include "protocols/anthropic/AnthropicRequest.h"

#include "events/Session.h"
#include "protocols/FieldChecks.h"
#include "protocols/anthropic/AnthropicMessages.h"

#include <limits>

using namespace Qt::StringLiterals;
using FieldChecks::invalid;

namespace {

std::variant<QJsonValue, ApiError> systemText(const QJsonValue &system)
{
    if (system.isUndefined() || system.isNull() || system.isString())
        return system;
    if (!system.isArray())
        return invalid(
            QStringLiteral("system"), QStringLiteral("'system' must be a string or an array of text blocks"));
    QStringList texts;
    for (const QJsonValue &block : system.toArray()) {
        if (block["type"_L1].toString() != QLatin1String("text") || !block["text"_L1].isString())
            return invalid(QStringLiteral("system"), QStringLiteral("'system' blocks must be text blocks"));
        texts.append(block["text"_L1].toString());
    }
    return QJsonValue(texts.join(QLatin1Char('\n')));
}

std::variant<QJsonArray, ApiError> translateTools(const QJsonArray &given)
{
    QJsonArray tools;
    for (qsizetype i = 0; i < given.size(); ++i) {
        const QString at = QStringLiteral("tools[%1]").arg(i);
        const QJsonObject tool = given.at(i).toObject();
        const QString type = tool.value("type"_L1).toString(QStringLiteral("custom"));
        if (type != QLatin1String("custom"))
            return invalid(at + QStringLiteral(".type"),
                QStringLiteral("server tools ('%1') are not supported: Ponder serves client tools only")
                    .arg(clippedForMessage(type)));
        if (!tool.value("name"_L1).isString() || tool.value("name"_L1).toString().isEmpty())
            return invalid(
                at + QStringLiteral(".name"), QStringLiteral("'%1.name' must be a non-empty string").arg(at));
        if (!tool.value("input_schema"_L1).isObject())
            return invalid(at + QStringLiteral(".input_schema"),
                QStringLiteral("'%1.input_schema' must be an object").arg(at));
        QJsonObject function {
            {"name"_L1, tool.value("name"_L1)}, {"parameters"_L1, tool.value("input_schema"_L1)}};
        if (tool.value("description"_L1).isString())
            function.insert("description"_L1, tool.value("description"_L1));
        tools.append(QJsonObject {{"type"_L1, QStringLiteral("function")}, {"function"_L1, function}});
    }
    return tools;
}

// Anthropic's tool_choice in OpenAI's words; disable_parallel_tool_use becomes parallel_tool_calls.
std::optional<ApiError> translateToolChoice(const QJsonValue &value, QJsonObject &chatBody)
{
    const QString type = value["type"_L1].toString();
    if (type == QLatin1String("auto") || type == QLatin1String("none"))
        chatBody.insert("tool_choice"_L1, type);
    else if (type == QLatin1String("any"))
        chatBody.insert("tool_choice"_L1, QStringLiteral("required"));
    else if (type == QLatin1String("tool") && value["name"_L1].isString())
        chatBody.insert("tool_choice"_L1,
            QJsonObject {{"type"_L1, QStringLiteral("function")},
                {"function"_L1, QJsonObject {{"name"_L1, value["name"_L1]}}}});
    else
        return invalid(QStringLiteral("tool_choice"),
            QStringLiteral("'tool_choice' must be {type: auto | any | none} or {type: tool, name}"));
    if (value["disable_parallel_tool_use"_L1].toBool())
        chatBody.insert("parallel_tool_calls"_L1, false);
    return std::nullopt;
}

std::optional<ApiError> translateThinking(
    const QJsonValue &thinking, const std::optional<qint64> &maxTokens, QJsonObject &chatBody)
{
    if (thinking.isUndefined() || thinking.isNull())
        return std::nullopt;
    const QString type = thinking["type"_L1].toString();
    if (type == QLatin1String("disabled"))
        return std::nullopt; // asked for nothing: Ollama refuses `think` on models without it
    if (type == QLatin1String("adaptive")) {
        chatBody.insert("reasoning_effort"_L1, QStringLiteral("medium"));
        return std::nullopt;
    }
    if (type != QLatin1String("enabled"))
        return invalid(QStringLiteral("thinking.type"),
            QStringLiteral("'thinking.type' must be enabled, disabled or adaptive"));
    const QJsonObject object = thinking.toObject();
    if (auto error = FieldChecks::integer(
            object, QStringLiteral("budget_tokens"), 1024, std::numeric_limits<qint64>::max()))
        return invalid(QStringLiteral("thinking.budget_tokens"),
            QStringLiteral("'thinking.budget_tokens' must be a whole number of at least 1024"));
    const qint64 budget = object.value("budget_tokens"_L1).toInteger();
    if (!object.value("budget_tokens"_L1).isDouble())
        return invalid(QStringLiteral("thinking.budget_tokens"),
            QStringLiteral("'thinking.budget_tokens' is required when thinking is enabled"));
    if (maxTokens && budget >= *maxTokens)
        return invalid(QStringLiteral("thinking.budget_tokens"),
            QStringLiteral("'thinking.budget_tokens' must be less than max_tokens"));
    chatBody.insert("reasoning_effort"_L1, AnthropicRequest::effortForBudget(budget));
    return std::nullopt;
}

std::optional<ApiError> checkShapes(const QJsonObject &body, AnthropicRequest::MaxTokens maxTokens)
{
    using namespace FieldChecks;
    if (maxTokens == AnthropicRequest::MaxTokens::Required && !body.value("max_tokens"_L1).isDouble())
        return invalid(QStringLiteral("max_tokens"),
            QStringLiteral("'max_tokens' is required: the most tokens the answer may have"));
    for (const auto &check :
        {integer(body, QStringLiteral("max_tokens"), 1, std::numeric_limits<qint64>::max()),
            number(body, QStringLiteral("temperature"), 0, 1), number(body, QStringLiteral("top_p"), 0, 1),
            integer(body, QStringLiteral("top_k"), 0, std::numeric_limits<qint64>::max()),
            boolean(body, QStringLiteral("stream")), object(body, QStringLiteral("metadata")),
            object(body, QStringLiteral("thinking")), object(body, QStringLiteral("tool_choice")),
            array(body, QStringLiteral("tools")), array(body, QStringLiteral("stop_sequences"))}) {
        if (check)
            return check;
    }
    for (const QJsonValue &stop : body.value("stop_sequences"_L1).toArray()) {
        if (!stop.isString())
            return invalid(QStringLiteral("stop_sequences"),
                QStringLiteral("'stop_sequences' must be an array of strings"));
    }
    const QJsonValue user = body.value("metadata"_L1)["user_id"_L1];
    if (!user.isUndefined() && !user.isNull() && !user.isString())
        return invalid(
            QStringLiteral("metadata.user_id"), QStringLiteral("'metadata.user_id' must be a string"));
    return std::nullopt;
}

} // namespace

QString AnthropicRequest::effortForBudget(qint64 budgetTokens)
{
    if (budgetTokens < 4096)
        return QStringLiteral("low");
    if (budgetTokens < 16384)
        return QStringLiteral("medium");
    return QStringLiteral("high");
}

std::variant<AnthropicRequest, ApiError> AnthropicRequest::fromJson(
    const QJsonObject &body, const QString &headerSessionId, MaxTokens maxTokens)
{
    AnthropicRequest request;
    const QJsonValue model = body.value("model"_L1);
    if (!model.isString() || model.toString().trimmed().isEmpty())
        return invalid(QStringLiteral("model"),
            QStringLiteral("'model' is required: the id of a model from GET /v1/models"));
    if (auto error = checkShapes(body, maxTokens))
        return *error;

    QJsonArray messages;
    auto system = systemText(body.value("system"_L1));
    if (auto *error = std::get_if<ApiError>(&system))
        return *error;
    if (const QString text = std::get<QJsonValue>(system).toString(); !text.isEmpty())
        messages.append(QJsonObject {{"role"_L1, QStringLiteral("system")}, {"content"_L1, text}});
    const QJsonValue given = body.value("messages"_L1);
    if (!given.isArray() || given.toArray().isEmpty())
        return invalid(
            QStringLiteral("messages"), QStringLiteral("'messages' must be a non-empty array of messages"));
    auto translated = AnthropicMessages::toChatMessages(given.toArray());
    if (auto *error = std::get_if<ApiError>(&translated))
        return *error;
    for (const QJsonValue &message : std::get<QJsonArray>(translated))
        messages.append(message);

    QJsonObject chatBody {{"messages"_L1, messages}};
    if (body.value("max_tokens"_L1).isDouble()) {
        chatBody.insert("max_tokens"_L1, body.value("max_tokens"_L1));
        request.chat.maxTokens = body.value("max_tokens"_L1).toInteger();
    }
    for (const char *field : {"temperature", "top_p", "top_k"}) {
        if (body.value(QLatin1String(field)).isDouble())
            chatBody.insert(QLatin1String(field), body.value(QLatin1String(field)));
    }
    if (!body.value("stop_sequences"_L1).toArray().isEmpty())
        chatBody.insert("stop"_L1, body.value("stop_sequences"_L1));
    if (!body.value("tools"_L1).toArray().isEmpty()) {
        auto tools = translateTools(body.value("tools"_L1).toArray());
        if (auto *error = std::get_if<ApiError>(&tools))
            return *error;
        chatBody.insert("tools"_L1, std::get<QJsonArray>(tools));
    }
    if (body.value("tool_choice"_L1).isObject()) {
        if (auto error = translateToolChoice(body.value("tool_choice"_L1), chatBody))
            return *error;
    }
    if (auto error = translateThinking(body.value("thinking"_L1), request.chat.maxTokens, chatBody))
        return *error;

    request.chat.model = model.toString();
    request.chat.stream = body.value("stream"_L1).toBool(false);
    request.chat.user = body.value("metadata"_L1)["user_id"_L1].toString();
    request.chat.source = QStringLiteral("anthropic_messages");
    request.chat.upstream.body = chatBody;
    request.chat.sessionId = headerSessionId;
    if (!request.chat.sessionId.isEmpty() && !Session::isValidId(request.chat.sessionId))
        return invalid(QStringLiteral("X-Session-Id"),
            QStringLiteral("'X-Session-Id' must be 1 to 128 letters, digits, '.', '_', ':' or '-'"));
    return request;
}
