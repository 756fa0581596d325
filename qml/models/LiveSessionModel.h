// Every session in the hub, most recently active first: the window's own chats, requests from outside
// clients through the local endpoint, and agents publishing through the streaming API. Refreshed on a
// timer while `active` (the list is small; events themselves are pushed to the selected session).
#pragma once

#include "models/KeyedListModel.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class BackendGateway;

struct LiveSessionRow
{
    QString id;
    QString title; // the user request, or the id when there is none
    QString source; // chat_completion for chats; an agent's own name, or empty
    QString model;
    bool active = true;
    QDateTime lastActivity;

    bool operator==(const LiveSessionRow &other) const = default;
};

class LiveSessionModel : public KeyedListModel<LiveSessionRow>
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(BackendGateway *gateway READ gateway WRITE setGateway NOTIFY gatewayChanged)
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int revision READ revision NOTIFY refreshed) // for bindings that read titleOf()

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        SourceRole,
        ModelRole,
        ActiveRole,
        LastActivityRole
    };
    Q_ENUM(Role)

    explicit LiveSessionModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    BackendGateway *gateway() const { return m_gateway; }
    void setGateway(BackendGateway *gateway);
    bool active() const { return m_timer.isActive(); }
    void setActive(bool active);

    int revision() const { return m_revision; }

    Q_INVOKABLE void refresh();
    // The session's title as listed, or its id when it is not (or not yet) listed.
    Q_INVOKABLE QString titleOf(const QString &id) const;

Q_SIGNALS:
    void gatewayChanged();
    void activeChanged();
    void countChanged();
    void refreshed();

private:
    QPointer<BackendGateway> m_gateway;
    QTimer m_timer;
    bool m_refreshing = false;
    int m_revision = 0;
};
