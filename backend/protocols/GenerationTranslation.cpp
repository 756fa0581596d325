// SPDX-License-Identifier: MIT
#include "protocols/GenerationTranslation.h"

#include <QJsonDocument>

QByteArray StreamEvent::toSse() const
{
    return "event: " + type.toUtf8()
        + "\ndata: " + (json.isEmpty() ? QJsonDocument(data).toJson(QJsonDocument::Compact) : json) + "\n\n";
}

bool GenerationTranslation::mayOpenToolCall(int index, QLatin1StringView apiName)
{
    if (m_openedToolCalls.contains(index)) {
        setProblem(ApiError(502,
            QStringLiteral("the upstream went back to tool call %1 after starting the next one, "
                           "which the %2 cannot stream")
                .arg(index)
                .arg(apiName)));
        return false;
    }
    m_openedToolCalls.insert(index);
    return true;
}
