// SPDX-License-Identifier: MIT
// A generation as Anthropic's Messages API says it: message_start, one content block after another
// (thinking, text, tool_use) with their deltas, message_delta with the stop reason and usage, message_stop;
// and the message object of a request that is not streamed.
//
// Blocks follow one another as the model produced them; each is stopped before the next starts. Tool-call
// arguments must make a JSON object (tool_use.input); an upstream that sends anything else, or goes back
// to an earlier tool call after starting the next, is a problem() rather than a silent repair; from the
// call that finds one on, no events are given.
#pragma once

#include "protocols/GenerationTranslation.h"

class AnthropicEvents : public GenerationTranslation
{
public:
    explicit AnthropicEvents(QString model);

    QList<StreamEvent> start() override;
    QList<StreamEvent> content(const QString &text) override;
    QList<StreamEvent> reasoning(const QString &text) override;
    QList<StreamEvent> toolCalls(const QJsonArray &fragments) override;
    QList<StreamEvent> finish(const GenerationOutcome &outcome) override;
    QList<StreamEvent> fail(const ApiError &error) override;
    QByteArray keepAlive() const override;
    QJsonObject result() const override;

    // OpenAI's finish reasons in Anthropic's words.
    static QString stopReason(const QString &finishReason);

private:
    struct Block
    {
        enum class Kind
        {
            Thinking,
            Text,
            ToolUse
        } kind;
        QString text; // thinking, text, or the tool's input as JSON text
        QString id;
        QString name;
        int toolIndex = -1;
        bool done = false;
    };

    QList<StreamEvent> open(Block::Kind kind, const QJsonObject &fragment = {});
    QList<StreamEvent> closeCurrent();
    QList<StreamEvent> delta(const QJsonObject &delta);
    QJsonObject blockJson(const Block &block) const;
    QJsonObject usageJson() const;
    Block *current();

    QString m_id;
    QString m_model;
    QList<Block> m_blocks;
    QJsonValue m_stopReason = QJsonValue::Null;
    std::optional<TokenUsage> m_usage;
};
