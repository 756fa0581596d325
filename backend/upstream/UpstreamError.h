// What went wrong upstream, already translated into what Ponder answers its own client: an unknown
// model stays a 404, a rate limit a 429, an unreachable server a 502, a silent one a 504.
#pragma once

#include "http/ApiError.h"
#include "upstream/HttpStreamClient.h"

#include <QString>

struct UpstreamError
{
    int status = 502;
    QString message;
    QString code;
    QString param;

    static UpstreamError fromHttpStatus(int upstreamStatus, const QByteArray &body, const QString &upstream);
    static UpstreamError fromFailure(HttpStreamClient::Failure failure, const QString &message);
    static UpstreamError badGateway(const QString &message)
    {
        return {502, message, QStringLiteral("upstream_error"), {}};
    }
    // Finds the message in an error body: OpenAI's {"error":{"message"}}, Ollama's {"error":"..."}, or text.
    static QString messageFromBody(const QByteArray &body);

    ApiError toApiError() const;
};
