// Runs chat completions for every front end (the OpenAI-compatible API and the desktop window):
// routes the model to an upstream, makes the request a visible session in the hub, enforces the
// concurrency limit, and saves the exchange to history unless the request is stateless.
#pragma once

#include "chat/CompletionRequest.h"
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
    // Starts a completion whose Generation is a child of `owner`; if the owner is gone by the time the
    // upstream is chosen, nothing starts and `started` is not called. A request without a session id
    // gets a new one (set it first to know it).
    void start(const CompletionRequest &request, QObject *owner, Started started);

private:
    void ensureSession(const CompletionRequest &request, std::function<void()> then);
    void record(const CompletionRequest &request, Generation *generation);

    StreamingHub &m_hub;
    UpstreamRegistry &m_upstreams;
    QPointer<ConversationStore> m_history;
    int m_maxConcurrent;
    int m_running = 0;
};
