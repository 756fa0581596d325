// SPDX-License-Identifier: MIT
// One line of Ollama's /api/chat or /api/generate NDJSON stream, read apart from the connection so that
// unit tests and the fuzzer can give it anything: what the line says, before the generation numbers its
// tool calls. Pure: a line of megabytes is read on a worker thread.
#pragma once

#include "upstream/ChatRequest.h"

#include <QJsonValue>
#include <QList>

#include <optional>

struct OllamaChunk
{
    struct ToolCall
    {
        QJsonValue name;
        QString arguments; // JSON text: Ollama sends an object, some servers a string
    };

    bool isObject = false; // false: not a JSON object with members, which Ponder cannot read
    bool isError = false; // {"error": ...}
    QString errorMessage; // what the error line says
    QString thinking;
    QString content; // a chat line's message content, a generate line's `response`
    QList<ToolCall> toolCalls;
    bool done = false;
    QString doneReason;
    std::optional<TokenUsage> usage; // on the last line, when Ollama counted
    std::optional<UpstreamDurations> durations; // on the last line, in nanoseconds

    static OllamaChunk fromLine(const QByteArray &line);
    // A line of /api/generate: `thinking` and `response` at the top, no tool calls.
    static OllamaChunk fromGenerateLine(const QByteArray &line);
    // What fromLine reads, always through a QJsonDocument (it reads the plainest lines without one): for the
    // tests that hold the two readings alike.
    static OllamaChunk fromLineDocument(const QByteArray &line);
    // What the last line of any of Ollama's answers says (chat, generate, embed): counts, durations.
    static std::optional<TokenUsage> usageOf(const QJsonObject &last);
    static std::optional<UpstreamDurations> durationsOf(const QJsonObject &last);
};
