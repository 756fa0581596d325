// SPDX-License-Identifier: MIT
// Everything one generation said, assembled from its deltas by the Generation itself: the non-streamed
// response and the history row are both built from this one copy. Each delta is appended where it belongs,
// so assembling an answer costs what it weighs, however many fragments it came in.
#pragma once

#include "upstream/ChatRequest.h"

#include <QJsonArray>
#include <QMap>
#include <QString>

struct CompletionTranscript
{
    QString content;
    QString reasoning;

    void addToolCallFragments(const QJsonArray &fragments);
    bool hasToolCalls() const { return !m_toolCalls.isEmpty(); }
    // [{id, type, function: {name, arguments}}], by index, fragments merged
    QJsonArray toolCallsJson() const;
    // OpenAI's assistant message: {role, content, reasoning_content?, tool_calls?}
    QJsonObject message() const;
    // About how long the answer is: its text, reasoning and tool calls' arguments, in characters.
    qsizetype chars() const;

private:
    struct ToolCall
    {
        QJsonObject fields; // id, type
        QJsonValue name;
        QString arguments; // appended to in place: a JSON object's strings are copied on every change
    };
    QMap<int, ToolCall> m_toolCalls; // by index
};
