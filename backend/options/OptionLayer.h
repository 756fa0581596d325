// SPDX-License-Identifier: MIT
// Server settings from one source: the command line, the environment or the window's saved settings.
// A field left unset leaves the decision to the sources below; ServerOptionsBuilder decides.
#pragma once

#include "protocols/agui/AgentConfig.h"
#include "upstream/UpstreamConfig.h"

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QStringList>

#include <optional>

struct OptionLayer
{
    std::optional<QHostAddress> host;
    std::optional<quint16> port;
    std::optional<bool> listen;
    std::optional<QList<UpstreamConfig>> upstreams;
    std::optional<int> upstreamTimeoutMs; // the longest silence of every upstream, whichever source named it
    std::optional<QString> redisUrl;
    std::optional<QString> redisPassword;
    std::optional<bool> stateless;
    std::optional<QString> apiKey; // the local endpoint's token
    std::optional<QString> openAiKey; // for every OpenAI-compatible upstream
    std::optional<QStringList> allowedOrigins;
    std::optional<QList<AgentConfig>> agents; // AG-UI agents relayed at /agui/NAME

    // PONDER_API_KEY, PONDER_OPENAI_API_KEY and PONDER_REDIS_PASSWORD: the one place they are read.
    static OptionLayer fromEnvironment(const QProcessEnvironment &environment);
};
