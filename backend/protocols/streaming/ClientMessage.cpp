// SPDX-License-Identifier: MIT
#include "protocols/streaming/ClientMessage.h"

#include <QJsonDocument>
#include <QJsonObject>

ClientMessage readClientMessage(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    const QString type
        = document.isObject() ? document.object().value(QLatin1String("type")).toString() : text.trimmed();
    if (type == QLatin1String("ping"))
        return ClientMessage::Ping;
    if (type == QLatin1String("get_history"))
        return ClientMessage::GetHistory;
    if (type == QLatin1String("get_stats"))
        return ClientMessage::GetStats;
    return ClientMessage::Unknown;
}
