// SPDX-License-Identifier: MIT
#include "options/ServerOptionsBuilder.h"

#include "secrets/Keychain.h"

ServerOptionsBuilder::ServerOptionsBuilder(ServerOptions base)
    : m_base(std::move(base))
{ }

template<typename Field>
std::pair<std::optional<Field>, ServerOptionsBuilder::Source> ServerOptionsBuilder::pick(
    std::optional<Field> OptionLayer::*field) const
{
    const std::pair<const OptionLayer *, Source> layers[] = {{&m_commandLine, Source::CommandLine},
        {&m_environment, Source::Environment}, {&m_settings, Source::Settings}};
    for (const auto &[layer, source] : layers) {
        if (layer->*field)
            return {layer->*field, source};
    }
    return {std::nullopt, Source::Default};
}

QList<UpstreamConfig> ServerOptionsBuilder::upstreams() const
{
    QList<UpstreamConfig> list = pick(&OptionLayer::upstreams).first.value_or(QList<UpstreamConfig> {});
    if (list.isEmpty())
        list.append(UpstreamConfig::defaultOllama());
    const auto timeout = pick(&OptionLayer::upstreamTimeoutMs).first;
    const auto sharedKey = pick(&OptionLayer::openAiKey).first;
    for (UpstreamConfig &upstream : list) {
        if (timeout)
            upstream.idleTimeoutMs = *timeout;
        if (upstream.kind != UpstreamConfig::Kind::OpenAi)
            continue;
        upstream.apiKey = sharedKey ? *sharedKey : m_keychain.value(Keychain::upstreamKey(upstream.baseUrl));
    }
    return list;
}

QString ServerOptionsBuilder::redisUrl() const
{
    return pick(&OptionLayer::redisUrl).first.value_or(QString());
}

QStringList ServerOptionsBuilder::keychainKeysWanted(Secrets secrets) const
{
    QStringList keys;
    if (!pick(&OptionLayer::openAiKey).first) {
        for (const UpstreamConfig &upstream : upstreams()) {
            if (upstream.kind == UpstreamConfig::Kind::OpenAi)
                keys.append(Keychain::upstreamKey(upstream.baseUrl));
        }
    }
    if (secrets == Secrets::Serve)
        return keys;
    if (!pick(&OptionLayer::apiKey).first)
        keys.append(Keychain::localApiTokenKey());
    const QUrl redis(redisUrl());
    if (!redis.isEmpty() && redis.password().isEmpty() && !pick(&OptionLayer::redisPassword).first)
        keys.append(Keychain::redisPasswordKey(redis));
    keys.removeDuplicates();
    return keys;
}

ServerOptions ServerOptionsBuilder::build() const
{
    const ServerOptions defaults;
    ServerOptions options = m_base;
    options.host = pick(&OptionLayer::host).first.value_or(defaults.host);
    options.port = pick(&OptionLayer::port).first.value_or(defaults.port);
    options.listen = pick(&OptionLayer::listen).first.value_or(defaults.listen);
    options.upstreams = upstreams();
    options.stateless = pick(&OptionLayer::stateless).first.value_or(defaults.stateless);
    options.access.allowedOrigins = pick(&OptionLayer::allowedOrigins).first.value_or(QStringList {});
    options.agents = pick(&OptionLayer::agents).first.value_or(QList<AgentConfig> {});
    options.access.apiKey
        = pick(&OptionLayer::apiKey).first.value_or(m_keychain.value(Keychain::localApiTokenKey()));
    options.redisUrl = redisUrl();
    // A password inside the URL is Redis's own and wins (RedisOptions reads it); this one is used otherwise.
    const QUrl redis(options.redisUrl);
    options.redisPassword
        = pick(&OptionLayer::redisPassword)
              .first.value_or(
                  redis.isEmpty() ? QString() : m_keychain.value(Keychain::redisPasswordKey(redis)));
    return options;
}

ServerOptionsBuilder::Source ServerOptionsBuilder::portSource() const
{
    return pick(&OptionLayer::port).second;
}

ServerOptionsBuilder::Source ServerOptionsBuilder::upstreamsSource() const
{
    return pick(&OptionLayer::upstreams).second;
}

ServerOptionsBuilder::Source ServerOptionsBuilder::agentsSource() const
{
    return pick(&OptionLayer::agents).second;
}

ServerOptionsBuilder::Source ServerOptionsBuilder::redisSource() const
{
    return pick(&OptionLayer::redisUrl).second;
}

ServerOptionsBuilder::Source ServerOptionsBuilder::apiKeySource() const
{
    const auto [key, source] = pick(&OptionLayer::apiKey);
    if (key)
        return source;
    return m_keychain.contains(Keychain::localApiTokenKey()) ? Source::Keychain : Source::Default;
}
