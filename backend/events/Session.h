// SPDX-License-Identifier: MIT
// A session: one request or agent run whose thinking and progress clients can watch.
#pragma once

#include "events/EventData.h"
#include "events/EventKind.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>

struct Session
{
    QString id;
    QString userId;
    bool debugMode = false;
    QString userRequest;
    QJsonObject systemContext;
    QDateTime createdAt;
    QDateTime lastActivity;
    bool active = true;

    QJsonObject toJson() const;
    static Session fromJson(const QJsonObject &json);

    // Ids reach Redis keys, URLs and logs: letters, digits and . _ : - only, 1 to 128 of them.
    static bool isValidId(const QString &id);
    static QString generateId();
};

// What happened in a session so far; kept up to date as events are published.
struct SessionStats
{
    qint64 thinkingSteps = 0;
    qint64 progressUpdates = 0;
    double confidenceSum = 0;
    qint64 confidenceCount = 0;
    QMap<QString, qint64> thinkingTypesUsed;
    QMap<QString, qint64> progressTypesUsed;
    QDateTime lastUpdated;

    void record(EventKind kind, const EventData &eventData);
    QJsonObject toJson(const Session &session) const;
};
