// SPDX-License-Identifier: MIT
// An in-process Backend on a free loopback port, with helpers to reach it: for integration tests
// that need real sockets but also want to look inside.
#pragma once

#include "Backend.h"
#include "HttpTestClient.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

class BackendFixture
{
public:
    explicit BackendFixture(ServerOptions options = {});

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

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<Backend> m_backend;
    HttpTestClient m_client;
};
