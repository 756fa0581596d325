// SPDX-License-Identifier: MIT
#include "upstream/ChatRequest.h"

using namespace Qt::StringLiterals;

namespace {

QJsonObject message(const QString &role, const QString &content)
{
    return {{"role"_L1, role}, {"content"_L1, content}};
}

// A prompt or an input: a string, or a list of strings (a list of token ids says nothing readable).
QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    QStringList texts;
    for (const QJsonValue &item : value.toArray()) {
        if (item.isString())
            texts.append(item.toString());
    }
    return texts.join(QLatin1Char('\n'));
}

} // namespace

QJsonArray ChatRequest::messages() const
{
    switch (api) {
    case WireApi::OpenAiChat:
    case WireApi::OllamaChat:
        return body.value("messages"_L1).toArray();
    case WireApi::OpenAiCompletions:
    case WireApi::OllamaGenerate: {
        QJsonArray conversation;
        if (body.value("system"_L1).isString())
            conversation.append(message(QStringLiteral("system"), body.value("system"_L1).toString()));
        conversation.append(message(QStringLiteral("user"), textOf(body.value("prompt"_L1))));
        return conversation;
    }
    case WireApi::OpenAiEmbeddings:
    case WireApi::OllamaEmbed:
        return {message(QStringLiteral("user"), textOf(body.value("input"_L1)))};
    }
    return {};
}
