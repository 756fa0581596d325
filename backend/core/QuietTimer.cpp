// SPDX-License-Identifier: MIT
#include "core/QuietTimer.h"

QuietTimer::QuietTimer(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &QuietTimer::onTimer);
}

void QuietTimer::start()
{
    m_sinceStart.start();
    if (!m_timer.isActive())
        m_timer.start(m_intervalMs);
}

void QuietTimer::start(int ms)
{
    if (ms != m_intervalMs) {
        m_intervalMs = ms;
        m_timer.stop(); // armed for another interval: armed anew below
    }
    start();
}

void QuietTimer::onTimer()
{
    const qint64 quietMs = m_sinceStart.elapsed();
    if (quietMs < m_intervalMs) {
        m_timer.start(int(m_intervalMs - quietMs)); // started again meanwhile: what is left of its quiet
        return;
    }
    if (!m_singleShot) {
        m_sinceStart.start();
        m_timer.start(m_intervalMs);
    }
    Q_EMIT timeout();
}
