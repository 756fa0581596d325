// An event's data: the object and its compact JSON text, kept together so that the text is written
// once, where the event comes in, and reused by the Redis store and by every watcher's message.
#pragma once

#include <QByteArray>
#include <QJsonObject>

class EventData
{
public:
    EventData() = default;
    // Encodes the object (implicit: the hub takes plain objects from callers that build them).
    EventData(QJsonObject object); // NOLINT(google-explicit-constructor)
    // Parses compact JSON text that Ponder wrote (JsonWriter, or Redis giving back what was stored).
    static EventData fromText(QByteArray text);

    const QJsonObject &object() const { return m_object; }
    const QByteArray &text() const { return m_text; }

private:
    QJsonObject m_object;
    QByteArray m_text;
};
