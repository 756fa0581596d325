// Watches one hub session from the GUI thread: its retained history, then its live events, in order.
//
// Events are gathered on the backend's thread and handed over at most once per frame, so a publisher
// sending thousands of events per second costs the GUI thread sixty small batches, not thousands of calls.
#pragma once

#include "store/StoredEvent.h"

#include <QObject>

#include <memory>

class BackendHost;

class SessionFeed : public QObject
{
    Q_OBJECT

public:
    explicit SessionFeed(BackendHost &host, QObject *parent = nullptr);
    ~SessionFeed() override;

    // Stops watching the previous session, if any, and starts on this one.
    void watch(const QString &sessionId);
    void stop();
    QString sessionId() const { return m_sessionId; }

Q_SIGNALS:
    void eventsArrived(const QList<StoredEvent> &events);
    // The session is not in the hub (never created, expired, or its store is unavailable).
    void unavailable(const QString &reason);

private:
    class Forwarder;
    struct Handle;

    BackendHost &m_host;
    QString m_sessionId;
    std::shared_ptr<Handle> m_handle; // only touched on the backend's thread
};
