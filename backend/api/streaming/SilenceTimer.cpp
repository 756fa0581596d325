// SPDX-License-Identifier: MIT
#include "api/streaming/SilenceTimer.h"

#include <algorithm>

SilenceTimer::SilenceTimer(int intervalMs, std::function<void()> onSilence, QObject *parent)
    : QObject(parent)
    , m_intervalMs(std::max(1, intervalMs))
    , m_onSilence(std::move(onSilence))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SilenceTimer::check);
}

void SilenceTimer::start()
{
    activity();
    m_timer.start(m_intervalMs);
}

void SilenceTimer::check()
{
    const qint64 quietFor = m_lastActivity.elapsed();
    if (quietFor >= m_intervalMs) {
        start(); // armed first: the callback may stop it (a watcher closing), and nothing is used after it
        m_onSilence();
        return;
    }
    m_timer.start(int(m_intervalMs - quietFor)); // something happened meanwhile: wait out the rest
}
