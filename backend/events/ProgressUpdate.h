// SPDX-License-Identifier: MIT
// How far a request or agent has got, as published to a session's progress stream.
#pragma once

#include "events/EventData.h"
#include "events/GenerationMetrics.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

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
    // The earlier service took the step's name and a time such as "2 minutes"; Ponder took numbers. Either
    // is kept as sent: a string, or a number (null when absent).
    QJsonValue currentStep;
    std::optional<qint64> totalSteps;
    QJsonValue estimatedRemaining; // a number is seconds
    QJsonArray intermediateFindings; // strings or objects, as sent
    QString currentActivity;
    std::optional<double> confidence; // 0..1; requests may call it confidence_level
    // Figures of a generation Ponder runs itself (time to first token, tokens/s...): written when not empty,
    // never read from a request.
    GenerationMetrics metrics;
    // Written when set, never read from a request: the run an update reports on (an AG-UI run, a trace),
    // and the fields Ponder's own views add (an AG-UI message id, the event an agent sent).
    QString runId;
    QJsonObject extra;

    // An update Ponder publishes itself, now, about a session's work.
    static ProgressUpdate now(const QString &sessionId, const QString &type, const QString &message,
        const QString &activity, std::optional<double> percentage = std::nullopt);
    static ProgressUpdate fromJson(const QJsonObject &json, JsonFieldReader &reader);
    QJsonObject toJson() const;
    // The data a store keeps: everything but the id, which the store assigns. Its text is written when first
    // read (a store that writes it elsewhere, a watcher, history), the same bytes as at once.
    EventData toStoredData() const;

private:
    QByteArray jsonText(bool withId) const;
};
