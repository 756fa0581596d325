// SPDX-License-Identifier: MIT
// One step of an agent's or model's reasoning, as published to a session's thinking stream.
#pragma once

#include "events/EventData.h"
#include "events/StepDetails.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

class JsonFieldReader;

struct ThinkingStep
{
    QString sessionId;
    QString id; // stream entry id, set by the store
    QDateTime timestamp;
    QString thinkingType;
    QString content;
    QStringList reasoningChain;
    std::optional<double> confidenceLevel; // 0..1
    QStringList alternativesConsidered;
    QStringList decisionFactors;
    QJsonObject contextUsed;
    std::optional<double> estimatedDuration; // seconds
    StepDetails details; // step_id, parent_id, kind, times...: what nests and times the step

    // Reads a request body or a stored event; on a problem the reader names the field.
    static ThinkingStep fromJson(const QJsonObject &json, JsonFieldReader &reader);
    QJsonObject toJson() const;
    // The data a store keeps: everything but the id, which the store assigns.
    EventData toStoredData() const;

private:
    QByteArray jsonText(bool withId) const;
};
