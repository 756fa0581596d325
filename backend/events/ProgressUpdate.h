// How far a request or agent has got, as published to a session's progress stream.
#pragma once

#include "events/EventData.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

class JsonFieldReader;

struct ProgressUpdate
{
    QString sessionId;
    QString id; // stream entry id, set by the store
    QDateTime timestamp;
    QString updateType; // requests may call it progress_type
    QString message;
    std::optional<double> progressPercentage; // 0..100
    std::optional<qint64> currentStep;
    std::optional<qint64> totalSteps;
    std::optional<double> estimatedRemaining; // seconds
    QStringList intermediateFindings;
    QString currentActivity;
    std::optional<double> confidence; // 0..1; requests may call it confidence_level
    // Figures of a generation Ponder runs itself (time to first token, tokens/s...): written when not empty,
    // never read from a request.
    QJsonObject metrics;

    static ProgressUpdate fromJson(const QJsonObject &json, JsonFieldReader &reader);
    QJsonObject toJson() const;
    // The data a store keeps: everything but the id, which the store assigns.
    EventData toStoredData() const;

private:
    QByteArray jsonText(bool withId) const;
};
