// SPDX-License-Identifier: MIT
// One watched hub session on the backend's thread: its history, then its live events (steps, reasoning
// text and progress, in order), gathered for the frame coalescer. Its counterpart on the GUI thread is a
// SessionFeed.
#pragma once

#include "FrameCoalescer.h"
#include "hub/EventWatcher.h"

#include <QList>
#include <QObject>

class BackendSide;

class SessionRelay : public QObject, public EventWatcher, public FrameCoalescer::Client
{
public:
    SessionRelay(BackendSide &side, int id, QString sessionId);
    ~SessionRelay() override;

    void start();
    void deliver(const StoredEvent &event) override;
    void historyTrimmed(EventKind kind, qint64 count) override;

private:
    void flushFrame() override;

    BackendSide &m_side;
    const int m_id;
    const QString m_sessionId;
    bool m_subscribed = false;
    QList<StoredEvent> m_pending;
};
