// SPDX-License-Identifier: MIT
#include "api/streaming/SessionRoutes.h"

#include "api/JsonBody.h"
#include "events/JsonFieldReader.h"
#include "http/ApiError.h"
#include "http/HttpResponder.h"
#include "http/Router.h"
#include "hub/StreamingHub.h"

#include <QJsonArray>
#include <QPointer>

namespace {

const QString Prefix = QStringLiteral("/api/streaming");

// Built from the Host the client used, so the URLs work behind port forwards and proxies alike.
QJsonObject webSocketUrls(const HttpRequest &request, const QString &sessionId)
{
    const QString host = QString::fromLatin1(request.header("host"));
    const bool secure = request.header("x-forwarded-proto") == "https";
    const QString base = (secure ? QStringLiteral("wss://") : QStringLiteral("ws://")) + host;
    return {
        {QStringLiteral("thinking"), base + QStringLiteral("/ws/thinking/") + sessionId},
        {QStringLiteral("progress"), base + QStringLiteral("/ws/progress/") + sessionId},
        {QStringLiteral("sessions"), base + QStringLiteral("/ws/sessions/") + sessionId},
    };
}

bool checkSessionId(const QString &id, HttpResponder &out)
{
    if (Session::isValidId(id))
        return true;
    sendApiError(out,
        {400, QStringLiteral("invalid session id: use 1 to 128 letters, digits, '.', '_', ':' or '-'"),
            QStringLiteral("session_id")});
    return false;
}

} // namespace

void SessionRoutes::registerOn(Router &router)
{
    router.add(
        "POST", Prefix + QStringLiteral("/sessions"),
        [this](const HttpRequest &request, const RouteParams &, HttpResponder &out) {
            const auto body = readJsonBody(request, m_hub.limits().maxBodyBytes, out);
            if (!body)
                return;
            JsonFieldReader reader(*body);
            Session session;
            session.id = reader.optionalString(QStringLiteral("session_id")).value_or(Session::generateId());
            session.userId = reader.optionalString(QStringLiteral("user_id")).value_or(QString());
            session.debugMode = reader.optionalBool(QStringLiteral("debug_mode")).value_or(false);
            session.userRequest = reader.optionalString(QStringLiteral("user_request")).value_or(QString());
            session.systemContext = reader.object(QStringLiteral("system_context"));
            if (!reader.ok())
                return sendApiError(out, {400, reader.errorMessage(), reader.errorField()});
            if (!checkSessionId(session.id, out))
                return;
            session.createdAt = session.lastActivity = QDateTime::currentDateTimeUtc();

            const QJsonObject urls = webSocketUrls(request, session.id);
            QPointer<HttpResponder> responder(&out);
            m_hub.store().createSession(session, [responder, session, urls](StoreStatus status) {
                if (!responder)
                    return;
                if (!status.ok())
                    return sendStoreFailure(*responder, status);
                responder->sendJson(201,
                    {{QStringLiteral("success"), true}, {QStringLiteral("session_id"), session.id},
                        {QStringLiteral("websocket_urls"), urls},
                        {QStringLiteral("session"), session.toJson()}});
            });
        },
        m_hub.limits().maxBodyBytes);

    router.add("GET", Prefix + QStringLiteral("/sessions"),
        [this](const HttpRequest &, const RouteParams &, HttpResponder &out) {
            QPointer<HttpResponder> responder(&out);
            m_hub.store().sessions([responder](StoreStatus status, const QList<Session> &sessions) {
                if (!responder)
                    return;
                if (!status.ok())
                    return sendStoreFailure(*responder, status);
                QJsonArray list;
                for (const Session &session : sessions)
                    list.append(session.toJson());
                responder->sendJson(
                    200, {{QStringLiteral("sessions"), list}, {QStringLiteral("count"), list.size()}});
            });
        });

    auto showSession = [this](bool statsOnly) {
        return [this, statsOnly](const HttpRequest &, const RouteParams &params, HttpResponder &out) {
            const QString id = params.value(QStringLiteral("id"));
            if (!checkSessionId(id, out))
                return;
            QPointer<HttpResponder> responder(&out);
            m_hub.store().session(id,
                [responder, statsOnly](
                    StoreStatus status, const Session &session, const SessionStats &stats) {
                    if (!responder)
                        return;
                    if (!status.ok())
                        return sendStoreFailure(*responder, status);
                    if (statsOnly)
                        return responder->sendJson(200, stats.toJson(session));
                    QJsonObject json = session.toJson();
                    json.insert(QStringLiteral("stats"), stats.toJson(session));
                    responder->sendJson(200, json);
                });
        };
    };
    router.add("GET", Prefix + QStringLiteral("/sessions/{id}"), showSession(false));
    router.add("GET", Prefix + QStringLiteral("/sessions/{id}/stats"), showSession(true));

    router.add("DELETE", Prefix + QStringLiteral("/sessions/{id}"),
        [this](const HttpRequest &, const RouteParams &params, HttpResponder &out) {
            const QString id = params.value(QStringLiteral("id"));
            if (!checkSessionId(id, out))
                return;
            QPointer<HttpResponder> responder(&out);
            m_hub.endSession(id, [responder, id](StoreStatus status) {
                if (!responder)
                    return;
                if (!status.ok())
                    return sendStoreFailure(*responder, status);
                responder->sendJson(200,
                    {{QStringLiteral("success"), true}, {QStringLiteral("session_id"), id},
                        {QStringLiteral("message"), QStringLiteral("session ended")}});
            });
        });
}
