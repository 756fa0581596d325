// Everything one generation said, assembled from its deltas by the Generation itself: the non-streamed
// response and the history row are both built from this one copy.
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

    void addToolCallFragments(const QJsonArray &fragments);
    QJsonArray toolCallsJson() const;
    // OpenAI's assistant message: {role, content, reasoning_content?, tool_calls?}
    QJsonObject message() const;
};
