// SPDX-License-Identifier: MIT
// Builds the one object an Ollama client that did not stream gets, from the NDJSON lines of the stream
// Ponder asked for (streamed so that watchers see it live), as Ollama itself answers stream:false: the text
// members joined (message.content and message.thinking for chat, response and thinking for generate),
// tool calls and logprobs gathered, every other member as the last line said it (done, done_reason,
// counts, nanosecond durations, context).
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

class OllamaAssembler
{
public:
    void add(const QByteArray &line);
    QJsonObject answer() const;

private:
    QJsonObject m_top;
    QJsonObject m_message;
    QMap<QString, QString> m_topTexts; // response, thinking (generate)
    QMap<QString, QString> m_messageTexts; // content, thinking (chat)
    QJsonArray m_toolCalls;
    QJsonArray m_logprobs;
    bool m_chat = false;
};
