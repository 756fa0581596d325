// SPDX-License-Identifier: MIT
// A timer that fires after a stretch of quiet: start() counts the quiet from now, like QTimer::start, but
// while it runs with the same interval it only notes the time (a clock read). A stream restarts its idle and
// keep-alive timers on every chunk; re-registering a timer each time costs more than the chunk's own work,
// so the one timer is armed once and, when it fires early (there was activity since), armed again for what
// is left of the quiet. Every request has a few of these: the timer is this object's own (startTimer), not a
// QTimer inside it, so each is one QObject and no signal connection.
#pragma once

#include <QElapsedTimer>
#include <QObject>

class QuietTimer : public QObject
{
    Q_OBJECT

public:
    explicit QuietTimer(QObject *parent = nullptr);

    void setInterval(int ms) { m_intervalMs = ms; }
    int interval() const { return m_intervalMs; }
    // Single-shot: it stops once it fired. Otherwise it fires after each further interval of quiet.
    void setSingleShot(bool singleShot) { m_singleShot = singleShot; }
    bool isActive() const { return m_timerId != 0; }

    // Quiet counts from now.
    void start();
    void start(int ms);
    void stop();

Q_SIGNALS:
    void timeout();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void arm(int ms);

    int m_timerId = 0; // the armed timer, 0 when stopped
    int m_armedMs = 0; // what it is armed for (it repeats)
    QElapsedTimer m_sinceStart; // since the last start(): the quiet so far
    int m_intervalMs = 0;
    bool m_singleShot = false;
};
