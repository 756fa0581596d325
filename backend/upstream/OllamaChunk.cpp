// SPDX-License-Identifier: MIT
#include "upstream/OllamaChunk.h"

#include "core/UpstreamJson.h"
#include "upstream/JsonScan.h"
#include "upstream/PlainJson.h"
#include "upstream/UpstreamError.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

// What every line says: whether Ponder can read it, an error, the end and its counts.
OllamaChunk readLine(const QByteArray &line, const QJsonObject &json)
{
    OllamaChunk chunk;
    chunk.isObject = !json.isEmpty();
    chunk.isError = json.contains("error"_L1);
    if (chunk.isError)
        chunk.errorMessage = UpstreamError::messageFromBody(line);
    chunk.done = json.value("done"_L1).toBool();
    chunk.doneReason = json.value("done_reason"_L1).toString();
    chunk.usage = OllamaChunk::usageOf(json);
    chunk.durations = OllamaChunk::durationsOf(json);
    return chunk;
}

QString stringMember(
    std::span<const JsonSpans::Member> list, QByteArrayView json, QByteArrayView key, bool *twice)
{
    const JsonSpans::Member *member = PlainJson::unique(list, json, key, twice);
    return member ? PlainJson::string(json, member->value).value_or(QString()) : QString();
}

// The line most of a stream is made of (a message of text, done or not), read without building a document;
// nullopt leaves it to QJsonDocument: anything PlainJson does not accept, a key twice, an error, tool calls,
// counts or durations. What it reads is what fromLine would read from the document, found in one walk of
// the line (JsonScan).
std::optional<OllamaChunk> plainLine(const QByteArray &line)
{
    using namespace PlainJson;
    JsonScan scan(line);
    const std::optional<std::span<const JsonSpans::Member>> top = scan.plainObject();
    if (!top || top->empty())
        return std::nullopt;
    bool twice = false;
    for (const char *read : {"error", "eval_count", "prompt_eval_count", "total_duration"}) {
        if (unique(*top, line, read, &twice))
            return std::nullopt;
    }
    OllamaChunk chunk;
    chunk.isObject = true;
    if (const JsonSpans::Member *message = unique(*top, line, "message", &twice);
        message && line[message->value.begin] == '{') {
        const std::optional<std::span<const JsonSpans::Member>> fields = scan.plainMembers(message->value);
        if (!fields || unique(*fields, line, "tool_calls", &twice))
            return std::nullopt;
        chunk.thinking = stringMember(*fields, line, "thinking", &twice);
        chunk.content = stringMember(*fields, line, "content", &twice);
    }
    const JsonSpans::Member *done = unique(*top, line, "done", &twice);
    chunk.done = done && isTrue(line, done->value);
    chunk.doneReason = stringMember(*top, line, "done_reason", &twice);
    if (twice)
        return std::nullopt;
    return chunk;
}

} // namespace

OllamaChunk OllamaChunk::fromLine(const QByteArray &line)
{
    if (std::optional<OllamaChunk> plain = plainLine(line))
        return *std::move(plain);
    return fromLineDocument(line);
}

OllamaChunk OllamaChunk::fromLineDocument(const QByteArray &line)
{
    const QJsonObject json = parseUpstreamJson(line).object();
    OllamaChunk chunk = readLine(line, json);
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
    return chunk;
}

OllamaChunk OllamaChunk::fromGenerateLine(const QByteArray &line)
{
    const QJsonObject json = parseUpstreamJson(line).object();
    OllamaChunk chunk = readLine(line, json);
    if (!chunk.isObject || chunk.isError)
        return chunk;
    chunk.thinking = json.value("thinking"_L1).toString();
    chunk.content = json.value("response"_L1).toString();
    return chunk;
}

std::optional<TokenUsage> OllamaChunk::usageOf(const QJsonObject &last)
{
    if (!last.contains("eval_count"_L1) && !last.contains("prompt_eval_count"_L1))
        return std::nullopt;
    return TokenUsage {
        last.value("prompt_eval_count"_L1).toInteger(), last.value("eval_count"_L1).toInteger()};
}

std::optional<UpstreamDurations> OllamaChunk::durationsOf(const QJsonObject &last)
{
    if (!last.contains("total_duration"_L1))
        return std::nullopt;
    return UpstreamDurations {last.value("total_duration"_L1).toInteger(-1),
        last.value("load_duration"_L1).toInteger(-1), last.value("prompt_eval_duration"_L1).toInteger(-1),
        last.value("eval_duration"_L1).toInteger(-1)};
}
