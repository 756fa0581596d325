// SPDX-License-Identifier: MIT
#include "ChatTypes.h"

#include "http/ApiError.h"
#include "upstream/UpstreamError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>

namespace {

// The backend speaks HTTP to its clients; the window speaks of what happened.
ChatError::Kind kindOf(int status, const QString &code)
{
    if (code == QLatin1String("model_not_found") || status == 404)
        return ChatError::Kind::ModelNotFound;
    if (code == QLatin1String("too_many_concurrent_requests"))
        return ChatError::Kind::Busy;
    if (code == QLatin1String("rate_limit_exceeded") || status == 429)
        return ChatError::Kind::RateLimited;
    if (code == QLatin1String("upstream_unreachable"))
        return ChatError::Kind::Unreachable;
    if (code == QLatin1String("upstream_timeout") || status == 504)
        return ChatError::Kind::Timeout;
    if (code == QLatin1String("upstream_auth_failed"))
        return ChatError::Kind::Rejected;
    if (status == 400 || status == 413)
        return ChatError::Kind::Invalid;
    return ChatError::Kind::Upstream;
}

} // namespace

ThinkSetting ThinkSetting::from(const QString &choice)
{
    if (choice == QLatin1String("off"))
        return {Mode::Off, {}};
    if (choice == QLatin1String("on"))
        return {Mode::On, {}};
    if (choice == QLatin1String("low") || choice == QLatin1String("medium")
        || choice == QLatin1String("high"))
        return {Mode::Level, choice};
    return {};
}

QString ChatError::kindName(Kind kind)
{
    return QString::fromLatin1(QMetaEnum::fromType<ChatFailure::Kind>().valueToKey(int(kind)));
}

ChatError::Kind ChatError::kindNamed(const QString &name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<ChatFailure::Kind>().keyToValue(name.toLatin1().constData(), &ok);
    return ok ? Kind(value) : Kind::Upstream;
}

QString ChatOutcome::stateName(State state)
{
    switch (state) {
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Complete:
        break;
    }
    return QStringLiteral("complete");
}

ChatOutcome::State ChatOutcome::stateNamed(const QString &name)
{
    if (name == QLatin1String("stopped"))
        return State::Stopped;
    if (name == QLatin1String("failed"))
        return State::Failed;
    return State::Complete;
}

ChatError ChatError::fromApi(const ApiError &error)
{
    ChatError chat;
    chat.kind = kindOf(error.status, error.code);
    chat.message = error.message;
    chat.code = error.code;
    return chat;
}

ChatError ChatError::fromUpstream(const UpstreamError &error)
{
    ChatError chat;
    chat.kind = error.cutOff ? Kind::CutOff : kindOf(error.status, error.code);
    chat.message = error.message;
    chat.retryAfterSeconds = error.retryAfterSeconds;
    chat.upstream = error.upstream;
    chat.code = error.code;
    chat.upstreamStatus = error.upstreamStatus;
    chat.cutOff = error.cutOff;
    chat.said = error.said;
    return chat;
}

ChatError::Kind ChatError::kindOfAgentCode(const QString &code)
{
    // The codes AgentRun gives its own RUN_ERRORs, as the window gives advice for them.
    if (code == QLatin1String("agent_unreachable"))
        return Kind::AgentUnreachable;
    if (code == QLatin1String("agent_timeout"))
        return Kind::AgentSilent;
    if (code == QLatin1String("agent_http_429"))
        return Kind::RateLimited;
    if (code == QLatin1String("agent_http_401") || code == QLatin1String("agent_http_403"))
        return Kind::AgentRefused;
    if (code == QLatin1String("agent_stream_ended") || code == QLatin1String("agent_disconnected"))
        return Kind::CutOff;
    return Kind::AgentFailed;
}

ChatError::Kind ChatError::kindOfFields(const QVariantMap &fields)
{
    const QString code = fields.value(QStringLiteral("code")).toString();
    if (fields.contains(QStringLiteral("agent")))
        return kindOfAgentCode(code);
    if (fields.value(QStringLiteral("cut_off")).toBool())
        return Kind::CutOff;
    return kindOf(fields.value(QStringLiteral("upstream_status")).toInt(), code);
}

QString ChatError::storedFields() const
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject::fromVariantMap(fields())).toJson(QJsonDocument::Compact));
}

QVariantMap ChatError::fieldsStored(const QString &stored)
{
    if (stored.isEmpty())
        return {};
    const QJsonDocument json = QJsonDocument::fromJson(stored.toUtf8());
    if (json.isObject())
        return json.object().toVariantMap();
    return {{QStringLiteral("detail"), stored}};
}

QVariantMap ChatError::fields() const
{
    QVariantMap fields;
    if (!upstream.isEmpty())
        fields.insert(QStringLiteral("upstream"), upstream);
    if (upstreamStatus > 0)
        fields.insert(QStringLiteral("upstream_status"), upstreamStatus);
    if (cutOff)
        fields.insert(QStringLiteral("cut_off"), true);
    if (!agent.isEmpty())
        fields.insert(QStringLiteral("agent"), agent);
    if (!code.isEmpty())
        fields.insert(QStringLiteral("code"), code);
    if (!said.isEmpty())
        fields.insert(QStringLiteral("detail"), said);
    return fields;
}
