// SPDX-License-Identifier: MIT
#include "upstream/UpstreamError.h"

#include "core/UpstreamJson.h"

#include <QJsonDocument>
#include <QJsonObject>

QString UpstreamError::messageFromBody(const QByteArray &body)
{
    const QJsonObject json = parseUpstreamJson(body).object();
    const QJsonValue error = json.value(QLatin1String("error"));
    if (error.isString())
        return error.toString();
    if (error.isObject() && error[QLatin1String("message")].isString())
        return error[QLatin1String("message")].toString();
    if (json.value(QLatin1String("detail")).isString())
        return json.value(QLatin1String("detail")).toString();
    if (json.value(QLatin1String("message")).isString())
        return json.value(QLatin1String("message")).toString();
    return QString::fromUtf8(body.left(500)).trimmed();
}

UpstreamError UpstreamError::fromHttpStatus(
    int upstreamStatus, const QByteArray &body, const QString &upstream)
{
    UpstreamError error = byStatus(upstreamStatus, body, upstream);
    error.upstream = upstream;
    error.upstreamStatus = upstreamStatus;
    error.said = messageFromBody(body);
    return error;
}

UpstreamError UpstreamError::byStatus(int upstreamStatus, const QByteArray &body, const QString &upstream)
{
    const QString own = messageFromBody(body);
    const QString detail = own.isEmpty() ? QStringLiteral("HTTP %1").arg(upstreamStatus) : own;
    const QString said = QStringLiteral("upstream '%1': %2").arg(upstream, detail);
    switch (upstreamStatus) {
    case 400:
    case 422:
        return {400, said, QStringLiteral("invalid_request"), {}};
    case 401:
    case 403:
        // The client's own credentials are fine; Ponder's key for the upstream is not.
        return {502,
            QStringLiteral("upstream '%1' rejected Ponder's API key (HTTP %2): %3")
                .arg(upstream)
                .arg(upstreamStatus)
                .arg(detail),
            QStringLiteral("upstream_auth_failed"), {}};
    case 404:
        return {404, said, QStringLiteral("model_not_found"), QStringLiteral("model")};
    case 408:
    case 504:
        return {504, said, QStringLiteral("upstream_timeout"), {}};
    case 413:
        return {413, said, QStringLiteral("request_too_large"), {}};
    case 429:
        return {429, said, QStringLiteral("rate_limit_exceeded"), {}};
    default:
        return {502, said, QStringLiteral("upstream_error"), {}};
    }
}

UpstreamError UpstreamError::fromFailure(HttpStreamClient::Failure failure, const QString &message)
{
    switch (failure) {
    case HttpStreamClient::Failure::Unreachable:
        return {502, message, QStringLiteral("upstream_unreachable"), {}};
    case HttpStreamClient::Failure::Timeout:
        return {504, message, QStringLiteral("upstream_timeout"), {}};
    case HttpStreamClient::Failure::Tls:
        return {502, message, QStringLiteral("upstream_tls_error"), {}};
    case HttpStreamClient::Failure::Broken:
        break;
    }
    return {502, message, QStringLiteral("upstream_error"), {}};
}

ApiError UpstreamError::toApiError() const
{
    ApiError error(status, message, param);
    error.code = code;
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
}

int UpstreamError::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = trimmed.toInt(&ok);
    if (ok)
        return seconds >= 0 ? seconds : -1;
    // An HTTP date (RFC 9110: IMF-fixdate), "Wed, 21 Oct 2015 07:28:00 GMT"; Qt 6.4 reads RFC 2822 dates
    // with a numeric offset only.
    QString date = QString::fromLatin1(trimmed);
    if (date.endsWith(QLatin1String(" GMT")))
        date = date.chopped(3) + QLatin1String("+0000");
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(std::max<qint64>(0, now.secsTo(when)));
}
