// SPDX-License-Identifier: MIT
// The whole in-process backend: what `ponder serve` runs, and what the desktop window hosts on a worker
// thread.
#pragma once

#include "ServerOptions.h"

#include <QObject>
#include <QUrl>

#include <memory>

class EventStore;
class RedisEventStore;
class HealthRoutes;
class HttpServer;
class StreamingHub;
class SessionRoutes;
class EventRoutes;
class AccessPolicy;
class ChatCompletionRoutes;
class OllamaRoutes;
class ResponsesRoutes;
class AnthropicRoutes;
class ChatService;
class ConversationStore;
class UpstreamRegistry;
class AguiRoutes;
class TraceIngest;
class TraceRoutes;

class Backend : public QObject
{
    Q_OBJECT

public:
    explicit Backend(ServerOptions options, QObject *parent = nullptr);
    ~Backend() override;

    // Prepares the data folder and starts listening; on failure returns false with a message for the user.
    bool start(QString *error);

    quint16 port() const;
    QUrl baseUrl() const;
    StreamingHub &hub() { return *m_hub; }
    // The AG-UI agents this backend relays to (an AgentRun on hub() runs one in process).
    const QList<AgentConfig> &agents() const { return m_options.agents; }
    ChatService &chat() { return *m_chat; }
    // The window's Settings changed the upstreams: later listings and chats use `upstreams` (none: the
    // default Ollama, as at start); running answers go on (UpstreamRegistry::replace).
    void replaceUpstreams(QList<UpstreamConfig> upstreams);
    // The window's Settings changed the AG-UI agents: later runs, listings and chats use `agents`. A run
    // already going (relayed or a chat) keeps its own copy of its agent and its connection, and runs to its
    // end: its caller is still reading it, as an answer on a removed upstream runs to its end.
    void replaceAgents(QList<AgentConfig> agents);
    // Null in stateless mode.
    ConversationStore *history() const { return m_history; }

private:
    ServerOptions m_options;
    HttpServer *m_http = nullptr;
    EventStore *m_store = nullptr;
    RedisEventStore *m_redis = nullptr; // when configured; the same object as m_store
    StreamingHub *m_hub = nullptr;
    std::unique_ptr<HealthRoutes> m_health;
    std::unique_ptr<SessionRoutes> m_sessions;
    std::unique_ptr<EventRoutes> m_events;
    UpstreamRegistry *m_upstreams = nullptr;
    ConversationStore *m_history = nullptr;
    ChatService *m_chat = nullptr;
    std::unique_ptr<AccessPolicy> m_access;
    std::unique_ptr<ChatCompletionRoutes> m_chatRoutes;
    std::unique_ptr<OllamaRoutes> m_ollamaRoutes;
    std::unique_ptr<ResponsesRoutes> m_responsesRoutes;
    std::unique_ptr<AnthropicRoutes> m_anthropicRoutes;
    TraceIngest *m_traces = nullptr;
    std::unique_ptr<TraceRoutes> m_traceRoutes;
    std::unique_ptr<AguiRoutes> m_aguiRoutes;
};
