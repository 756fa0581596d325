// SPDX-License-Identifier: MIT
// One AG-UI event (the Agent-User Interaction protocol), read from an SSE event's data: a JSON object with
// a `type` and the fields its type requires (as @ag-ui/core's schemas have them). The older THINKING_*
// names are read as the REASONING_* events they became. Pure: bytes in, an event or why not out, so
// tests and the fuzzer drive it directly.
#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

struct AguiEvent
{
    QString type; // as the agent sent it
    QString kind; // the type it is read as: THINKING_TEXT_MESSAGE_CONTENT is REASONING_MESSAGE_CONTENT
    QJsonObject json;

    QString string(QLatin1StringView key) const { return json.value(key).toString(); }
    // Its `timestamp` (ms since the epoch) when it has a sensible one.
    std::optional<qint64> timestampMs() const;

    static std::optional<AguiEvent> read(QByteArrayView data, QString *error);
};
