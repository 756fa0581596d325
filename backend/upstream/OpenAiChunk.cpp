// SPDX-License-Identifier: MIT
#include "upstream/OpenAiChunk.h"

#include "core/UpstreamJson.h"
#include "upstream/JsonScan.h"
#include "upstream/PlainJson.h"

#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

std::optional<TokenUsage> usageFrom(const QJsonValue &usage)
{
    if (!usage.isObject())
        return std::nullopt;
    return TokenUsage {usage["prompt_tokens"_L1].toInteger(), usage["completion_tokens"_L1].toInteger()};
}

// llama.cpp's `timings`: the prompt's and the generation's milliseconds (-1 where not a number).
UpstreamDurations durationsFrom(double promptMs, double predictedMs)
{
    UpstreamDurations durations;
    // Bounded before the conversion: a double outside qint64 cannot be converted.
    auto nanoseconds = [](double ms) { return ms >= 0 && ms < 9e9 ? qint64(ms * 1e6) : qint64(-1); };
    durations.promptNs = nanoseconds(promptMs);
    durations.evalNs = nanoseconds(predictedMs);
    if (durations.promptNs >= 0 && durations.evalNs >= 0)
        durations.totalNs = durations.promptNs + durations.evalNs;
    return durations;
}

std::optional<UpstreamDurations> durationsFrom(const QJsonValue &timings)
{
    if (!timings.isObject())
        return std::nullopt;
    return durationsFrom(timings["prompt_ms"_L1].toDouble(-1), timings["predicted_ms"_L1].toDouble(-1));
}

std::optional<PromptProgress> progressFrom(const QJsonValue &progress)
{
    if (!progress.isObject())
        return std::nullopt;
    return PromptProgress {progress["total"_L1].toInteger(), progress["cache"_L1].toInteger(),
        progress["processed"_L1].toInteger(), progress["time_ms"_L1].toInteger()};
}

QString stringMember(
    std::span<const JsonSpans::Member> list, QByteArrayView json, QByteArrayView key, bool *twice)
{
    const JsonSpans::Member *member = PlainJson::unique(list, json, key, twice);
    return member ? PlainJson::string(json, member->value).value_or(QString()) : QString();
}

// A member as QJsonValue::toDouble(otherwise) reads it: a number's value, else `otherwise`.
double doubleMember(std::span<const JsonSpans::Member> list, QByteArrayView json, QByteArrayView key,
    bool *twice, double otherwise)
{
    const JsonSpans::Member *member = PlainJson::unique(list, json, key, twice);
    return member ? PlainJson::number(json, member->value).value_or(otherwise) : otherwise;
}

// A member as QJsonValue::toInteger() reads it: a number of integral value, else 0. (A plain number has at
// most 15 digits before its point: always within qint64.)
qint64 integerMember(
    std::span<const JsonSpans::Member> list, QByteArrayView json, QByteArrayView key, bool *twice)
{
    const JsonSpans::Member *member = PlainJson::unique(list, json, key, twice);
    const std::optional<double> value = member ? PlainJson::number(json, member->value) : std::nullopt;
    return value && *value == std::trunc(*value) ? qint64(*value) : 0;
}

// The members of `key` if it is an object (nullopt in `*members` otherwise); false if it cannot be read
// plainly (a key written with an escape).
bool objectMember(std::span<const JsonSpans::Member> list, JsonScan &scan, QByteArrayView key, bool *twice,
    std::optional<std::span<const JsonSpans::Member>> *members)
{
    const JsonSpans::Member *member = PlainJson::unique(list, scan.json(), key, twice);
    if (!member || scan.json()[member->value.begin] != '{')
        return true;
    *members = scan.plainMembers(member->value);
    return members->has_value();
}

// The chunk a stream is made of (an envelope, one choice, a delta of text; the last one's usage and
// llama.cpp's timings and prompt progress), read without building a document; nullopt leaves it to
// QJsonDocument: anything PlainJson does not accept, a key twice, an error or tool calls. What it reads is
// what fromEvent would read from the document. What it finds, it finds through the unit's scan: a relaying
// route looked into these bytes just before.
std::optional<OpenAiChunk> plainDelta(const QByteArray &data)
{
    using namespace PlainJson;
    JsonScan scan(data);
    const std::optional<std::span<const JsonSpans::Member>> top = scan.plainObject();
    if (!top || top->empty())
        return std::nullopt;
    bool twice = false;
    if (unique(*top, data, "error", &twice))
        return std::nullopt;
    OpenAiChunk chunk;
    chunk.kind = OpenAiChunk::Kind::Delta;
    std::optional<std::span<const JsonSpans::Member>> usage;
    std::optional<std::span<const JsonSpans::Member>> timings;
    std::optional<std::span<const JsonSpans::Member>> progress;
    if (!objectMember(*top, scan, "usage", &twice, &usage)
        || !objectMember(*top, scan, "timings", &twice, &timings)
        || !objectMember(*top, scan, "prompt_progress", &twice, &progress))
        return std::nullopt;
    if (usage)
        chunk.usage = TokenUsage {integerMember(*usage, data, "prompt_tokens", &twice),
            integerMember(*usage, data, "completion_tokens", &twice)};
    if (timings)
        chunk.durations = durationsFrom(doubleMember(*timings, data, "prompt_ms", &twice, -1),
            doubleMember(*timings, data, "predicted_ms", &twice, -1));
    if (progress)
        chunk.promptProgress = PromptProgress {integerMember(*progress, data, "total", &twice),
            integerMember(*progress, data, "cache", &twice),
            integerMember(*progress, data, "processed", &twice),
            integerMember(*progress, data, "time_ms", &twice)};
    const JsonSpans::Member *choices = unique(*top, data, "choices", &twice);
    const std::span<const JsonSpans::Span> list = choices && data[choices->value.begin] == '['
        ? scan.elements(choices->value.begin)
        : std::span<const JsonSpans::Span>();
    if (!list.empty() && data[list.front().begin] == '{') { // the first choice; any other is not read
        const std::optional<std::span<const JsonSpans::Member>> choice = scan.plainMembers(list.front());
        if (!choice)
            return std::nullopt;
        if (const JsonSpans::Member *delta = unique(*choice, data, "delta", &twice);
            delta && data[delta->value.begin] == '{') {
            const std::optional<std::span<const JsonSpans::Member>> fields = scan.plainMembers(delta->value);
            if (!fields || unique(*fields, data, "tool_calls", &twice))
                return std::nullopt;
            chunk.reasoningContent = stringMember(*fields, data, "reasoning_content", &twice);
            chunk.reasoning = stringMember(*fields, data, "reasoning", &twice);
            chunk.content = stringMember(*fields, data, "content", &twice);
        }
        chunk.text = stringMember(*choice, data, "text", &twice);
        if (const JsonSpans::Member *reason = unique(*choice, data, "finish_reason", &twice))
            chunk.finishReason = string(data, reason->value);
    }
    if (twice)
        return std::nullopt;
    return chunk;
}

} // namespace

OpenAiChunk OpenAiChunk::fromEvent(const QByteArray &data)
{
    OpenAiChunk chunk;
    if (QByteArrayView(data).trimmed() == "[DONE]") {
        chunk.kind = Kind::Done;
        return chunk;
    }
    if (std::optional<OpenAiChunk> plain = plainDelta(data))
        return *std::move(plain);
    return fromEventDocument(data);
}

OpenAiChunk OpenAiChunk::fromEventDocument(const QByteArray &data)
{
    OpenAiChunk chunk;
    const QJsonObject json = parseUpstreamJson(data).object();
    if (json.isEmpty())
        return chunk;
    if (json.contains("error"_L1)) {
        const QJsonValue error = json.value("error"_L1);
        chunk.kind = Kind::Error;
        chunk.errorMessage = error.isObject() ? error["message"_L1].toString() : error.toVariant().toString();
        return chunk;
    }
    chunk.kind = Kind::Delta;
    chunk.usage = usageFrom(json.value("usage"_L1));
    chunk.durations = durationsFrom(json.value("timings"_L1));
    chunk.promptProgress = progressFrom(json.value("prompt_progress"_L1));
    const QJsonArray choices = json.value("choices"_L1).toArray();
    if (!choices.isEmpty())
        chunk.readChoice(choices.first().toObject(), false);
    return chunk;
}

OpenAiChunk OpenAiChunk::fromCompletion(const QByteArray &body)
{
    OpenAiChunk chunk;
    const QJsonObject json = parseUpstreamJson(body).object();
    if (json.contains("error"_L1) || !json.value("choices"_L1).isArray())
        return chunk;
    chunk.kind = Kind::Delta;
    chunk.usage = usageFrom(json.value("usage"_L1));
    chunk.durations = durationsFrom(json.value("timings"_L1));
    chunk.readChoice(json.value("choices"_L1).toArray().first().toObject(), true);
    return chunk;
}

void OpenAiChunk::readChoice(const QJsonObject &choice, bool whole)
{
    const QJsonObject delta = choice.value(whole ? "message"_L1 : "delta"_L1).toObject();
    reasoningContent = delta.value("reasoning_content"_L1).toString();
    reasoning = delta.value("reasoning"_L1).toString();
    content = delta.value("content"_L1).toString();
    text = choice.value("text"_L1).toString();
    if (delta.value("tool_calls"_L1).isArray()) {
        QJsonArray fragments = delta.value("tool_calls"_L1).toArray();
        for (qsizetype i = 0; i < fragments.size(); ++i) {
            QJsonObject fragment = fragments.at(i).toObject();
            if (!fragment.contains("index"_L1))
                fragment.insert("index"_L1, int(i));
            fragments.replace(i, fragment);
        }
        toolCalls = fragments;
    }
    if (choice.value("finish_reason"_L1).isString())
        finishReason = choice.value("finish_reason"_L1).toString();
}
