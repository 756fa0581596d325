#include "store/StoredEvent.h"

#include <QJsonDocument>

QJsonObject StoredEvent::toMessage() const
{
    QJsonObject payload = data;
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
    if (encodedMessage.isEmpty())
        encodedMessage = QString::fromUtf8(QJsonDocument(toMessage()).toJson(QJsonDocument::Compact));
    return encodedMessage;
}
