// The event store's live status for the settings: which store, and whether it is healthy and why not.
#pragma once

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class BackendHost;

class EventStoreStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(BackendHost *host MEMBER m_host NOTIFY hostChanged)
    Q_PROPERTY(QString text READ text NOTIFY changed)

public:
    using QObject::QObject;

    QString text() const { return m_text; }

    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void hostChanged();
    void changed();

private:
    QPointer<BackendHost> m_host;
    QString m_text;
};
