// SPDX-License-Identifier: MIT
#include "CommandLine.h"

#include "chat/ReasoningField.h"
#include "store/RedisEventStore.h"

#include <QRegularExpression>

#include <limits>

namespace {

const QString HostOption = QStringLiteral("host");
const QString PortOption = QStringLiteral("port");
const QString DataDirOption = QStringLiteral("data-dir");
const QString RedisOption = QStringLiteral("redis");
const QString RedisPrefixOption = QStringLiteral("redis-prefix");
const QString RedisBufferOption = QStringLiteral("redis-buffer");
const QString UpstreamOption = QStringLiteral("upstream");
const QString AgentOption = QStringLiteral("agent");
const QString StatelessOption = QStringLiteral("stateless");
const QString ApiKeyOption = QStringLiteral("api-key");
const QString AllowedHostOption = QStringLiteral("allowed-host");
const QString AllowedOriginOption = QStringLiteral("allowed-origin");
const QString MaxGenerationsOption = QStringLiteral("max-generations");
const QString ReasoningFieldOption = QStringLiteral("reasoning-field");
const QString UpstreamTimeoutOption = QStringLiteral("upstream-timeout");
const QString MaxConnectionsOption = QStringLiteral("max-connections");
const QString MaxSessionsOption = QStringLiteral("max-sessions");
const QString HistoryLengthOption = QStringLiteral("history-length");
const QString SessionExpiryOption = QStringLiteral("session-expiry");
const QString MaxEventBytesOption = QStringLiteral("max-event-bytes");
const QString MaxBodyBytesOption = QStringLiteral("max-body-bytes");
const QString MaxQueuedWatcherBytesOption = QStringLiteral("max-queued-watcher-bytes");
const QString MaxStoredBytesOption = QStringLiteral("max-stored-bytes");
const QString RedisBufferBytesOption = QStringLiteral("redis-buffer-bytes");
const QString HelpOption = QStringLiteral("help");
const QString VersionOption = QStringLiteral("version");

} // namespace

CommandLine::CommandLine()
{
    m_parser.setApplicationDescription(QStringLiteral(
        "Ponder shows language models thinking: a chat window with live reasoning and progress,\n"
        "and a local OpenAI-compatible endpoint with a streaming API for agents.\n\n"
        "Commands:\n"
        "  (none)   open the desktop window (the backend runs inside it)\n"
        "  serve    run the backend headless, without a window"));
    m_parser.addPositionalArgument(
        QStringLiteral("command"), QStringLiteral("Optional: serve"), QStringLiteral("[serve]"));
    m_parser.addOptions({
        {{QStringLiteral("h"), HelpOption}, QStringLiteral("Show this help and exit.")},
        {{QStringLiteral("v"), VersionOption}, QStringLiteral("Print the version and exit.")},
        {HostOption, QStringLiteral("Address to listen on (default 127.0.0.1)."), QStringLiteral("address")},
        {PortOption,
            QStringLiteral("Port to listen on (default %1; 0 picks a free one).")
                .arg(ServerOptions::DefaultPort),
            QStringLiteral("port")},
        {DataDirOption,
            QStringLiteral("Folder for settings and history (default: the platform's app data folder)."),
            QStringLiteral("dir")},
        {RedisOption,
            QStringLiteral("Keep events in Redis Streams at redis://[[USER]:PASSWORD@]HOST[:PORT][/DB] "
                           "(default: in memory). The password may instead come from PONDER_REDIS_PASSWORD."),
            QStringLiteral("url")},
        {RedisPrefixOption, QStringLiteral("Prefix of Ponder's Redis keys (default ponder)."),
            QStringLiteral("prefix")},
        {RedisBufferOption,
            QStringLiteral("Events kept while Redis is away, written when it is back; past it the oldest are "
                           "dropped and counted in /health (default %1).")
                .arg(StoreLimits {}.maxBufferedEvents),
            QStringLiteral("n")},
        {RedisBufferBytesOption,
            QStringLiteral("Bytes of events kept while Redis is away, all together; past it the oldest are "
                           "dropped and counted in /health (default %1).")
                .arg(StoreLimits {}.maxBufferedBytes),
            QStringLiteral("bytes")},
        {UpstreamOption,
            QStringLiteral("A model server: ollama:URL or openai:URL (repeatable; default "
                           "ollama:http://127.0.0.1:11434). OpenAI keys come from PONDER_OPENAI_API_KEY."),
            QStringLiteral("kind:url")},
        {AgentOption,
            QStringLiteral(
                "An AG-UI agent, relayed at /agui/NAME: NAME=URL (repeatable). Runs are recorded into "
                "the session of their threadId."),
            QStringLiteral("name=url")},
        {StatelessOption, QStringLiteral("Write no conversation history to disk.")},
        {ApiKeyOption,
            QStringLiteral("Require this key on every route but /health (Authorization: Bearer, or "
                           "X-Api-Key). Also read from PONDER_API_KEY."),
            QStringLiteral("key")},
        {AllowedHostOption, QStringLiteral("Also answer requests for this Host name (repeatable)."),
            QStringLiteral("name")},
        {AllowedOriginOption,
            QStringLiteral(
                "Also allow this browser origin, e.g. https://chat.example (repeatable; * allows any)."),
            QStringLiteral("origin")},
        {MaxGenerationsOption, QStringLiteral("Most generations running at once; more get 429 (default 64)."),
            QStringLiteral("n")},
        {MaxConnectionsOption,
            QStringLiteral("Most HTTP and WebSocket connections open at once; more wait until one closes "
                           "(default: what the open-file limit allows)."),
            QStringLiteral("n")},
        {MaxSessionsOption,
            QStringLiteral("Most streaming sessions at once; more get 429 (default %1).")
                .arg(StoreLimits {}.maxSessions),
            QStringLiteral("n")},
        {HistoryLengthOption,
            QStringLiteral("Events kept per session and stream, the oldest dropped first (default %1).")
                .arg(StoreLimits {}.historyLength),
            QStringLiteral("n")},
        {SessionExpiryOption,
            QStringLiteral("Seconds after its last activity that a session and its events are removed "
                           "(default %1).")
                .arg(StoreLimits {}.idleExpirySeconds),
            QStringLiteral("seconds")},
        {MaxEventBytesOption,
            QStringLiteral("Largest streaming event, as JSON; larger get 413 (default %1).")
                .arg(HubLimits {}.maxEventBytes),
            QStringLiteral("bytes")},
        {MaxBodyBytesOption,
            QStringLiteral("Largest request body on /api/streaming, a batch of events; larger get 413 "
                           "(default %1).")
                .arg(HubLimits {}.maxBodyBytes),
            QStringLiteral("bytes")},
        {MaxStoredBytesOption,
            QStringLiteral("Bytes the in-memory store keeps, all sessions' events together; past it sessions "
                           "that ended are removed, then new events get 507 (default %1).")
                .arg(StoreLimits {}.maxStoredBytes),
            QStringLiteral("bytes")},
        {MaxQueuedWatcherBytesOption,
            QStringLiteral("Most bytes queued for slow WebSocket and SSE watchers, all together; past it the "
                           "watchers furthest behind are dropped and counted in /health (default %1).")
                .arg(HubLimits {}.maxQueuedWatcherBytes),
            QStringLiteral("bytes")},
        {UpstreamTimeoutOption,
            QStringLiteral(
                "Seconds an upstream may stay silent before the request fails with 504 (default 300)."),
            QStringLiteral("seconds")},
        {ReasoningFieldOption,
            QStringLiteral(
                "Where OpenAI-shaped answers carry the model's reasoning: reasoning_content, reasoning "
                "or both (default reasoning_content); a request may say otherwise."),
            QStringLiteral("field")},
    });
}

CommandLine::Action CommandLine::parse(const QStringList &arguments)
{
    if (!m_parser.parse(arguments)) {
        m_error = m_parser.errorText();
        return Action::Fail;
    }
    if (m_parser.isSet(HelpOption))
        return Action::ShowHelp;
    if (m_parser.isSet(VersionOption))
        return Action::ShowVersion;

    const QStringList positional = m_parser.positionalArguments();
    if (positional.size() > 1) {
        m_error = QStringLiteral("unexpected argument '%1'").arg(positional.at(1));
        return Action::Fail;
    }
    if (!positional.isEmpty() && positional.first() != QLatin1String("serve")) {
        m_error
            = QStringLiteral("unknown command '%1' (the only command is 'serve')").arg(positional.first());
        return Action::Fail;
    }
    if (!readServerOptions())
        return Action::Fail;
    return positional.isEmpty() ? Action::RunWindow : Action::Serve;
}

bool CommandLine::readServerOptions()
{
    if (m_parser.isSet(HostOption)) {
        const QString host = m_parser.value(HostOption).trimmed();
        QHostAddress address;
        if (host == QLatin1String("localhost")) {
            address = QHostAddress::LocalHost;
        } else if (!address.setAddress(host)) {
            m_error = QStringLiteral("invalid --host '%1': expected an IP address such as 127.0.0.1 or ::1")
                          .arg(host);
            return false;
        }
        m_layer.host = address;
    }
    if (m_parser.isSet(PortOption)) {
        bool ok = false;
        const uint port = m_parser.value(PortOption).toUInt(&ok);
        if (!ok || port > 65535) {
            m_error = QStringLiteral("invalid --port '%1': expected a number from 0 to 65535")
                          .arg(m_parser.value(PortOption));
            return false;
        }
        m_layer.port = quint16(port);
    }
    if (m_parser.isSet(DataDirOption)) {
        m_options.dataDir = m_parser.value(DataDirOption);
        if (m_options.dataDir.isEmpty()) {
            m_error = QStringLiteral("--data-dir needs a folder");
            return false;
        }
    }
    if (m_parser.isSet(RedisOption)) {
        m_layer.redisUrl = m_parser.value(RedisOption);
        QString error;
        if (!RedisOptions::fromUrl(*m_layer.redisUrl, &error)) {
            m_error = error;
            return false;
        }
    }
    if (m_parser.isSet(RedisPrefixOption)) {
        m_options.redisKeyPrefix = m_parser.value(RedisPrefixOption);
        static const QRegularExpression prefix(QStringLiteral("^[A-Za-z0-9._:-]{1,64}$"));
        if (!prefix.match(m_options.redisKeyPrefix).hasMatch()) {
            m_error = QStringLiteral(
                "invalid --redis-prefix '%1': use 1 to 64 letters, digits, '.', '_', ':' or '-'")
                          .arg(m_options.redisKeyPrefix);
            return false;
        }
    }
    if (!readCount(MaxConnectionsOption, &m_options.maxConnections))
        return false;
    return readStreamingLimits() && readChatOptions();
}

bool CommandLine::readStreamingLimits()
{
    constexpr qint64 MaxBytes = 1 << 30; // bodies and events are held in memory whole
    StoreLimits &store = m_options.storeLimits;
    HubLimits &hub = m_options.hubLimits;
    int expirySeconds = int(store.idleExpirySeconds);
    if (!readCount(MaxSessionsOption, &store.maxSessions)
        || !readCount(HistoryLengthOption, &store.historyLength)
        || !readCount(SessionExpiryOption, &expirySeconds)
        || !readCount(RedisBufferOption, &store.maxBufferedEvents)
        || !readCount(MaxEventBytesOption, &hub.maxEventBytes, MaxBytes)
        || !readCount(MaxBodyBytesOption, &hub.maxBodyBytes, MaxBytes)
        || !readCount(MaxQueuedWatcherBytesOption, &hub.maxQueuedWatcherBytes, qint64(1) << 40)
        || !readCount(MaxStoredBytesOption, &store.maxStoredBytes, qint64(1) << 40)
        || !readCount(RedisBufferBytesOption, &store.maxBufferedBytes, qint64(1) << 40))
        return false;
    store.idleExpirySeconds = expirySeconds;
    return true;
}

bool CommandLine::readCount(const QString &option, qint64 *count, qint64 most)
{
    if (!m_parser.isSet(option))
        return true;
    bool ok = false;
    const qint64 value = m_parser.value(option).toLongLong(&ok);
    if (!ok || value < 1 || value > most) {
        m_error = QStringLiteral("invalid --%1 '%2': expected a number from 1 to %3")
                      .arg(option, m_parser.value(option))
                      .arg(most);
        return false;
    }
    *count = value;
    return true;
}

bool CommandLine::readCount(const QString &option, int *count)
{
    qint64 value = *count;
    if (!readCount(option, &value, std::numeric_limits<int>::max()))
        return false;
    *count = int(value);
    return true;
}

bool CommandLine::readChatOptions()
{
    if (m_parser.isSet(UpstreamOption)) {
        const auto upstreams = UpstreamConfig::parseList(m_parser.values(UpstreamOption), &m_error);
        if (!upstreams)
            return false;
        m_layer.upstreams = *upstreams;
    }
    if (m_parser.isSet(AgentOption)) {
        const auto agents = AgentConfig::parseList(m_parser.values(AgentOption), &m_error);
        if (!agents)
            return false;
        m_layer.agents = *agents;
    }
    if (m_parser.isSet(UpstreamTimeoutOption)) {
        bool ok = false;
        const double seconds = m_parser.value(UpstreamTimeoutOption).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 86400) {
            m_error = QStringLiteral("invalid --upstream-timeout '%1': expected seconds, more than 0")
                          .arg(m_parser.value(UpstreamTimeoutOption));
            return false;
        }
        m_layer.upstreamTimeoutMs = int(seconds * 1000);
    }
    if (!readCount(MaxGenerationsOption, &m_options.maxConcurrentGenerations))
        return false;
    if (m_parser.isSet(ReasoningFieldOption)) {
        const auto field = reasoningFieldFromName(m_parser.value(ReasoningFieldOption));
        if (!field) {
            m_error = QStringLiteral(
                "invalid --reasoning-field '%1': expected reasoning_content, reasoning or both")
                          .arg(m_parser.value(ReasoningFieldOption));
            return false;
        }
        m_options.reasoningField = *field;
    }
    if (m_parser.isSet(StatelessOption))
        m_layer.stateless = true;
    if (m_parser.isSet(ApiKeyOption)) {
        m_layer.apiKey = m_parser.value(ApiKeyOption);
        if (m_layer.apiKey->trimmed().isEmpty()) {
            m_error = QStringLiteral("--api-key needs a non-empty key");
            return false;
        }
    }
    m_options.access.allowedHosts = m_parser.values(AllowedHostOption);
    if (m_parser.isSet(AllowedOriginOption))
        m_layer.allowedOrigins = m_parser.values(AllowedOriginOption);
    return true;
}

QString CommandLine::helpText() const
{
    return m_parser.helpText();
}
