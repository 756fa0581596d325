// SPDX-License-Identifier: MIT
// One entry of a session's thinking or progress stream, as stores keep it and watchers receive it.
#pragma once

#include "events/EventData.h"
#include "events/EventKind.h"
#include "events/StreamId.h"

#include <QJsonObject>

struct StoredEvent
{
    QString sessionId;
    EventKind kind = EventKind::Thinking;
    StreamId id;
    QString type; // thinking_step | progress_update | session_end
    EventData data;
    struct Encoded
    {
        QByteArray bytes; // messageBytes()'s cache; empty until first asked for
        QString text; // messageText()'s cache; empty until first asked for
    };
    mutable Encoded encoded;

    // {type, id, data}: the message WebSocket and SSE clients receive; data carries the id too.
    QJsonObject toMessage() const;
    // toMessage() as compact JSON in UTF-8, written on first use: the hub hands one StoredEvent to every
    // watcher of a session, so an event is encoded once, not once per watcher. It is spliced together
    // from the data's text, without parsing it when the data's facts are known.
    const QByteArray &messageBytes() const;
    // messageBytes() as text (for QWebSocket), also written once.
    const QString &messageText() const;
    bool isSessionEnd() const { return type == QLatin1String("session_end"); }
};

// What an event's data costs held in memory, roughly: its text plus what holds it, for stores' byte bounds.
// Text written only when read (Ponder's own progress updates, a few hundred bytes) counts at a typical size.
qint64 memoryCost(const EventData &data);

inline QString messageTypeFor(EventKind kind)
{
    return kind == EventKind::Thinking ? QStringLiteral("thinking_step") : QStringLiteral("progress_update");
}
