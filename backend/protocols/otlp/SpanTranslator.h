// SPDX-License-Identifier: MIT
// Turns one OTLP span into the thinking steps Ponder shows, reading its meaning from the GenAI semantic
// conventions: gen_ai.operation.name invoke_agent / create_agent is an agent (named by gen_ai.agent.name),
// chat / text_completion / generate_content a model call (its model and token usage), execute_tool a tool
// call (gen_ai.tool.name, its arguments and result), embeddings an embedding; any other span is a step.
// The step's id is the span id and its parent the parent span's, so a child that arrives before its
// parent still nests once the parent comes. Pure: span in, steps out.
#pragma once

#include "events/ThinkingStep.h"
#include "protocols/otlp/OtlpSpan.h"

struct SpanSteps
{
    // The span's own step, then its reasoning (when recorded) as a child step of kind reasoning.
    QList<ThinkingStep> steps;
    bool root = false; // no parent span
    bool ended = false;
    bool failed = false; // status ERROR
    QString errorMessage;
    // What the span would name its session: a root agent's name (rank 3) over a root span's name (2: its
    // own, or "{operation} {model}" when it has none) over any agent's name (1); 0 names nothing.
    QString title;
    int titleRank = 0;
};

namespace SpanTranslator {

// Reasoning a step carries at most (as the chat's thinking_aloud updates do); more is clipped.
inline constexpr qsizetype MaxReasoningCharacters = 32 * 1024;

SpanSteps translate(const OtlpSpan &span, const QString &sessionId);
QString hex(const QByteArray &id);
// gen_ai.operation.name mapped to a step kind.
QString kindOf(const QString &operation);

} // namespace SpanTranslator
