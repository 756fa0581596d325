// SPDX-License-Identifier: MIT
#include "protocols/GenerationTranslation.h"

#include <QJsonDocument>

QByteArray StreamEvent::toSse() const
{
    return "event: " + type.toUtf8() + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact)
        + "\n\n";
}
