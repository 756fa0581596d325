// SPDX-License-Identifier: MIT
#include "protocols/ollama/OllamaAssembler.h"

#include "core/UpstreamJson.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

void OllamaAssembler::add(const QByteArray &line)
{
    const QJsonObject object = parseUpstreamJson(line).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (key == "message"_L1) {
            m_chat = true;
            const QJsonObject message = it.value().toObject();
            for (auto part = message.begin(); part != message.end(); ++part) {
                if (part.key() == "content"_L1 || part.key() == "thinking"_L1)
                    m_messageTexts[part.key()] += part.value().toString();
                else if (part.key() == "tool_calls"_L1)
                    for (const QJsonValue &call : part.value().toArray())
                        m_toolCalls.append(call);
                else
                    m_message.insert(part.key(), part.value());
            }
        } else if (key == "response"_L1 || key == "thinking"_L1) {
            m_topTexts[key] += it.value().toString();
        } else if (key == "logprobs"_L1 && it.value().isArray()) {
            for (const QJsonValue &token : it.value().toArray())
                m_logprobs.append(token);
        } else {
            m_top.insert(key, it.value());
        }
    }
}

QJsonObject OllamaAssembler::answer() const
{
    QJsonObject answer = m_top;
    for (auto it = m_topTexts.begin(); it != m_topTexts.end(); ++it)
        answer.insert(it.key(), *it);
    if (!m_logprobs.isEmpty())
        answer.insert("logprobs"_L1, m_logprobs);
    if (m_chat) {
        QJsonObject message = m_message;
        message.insert("content"_L1, m_messageTexts.value(QStringLiteral("content")));
        if (m_messageTexts.contains(QStringLiteral("thinking")))
            message.insert("thinking"_L1, m_messageTexts.value(QStringLiteral("thinking")));
        if (!m_toolCalls.isEmpty())
            message.insert("tool_calls"_L1, m_toolCalls);
        answer.insert("message"_L1, message);
    }
    return answer;
}
