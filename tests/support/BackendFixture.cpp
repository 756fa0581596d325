// SPDX-License-Identifier: MIT
#include "BackendFixture.h"

#include <QDebug>
#include <QJsonDocument>

#include <algorithm>

BackendFixture::BackendFixture(ServerOptions options)
{
    options.port = 0;
    options.dataDir = m_dataDir.path();
    m_backend = std::make_unique<Backend>(options);
}

std::unique_ptr<BackendFixture> BackendFixture::startedWith(
    const QStringList &upstreamSpecs, ServerOptions options, int upstreamIdleTimeoutMs)
{
    for (const QString &spec : upstreamSpecs) {
        QString error;
        auto config = UpstreamConfig::parse(spec, &error);
        if (!config) {
            qWarning().noquote() << "not an upstream:" << spec << error;
            return nullptr;
        }
        config->idleTimeoutMs = upstreamIdleTimeoutMs;
        const bool taken = std::any_of(options.upstreams.begin(), options.upstreams.end(),
            [&](const UpstreamConfig &other) { return other.name == config->name; });
        if (taken)
            config->name += QStringLiteral("-%1").arg(options.upstreams.size() + 1);
        options.upstreams.append(*config);
    }
    auto backend = std::make_unique<BackendFixture>(std::move(options));
    return backend->start() ? std::move(backend) : nullptr;
}

std::unique_ptr<BackendFixture> BackendFixture::startedWith(
    const QString &upstreamSpec, ServerOptions options, int upstreamIdleTimeoutMs)
{
    return startedWith(QStringList {upstreamSpec}, std::move(options), upstreamIdleTimeoutMs);
}

bool BackendFixture::start()
{
    QString error;
    const bool started = m_backend->start(&error);
    if (!started)
        qWarning("backend did not start: %s", qPrintable(error));
    return started;
}

QUrl BackendFixture::url(const QString &path) const
{
    return QUrl(m_backend->baseUrl().toString() + path);
}

QUrl BackendFixture::webSocketUrl(const QString &path) const
{
    QUrl ws = url(path);
    ws.setScheme(QStringLiteral("ws"));
    return ws;
}

HttpTestReply BackendFixture::post(const QString &path, const QJsonObject &body)
{
    return postRaw(path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpTestReply BackendFixture::postRaw(const QString &path, const QByteArray &body)
{
    return m_client.send("POST", url(QStringLiteral("/api/streaming") + path), body);
}

HttpTestReply BackendFixture::get(const QString &path, const HttpTestClient::Headers &headers)
{
    return m_client.get(url(QStringLiteral("/api/streaming") + path), headers);
}

qint64 BackendFixture::queuedWatcherBytes()
{
    return get(QStringLiteral("/health"))
        .json()
        .object()
        .value(QLatin1String("queued_watcher_bytes"))
        .toInteger();
}

QJsonArray BackendFixture::storedEvents(const QString &sessionId)
{
    return get(QStringLiteral("/sessions/%1/events").arg(sessionId))
        .json()
        .object()
        .value(QLatin1String("events"))
        .toArray();
}

HttpTestReply BackendFixture::del(const QString &path)
{
    return m_client.send("DELETE", url(QStringLiteral("/api/streaming") + path));
}

bool BackendFixture::createSession(const QString &id)
{
    return post(QStringLiteral("/sessions"), {{QStringLiteral("session_id"), id}}).status == 201;
}

QString BackendFixture::publishThinking(const QString &sessionId, const QString &content)
{
    const HttpTestReply reply = post(QStringLiteral("/thinking"),
        {{QStringLiteral("session_id"), sessionId},
            {QStringLiteral("thinking_type"), QStringLiteral("analysis")},
            {QStringLiteral("content"), content}});
    return reply.status == 201 ? reply.json().object().value(QLatin1String("id")).toString() : QString();
}

QString BackendFixture::publishProgress(const QString &sessionId, const QString &message)
{
    const HttpTestReply reply = post(QStringLiteral("/progress"),
        {{QStringLiteral("session_id"), sessionId},
            {QStringLiteral("update_type"), QStringLiteral("progress")},
            {QStringLiteral("message"), message}});
    return reply.status == 201 ? reply.json().object().value(QLatin1String("id")).toString() : QString();
}
