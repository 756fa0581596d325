// SPDX-License-Identifier: MIT
#include "store/StoredEvent.h"

#include "events/JsonWriter.h"

#include <QJsonDocument>

QJsonObject StoredEvent::toMessage() const
{
    QJsonObject payload = data.object();
    payload.insert(QStringLiteral("id"), id.toString());
    payload.insert(QStringLiteral("session_id"), sessionId);
    return {
        {QStringLiteral("type"), type},
        {QStringLiteral("id"), id.toString()},
        {QStringLiteral("data"), payload},
    };
}

const QString &StoredEvent::messageText() const
{
    if (encoded.text.isEmpty())
        encoded.text = QString::fromUtf8(messageBytes());
    return encoded.text;
}

const QByteArray &StoredEvent::messageBytes() const
{
    if (!encoded.bytes.isEmpty())
        return encoded.bytes;
    // The splice gives what toMessage() holds when data has the session id and no id of its own,
    // which is how events are stored; anything else is encoded in full.
    if (!data.isMessageShapedFor(sessionId, kind)) {
        encoded.bytes = QJsonDocument(toMessage()).toJson(QJsonDocument::Compact);
        return encoded.bytes;
    }
    const QByteArray &dataText = data.text();
    const QByteArray idText = id.toString().toLatin1(); // digits and a dash
    QByteArray text;
    text.reserve(dataText.size() + 2 * idText.size() + 64);
    text += "{\"type\":";
    JsonWriter::appendString(text, type);
    text += ",\"id\":\"" + idText + "\",\"data\":{\"id\":\"" + idText + "\",";
    text += QByteArrayView(dataText).sliced(1); // the data's members and its closing brace
    text += '}';
    encoded.bytes = std::move(text);
    return encoded.bytes;
}

qint64 memoryCost(const EventData &data)
{
    constexpr qint64 OverheadBytes = 160; // the StoredEvent, its list slot, its id and type
    constexpr qint64 UnwrittenBytes = 384;
    return OverheadBytes + data.writtenSize().value_or(UnwrittenBytes);
}
