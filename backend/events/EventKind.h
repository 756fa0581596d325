// SPDX-License-Identifier: MIT
// The two streams of a session, and the message type each carries on the wire.
#pragma once

#include <QString>

#include <optional>

enum class EventKind
{
    Thinking,
    Progress
};

QString streamName(EventKind kind); // "thinking" | "progress"
QLatin1String streamNameLatin1(EventKind kind); // the same, without a conversion (Redis keys)
std::optional<EventKind> eventKindFromName(QStringView name);
