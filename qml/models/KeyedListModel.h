// SPDX-License-Identifier: MIT
// A list model of items with string ids that updates to a fresh list with the fewest row signals:
// removals, moves, insertions and dataChanged (naming the roles that changed, where the model says which).
// A refreshed sidebar keeps its selection and scroll position, which a model reset would lose.
#pragma once

#include <QAbstractListModel>
#include <QSet>

template<typename Item> // Item has a QString `id` and operator==
class KeyedListModel : public QAbstractListModel
{
public:
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    const QList<Item> &rows() const { return m_rows; }

    int rowOf(const QString &id) const
    {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (m_rows.at(row).id == id)
                return row;
        }
        return -1;
    }

protected:
    void sync(const QList<Item> &fresh)
    {
        QSet<QString> wanted;
        for (const Item &item : fresh)
            wanted.insert(item.id);
        for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
            if (!wanted.contains(m_rows.at(row).id)) {
                this->beginRemoveRows({}, row, row);
                m_rows.removeAt(row);
                this->endRemoveRows();
            }
        }
        for (int target = 0; target < fresh.size(); ++target) {
            const Item &item = fresh.at(target);
            const int current = indexFrom(target, item.id);
            if (current < 0) {
                this->beginInsertRows({}, target, target);
                m_rows.insert(target, item);
                this->endInsertRows();
                continue;
            }
            if (current != target) {
                // Moving row `current` up to `target`: the destination is given before the move.
                this->beginMoveRows({}, current, current, {}, target);
                m_rows.move(current, target);
                this->endMoveRows();
            }
            if (!(m_rows.at(target) == item)) {
                const QList<int> roles = changedRoles(m_rows.at(target), item);
                m_rows[target] = item;
                const QModelIndex at = this->index(target);
                Q_EMIT this->dataChanged(at, at, roles);
            }
        }
    }

    // The roles that differ between two versions of a row, named in its dataChanged so that views
    // re-read only those; empty means all of them.
    virtual QList<int> changedRoles(const Item &before, const Item &after) const
    {
        Q_UNUSED(before);
        Q_UNUSED(after);
        return {};
    }

    QList<Item> m_rows;

private:
    int indexFrom(int first, const QString &id) const
    {
        for (int row = first; row < m_rows.size(); ++row) {
            if (m_rows.at(row).id == id)
                return row;
        }
        return -1;
    }
};
