// SPDX-License-Identifier: MIT
#include "protocols/openai/OpenAiChatAssembler.h"

#include "core/UpstreamJson.h"
#include "upstream/ThinkTagSplitter.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

bool isJoinedText(const QString &key)
{
    return key == "content"_L1 || key == "reasoning_content"_L1 || key == "reasoning"_L1
        || key == "refusal"_L1;
}

// The changes Ponder makes to what the client reads (OpenAiChatRelay's, on a whole message).
void applyTo(QJsonObject &message, const OpenAiChatRelay::Options &options)
{
    if (message.value("content"_L1).isString() && !message.contains("reasoning_content"_L1)
        && !message.contains("reasoning"_L1)) {
        ThinkTagSplitter tags;
        QString answer;
        QString thought;
        for (const auto &pieces : {tags.feed(message.value("content"_L1).toString()), tags.flush()}) {
            for (const ThinkTagSplitter::Piece &piece : pieces)
                (piece.reasoning ? thought : answer) += piece.text;
        }
        if (!thought.isEmpty()) {
            message.insert("content"_L1, answer);
            message.insert("reasoning_content"_L1, thought);
        }
    }
    const QJsonValue reasoning = message.contains("reasoning_content"_L1)
        ? message.value("reasoning_content"_L1)
        : message.value("reasoning"_L1);
    if (reasoning.isUndefined())
        return;
    const bool both = message.contains("reasoning_content"_L1) && message.contains("reasoning"_L1);
    if (!both) {
        message.remove("reasoning_content"_L1);
        message.remove("reasoning"_L1);
        for (const QString &name : reasoningFieldNames(options.reasoningField))
            message.insert(name, reasoning);
    }
}

} // namespace

void OpenAiChatAssembler::add(const QByteArray &data)
{
    if (data.trimmed() == "[DONE]")
        return;
    const QJsonObject chunk = parseUpstreamJson(data).object();
    const QJsonArray choices = chunk.value("choices"_L1).toArray();
    if (!choices.isEmpty() && choices.first()["message"_L1].isObject()) {
        m_whole = chunk;
        return;
    }
    for (auto it = chunk.begin(); it != chunk.end(); ++it) {
        if (it.key() == "choices"_L1 || it.key() == "prompt_progress"_L1) // progress belongs to a stream
            continue;
        if (it.key() == "usage"_L1 && it.value().isNull() && m_top.contains(it.key()))
            continue;
        m_top.insert(it.key(), it.value());
    }
    for (const QJsonValue &choice : choices)
        addChoice(choice.toObject());
}

void OpenAiChatAssembler::addChoice(const QJsonObject &choice)
{
    Choice &into = m_choices[choice.value("index"_L1).toInt()];
    for (auto it = choice.begin(); it != choice.end(); ++it) {
        if (it.key() == "delta"_L1)
            continue;
        if (it.key() == "text"_L1) {
            into.text.seen = true;
            into.text.text += it.value().toString();
            continue;
        }
        if (it.key() == "logprobs"_L1 && it.value().isObject()) {
            into.logprobsSeen = true;
            const QJsonObject logprobs = it.value().toObject();
            for (auto part = logprobs.begin(); part != logprobs.end(); ++part) {
                QJsonArray &joined = into.logprobs[part.key()];
                for (const QJsonValue &token : part.value().toArray())
                    joined.append(token);
            }
            continue;
        }
        if (it.value().isNull() && into.fields.contains(it.key()) && !into.fields.value(it.key()).isNull())
            continue; // a later chunk's null does not undo what an earlier one said (finish_reason)
        into.fields.insert(it.key(), it.value());
    }
    const QJsonObject delta = choice.value("delta"_L1).toObject();
    into.deltaSeen = into.deltaSeen || choice.value("delta"_L1).isObject();
    for (auto it = delta.begin(); it != delta.end(); ++it) {
        if (isJoinedText(it.key())) {
            Text &text = into.texts[it.key()];
            text.seen = text.seen || it.value().isString();
            text.text += it.value().toString();
        } else if (it.key() == "tool_calls"_L1) {
            into.toolCalls.addToolCallFragments(it.value().toArray());
        } else if (!(it.value().isNull() && into.message.contains(it.key()))) {
            if (it.key() != "role"_L1 || !into.message.contains(it.key()))
                into.message.insert(it.key(), it.value());
        }
    }
}

QJsonObject OpenAiChatAssembler::completion(const OpenAiChatRelay::Options &options) const
{
    QJsonObject completion = m_whole.value_or(m_top);
    if (!m_whole) {
        if (completion.value("object"_L1).toString() == "chat.completion.chunk"_L1)
            completion.insert("object"_L1, "chat.completion"_L1);
        QJsonArray choices;
        for (auto it = m_choices.begin(); it != m_choices.end(); ++it) {
            QJsonObject choice = it->fields;
            choice.insert("index"_L1, it.key());
            if (it->text.seen)
                choice.insert("text"_L1, it->text.text);
            if (it->logprobsSeen && !it->deltaSeen) {
                QJsonObject logprobs;
                for (auto part = it->logprobs.begin(); part != it->logprobs.end(); ++part)
                    logprobs.insert(part.key(), *part);
                choice.insert("logprobs"_L1, logprobs);
            }
            if (!it->deltaSeen) {
                choices.append(choice);
                continue;
            }
            QJsonObject message = it->message;
            if (!message.contains("role"_L1))
                message.insert("role"_L1, "assistant"_L1);
            for (auto text = it->texts.begin(); text != it->texts.end(); ++text)
                message.insert(
                    text.key(), text->seen ? QJsonValue(text->text) : QJsonValue(QJsonValue::Null));
            if (!message.contains("content"_L1))
                message.insert("content"_L1, QJsonValue::Null);
            if (it->toolCalls.hasToolCalls())
                message.insert("tool_calls"_L1, it->toolCalls.toolCallsJson());
            if (it->logprobsSeen) {
                QJsonObject logprobs;
                for (auto part = it->logprobs.begin(); part != it->logprobs.end(); ++part)
                    logprobs.insert(part.key(), *part);
                choice.insert("logprobs"_L1, logprobs);
            }
            choice.insert("message"_L1, message);
            choices.append(choice);
        }
        completion.insert("choices"_L1, choices);
    }
    if (!options.modelPrefix.isEmpty() && completion.value("model"_L1).isString())
        completion.insert(
            "model"_L1, QString::fromUtf8(options.modelPrefix) + completion.value("model"_L1).toString());
    QJsonArray choices = completion.value("choices"_L1).toArray();
    for (qsizetype i = 0; i < choices.size(); ++i) {
        QJsonObject choice = choices.at(i).toObject();
        if (!choice.value("message"_L1).isObject())
            continue;
        QJsonObject message = choice.value("message"_L1).toObject();
        applyTo(message, options);
        choice.insert("message"_L1, message);
        choices.replace(i, choice);
    }
    completion.insert("choices"_L1, choices);
    return completion;
}
