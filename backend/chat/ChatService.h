// SPDX-License-Identifier: MIT
// Runs chat completions for every front end (the OpenAI-compatible API and the desktop window):
// routes the model to an upstream, makes the request a visible session in the hub, enforces the
// concurrency limit, and saves the exchange to history unless the request is stateless.
#pragma once

#include "chat/CompletionRequest.h"
#include "chat/GenerationReporter.h"
#include "http/ApiError.h"

#include <QObject>
#include <QPointer>

#include <functional>

class ConversationStore;
class Generation;
class StreamingHub;
class UpstreamRegistry;

class ChatService : public QObject
{
    Q_OBJECT

public:
    // history may be null: stateless mode writes nothing, anywhere.
    ChatService(StreamingHub &hub, UpstreamRegistry &upstreams, ConversationStore *history, int maxConcurrent,
        QObject *parent = nullptr);

    UpstreamRegistry &upstreams() { return m_upstreams; }
    ConversationStore *history() const;
    int running() const { return m_running; }

    using Started = std::function<void(Generation *generation, std::optional<ApiError> error)>;
    // Starts a request of any API (request.upstream.api) whose Generation is a child of `owner`; if the
    // owner is gone by the time the upstream is chosen, nothing starts and `started` is not called. A
    // request without a session id gets a new one (set it first to know it).
    //
    // The upstream request is sent first, then `started` gets the generation (the caller attaches its
    // response to it at once), and only then is it made a session with a reporter and a history entry:
    // whatever the caller writes for each unit of the answer goes out before Ponder's own work.
    void start(const CompletionRequest &request, QObject *owner, Started started);

private:
    void resolveAndStart(const CompletionRequest &request, QObject *owner, Started started);
    void ensureSession(const CompletionRequest &request, std::function<void()> then);
    static GenerationReporter::Context reporterContext(const CompletionRequest &request);
    void reportFailureBeforeStart(const CompletionRequest &request, const ApiError &error);
    void record(const CompletionRequest &request, Generation *generation);

    StreamingHub &m_hub;
    UpstreamRegistry &m_upstreams;
    QPointer<ConversationStore> m_history;
    int m_maxConcurrent;
    int m_running = 0;
};
