// /api/streaming/thinking, /progress and /sessions/{id}/events: publish events, read history, stream them as
// SSE.
#pragma once

#include "events/EventKind.h"

#include <QJsonObject>
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
        EventKind kind, const QList<QPair<QString, QJsonObject>> &events, bool batch, HttpResponder &out);

    StreamingHub &m_hub;
};
