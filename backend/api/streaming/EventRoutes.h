// SPDX-License-Identifier: MIT
// /api/streaming/thinking, /progress and /sessions/{id}/events: publish events, read history, stream them as
// SSE.
#pragma once

#include "events/EventData.h"
#include "events/EventKind.h"

#include <QList>
#include <QPair>

class HttpResponder;
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
    void publishAll(
        EventKind kind, const QList<QPair<QString, EventData>> &events, bool batch, HttpResponder &out);

    StreamingHub &m_hub;
};
