// SPDX-License-Identifier: MIT
// A timer that fires after a stretch of quiet: start() counts the quiet from now, like QTimer::start, but
// while it runs with the same interval it only notes the time (a clock read). A stream restarts its idle and
// keep-alive timers on every chunk; re-registering a timer each time costs more than the chunk's own work,
// so it is armed once and, when its time comes early (there was activity since), armed again for what is
// left of the quiet.
//
// Every request has a few of these, so none is a QObject or registers a timer of its own: each thread's
// timers wait in one queue of deadlines, behind one Qt timer armed for the earliest. Arming one is an
// insertion into that queue; the Qt timer is re-registered only when the earliest deadline moves earlier.
// A QuietTimer is armed, stopped and destroyed on the thread that armed it.
#pragma once

#include <QElapsedTimer>

#include <functional>
#include <map>

class QuietTimerQueue;

class QuietTimer
{
public:
    QuietTimer() = default;
    ~QuietTimer();
    QuietTimer(const QuietTimer &) = delete;
    QuietTimer &operator=(const QuietTimer &) = delete;

    // What runs when it fires (it may stop, restart or destroy this timer).
    void onTimeout(std::function<void()> timeout) { m_timeout = std::move(timeout); }
    void setInterval(int ms) { m_intervalMs = ms; }
    int interval() const { return m_intervalMs; }
    // Single-shot: it stops once it fired. Otherwise it fires after each further interval of quiet.
    void setSingleShot(bool singleShot) { m_singleShot = singleShot; }
    bool isActive() const { return m_queue != nullptr; }

    // Quiet counts from now.
    void start();
    void start(int ms);
    void stop();

private:
    friend class QuietTimerQueue;
    using Deadlines = std::multimap<qint64, QuietTimer *>;

    void arm(int ms);
    // Its deadline came (it is no longer queued).
    void expire();

    std::function<void()> m_timeout;
    QuietTimerQueue *m_queue = nullptr; // where it is queued; null when stopped
    Deadlines::iterator m_entry; // its place there
    QElapsedTimer m_sinceStart; // since the last start(): the quiet so far
    int m_intervalMs = 0;
    bool m_singleShot = false;
};
