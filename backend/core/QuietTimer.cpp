// SPDX-License-Identifier: MIT
#include "core/QuietTimer.h"

#include <QTimerEvent>

#include <utility>

QuietTimer::QuietTimer(QObject *parent)
    : QObject(parent)
{ }

void QuietTimer::start()
{
    m_sinceStart.start();
    if (m_timerId == 0)
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
    if (m_timerId != 0)
        killTimer(std::exchange(m_timerId, 0));
}

void QuietTimer::arm(int ms)
{
    stop();
    m_timerId = startTimer(ms);
    m_armedMs = ms;
}

void QuietTimer::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timerId)
        return QObject::timerEvent(event);
    const qint64 quietMs = m_sinceStart.elapsed();
    if (quietMs < m_intervalMs) {
        arm(int(m_intervalMs - quietMs)); // started again meanwhile: what is left of its quiet
        return;
    }
    if (m_singleShot) {
        stop();
    } else {
        m_sinceStart.start();
        if (m_armedMs != m_intervalMs) // a Qt timer repeats: only one armed for what was left is re-armed
            arm(m_intervalMs);
    }
    Q_EMIT timeout();
}
