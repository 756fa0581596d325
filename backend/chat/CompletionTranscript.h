// Everything one completion said, assembled from its deltas: the non-streamed response and the
// history row are built from it.
#pragma once

#include "upstream/ChatRequest.h"

#include <QJsonArray>
#include <QMap>
#include <QString>

struct CompletionTranscript
{
    QString content;
    QString reasoning;
    QMap<int, QJsonObject> toolCalls; // by index, fragments merged
    qint64 deltas = 0; // content, reasoning and tool-call deltas received: tokens, near enough

    void addToolCallFragments(const QJsonArray &fragments);
    QJsonArray toolCallsJson() const;
    // OpenAI's assistant message: {role, content, reasoning_content?, tool_calls?}
    QJsonObject message() const;
};
