// SPDX-License-Identifier: MIT
#include "core/QuietTimer.h"

#include <QBasicTimer>
#include <QObject>
#include <QThreadStorage>
#include <QTimerEvent>

#include <algorithm>
#include <utility>

// One per thread, deleted when the thread finishes (QThreadStorage; for the main thread, with the
// application): the deadlines of the thread's armed QuietTimers, and one Qt timer for the earliest.
class QuietTimerQueue : public QObject
{
public:
    static QuietTimerQueue &ofThisThread()
    {
        static QThreadStorage<QuietTimerQueue *> queues;
        if (!queues.hasLocalData())
            queues.setLocalData(new QuietTimerQueue);
        return *queues.localData();
    }

    ~QuietTimerQueue() override
    {
        for (const auto &[deadline, timer] : m_deadlines)
            timer->m_queue = nullptr; // outlived its thread: it will not fire
    }

    // In milliseconds on this queue's clock.
    qint64 now() const { return m_clock.elapsed(); }

    QuietTimer::Deadlines::iterator add(qint64 deadline, QuietTimer *timer)
    {
        const auto entry = m_deadlines.emplace(deadline, timer);
        if (entry == m_deadlines.begin())
            armForEarliest();
        return entry;
    }

    // The Qt timer is left as it is: if it was armed for this one, it finds nothing due and is armed for
    // the next, rather than being re-registered now.
    void remove(QuietTimer::Deadlines::iterator entry) { m_deadlines.erase(entry); }

protected:
    void timerEvent(QTimerEvent *event) override
    {
        if (event->timerId() != m_timer.timerId())
            return QObject::timerEvent(event);
        m_armedFor = -1;
        // One at a time: a timer that fires may stop, start or destroy others (or itself).
        while (!m_deadlines.empty() && m_deadlines.begin()->first <= now()) {
            QuietTimer *timer = m_deadlines.begin()->second;
            m_deadlines.erase(m_deadlines.begin());
            timer->m_queue = nullptr;
            timer->expire();
        }
        armForEarliest();
    }

private:
    QuietTimerQueue() { m_clock.start(); }

    void armForEarliest()
    {
        if (m_deadlines.empty()) {
            m_timer.stop();
            m_armedFor = -1;
            return;
        }
        const qint64 earliest = m_deadlines.begin()->first;
        if (m_timer.isActive() && m_armedFor >= 0 && m_armedFor <= earliest)
            return; // fires first, finds nothing due, and is armed again then
        m_timer.start(int(std::max<qint64>(0, earliest - now())), this);
        m_armedFor = earliest;
    }

    QuietTimer::Deadlines m_deadlines;
    QBasicTimer m_timer;
    qint64 m_armedFor = -1; // the deadline m_timer is armed for; -1 when it is not
    QElapsedTimer m_clock;
};

QuietTimer::~QuietTimer()
{
    stop();
}

void QuietTimer::start()
{
    m_sinceStart.start();
    if (!m_queue)
        arm(m_intervalMs);
}

void QuietTimer::start(int ms)
{
    if (ms != m_intervalMs) {
        m_intervalMs = ms;
        stop(); // armed for another interval: armed anew below
    }
    start();
}

void QuietTimer::stop()
{
    if (m_queue)
        std::exchange(m_queue, nullptr)->remove(m_entry);
}

void QuietTimer::arm(int ms)
{
    stop();
    QuietTimerQueue &queue = QuietTimerQueue::ofThisThread();
    // At least a millisecond on: a timer of no interval that re-arms as it fires must not fire again in
    // the same pass over the queue.
    m_entry = queue.add(queue.now() + std::max(ms, 1), this);
    m_queue = &queue;
}

void QuietTimer::expire()
{
    const qint64 quietMs = m_sinceStart.elapsed();
    if (quietMs < m_intervalMs) {
        arm(int(m_intervalMs - quietMs)); // started again meanwhile: what is left of its quiet
        return;
    }
    if (!m_singleShot) {
        m_sinceStart.start();
        arm(m_intervalMs);
    }
    if (const std::function<void()> timeout = m_timeout) // a copy: it may destroy this timer
        timeout();
}
