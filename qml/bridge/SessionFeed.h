// SPDX-License-Identifier: MIT
// One watched hub session as the window sees it, on the GUI thread: its retained history, then its live
// events (thinking steps, reasoning text and progress), in order, at most one batch per frame. Made by
// BackendGateway::watch; deleting it stops watching.
#pragma once

#include "store/EventStore.h"
#include "store/StoredEvent.h"

#include <QObject>
#include <QPointer>

class BackendGateway;

class SessionFeed : public QObject
{
    Q_OBJECT

public:
    ~SessionFeed() override;

    QString sessionId() const { return m_sessionId; }

Q_SIGNALS:
    void eventsArrived(const QList<StoredEvent> &events);
    // The session cannot be watched: it is not in the hub (never created, expired, deleted), or its store
    // is unavailable. The window words it; the store's English message stays in the log.
    void unavailable(StoreStatus::Code why);
    // The session had `count` steps more than its retained history holds: the oldest are no longer kept.
    // Said before that history arrives.
    void stepsNotKept(qint64 count);

private:
    friend class BackendGateway;
    SessionFeed(BackendGateway &gateway, int id, QString sessionId, QObject *parent);

    QPointer<BackendGateway> m_gateway;
    const int m_id;
    const QString m_sessionId;
};
