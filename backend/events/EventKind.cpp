// SPDX-License-Identifier: MIT
#include "events/EventKind.h"

QLatin1String streamNameLatin1(EventKind kind)
{
    return kind == EventKind::Thinking ? QLatin1String("thinking") : QLatin1String("progress");
}

QString streamName(EventKind kind)
{
    return streamNameLatin1(kind);
}

std::optional<EventKind> eventKindFromName(QStringView name)
{
    if (name == QLatin1String("thinking"))
        return EventKind::Thinking;
    if (name == QLatin1String("progress"))
        return EventKind::Progress;
    return std::nullopt;
}
