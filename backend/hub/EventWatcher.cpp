// SPDX-License-Identifier: MIT
#include "hub/EventWatcher.h"

QJsonObject missedEventsMessage(EventKind kind, qint64 count)
{
    return {{QStringLiteral("type"), QStringLiteral("error")},
        {QStringLiteral("code"), QStringLiteral("events_missed")},
        {QStringLiteral("stream"), streamName(kind)}, {QStringLiteral("missed_events"), count},
        {QStringLiteral("message"),
            QStringLiteral("%1 %2 events were lost: Redis trimmed them before this server could read them "
                           "(they were written faster than it reads; a longer history length gives it room)")
                .arg(count)
                .arg(streamName(kind))}};
}
