// SPDX-License-Identifier: MIT
// One budget for the bytes queued to every watcher of the process together (WebSocket and SSE clients that
// read slower than events come). Each watcher is also capped on its own (HubLimits::
// maxWatcherBacklogBytes), but hundreds of clients that never read would each fill their own cap: past
// the budget, the watchers furthest behind are dropped first, and counted.
#pragma once

#include <QtGlobal>

#include <functional>
#include <unordered_set>

class WatcherBacklogBudget
{
public:
    // One watcher's share. It reports what it has queued (written, not yet taken by the kernel) whenever
    // that changes; `drop` ends the watcher's connection at once, discarding what it had queued.
    class Account
    {
    public:
        Account(WatcherBacklogBudget &budget, std::function<void()> drop);
        ~Account();
        Account(const Account &) = delete;
        Account &operator=(const Account &) = delete;

        void setQueuedBytes(qint64 bytes);
        qint64 queuedBytes() const { return m_bytes; }
        bool dropped() const { return m_dropped; }

    private:
        friend class WatcherBacklogBudget;
        WatcherBacklogBudget *m_budget;
        std::function<void()> m_drop;
        qint64 m_bytes = 0;
        bool m_dropped = false;
    };

    explicit WatcherBacklogBudget(qint64 budgetBytes);
    ~WatcherBacklogBudget();
    WatcherBacklogBudget(const WatcherBacklogBudget &) = delete;
    WatcherBacklogBudget &operator=(const WatcherBacklogBudget &) = delete;

    qint64 budgetBytes() const { return m_budgetBytes; }
    qint64 queuedBytes() const { return m_queuedBytes; }
    qint64 droppedWatchers() const { return m_droppedWatchers; }

private:
    // Drops the watchers furthest behind until the total is back under seven eighths of the budget: one
    // pass over the watchers then makes room for a while, rather than one pass per event.
    void enforce();

    qint64 m_budgetBytes;
    qint64 m_queuedBytes = 0;
    qint64 m_droppedWatchers = 0;
    bool m_enforcing = false;
    std::unordered_set<Account *> m_accounts;
};
