#include "store/StoredEvent.h"

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
