// SPDX-License-Identifier: MIT
#include "http/HttpRequest.h"

ParsedJsonBody ParsedJsonBody::of(const QByteArray &body)
{
    ParsedJsonBody parsed;
    parsed.document = QJsonDocument::fromJson(body, &parsed.error);
    return parsed;
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (name.compare(header.first, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool HttpRequest::isWebSocketUpgrade() const
{
    return header("upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
}

bool HttpRequest::acceptsEventStream() const
{
    return header("accept").contains("text/event-stream");
}
