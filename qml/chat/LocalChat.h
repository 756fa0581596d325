// One chat generation run by the in-process backend, seen from the GUI thread: the window's side of
// the same Generation handle the HTTP API uses. Deltas arrive as signals on the GUI thread.
#pragma once

#include "chat/CompletionRequest.h"

#include <QObject>

#include <memory>

class BackendHost;

class LocalChat : public QObject
{
    Q_OBJECT

public:
    explicit LocalChat(BackendHost &host, QObject *parent = nullptr);
    ~LocalChat() override;

    // Starts the request; exactly one of finished(), failed() or stopped() ends it.
    void start(const CompletionRequest &request);
    // Stops the upstream at once (the connection is closed, so the model server stops too).
    void abort();

Q_SIGNALS:
    void accepted(const QString &upstreamName); // the upstream was chosen and the request sent
    void contentDelta(const QString &text);
    void reasoningDelta(const QString &text);
    void finished(const QString &finishReason, qint64 completionTokens);
    void failed(int httpStatus, const QString &message);
    void stopped();

private:
    struct Handle;
    class Relay;

    BackendHost &m_host;
    std::shared_ptr<Handle> m_handle; // only touched on the backend's thread
};
