// SPDX-License-Identifier: MIT
// Past conversations from the SQLite history, newest first, for the sidebar: search by title, rename
// and delete. Every query runs in the history's own thread; the list updates row by row.
//
// Deleting can be undone for a few seconds: the chat leaves the list at once and is deleted from history
// only when that time is up (or when another one is deleted, or the window closes).
#pragma once

#include "models/KeyedListModel.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class BackendGateway;

struct ConversationRow
{
    QString id;
    QString title;
    QString model;
    QDateTime updatedAt;
    qint64 messageCount = 0;

    bool operator==(const ConversationRow &other) const = default;
};

class ConversationListModel : public KeyedListModel<ConversationRow>
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(BackendGateway *gateway READ gateway WRITE setGateway NOTIFY gatewayChanged)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged) // matched against titles
    Q_PROPERTY(bool available READ available NOTIFY availableChanged) // false in stateless mode
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // The chat deleted a moment ago, which Undo brings back; empty when there is none.
    Q_PROPERTY(QString removedTitle READ removedTitle NOTIFY removalChanged)
    Q_PROPERTY(int undoMs READ undoMs WRITE setUndoMs NOTIFY removalChanged)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        ModelRole,
        UpdatedAtRole,
        MessageCountRole
    };
    Q_ENUM(Role)

    explicit ConversationListModel(QObject *parent = nullptr);
    ~ConversationListModel() override;

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    BackendGateway *gateway() const { return m_gateway; }
    void setGateway(BackendGateway *gateway);
    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    bool available() const { return m_available; }
    QString removedTitle() const { return m_removed.title; }
    int undoMs() const { return m_undo.interval(); }
    void setUndoMs(int ms);

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void rename(const QString &id, const QString &title);
    Q_INVOKABLE void remove(const QString &id);
    Q_INVOKABLE void undoRemove();

Q_SIGNALS:
    void gatewayChanged();
    void filterChanged();
    void availableChanged();
    void countChanged();
    void removalChanged();

private:
    void show();
    // Deletes the chat waiting for Undo from history now.
    void commitRemoval();

    QPointer<BackendGateway> m_gateway;
    QList<ConversationRow> m_all;
    QString m_filter;
    bool m_available = true;
    ConversationRow m_removed; // waiting for Undo
    QTimer m_undo;
};
