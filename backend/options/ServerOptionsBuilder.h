// SPDX-License-Identifier: MIT
// The one place that decides what the backend runs with, for `ponder serve` and the window alike:
// the command line over the environment over the window's saved settings over the keychain.
//
// The keychain is asked last and only for what no other source gave (keychainKeysWanted), so a key on
// the command line or in the environment never waits for a keychain, and headless servers without one
// never ask it at all unless they need to.
#pragma once

#include "ServerOptions.h"
#include "options/OptionLayer.h"

#include <QHash>

class ServerOptionsBuilder
{
public:
    enum class Source
    {
        Default,
        CommandLine,
        Environment,
        Settings,
        Keychain
    };
    enum class Secrets
    {
        Serve, // upstream keys only: a headless token comes from --api-key or PONDER_API_KEY
        Window // also the local API token and the Redis password, which Settings keep in the keychain
    };

    // `base` holds what only the command line decides (limits, the data folder, the Redis key prefix,
    // allowed hosts, ...); its layered fields are ignored.
    explicit ServerOptionsBuilder(ServerOptions base = {});

    void setCommandLine(OptionLayer layer) { m_commandLine = std::move(layer); }
    void setEnvironment(OptionLayer layer) { m_environment = std::move(layer); }
    void setSettings(OptionLayer layer) { m_settings = std::move(layer); }
    // Entries read from the keychain, by their key (Keychain::localApiTokenKey() and the like).
    void setKeychain(QHash<QString, QString> secrets) { m_keychain = std::move(secrets); }

    // The keychain entries the options would use, given the other sources.
    QStringList keychainKeysWanted(Secrets secrets) const;
    ServerOptions build() const;
    // The data folder the command line chose; empty for the platform's. The window keeps its settings there.
    QString dataDir() const { return m_base.dataDir; }

    Source portSource() const;
    Source apiKeySource() const;
    // Where the upstreams come from: the command line's --upstream replaces the saved list whole.
    Source upstreamsSource() const;
    Source agentsSource() const;
    // --redis wins over the saved event store, as --upstream over the saved upstreams.
    Source redisSource() const;

private:
    // The first layer, from the highest, that sets `field`.
    template<typename Field>
    std::pair<std::optional<Field>, Source> pick(std::optional<Field> OptionLayer::*field) const;
    QList<UpstreamConfig> upstreams() const;
    QString redisUrl() const;

    ServerOptions m_base;
    OptionLayer m_commandLine;
    OptionLayer m_environment;
    OptionLayer m_settings;
    QHash<QString, QString> m_keychain;
};
