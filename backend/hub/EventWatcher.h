// Something that watches a session live: a WebSocket client, an SSE response, the desktop window.
#pragma once

#include "store/StoredEvent.h"

class EventWatcher
{
public:
    virtual ~EventWatcher() = default;
    // Called in order, once per event, history first and live after.
    virtual void deliver(const StoredEvent &event) = 0;
};
