// SPDX-License-Identifier: MIT
// The event store's live status for the settings: which store, and whether it is healthy and why not. The
// window words it (Words.eventStoreNow), so that it follows a change of language.
#pragma once

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class BackendGateway;

class EventStoreStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(BackendGateway *gateway MEMBER m_gateway NOTIFY gatewayChanged)
    Q_PROPERTY(QString store READ store NOTIFY changed) // "memory" | "redis"; "" until asked
    Q_PROPERTY(bool healthy READ healthy NOTIFY changed)
    Q_PROPERTY(QString reason READ reason NOTIFY changed) // why not, in the store's words

public:
    using QObject::QObject;

    QString store() const { return m_store; }
    bool healthy() const { return m_healthy; }
    QString reason() const { return m_reason; }

    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void gatewayChanged();
    void changed();

private:
    QPointer<BackendGateway> m_gateway;
    QString m_store;
    bool m_healthy = false;
    QString m_reason;
};
