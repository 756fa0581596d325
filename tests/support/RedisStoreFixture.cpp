// SPDX-License-Identifier: MIT
#include "RedisStoreFixture.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

void RedisStoreFixture::startRedis()
{
    m_redis = std::make_unique<RedisServer>();
    QVERIFY2(m_redis->start(), "redis-server did not start: is it installed (scripts/install-deps.sh)?");
}

void RedisStoreFixture::stopRedis()
{
    m_redis.reset();
}

ServerOptions RedisStoreFixture::redisOptions() const
{
    ServerOptions options;
    options.redisUrl = m_redis->url();
    return options;
}

bool RedisStoreFixture::waitForHealth(BackendFixture &server, const QString &status)
{
    return QTest::qWaitFor(
        [&] { return RedisStoreChecks::health(server).value(QLatin1String("status")).toString() == status; },
        20000);
}

std::unique_ptr<BackendFixture> RedisStoreFixture::startHealthy(const ServerOptions &options) const
{
    auto server = std::make_unique<BackendFixture>(options);
    if (!server->start() || !waitForHealth(*server, QStringLiteral("healthy")))
        return nullptr;
    return server;
}

std::unique_ptr<BackendFixture> RedisStoreFixture::startWithSession(
    const ServerOptions &options, const QString &session) const
{
    auto server = startHealthy(options);
    if (!server || !server->createSession(session))
        return nullptr;
    return server;
}

bool RedisStoreFixture::startBothHealthy(BackendFixture &a, BackendFixture &b)
{
    return a.start() && b.start() && waitForHealth(a, QStringLiteral("healthy"))
        && waitForHealth(b, QStringLiteral("healthy"));
}

bool RedisStoreFixture::startBothWithSession(BackendFixture &a, BackendFixture &b, const QString &session)
{
    return startBothHealthy(a, b) && a.createSession(session);
}

bool RedisStoreFixture::startWatching(
    const ServerOptions &options, const QString &session, WatchedSession &started) const
{
    started.server = startWithSession(options, session);
    return started.server && RedisStoreChecks::watchThinking(started.watcher, *started.server, session);
}

bool RedisStoreFixture::startWatchedSession(const QString &session, WatchedSession &started) const
{
    if (!startWatching(redisOptions(), session, started))
        return false;
    started.published << started.server->publishThinking(session, QStringLiteral("before"));
    return !started.published.last().isEmpty();
}

std::unique_ptr<BackendFixture> RedisStoreFixture::startWithABadStreamKey() const
{
    auto server = startWithSession(redisOptions(), QStringLiteral("good"));
    if (!server || !server->createSession(QStringLiteral("bad")))
        return nullptr;
    m_redis->cli({QStringLiteral("SET"), QStringLiteral("ponder:{bad}:thinking"), QStringLiteral("oops")});
    return server;
}

namespace RedisStoreChecks {

QStringList contentsOf(const QJsonArray &events)
{
    QStringList contents;
    for (const QJsonValue &event : events)
        contents << event[QLatin1String("data")][QLatin1String("content")].toString();
    return contents;
}

QStringList idsOf(const QJsonArray &events)
{
    QStringList ids;
    for (const QJsonValue &event : events)
        ids << event[QLatin1String("id")].toString();
    return ids;
}

bool idsAscend(const QStringList &ids)
{
    for (qsizetype i = 1; i < ids.size(); ++i) {
        if (!(StreamId::parse(ids.at(i - 1)).value_or(StreamId {})
                < StreamId::parse(ids.at(i)).value_or(StreamId {})))
            return false;
    }
    return true;
}

qint64 calls(RedisServer &redis, const QString &command)
{
    const QString info = redis.cli({QStringLiteral("INFO"), QStringLiteral("commandstats")});
    const QRegularExpression pattern(QStringLiteral("cmdstat_%1:calls=(\\d+)").arg(command));
    const auto match = pattern.match(info);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

namespace {

qint64 commandStat(RedisServer &redis, const QString &command, const QString &field)
{
    const QString info = redis.cli({QStringLiteral("INFO"), QStringLiteral("commandstats")});
    const QRegularExpression pattern(QStringLiteral("cmdstat_%1:.*[:,]%2=(\\d+)").arg(command, field));
    const auto match = pattern.match(info);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

} // namespace

qint64 failedCalls(RedisServer &redis, const QString &command)
{
    return commandStat(redis, command, QStringLiteral("failed_calls"));
}

qint64 rejectedCalls(RedisServer &redis, const QString &command)
{
    return commandStat(redis, command, QStringLiteral("rejected_calls"));
}

qint64 scriptCalls(RedisServer &redis)
{
    return calls(redis, QStringLiteral("eval")) + calls(redis, QStringLiteral("evalsha"));
}

QJsonObject health(BackendFixture &server)
{
    return server.get(QStringLiteral("/health")).json().object();
}

QString healthReason(BackendFixture &server)
{
    return health(server).value(QLatin1String("reason")).toString();
}

bool waitForReason(BackendFixture &server, QLatin1String part)
{
    return QTest::qWaitFor([&] { return healthReason(server).contains(part); }, 20000);
}

QJsonObject step(const QString &session, const QString &type, const QString &content, double confidence)
{
    QJsonObject object {{QStringLiteral("session_id"), session}, {QStringLiteral("thinking_type"), type},
        {QStringLiteral("content"), content}};
    if (confidence >= 0)
        object.insert(QStringLiteral("confidence_level"), confidence);
    return object;
}

bool watchThinking(WebSocketTestClient &watcher, BackendFixture &server, const QString &session)
{
    return watcher.open(server.webSocketUrl(QStringLiteral("/ws/thinking/") + session))
        && watcher.waitForMessages(1);
}

QList<QJsonObject> postAllAtOnce(BackendFixture &server, const QList<QByteArray> &bodies)
{
    QNetworkAccessManager manager;
    QList<QNetworkReply *> replies;
    for (const QByteArray &body : bodies) {
        QNetworkRequest request(server.url(QStringLiteral("/api/streaming/thinking")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        replies << manager.post(request, body);
    }
    const bool finished = QTest::qWaitFor(
        [&] { return std::all_of(replies.begin(), replies.end(), [](auto *r) { return r->isFinished(); }); },
        60'000);
    bool created = finished;
    QList<QJsonObject> answers;
    for (QNetworkReply *reply : std::as_const(replies)) {
        created = created && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201;
        answers << QJsonDocument::fromJson(reply->readAll()).object();
        delete reply;
    }
    return created ? answers : QList<QJsonObject> {};
}

bool postBatchesAtOnce(BackendFixture &server, const QString &session, int batches, int perBatch)
{
    QList<QByteArray> bodies;
    for (int b = 0; b < batches; ++b) {
        QJsonArray batch;
        for (int i = 0; i < perBatch; ++i)
            batch.append(step(session, QStringLiteral("analysis"), QStringLiteral("%1-%2").arg(b).arg(i)));
        bodies << QJsonDocument(batch).toJson(QJsonDocument::Compact);
    }
    return !postAllAtOnce(server, bodies).isEmpty();
}

QString publishSentinel(BackendFixture &writer, const QString &session, WebSocketTestClient &watcher)
{
    const QString id = writer.publishThinking(session, QStringLiteral("sentinel"));
    if (id.isEmpty() || !QTest::qWaitFor([&] { return watcher.eventIds().contains(id); }, 20000))
        return {};
    return id;
}

} // namespace RedisStoreChecks
