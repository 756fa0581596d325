// SPDX-License-Identifier: MIT
// An event's data: its compact JSON text and, read from it when first asked for, the object. The text is
// written once, where the event comes in, and reused by the Redis store and by every watcher's message;
// the object is only parsed when something reads the data member by member (history, the window). Data
// Ponder makes itself may leave its text to be written when first read (`whenRead`): a request's progress
// updates kept in memory that no one watches are then never written at all.
#pragma once

#include "events/EventKind.h"

#include <QByteArray>
#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>

// What the hub reads of every event: for a session's statistics and to splice the text into messages.
struct EventFacts
{
    QString sessionId;
    QString type; // thinking_type or update_type, as the event's kind has it
    std::optional<double> confidence; // confidence_level or confidence, likewise
    bool hasOwnId = false; // the data carries an "id" member
};

class EventData
{
public:
    EventData() = default;
    // Encodes the object (implicit: the hub takes plain objects from callers that build them).
    EventData(QJsonObject object); // NOLINT(google-explicit-constructor)
    // Compact JSON text that Ponder wrote (JsonWriter, or Redis giving back what was stored); parsed on
    // first use. With `facts`, text written from a validated event whose facts are known without parsing.
    static EventData fromText(QByteArray text);
    static EventData fromText(QByteArray text, EventFacts facts);
    // Text a Ponder store wrote into `sessionId`'s stream, which it writes in the shape messages show:
    // an object with that session's id and no id of its own. Spliced into messages without parsing.
    static EventData fromStreamText(QByteArray text, QString sessionId);
    // Text that `write` gives when it is first read (the same bytes whenever that is: `write` holds what it
    // writes, not where to read it), with the facts known now. `write` may run on any thread that reads a
    // copy, once per copy not yet written: it must only read what it holds.
    static EventData whenRead(std::function<QByteArray()> write, EventFacts facts);

    const QJsonObject &object() const;
    const QByteArray &text() const;
    // The text's size, or nullopt while it is still to be written (whenRead): asking must not write it.
    std::optional<qsizetype> writtenSize() const;
    EventFacts facts(EventKind kind) const;
    // Whether the text can be spliced into a message of `sessionId`'s as it is: an object that carries
    // that session's id and no id of its own, which is what StoredEvent::toMessage() makes of it.
    bool isMessageShapedFor(const QString &sessionId, EventKind kind) const;

private:
    mutable QByteArray m_text;
    // Until the text is first read (whenRead), what writes it; shared by copies made before that.
    mutable std::shared_ptr<const std::function<QByteArray()>> m_write;
    std::optional<EventFacts> m_facts; // when the writer knew them
    QString m_streamSessionId; // fromStreamText's session: the text is known to be message-shaped for it
    // Filled on first use; each copy fills its own, so copies handed to another thread stay independent.
    mutable std::optional<QJsonObject> m_object;
};
