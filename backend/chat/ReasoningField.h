// SPDX-License-Identifier: MIT
// Where an OpenAI-shaped answer carries the model's reasoning for its client: llama.cpp, LM Studio and
// DeepSeek say `reasoning_content`; Ollama's and vLLM's OpenAI layers say `reasoning`. Set for the server
// with --reasoning-field, and per request.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

enum class ReasoningField
{
    ReasoningContent,
    Reasoning,
    Both,
};

inline std::optional<ReasoningField> reasoningFieldFromName(const QString &name)
{
    if (name == QLatin1String("reasoning_content"))
        return ReasoningField::ReasoningContent;
    if (name == QLatin1String("reasoning"))
        return ReasoningField::Reasoning;
    if (name == QLatin1String("both"))
        return ReasoningField::Both;
    return std::nullopt;
}

// The member names to write reasoning under.
inline QStringList reasoningFieldNames(ReasoningField field)
{
    switch (field) {
    case ReasoningField::ReasoningContent:
        return {QStringLiteral("reasoning_content")};
    case ReasoningField::Reasoning:
        return {QStringLiteral("reasoning")};
    case ReasoningField::Both:
        return {QStringLiteral("reasoning_content"), QStringLiteral("reasoning")};
    }
    return {};
}
