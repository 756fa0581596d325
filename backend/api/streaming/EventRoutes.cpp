// SPDX-License-Identifier: MIT
#include "api/streaming/EventRoutes.h"

#include "api/JsonBody.h"
#include "api/streaming/SseWatcher.h"
#include "events/JsonFieldReader.h"
#include "events/JsonWriter.h"
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
constexpr qsizetype MaxBatch = 1000;

// Turns a validated event into its stored form; returns an error for an invalid or oversized one.
template<typename Event>
std::optional<ApiError> prepare(
    const QJsonObject &body, qint64 maxEventBytes, QString *sessionId, EventData *data)
{
    JsonFieldReader reader(body);
    Event event = Event::fromJson(body, reader);
    if (!reader.ok())
        return ApiError(400, reader.errorMessage(), reader.errorField());
    if (!Session::isValidId(event.sessionId))
        return ApiError(400, QStringLiteral("invalid session id"), QStringLiteral("session_id"));
    event.timestamp = QDateTime::currentDateTimeUtc();
    *data = event.toStoredData(); // without the client's id, if it sent one: the store assigns ids
    const qsizetype size = data->text().size();
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

void EventRoutes::publishAll(
    EventKind kind, const QList<QPair<QString, EventData>> &events, bool batch, HttpResponder &out)
{
    // A batch may name several sessions: each session's events go to the store together, in order.
    // Consecutive events of one session, the usual batch, skip the lookup, and the hash is only built once a
    // second session appears: for a single event it cost more than any other step here.
    QList<QString> sessions;
    QList<QList<qsizetype>> positions; // per session, where its events are in the batch
    QHash<QString, qsizetype> groupOf;
    const auto groupFor = [&](const QString &sessionId) -> qsizetype {
        if (!sessions.isEmpty()) {
            if (groupOf.isEmpty())
                groupOf.insert(sessions.first(), 0);
            if (const auto it = groupOf.constFind(sessionId); it != groupOf.cend())
                return *it;
            groupOf.insert(sessionId, sessions.size());
        }
        sessions.append(sessionId);
        positions.append(QList<qsizetype>());
        return sessions.size() - 1;
    };
    qsizetype group = -1;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QString &sessionId = events.at(i).first;
        if (group < 0 || sessions.at(group) != sessionId)
            group = groupFor(sessionId);
        positions[group].append(i);
    }
    struct Progress
    {
        QStringList ids;
        qsizetype pendingSessions = 0;
        bool failed = false;
    };
    auto progress = std::make_shared<Progress>();
    progress->ids.resize(events.size());
    progress->pendingSessions = sessions.size();
    QPointer<HttpResponder> responder(&out);
    for (qsizetype g = 0; g < sessions.size(); ++g) {
        const QString &sessionId = sessions.at(g);
        const QList<qsizetype> &at = positions.at(g);
        QList<EventData> data;
        data.reserve(at.size());
        for (qsizetype i : at)
            data.append(events.at(i).second);
        m_hub.publishMany(sessionId, kind, data,
            [responder, progress, batch, at](StoreStatus status, const QList<StoredEvent> &written) {
                if (progress->failed)
                    return;
                if (!status.ok()) {
                    progress->failed = true;
                    if (responder)
                        sendStoreFailure(*responder, status);
                    return;
                }
                for (qsizetype i = 0; i < written.size(); ++i)
                    progress->ids[at.at(i)] = written.at(i).id.toString();
                if (--progress->pendingSessions > 0 || !responder)
                    return;
                // Written as text: a QJsonArray of a batch's ids cost more than storing the batch.
                JsonWriter answer;
                answer.beginObject().field(QLatin1StringView("success"), true);
                if (batch)
                    answer.field(QLatin1StringView("ids"), progress->ids);
                else
                    answer.field(QLatin1StringView("id"), progress->ids.first());
                responder->send(201, answer.endObject().take(), "application/json");
            });
    }
}

void EventRoutes::registerOn(Router &router)
{
    // One event (an object) or a batch (an array of up to MaxBatch objects, validated as a whole before
    // any is published, then published in order): agents that think fast send fewer requests.
    auto publishRoute = [this](EventKind kind) {
        return [this, kind](const HttpRequest &request, const RouteParams &, HttpResponder &out) {
            const auto document = readJsonDocument(request, m_hub.limits().maxBodyBytes, out);
            if (!document)
                return;
            const bool batch = document->isArray();
            if (!batch && !document->isObject())
                return sendApiError(
                    out, {400, QStringLiteral("request body must be a JSON object or an array of them")});
            const QJsonArray bodies = batch ? document->array() : QJsonArray {document->object()};
            if (bodies.isEmpty() || bodies.size() > MaxBatch)
                return sendApiError(out,
                    {400,
                        QStringLiteral("a batch holds 1 to %1 events; this one has %2")
                            .arg(MaxBatch)
                            .arg(bodies.size())});
            QList<QPair<QString, EventData>> events;
            for (qsizetype i = 0; i < bodies.size(); ++i) {
                QString sessionId;
                EventData data;
                const QJsonObject body = bodies.at(i).toObject();
                auto error = !bodies.at(i).isObject() ? std::optional<ApiError>(
                                 ApiError(400, QStringLiteral("each event must be a JSON object")))
                    : kind == EventKind::Thinking
                    ? prepare<ThinkingStep>(body, m_hub.limits().maxEventBytes, &sessionId, &data)
                    : prepare<ProgressUpdate>(body, m_hub.limits().maxEventBytes, &sessionId, &data);
                if (error) {
                    if (batch) {
                        const QString at = QStringLiteral("[%1]").arg(i);
                        error->param = error->param.isEmpty() ? at : at + QLatin1Char('.') + error->param;
                        error->message = QStringLiteral("event %1: %2").arg(i).arg(error->message);
                    }
                    return sendApiError(out, *error);
                }
                events.append({sessionId, data});
            }
            publishAll(kind, events, batch, out);
        };
    };
    const qint64 maxBody = m_hub.limits().maxBodyBytes;
    router.add("POST", Prefix + QStringLiteral("/thinking"), publishRoute(EventKind::Thinking), maxBody);
    router.add("POST", Prefix + QStringLiteral("/progress"), publishRoute(EventKind::Progress), maxBody);

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
