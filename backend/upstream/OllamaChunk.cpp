#include "upstream/OllamaChunk.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

OllamaChunk OllamaChunk::fromLine(const QByteArray &line)
{
    OllamaChunk chunk;
    const QJsonObject json = QJsonDocument::fromJson(line).object();
    chunk.isObject = !json.isEmpty();
    chunk.isError = json.contains("error"_L1);
    if (!chunk.isObject || chunk.isError)
        return chunk;

    const QJsonObject message = json.value("message"_L1).toObject();
    chunk.thinking = message.value("thinking"_L1).toString();
    chunk.content = message.value("content"_L1).toString();
    for (const QJsonValue &call : message.value("tool_calls"_L1).toArray()) {
        const QJsonObject function = call["function"_L1].toObject();
        const QJsonValue arguments = function.value("arguments"_L1);
        chunk.toolCalls.append({function.value("name"_L1),
            arguments.isString()
                ? arguments.toString()
                : QString::fromUtf8(QJsonDocument(arguments.toObject()).toJson(QJsonDocument::Compact))});
    }

    chunk.done = json.value("done"_L1).toBool();
    chunk.doneReason = json.value("done_reason"_L1).toString();
    if (json.contains("eval_count"_L1) || json.contains("prompt_eval_count"_L1))
        chunk.usage = TokenUsage {
            json.value("prompt_eval_count"_L1).toInteger(), json.value("eval_count"_L1).toInteger()};
    return chunk;
}
