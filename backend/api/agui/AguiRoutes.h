// SPDX-License-Identifier: MIT
// AG-UI over HTTP:
// - POST /agui/NAME relays a RunAgentInput to the agent registered as NAME (--agent NAME=URL) and streams
//   its events back unchanged, while the run is recorded into the session of its threadId (AgentRun);
// - GET /agui lists the registered agents;
// - GET /api/streaming/sessions/{id}/agui streams any session as AG-UI events (SSE): its history, then live,
//   until the session ends (AguiEncoder).
#pragma once

#include "protocols/agui/AgentConfig.h"

class Router;
class StreamingHub;

class AguiRoutes
{
public:
    AguiRoutes(StreamingHub &hub, QList<AgentConfig> agents, qint64 maxBodyBytes)
        : m_hub(hub)
        , m_agents(std::move(agents))
        , m_maxBodyBytes(maxBodyBytes)
    { }
    void registerOn(Router &router);
    // Later runs and listings use `agents`; a run already going has its own copy of its agent and goes on.
    void setAgents(QList<AgentConfig> agents) { m_agents = std::move(agents); }

private:
    const AgentConfig *agentNamed(const QString &name) const;

    StreamingHub &m_hub;
    QList<AgentConfig> m_agents;
    qint64 m_maxBodyBytes;
};
