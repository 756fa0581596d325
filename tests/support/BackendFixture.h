// SPDX-License-Identifier: MIT
// An in-process Backend on a free loopback port, with helpers to reach it: for integration tests
// that need real sockets but also want to look inside.
#pragma once

#include "Backend.h"
#include "HttpTestClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

class BackendFixture
{
public:
    explicit BackendFixture(ServerOptions options = {});
    // Started in front of these upstreams (specs as --upstream takes them; a name already taken gets a
    // number), or null. Upstreams wait at most upstreamIdleTimeoutMs for a byte, so a test that breaks
    // one fails rather than hangs.
    static std::unique_ptr<BackendFixture> startedWith(
        const QStringList &upstreamSpecs, ServerOptions options = {}, int upstreamIdleTimeoutMs = 10'000);
    static std::unique_ptr<BackendFixture> startedWith(
        const QString &upstreamSpec, ServerOptions options = {}, int upstreamIdleTimeoutMs = 10'000);

    bool start();
    Backend &backend() { return *m_backend; }
    QString dataDir() const { return m_dataDir.path(); }
    QUrl url(const QString &path) const;
    QUrl webSocketUrl(const QString &path) const;

    // REST shortcuts against /api/streaming.
    HttpTestReply post(const QString &path, const QJsonObject &body);
    HttpTestReply postRaw(const QString &path, const QByteArray &body);
    HttpTestReply get(const QString &path, const HttpTestClient::Headers &headers = {});
    HttpTestReply del(const QString &path);
    bool createSession(const QString &id);
    QString publishThinking(const QString &sessionId, const QString &content);
    QString publishProgress(const QString &sessionId, const QString &message);
    // A session's stored events, oldest first, as GET /sessions/{id}/events answers them.
    QJsonArray storedEvents(const QString &sessionId);
    // What /health reports as waiting in Ponder for watchers that fell behind.
    qint64 queuedWatcherBytes();

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<Backend> m_backend;
    HttpTestClient m_client;
};
