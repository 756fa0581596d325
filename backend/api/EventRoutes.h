// /api/streaming/thinking, /progress and /sessions/{id}/events: publish events, read history, stream them as
// SSE.
#pragma once

class Router;
class StreamingHub;

class EventRoutes
{
public:
    explicit EventRoutes(StreamingHub &hub)
        : m_hub(hub)
    { }
    void registerOn(Router &router);

private:
    StreamingHub &m_hub;
};
