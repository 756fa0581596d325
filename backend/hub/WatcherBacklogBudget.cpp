// SPDX-License-Identifier: MIT
#include "hub/WatcherBacklogBudget.h"

#include "core/Logging.h"

#include <algorithm>
#include <vector>

WatcherBacklogBudget::Account::Account(WatcherBacklogBudget &budget, std::function<void()> drop)
    : m_budget(&budget)
    , m_drop(std::move(drop))
{
    m_budget->m_accounts.insert(this);
}

WatcherBacklogBudget::Account::~Account()
{
    if (!m_budget)
        return;
    m_budget->m_queuedBytes -= m_bytes;
    m_budget->m_accounts.erase(this);
}

void WatcherBacklogBudget::Account::setQueuedBytes(qint64 bytes)
{
    // A dropped watcher's connection is gone with what it had queued: it no longer counts.
    if (!m_budget || m_dropped)
        return;
    bytes = std::max<qint64>(0, bytes);
    m_budget->m_queuedBytes += bytes - m_bytes;
    m_bytes = bytes;
    if (m_budget->m_queuedBytes > m_budget->m_budgetBytes)
        m_budget->enforce();
}

WatcherBacklogBudget::WatcherBacklogBudget(qint64 budgetBytes)
    : m_budgetBytes(budgetBytes)
{ }

WatcherBacklogBudget::~WatcherBacklogBudget()
{
    for (Account *account : m_accounts)
        account->m_budget = nullptr;
}

void WatcherBacklogBudget::enforce()
{
    if (m_enforcing) // a drop that queues a last byte or two does not start another pass
        return;
    m_enforcing = true;
    std::vector<Account *> behind;
    behind.reserve(m_accounts.size());
    for (Account *account : m_accounts) {
        if (account->m_bytes > 0)
            behind.push_back(account);
    }
    std::sort(behind.begin(), behind.end(),
        [](const Account *a, const Account *b) { return a->m_bytes > b->m_bytes; });
    const qint64 target = m_budgetBytes - m_budgetBytes / 8;
    const qint64 before = m_queuedBytes;
    std::vector<Account *> victims;
    for (Account *account : behind) {
        if (m_queuedBytes <= target)
            break;
        m_queuedBytes -= account->m_bytes;
        account->m_bytes = 0;
        account->m_dropped = true;
        victims.push_back(account);
    }
    m_droppedWatchers += qint64(victims.size());
    qCWarning(lcHub).noquote() << QStringLiteral(
        "watchers had %1 bytes queued, over the budget of %2 (--max-queued-watcher-bytes): dropping the %3 "
        "furthest behind")
                                      .arg(before)
                                      .arg(m_budgetBytes)
                                      .arg(victims.size());
    // Dropped last: a drop may delete its account (and others), and runs once the totals are right.
    for (Account *account : victims) {
        if (m_accounts.count(account))
            account->m_drop();
    }
    m_enforcing = false;
}
