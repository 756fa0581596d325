// SPDX-License-Identifier: MIT
// Turns SIGINT/SIGTERM into a Qt signal on the event loop, so `ponder serve` shuts down cleanly
// (destructors run, sockets close) instead of dying mid-write.
#pragma once

#include <QObject>

class QSocketNotifier;

class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};
