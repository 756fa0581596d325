#include "api/EventRoutes.h"

#include "api/JsonBody.h"
#include "api/SseWatcher.h"
#include "events/JsonFieldReader.h"
#include "events/ProgressUpdate.h"
#include "events/ThinkingStep.h"
#include "http/ApiError.h"
#include "http/HttpResponder.h"
#include "http/Router.h"
#include "hub/StreamingHub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace {

const QString Prefix = QStringLiteral("/api/streaming");

// Turns a validated event into its stored form; returns an error for an invalid or oversized one.
template<typename Event>
std::optional<ApiError> prepare(
    const QJsonObject &body, qint64 maxEventBytes, QString *sessionId, QJsonObject *data)
{
    JsonFieldReader reader(body);
    Event event = Event::fromJson(body, reader);
    if (!reader.ok())
        return ApiError(400, reader.errorMessage(), reader.errorField());
    if (!Session::isValidId(event.sessionId))
        return ApiError(400, QStringLiteral("invalid session id"), QStringLiteral("session_id"));
    event.id.clear(); // the store assigns ids; a client cannot choose one
    event.timestamp = QDateTime::currentDateTimeUtc();
    *data = event.toJson();
    data->remove(QStringLiteral("id"));
    const qsizetype size = QJsonDocument(*data).toJson(QJsonDocument::Compact).size();
    if (size > maxEventBytes)
        return ApiError(
            413, QStringLiteral("event is %1 bytes; the limit is %2 bytes").arg(size).arg(maxEventBytes));
    *sessionId = event.sessionId;
    return std::nullopt;
}

std::optional<StreamId> readSince(const HttpRequest &request, HttpResponder &out)
{
    QString since = request.query.queryItemValue(QStringLiteral("since"));
    if (since.isEmpty())
        since = QString::fromLatin1(request.header("last-event-id"));
    if (since.isEmpty())
        return StreamId {};
    const auto id = StreamId::parse(since);
    if (!id)
        sendApiError(out,
            {400, QStringLiteral("'since' must be a stream id such as 1700000000000-0"),
                QStringLiteral("since")});
    return id;
}

std::optional<StreamingHub::KindSet> readKinds(const HttpRequest &request, HttpResponder &out)
{
    const QString kind = request.query.queryItemValue(QStringLiteral("kind"));
    if (kind.isEmpty())
        return StreamingHub::KindSet {EventKind::Thinking, EventKind::Progress};
    if (const auto parsed = eventKindFromName(kind))
        return StreamingHub::KindSet {*parsed};
    sendApiError(out, {400, QStringLiteral("'kind' must be thinking or progress"), QStringLiteral("kind")});
    return std::nullopt;
}

} // namespace

void EventRoutes::registerOn(Router &router)
{
    auto publishRoute = [this](EventKind kind) {
        return [this, kind](const HttpRequest &request, const RouteParams &, HttpResponder &out) {
            const auto body = readJsonBody(request, m_hub.limits().maxBodyBytes, out);
            if (!body)
                return;
            QString sessionId;
            QJsonObject data;
            const auto error = kind == EventKind::Thinking
                ? prepare<ThinkingStep>(*body, m_hub.limits().maxEventBytes, &sessionId, &data)
                : prepare<ProgressUpdate>(*body, m_hub.limits().maxEventBytes, &sessionId, &data);
            if (error)
                return sendApiError(out, *error);
            QPointer<HttpResponder> responder(&out);
            m_hub.publish(sessionId, kind, data, [responder](StoreStatus status, const StoredEvent &event) {
                if (!responder)
                    return;
                if (!status.ok())
                    return sendStoreFailure(*responder, status);
                responder->sendJson(
                    201, {{QStringLiteral("success"), true}, {QStringLiteral("id"), event.id.toString()}});
            });
        };
    };
    router.add("POST", Prefix + QStringLiteral("/thinking"), publishRoute(EventKind::Thinking));
    router.add("POST", Prefix + QStringLiteral("/progress"), publishRoute(EventKind::Progress));

    router.add("GET", Prefix + QStringLiteral("/sessions/{id}/events"),
        [this](const HttpRequest &request, const RouteParams &params, HttpResponder &out) {
            const QString id = params.value(QStringLiteral("id"));
            if (!Session::isValidId(id))
                return sendApiError(
                    out, {400, QStringLiteral("invalid session id"), QStringLiteral("session_id")});
            const auto since = readSince(request, out);
            const auto kinds = since ? readKinds(request, out) : std::nullopt;
            if (!since || !kinds)
                return;
            if (request.acceptsEventStream())
                return SseWatcher::start(m_hub, id, *kinds, *since, out);

            QPointer<HttpResponder> responder(&out);
            m_hub.history(
                id, *kinds, *since, [responder, id](StoreStatus status, const QList<StoredEvent> &events) {
                    if (!responder)
                        return;
                    if (!status.ok())
                        return sendStoreFailure(*responder, status);
                    QJsonArray list;
                    for (const StoredEvent &event : events)
                        list.append(event.toMessage());
                    const QJsonValue lastId = events.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                               : QJsonValue(events.last().id.toString());
                    responder->sendJson(200,
                        {{QStringLiteral("session_id"), id}, {QStringLiteral("events"), list},
                            {QStringLiteral("last_id"), lastId}});
                });
        });
}
