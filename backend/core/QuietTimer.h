// SPDX-License-Identifier: MIT
// A timer that fires after a stretch of quiet: start() counts the quiet from now, like QTimer::start, but
// while it runs with the same interval it only notes the time (a clock read). A stream restarts its idle and
// keep-alive timers on every chunk; re-registering a QTimer each time costs more than the chunk's own work,
// so the one timer is armed once and, when it fires early (there was activity since), armed again for what
// is left of the quiet.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QuietTimer : public QObject
{
    Q_OBJECT

public:
    explicit QuietTimer(QObject *parent = nullptr);

    void setInterval(int ms) { m_intervalMs = ms; }
    int interval() const { return m_intervalMs; }
    // Single-shot: it stops once it fired. Otherwise it fires after each further interval of quiet.
    void setSingleShot(bool singleShot) { m_singleShot = singleShot; }
    bool isActive() const { return m_timer.isActive(); }

    // Quiet counts from now.
    void start();
    void start(int ms);
    void stop() { m_timer.stop(); }

Q_SIGNALS:
    void timeout();

private:
    void onTimer();

    QTimer m_timer;
    QElapsedTimer m_sinceStart; // since the last start(): the quiet so far
    int m_intervalMs = 0;
    bool m_singleShot = false;
};
