// SPDX-License-Identifier: MIT
#include "Backend.h"

#include "api/HealthRoutes.h"
#include "api/agui/AguiRoutes.h"
#include "api/anthropic/AnthropicRoutes.h"
#include "api/ollama/OllamaRoutes.h"
#include "api/openai/ChatCompletionRoutes.h"
#include "api/otlp/TraceIngest.h"
#include "api/otlp/TraceRoutes.h"
#include "api/responses/ResponsesRoutes.h"
#include "api/streaming/EventRoutes.h"
#include "api/streaming/SessionRoutes.h"
#include "api/streaming/WebSocketRoutes.h"
#include "chat/ChatService.h"
#include "core/DataLocations.h"
#include "core/Logging.h"
#include "core/OpenFileLimit.h"
#include "history/ConversationStore.h"
#include "http/HttpServer.h"
#include "hub/StreamingHub.h"
#include "security/AccessPolicy.h"
#include "store/MemoryEventStore.h"
#include "store/RedisEventStore.h"
#include "upstream/UpstreamRegistry.h"

#include <algorithm>

namespace {

// Past the open-file limit accept() fails, and Qt's server retries it at once, for ever, on a full core.
// Connections stop short of it, leaving room for Redis, SQLite, upstream requests and Qt's own files.
int connectionsAllowedBy(qint64 openFileLimit)
{
    if (openFileLimit < 0)
        return 10'000;
    return int(std::clamp<qint64>(openFileLimit - 128, 16, 100'000));
}

} // namespace

Backend::Backend(ServerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_http(new HttpServer(this))
{
    if (m_options.redisUrl.isEmpty()) {
        m_store = new MemoryEventStore(m_options.storeLimits, this);
    } else {
        QString error;
        RedisOptions redis = RedisOptions::fromUrl(m_options.redisUrl, &error).value_or(RedisOptions {});
        redis.keyPrefix = m_options.redisKeyPrefix;
        if (redis.password.isEmpty())
            redis.password = m_options.redisPassword;
        m_redis = new RedisEventStore(redis, m_options.storeLimits, this);
        m_store = m_redis;
    }
    HubLimits hubLimits = m_options.hubLimits;
    // Idle sessions are removed within a tenth of their expiry after it passes (and within the interval set).
    hubLimits.cleanupIntervalSeconds = int(std::clamp<qint64>(
        m_options.storeLimits.idleExpirySeconds / 10, 1, std::max(1, hubLimits.cleanupIntervalSeconds)));
    m_hub = new StreamingHub(m_store, hubLimits, this);
    if (m_options.upstreams.isEmpty())
        m_options.upstreams.append(UpstreamConfig::defaultOllama());
    m_upstreams = new UpstreamRegistry(m_options.upstreams, this);
    if (!m_options.stateless)
        m_history = new ConversationStore(
            DataLocations(m_options.dataDir).dataDir() + QStringLiteral("/history.sqlite"), this);
    m_chat = new ChatService(*m_hub, *m_upstreams, m_history, m_options.maxConcurrentGenerations, this);

    HttpLimits httpLimits;
    httpLimits.maxBodyBytes = std::max({m_options.hubLimits.maxBodyBytes, m_options.chatLimits.maxBodyBytes,
        m_options.traceLimits.maxBodyBytes});
    httpLimits.requestTimeoutMs = m_options.requestTimeoutMs;
    const int allowed = connectionsAllowedBy(OpenFileLimit::raise());
    httpLimits.maxConnections
        = m_options.maxConnections > 0 ? std::min(m_options.maxConnections, allowed) : allowed;
    if (m_options.maxConnections > allowed)
        qCWarning(lcServer) << "at most" << allowed << "connections fit the open-file limit, not"
                            << m_options.maxConnections << "- raise it (ulimit -n) for more";
    m_http->setLimits(httpLimits);
    m_access = std::make_unique<AccessPolicy>(m_options.access, m_options.host);
    m_http->addRequestFilter(
        [access = m_access.get()](const HttpRequest &request) { return access->check(request); });
    m_http->setResponseDecorator([access = m_access.get()](const HttpRequest &request, HttpResponder &out) {
        access->decorate(request, out);
    });

    m_health = std::make_unique<HealthRoutes>(*m_hub, m_upstreams);
    m_sessions = std::make_unique<SessionRoutes>(*m_hub);
    m_events = std::make_unique<EventRoutes>(*m_hub);
    m_health->registerOn(m_http->router());
    m_sessions->registerOn(m_http->router());
    m_events->registerOn(m_http->router());
    ChatCompletionRoutes::Limits chatLimits = m_options.chatLimits;
    chatLimits.reasoningField = m_options.reasoningField;
    m_chatRoutes = std::make_unique<ChatCompletionRoutes>(*m_chat, chatLimits);
    m_chatRoutes->registerOn(m_http->router());
    m_ollamaRoutes = std::make_unique<OllamaRoutes>(*m_chat, chatLimits);
    m_ollamaRoutes->registerOn(m_http->router());
    const ChatCompletionRoutes::Limits &chat = m_options.chatLimits;
    m_responsesRoutes = std::make_unique<ResponsesRoutes>(
        *m_chat, ResponsesRoutes::Limits {chat.maxBodyBytes, chat.keepAliveMs, chat.maxBodyBytes});
    m_responsesRoutes->registerOn(m_http->router());
    m_anthropicRoutes = std::make_unique<AnthropicRoutes>(
        *m_chat, AnthropicRoutes::Limits {chat.maxBodyBytes, chat.keepAliveMs});
    m_anthropicRoutes->registerOn(m_http->router());
    TraceLimits traceLimits = m_options.traceLimits;
    traceLimits.maxTrackedSessions = m_options.storeLimits.maxSessions;
    m_traces = new TraceIngest(*m_hub, traceLimits, this);
    m_traceRoutes = std::make_unique<TraceRoutes>(*m_traces);
    m_traceRoutes->registerOn(m_http->router());
    m_aguiRoutes = std::make_unique<AguiRoutes>(*m_hub, m_options.agents, m_options.chatLimits.maxBodyBytes);
    m_aguiRoutes->registerOn(m_http->router());
    new WebSocketRoutes(*m_hub, *m_http);
}

Backend::~Backend()
{
    // The server (and with it every connection and watcher) goes before the hub it talks to.
    delete m_http;
}

bool Backend::start(QString *error)
{
    const DataLocations locations(m_options.dataDir);
    if (!locations.ensureExists(error))
        return false;
    if (!m_options.redisUrl.isEmpty() && !RedisOptions::fromUrl(m_options.redisUrl, error))
        return false;
    if (m_options.listen && !m_http->listen(m_options.host, m_options.port, error))
        return false;
    if (m_redis)
        m_redis->start(); // connects in the background; /health says degraded until it is up
    qCInfo(lcServer).noquote() << "data directory:" << locations.dataDir();
    qCInfo(lcServer).noquote() << "event store:" << m_store->name();
    for (int i = 0; i < m_upstreams->size(); ++i)
        qCInfo(lcServer).noquote() << "upstream" << m_upstreams->at(i)->name() << "at"
                                   << m_upstreams->at(i)->config().baseUrl.toString();
    qCInfo(lcServer).noquote() << "history:"
                               << (m_history ? m_history->databasePath() : QStringLiteral("off (stateless)"));
    if (!m_options.access.apiKey.isEmpty())
        qCInfo(lcServer).noquote() << "an API key is required on every route but /health";
    if (m_options.listen)
        qCInfo(lcServer).noquote() << "listening on" << baseUrl().toString();
    else
        qCInfo(lcServer).noquote() << "the local endpoint is off: serving the window only";
    return true;
}

void Backend::replaceUpstreams(QList<UpstreamConfig> upstreams)
{
    if (upstreams.isEmpty())
        upstreams.append(UpstreamConfig::defaultOllama());
    for (const UpstreamConfig &upstream : upstreams)
        qCInfo(lcServer).noquote() << "upstream" << upstream.name << "at" << upstream.baseUrl.toString();
    m_options.upstreams = upstreams;
    m_upstreams->replace(upstreams);
}

void Backend::replaceAgents(QList<AgentConfig> agents)
{
    for (const AgentConfig &agent : agents)
        qCInfo(lcServer).noquote() << "agent" << agent.name << "at" << agent.url.toString();
    m_options.agents = agents;
    if (m_aguiRoutes)
        m_aguiRoutes->setAgents(std::move(agents));
}

quint16 Backend::port() const
{
    return m_http->port();
}

QUrl Backend::baseUrl() const
{
    if (!m_options.listen)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_http->address().toString());
    url.setPort(port());
    return url;
}
