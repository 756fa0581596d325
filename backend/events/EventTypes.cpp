// SPDX-License-Identifier: MIT
#include "events/EventTypes.h"

namespace EventTypes {

const QStringList &thinkingTypes()
{
    static const QStringList types {
        QStringLiteral("initialization"),
        QStringLiteral("analysis"),
        QStringLiteral("decision"),
        QStringLiteral("planning"),
        QStringLiteral("evaluation"),
        QStringLiteral("risk_assessment"),
        QStringLiteral("service_selection"),
        QStringLiteral("workflow_generation"),
        QStringLiteral("execution_planning"),
        QStringLiteral("result_analysis"),
        // A step of a model's reasoning whose kind nobody named: shown as a neutral, numbered step.
        QStringLiteral("reasoning"),
    };
    return types;
}

const QStringList &progressTypes()
{
    static const QStringList types {
        QStringLiteral("progress"),
        QStringLiteral("intermediate_result"),
        QStringLiteral("thinking_aloud"),
        QStringLiteral("discovery"),
        QStringLiteral("warning"),
        QStringLiteral("completion"),
    };
    return types;
}

} // namespace EventTypes
