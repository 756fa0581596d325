// SPDX-License-Identifier: MIT
#include "protocols/anthropic/AnthropicMessages.h"

#include "protocols/FieldChecks.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

using namespace Qt::StringLiterals;
using FieldChecks::invalid;

namespace AnthropicMessages {

namespace {

std::variant<QJsonObject, ApiError> imagePart(const QJsonObject &block, const QString &at)
{
    const QJsonObject source = block.value("source"_L1).toObject();
    const QString type = source.value("type"_L1).toString();
    if (type == QLatin1String("base64") && source.value("media_type"_L1).isString()
        && source.value("data"_L1).isString())
        return QJsonObject {{"type"_L1, QStringLiteral("image_url")},
            {"image_url"_L1,
                QJsonObject {{"url"_L1,
                    QStringLiteral("data:%1;base64,%2")
                        .arg(
                            source.value("media_type"_L1).toString(), source.value("data"_L1).toString())}}}};
    if (type == QLatin1String("url") && source.value("url"_L1).isString())
        return QJsonObject {{"type"_L1, QStringLiteral("image_url")},
            {"image_url"_L1, QJsonObject {{"url"_L1, source.value("url"_L1)}}}};
    return invalid(at + QStringLiteral(".source"),
        QStringLiteral("'%1.source' must be {type: base64, media_type, data} or {type: url, url}").arg(at));
}

// A tool_result's content: a string, or text (and image) blocks, of which a chat tool message keeps the text.
std::variant<QString, ApiError> toolResultText(const QJsonObject &block, const QString &at)
{
    const QJsonValue content = block.value("content"_L1);
    if (content.isUndefined() || content.isNull() || content.isString())
        return content.toString();
    if (!content.isArray())
        return invalid(at + QStringLiteral(".content"),
            QStringLiteral("'%1.content' must be a string or an array of content blocks").arg(at));
    QStringList texts;
    for (const QJsonValue &part : content.toArray()) {
        if (part["type"_L1].toString() == QLatin1String("text"))
            texts.append(part["text"_L1].toString());
    }
    return texts.join(QLatin1Char('\n'));
}

class MessageTranslator
{
public:
    std::optional<ApiError> add(const QJsonValue &value, const QString &at)
    {
        const QString role = value["role"_L1].toString();
        if (role != QLatin1String("user") && role != QLatin1String("assistant"))
            return invalid(
                at + QStringLiteral(".role"), QStringLiteral("'%1.role' must be user or assistant").arg(at));
        const QJsonValue content = value["content"_L1];
        if (content.isString()) {
            m_messages.append(QJsonObject {{"role"_L1, role}, {"content"_L1, content}});
            return std::nullopt;
        }
        if (!content.isArray())
            return invalid(at + QStringLiteral(".content"),
                QStringLiteral("'%1.content' must be a string or an array of content blocks").arg(at));
        // As Anthropic's API: a user turn of no blocks says nothing, and would leave no message to send on.
        if (role == QLatin1String("user") && content.toArray().isEmpty())
            return invalid(at + QStringLiteral(".content"),
                QStringLiteral("'%1.content' must hold at least one content block").arg(at));
        return role == QLatin1String("user") ? user(content.toArray(), at) : assistant(content.toArray(), at);
    }

    QJsonArray messages() const { return m_messages; }

private:
    std::optional<ApiError> user(const QJsonArray &blocks, const QString &at)
    {
        QJsonArray parts;
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            const QString blockAt = QStringLiteral("%1.content[%2]").arg(at).arg(i);
            const QJsonObject block = blocks.at(i).toObject();
            const QString type = block.value("type"_L1).toString();
            if (type == QLatin1String("text")) {
                if (!block.value("text"_L1).isString())
                    return invalid(blockAt + QStringLiteral(".text"),
                        QStringLiteral("'%1.text' must be a string").arg(blockAt));
                parts.append(
                    QJsonObject {{"type"_L1, QStringLiteral("text")}, {"text"_L1, block.value("text"_L1)}});
            } else if (type == QLatin1String("image")) {
                auto image = imagePart(block, blockAt);
                if (auto *error = std::get_if<ApiError>(&image))
                    return *error;
                parts.append(std::get<QJsonObject>(image));
            } else if (type == QLatin1String("tool_result")) {
                if (!block.value("tool_use_id"_L1).isString())
                    return invalid(blockAt + QStringLiteral(".tool_use_id"),
                        QStringLiteral("'%1.tool_use_id' must be a string").arg(blockAt));
                auto text = toolResultText(block, blockAt);
                if (auto *error = std::get_if<ApiError>(&text))
                    return *error;
                // A chat tool message has no error flag: the failure is said in its text.
                QString said = std::get<QString>(text);
                if (block.value("is_error"_L1).toBool())
                    said.prepend(QStringLiteral("Error: "));
                // Tool answers answer the assistant's calls: they come before what the user adds.
                m_messages.append(QJsonObject {{"role"_L1, QStringLiteral("tool")},
                    {"tool_call_id"_L1, block.value("tool_use_id"_L1)}, {"content"_L1, said}});
            } else {
                return unsupported(type, blockAt, QStringLiteral("text, image, tool_result"));
            }
        }
        if (!parts.isEmpty())
            m_messages.append(QJsonObject {{"role"_L1, QStringLiteral("user")}, {"content"_L1, parts}});
        return std::nullopt;
    }

    std::optional<ApiError> assistant(const QJsonArray &blocks, const QString &at)
    {
        QString text;
        QString reasoning;
        QJsonArray calls;
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            const QString blockAt = QStringLiteral("%1.content[%2]").arg(at).arg(i);
            const QJsonObject block = blocks.at(i).toObject();
            const QString type = block.value("type"_L1).toString();
            if (type == QLatin1String("text")) {
                text += block.value("text"_L1).toString();
            } else if (type == QLatin1String("thinking")) {
                reasoning += block.value("thinking"_L1).toString();
            } else if (type == QLatin1String("redacted_thinking")) {
                continue; // encrypted for Anthropic's models only: nothing another model can read
            } else if (type == QLatin1String("tool_use")) {
                if (!block.value("id"_L1).isString() || !block.value("name"_L1).isString())
                    return invalid(
                        blockAt, QStringLiteral("'%1' must have a string id and name").arg(blockAt));
                const QJsonObject input = block.value("input"_L1).toObject();
                calls.append(QJsonObject {{"id"_L1, block.value("id"_L1)},
                    {"type"_L1, QStringLiteral("function")},
                    {"function"_L1,
                        QJsonObject {{"name"_L1, block.value("name"_L1)},
                            {"arguments"_L1,
                                QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact))}}}});
            } else {
                return unsupported(
                    type, blockAt, QStringLiteral("text, thinking, redacted_thinking, tool_use"));
            }
        }
        QJsonObject message {{"role"_L1, QStringLiteral("assistant")},
            {"content"_L1,
                text.isEmpty() && !calls.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text)}};
        if (!reasoning.isEmpty())
            message.insert("reasoning_content"_L1, reasoning);
        if (!calls.isEmpty())
            message.insert("tool_calls"_L1, calls);
        m_messages.append(message);
        return std::nullopt;
    }

    static ApiError unsupported(const QString &type, const QString &at, const QString &supported)
    {
        return invalid(at + QStringLiteral(".type"),
            QStringLiteral("content blocks of type '%1' are not supported here; supported: %2")
                .arg(clippedForMessage(type), supported));
    }

    QJsonArray m_messages;
};

} // namespace

std::variant<QJsonArray, ApiError> toChatMessages(const QJsonArray &messages)
{
    MessageTranslator translator;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (auto error = translator.add(messages.at(i), QStringLiteral("messages[%1]").arg(i)))
            return *error;
    }
    return translator.messages();
}

} // namespace AnthropicMessages
