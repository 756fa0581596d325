// SPDX-License-Identifier: MIT
#include "protocols/anthropic/AnthropicEvents.h"

#include "protocols/anthropic/AnthropicError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

StreamEvent event(const QString &type, QJsonObject data)
{
    data.insert("type"_L1, type);
    return {type, data};
}

} // namespace

AnthropicEvents::AnthropicEvents(QString model)
    : m_id(QStringLiteral("msg_") + QUuid::createUuid().toString(QUuid::Id128))
    , m_model(std::move(model))
{ }

QString AnthropicEvents::stopReason(const QString &finishReason)
{
    if (finishReason == QLatin1String("length"))
        return QStringLiteral("max_tokens");
    if (finishReason == QLatin1String("tool_calls") || finishReason == QLatin1String("function_call"))
        return QStringLiteral("tool_use");
    if (finishReason == QLatin1String("content_filter"))
        return QStringLiteral("refusal");
    // A chat upstream says "stop" for a stop sequence too: which one matched is not known here.
    return QStringLiteral("end_turn");
}

AnthropicEvents::Block *AnthropicEvents::current()
{
    return m_blocks.isEmpty() || m_blocks.last().done ? nullptr : &m_blocks.last();
}

QJsonObject AnthropicEvents::usageJson() const
{
    // The counts are the upstream's own, and only arrive with its last chunk: 0 until then.
    return {{"input_tokens"_L1, m_usage ? m_usage->promptTokens : 0},
        {"output_tokens"_L1, m_usage ? m_usage->completionTokens : 0}};
}

QJsonObject AnthropicEvents::blockJson(const Block &block) const
{
    switch (block.kind) {
    case Block::Kind::Thinking:
        return {{"type"_L1, QStringLiteral("thinking")}, {"thinking"_L1, block.text},
            {"signature"_L1, QString()}};
    case Block::Kind::Text:
        return {{"type"_L1, QStringLiteral("text")}, {"text"_L1, block.text}};
    case Block::Kind::ToolUse: {
        const QJsonObject input = QJsonDocument::fromJson(block.text.toUtf8()).object();
        return {{"type"_L1, QStringLiteral("tool_use")}, {"id"_L1, block.id}, {"name"_L1, block.name},
            {"input"_L1, block.done ? input : QJsonObject()}};
    }
    }
    return {};
}

QList<StreamEvent> AnthropicEvents::start()
{
    QJsonObject message = result();
    message.insert("content"_L1, QJsonArray {});
    return {event(QStringLiteral("message_start"), {{"message"_L1, message}})};
}

QList<StreamEvent> AnthropicEvents::open(Block::Kind kind, const QJsonObject &fragment)
{
    QList<StreamEvent> events = closeCurrent();
    if (problem())
        return {}; // the block before could not be closed: nothing follows it
    Block block {kind, {}, {}, {}, -1, false};
    if (kind == Block::Kind::ToolUse) {
        block.toolIndex = fragment.value("index"_L1).toInt();
        block.id = fragment.value("id"_L1).toString();
        if (block.id.isEmpty())
            block.id = QStringLiteral("toolu_") + QUuid::createUuid().toString(QUuid::Id128);
        block.name = fragment.value("function"_L1)["name"_L1].toString();
    }
    m_blocks.append(block);
    events.append(event(QStringLiteral("content_block_start"),
        {{"index"_L1, int(m_blocks.size() - 1)}, {"content_block"_L1, blockJson(m_blocks.last())}}));
    return events;
}

QList<StreamEvent> AnthropicEvents::closeCurrent()
{
    Block *block = current();
    if (!block)
        return {};
    if (block->kind == Block::Kind::ToolUse && !block->text.trimmed().isEmpty()
        && !QJsonDocument::fromJson(block->text.toUtf8()).isObject()) {
        setProblem(ApiError(502,
            QStringLiteral("the upstream's arguments for tool '%1' are not a JSON object")
                .arg(clippedForMessage(block->name))));
        return {};
    }
    block->done = true;
    return {event(QStringLiteral("content_block_stop"), {{"index"_L1, int(m_blocks.size() - 1)}})};
}

QList<StreamEvent> AnthropicEvents::delta(const QJsonObject &delta)
{
    return {event(QStringLiteral("content_block_delta"),
        {{"index"_L1, int(m_blocks.size() - 1)}, {"delta"_L1, delta}})};
}

QList<StreamEvent> AnthropicEvents::content(const QString &text)
{
    if (problem())
        return {};
    QList<StreamEvent> events;
    if (!current() || current()->kind != Block::Kind::Text)
        events = open(Block::Kind::Text);
    if (problem())
        return {};
    current()->text += text;
    if (!deltasWanted())
        return events;
    return events + delta({{"type"_L1, QStringLiteral("text_delta")}, {"text"_L1, text}});
}

QList<StreamEvent> AnthropicEvents::reasoning(const QString &text)
{
    if (problem())
        return {};
    QList<StreamEvent> events;
    if (!current() || current()->kind != Block::Kind::Thinking)
        events = open(Block::Kind::Thinking);
    if (problem())
        return {};
    current()->text += text;
    if (!deltasWanted())
        return events;
    return events + delta({{"type"_L1, QStringLiteral("thinking_delta")}, {"thinking"_L1, text}});
}

QList<StreamEvent> AnthropicEvents::toolCalls(const QJsonArray &fragments)
{
    if (problem())
        return {};
    QList<StreamEvent> events;
    for (const QJsonValue &value : fragments) {
        const QJsonObject fragment = value.toObject();
        const int index = fragment.value("index"_L1).toInt();
        Block *block = current();
        if (!block || block->kind != Block::Kind::ToolUse || block->toolIndex != index) {
            if (!mayOpenToolCall(index, "Messages API"_L1))
                return events;
            events += open(Block::Kind::ToolUse, fragment);
            if (problem())
                return {};
            block = current();
        }
        const QJsonObject function = fragment.value("function"_L1).toObject();
        if (block->name.isEmpty())
            block->name = function.value("name"_L1).toString();
        const QString arguments = function.value("arguments"_L1).toString();
        if (arguments.isEmpty())
            continue;
        block->text += arguments;
        events += delta({{"type"_L1, QStringLiteral("input_json_delta")}, {"partial_json"_L1, arguments}});
    }
    return events;
}

QList<StreamEvent> AnthropicEvents::finish(const GenerationOutcome &outcome)
{
    if (problem())
        return {};
    QList<StreamEvent> events = closeCurrent();
    if (problem())
        return {};
    m_stopReason = stopReason(outcome.finishReason);
    m_usage = outcome.usage;
    events.append(event(QStringLiteral("message_delta"),
        {{"delta"_L1, QJsonObject {{"stop_reason"_L1, m_stopReason}, {"stop_sequence"_L1, QJsonValue::Null}}},
            {"usage"_L1, usageJson()}}));
    events.append(event(QStringLiteral("message_stop"), {}));
    return events;
}

QList<StreamEvent> AnthropicEvents::fail(const ApiError &error)
{
    // The body of Anthropic's error answer, as the event's data: the SDK throws it as an APIError.
    return {{QStringLiteral("error"), anthropicErrorBody(error)}};
}

QByteArray AnthropicEvents::keepAlive() const
{
    return event(QStringLiteral("ping"), {}).toSse();
}

QJsonObject AnthropicEvents::result() const
{
    QJsonArray content;
    for (const Block &block : m_blocks)
        content.append(blockJson(block));
    return {{"id"_L1, m_id}, {"type"_L1, QStringLiteral("message")}, {"role"_L1, QStringLiteral("assistant")},
        {"model"_L1, m_model}, {"content"_L1, content}, {"stop_reason"_L1, m_stopReason},
        {"stop_sequence"_L1, QJsonValue::Null}, {"usage"_L1, usageJson()}};
}
