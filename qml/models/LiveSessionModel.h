// SPDX-License-Identifier: MIT
// Every session in the hub, most recently active first: the window's own chats, requests from outside
// clients through the local endpoint, and agents publishing through the streaming API. Each with how it
// stands (running, done, failed, stopped, ended), where it came from (this window, an API client by its
// User-Agent, an agent by its name) and when it began. Filtered by a search text; ended sessions can be
// cleared from the list. Refreshed on a timer while `active` (the list is small; events themselves are
// pushed to the selected session).
//
// Most recently active first, as of each refresh: new sessions on top (the latest first), then those active
// since the last refresh, then the rest, both in the order they had. So a hundred clients streaming at once
// keep their places instead of shuffling every refresh. A refresh changes a row only in what changed, and
// names those roles.
//
// While `holdOrder` (the pointer is over the list), rows keep the places they have: a refresh that would
// move a session up moves it only once the pointer leaves, and new sessions are added below the rest. A
// person aiming at a row clicked the one that had just moved under the pointer.
#pragma once

#include "GatewayTypes.h"
#include "models/KeyedListModel.h"

#include <QDateTime>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class BackendGateway;

struct LiveSessionRow
{
    QString id;
    QString title; // the user request, or the id when there is none
    int origin = 0; // LiveSessionModel::Origin
    QString originName; // the client's User-Agent, or the agent's name
    QString model;
    SessionState state = SessionState::Running;
    QDateTime createdAt;
    QDateTime lastActivity;
    QString movedTo; // a trace's steps moved into this conversation's session (TraceIngest)
    bool titleShared = false; // another listed session has the same title: the row tells them apart

    bool operator==(const LiveSessionRow &other) const = default;
};

class LiveSessionModel : public KeyedListModel<LiveSessionRow>
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(BackendGateway *gateway READ gateway WRITE setGateway NOTIFY gatewayChanged)
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // Matched against titles, ids and origins; empty shows every session.
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    // Rows keep their places while set (the pointer is over the list); set back, they take the list's order.
    Q_PROPERTY(bool holdOrder READ holdOrder WRITE setHoldOrder NOTIFY holdOrderChanged)
    Q_PROPERTY(int endedCount READ endedCount NOTIFY refreshed) // shown sessions that are not running
    // Listed sessions that "Clear ended" took off the list: an empty list then is not one where nothing ran.
    Q_PROPERTY(int clearedCount READ clearedCount NOTIFY refreshed)
    Q_PROPERTY(qint64 nowMs READ nowMs NOTIFY refreshed) // as of the last refresh, for ages
    // The session shown in the visualizer, and what the list knows of it.
    Q_PROPERTY(QString selectedId READ selectedId WRITE setSelectedId NOTIFY selectedChanged)
    Q_PROPERTY(QVariantMap selected READ selected NOTIFY selectedChanged)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        OriginRole, // Origin
        OriginNameRole,
        ModelRole,
        StateRole, // LiveState::State
        CreatedAtRole,
        LastActivityRole,
        TitleSharedRole // another listed session has the same title
    };
    Q_ENUM(Role)

    enum class Origin
    {
        Window, // a chat in this window
        Client, // a request to the local endpoint
        Agent, // an agent publishing to the streaming API
        Trace // an OpenTelemetry trace exported to /v1/traces, named by its service
    };
    Q_ENUM(Origin)

    explicit LiveSessionModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    BackendGateway *gateway() const { return m_gateway; }
    void setGateway(BackendGateway *gateway);
    bool active() const { return m_timer.isActive(); }
    void setActive(bool active);
    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    bool holdOrder() const { return m_holdOrder; }
    void setHoldOrder(bool hold);
    int endedCount() const;
    int clearedCount() const;
    qint64 nowMs() const { return m_now.toMSecsSinceEpoch(); }
    QString selectedId() const { return m_selectedId; }
    void setSelectedId(const QString &id);
    QVariantMap selected() const;

    Q_INVOKABLE void refresh();
    // Takes every session that is not running off the list (they stay in the hub).
    Q_INVOKABLE void clearEnded();
    // A chat being deleted leaves the list at once; Undo brings it back.
    Q_INVOKABLE void setHidden(const QString &id, bool hidden);

    // Where a session came from, as its system_context says (public for tests).
    static std::pair<Origin, QString> originOf(const Session &session);
    // Takes a fresh listing from the hub, as refresh() does with the gateway's answer (public for tests).
    void take(const QList<LiveSession> &sessions);
    // `fresh` in the list's order, given the order `previous` had (public for tests).
    static QList<LiveSessionRow> ordered(QList<LiveSessionRow> fresh, const QList<LiveSessionRow> &previous);

Q_SIGNALS:
    void gatewayChanged();
    void activeChanged();
    void countChanged();
    void filterChanged();
    void holdOrderChanged();
    void refreshed();
    void selectedChanged();
    // A request of an outside client ended since the last refresh (or was first seen ended): history may
    // hold a conversation the window has not listed. At most once per refresh, never per delta.
    void outsideRequestEnded();

protected:
    QList<int> changedRoles(const LiveSessionRow &before, const LiveSessionRow &after) const override;

private:
    void show();
    static LiveSessionRow rowOf(const LiveSession &listed);
    // Whether `fresh` has a client's request that ended since `previous` was listed.
    static bool outsideRequestEndedBetween(
        const QList<LiveSessionRow> &previous, const QList<LiveSessionRow> &fresh);

    QPointer<BackendGateway> m_gateway;
    QTimer m_timer;
    bool m_refreshing = false;
    QList<LiveSessionRow> m_all; // as listed, before the filter
    QString m_filter;
    bool m_holdOrder = false;
    QSet<QString> m_hidden; // chats being deleted
    // Ended when "Clear ended" was chosen, with their last activity then: back once they are active again.
    QHash<QString, QDateTime> m_cleared;
    QDateTime m_now;
    QString m_selectedId;
    QVariantMap m_selected; // as last announced by selectedChanged
};
