// What `ponder serve` (and the desktop window's in-process backend) is asked to run with.
#pragma once

#include "hub/HubLimits.h"
#include "store/EventStore.h"

#include <QHostAddress>
#include <QString>

struct ServerOptions
{
    static constexpr quint16 DefaultPort = 8009;

    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = DefaultPort; // 0 picks a free port; the chosen one is logged
    QString dataDir; // empty: the platform's app-data folder
    QString redisUrl; // empty: events stay in memory
    QString redisKeyPrefix = QStringLiteral("ponder");
    StoreLimits storeLimits;
    HubLimits hubLimits;
};
