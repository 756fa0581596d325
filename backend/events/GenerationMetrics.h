// SPDX-License-Identifier: MIT
// The figures of a generation Ponder runs itself, as its progress updates carry them (`metrics`): kept as
// numbers, made into JSON only when the update is written (in memory with no one watching, never).
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

struct GenerationMetrics
{
    // llama.cpp's prompt processing progress, as its `prompt_progress` said it.
    struct PromptReading
    {
        qint64 total = 0;
        qint64 cache = 0;
        qint64 processed = 0;
        qint64 timeMs = 0;
        double percentage = 0;
    };

    std::optional<qint64> elapsedMs; // none: no figures at all
    qint64 tokens = 0;
    std::optional<qint64> ttftMs;
    std::optional<double> tokensPerSecond;
    std::optional<PromptReading> promptProgress;
    std::optional<QString> finishReason;
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens;

    bool isEmpty() const { return !elapsedMs; }
    QJsonObject toJson() const;
};
