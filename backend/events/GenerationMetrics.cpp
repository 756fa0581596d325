// SPDX-License-Identifier: MIT
#include "events/GenerationMetrics.h"

QJsonObject GenerationMetrics::toJson() const
{
    if (isEmpty())
        return {};
    QJsonObject figures {{QStringLiteral("elapsed_ms"), *elapsedMs}, {QStringLiteral("tokens"), tokens}};
    if (ttftMs)
        figures.insert(QStringLiteral("ttft_ms"), *ttftMs);
    if (tokensPerSecond)
        figures.insert(QStringLiteral("tokens_per_second"), *tokensPerSecond);
    if (promptProgress) {
        figures.insert(QStringLiteral("prompt_progress"),
            QJsonObject {{QStringLiteral("total"), promptProgress->total},
                {QStringLiteral("cache"), promptProgress->cache},
                {QStringLiteral("processed"), promptProgress->processed},
                {QStringLiteral("time_ms"), promptProgress->timeMs},
                {QStringLiteral("percentage"), promptProgress->percentage}});
    }
    if (finishReason)
        figures.insert(QStringLiteral("finish_reason"), *finishReason);
    if (promptTokens)
        figures.insert(QStringLiteral("prompt_tokens"), *promptTokens);
    if (completionTokens)
        figures.insert(QStringLiteral("completion_tokens"), *completionTokens);
    return figures;
}
