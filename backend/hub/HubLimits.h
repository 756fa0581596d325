// SPDX-License-Identifier: MIT
// The hub's configurable caps; the defaults suit one desktop or a small team's server.
#pragma once

#include <QtGlobal>

struct HubLimits
{
    qint64 maxBodyBytes = 1024 * 1024; // a request body over this gets 413
    qint64 maxEventBytes = 256 * 1024; // one event's JSON over this gets 413
    qint64 maxWatcherBacklogBytes = 8 << 20; // a watcher this far behind is dropped
    // Bytes queued to all watchers together; past it the furthest behind are dropped (WatcherBacklogBudget).
    qint64 maxQueuedWatcherBytes = qint64(256) << 20;
    int maxReplayEvents = 10'000; // history sent to a new watcher, per stream
    int cleanupIntervalSeconds = 60;
    int keepaliveSeconds = 30; // WebSocket keepalive after this much silence
};
