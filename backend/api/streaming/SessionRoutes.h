// SPDX-License-Identifier: MIT
// /api/streaming/sessions...: create, list, show, stats and end sessions.
#pragma once

class Router;
class StreamingHub;

class SessionRoutes
{
public:
    explicit SessionRoutes(StreamingHub &hub)
        : m_hub(hub)
    { }
    void registerOn(Router &router);

private:
    StreamingHub &m_hub;
};
