// SPDX-License-Identifier: MIT
// What went wrong upstream, already translated into what Ponder answers its own client: an unknown
// model stays a 404, a rate limit a 429, an unreachable server a 502, a silent one a 504.
#pragma once

#include "http/ApiError.h"
#include "upstream/HttpStreamClient.h"

#include <QDateTime>
#include <QString>

#include <optional>

// An error answer as the upstream sent it: its status, Content-Type and body.
struct UpstreamAnswer
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

struct UpstreamError
{
    int status = 502;
    QString message;
    QString code;
    QString param;
    int retryAfterSeconds = -1; // the upstream's Retry-After, when it gave one: passed on to the client
    // Not part of Ponder's own answer (its status and code say enough to its clients); the window uses them.
    bool cutOff = false; // the response had begun, and its stream broke off before the end
    QString upstream {}; // which upstream failed, by its name
    int upstreamStatus = 0; // the HTTP status it answered with; 0 when it answered none
    // The upstream's own words (its error body's message, an error inside its stream) or the network's
    // (Qt's socket error), never Ponder's sentence around them: shown quoted under the window's words.
    QString said {};

    // Retry-After in seconds: a number of seconds, or an HTTP date; -1 when absent or unreadable.
    static int parseRetryAfter(const QByteArray &value, const QDateTime &now);
    // The upstream's own error answer (a non-2xx status), when it was read whole: a route that speaks the
    // upstream's API passes it on as it is, status, type, code and extra fields included.
    std::optional<UpstreamAnswer> answer = std::nullopt;
    // The upstream said so inside its stream (an error event or line), which went out through
    // Generation::upstreamData like every other unit: a relaying route has passed it on already.
    bool inStream = false;

    static UpstreamError fromHttpStatus(int upstreamStatus, const QByteArray &body, const QString &upstream);
    static UpstreamError fromFailure(HttpStreamClient::Failure failure, const QString &message);
    static UpstreamError badGateway(const QString &message)
    {
        return {502, message, QStringLiteral("upstream_error"), {}};
    }
    // Finds the message in an error body: OpenAI's {"error":{"message"}}, Ollama's {"error":"..."}, or text.
    static QString messageFromBody(const QByteArray &body);

    ApiError toApiError() const;

private:
    // The answer Ponder gives its own clients for an upstream's status.
    static UpstreamError byStatus(int upstreamStatus, const QByteArray &body, const QString &upstream);
};
