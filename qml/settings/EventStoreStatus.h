// SPDX-License-Identifier: MIT
// The event store's live status for the settings: which store, and whether it is healthy and why not.
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
    Q_PROPERTY(QString text READ text NOTIFY changed)

public:
    using QObject::QObject;

    QString text() const { return m_text; }

    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void gatewayChanged();
    void changed();

private:
    QPointer<BackendGateway> m_gateway;
    QString m_text;
};
