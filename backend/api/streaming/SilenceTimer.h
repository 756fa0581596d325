// SPDX-License-Identifier: MIT
// Calls back after an interval without activity: keepalives that only fill silence. Marking activity
// reads a clock instead of restarting a QTimer, which perf showed costing a few percent of the hub's time
// when it happened for every event sent.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

class SilenceTimer : public QObject
{
public:
    SilenceTimer(int intervalMs, std::function<void()> onSilence, QObject *parent = nullptr);

    void start();
    void stop() { m_timer.stop(); }
    void activity() { m_lastActivity.start(); }

private:
    void check();

    int m_intervalMs;
    std::function<void()> m_onSilence;
    QTimer m_timer;
    QElapsedTimer m_lastActivity;
};
