// SPDX-License-Identifier: MIT
// What `ponder serve` (and the desktop window's in-process backend) is asked to run with.
#pragma once

#include "api/openai/ChatCompletionRoutes.h"
#include "api/otlp/TraceLimits.h"
#include "chat/ReasoningField.h"
#include "hub/HubLimits.h"
#include "protocols/agui/AgentConfig.h"
#include "security/AccessPolicy.h"
#include "store/EventStore.h"
#include "upstream/UpstreamConfig.h"

#include <QHostAddress>
#include <QString>

struct ServerOptions
{
    static constexpr quint16 DefaultPort = 8009;

    bool listen = true; // false: the window's backend serves only the window (no HTTP endpoint)
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = DefaultPort; // 0 picks a free port; the chosen one is logged
    QString dataDir; // empty: the platform's app-data folder
    QString redisUrl; // empty: events stay in memory
    QString redisPassword; // used when redisUrl has none: kept out of the command line, which others can read
    QString redisKeyPrefix = QStringLiteral("ponder");
    int requestTimeoutMs = 60'000; // a request begun and not whole by then gets 408
    // HTTP and WebSocket connections open at once (--max-connections); more wait in the kernel's queue until
    // one closes. 0: as many as the open-file limit allows, less 128; a larger number is lowered to that.
    int maxConnections = 0;
    StoreLimits storeLimits;
    HubLimits hubLimits;
    TraceLimits traceLimits; // POST /v1/traces
    QList<AgentConfig> agents; // AG-UI agents relayed at /agui/NAME (--agent NAME=URL)

    QList<UpstreamConfig> upstreams; // empty: Ollama at http://127.0.0.1:11434
    bool stateless = false; // true: no conversation is written to disk
    AccessOptions access;
    int maxConcurrentGenerations = 64; // more get 429
    ReasoningField reasoningField = ReasoningField::ReasoningContent; // a request may say otherwise
    ChatCompletionRoutes::Limits chatLimits;
};
