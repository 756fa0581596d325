#include "events/EventKind.h"

QString streamName(EventKind kind)
{
    return kind == EventKind::Thinking ? QStringLiteral("thinking") : QStringLiteral("progress");
}

std::optional<EventKind> eventKindFromName(QStringView name)
{
    if (name == QLatin1String("thinking"))
        return EventKind::Thinking;
    if (name == QLatin1String("progress"))
        return EventKind::Progress;
    return std::nullopt;
}
