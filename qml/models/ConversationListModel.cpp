// SPDX-License-Identifier: MIT
#include "ConversationListModel.h"

#include "BackendGateway.h"

namespace {

constexpr int UndoMs = 6000;

} // namespace

ConversationListModel::ConversationListModel(QObject *parent)
    : KeyedListModel(parent)
{
    m_undo.setSingleShot(true);
    m_undo.setInterval(UndoMs);
    connect(&m_undo, &QTimer::timeout, this, &ConversationListModel::commitRemoval);
    connect(this, &QAbstractItemModel::rowsInserted, this, &ConversationListModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ConversationListModel::countChanged);
}

ConversationListModel::~ConversationListModel()
{
    // Closing the window is not Undo.
    if (!m_removed.id.isEmpty() && m_gateway)
        m_gateway->removeConversation(m_removed.id, nullptr, [](bool) {});
}

void ConversationListModel::setUndoMs(int ms)
{
    if (ms == m_undo.interval())
        return;
    m_undo.setInterval(ms);
    Q_EMIT removalChanged();
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConversationRow &row = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return row.id;
    case Qt::DisplayRole:
    case TitleRole:
        return row.title;
    case ModelRole:
        return row.model;
    case UpdatedAtRole:
        return row.updatedAt;
    case MessageCountRole:
        return row.messageCount;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{IdRole, "conversationId"}, {TitleRole, "title"}, {ModelRole, "model"},
        {UpdatedAtRole, "updatedAt"}, {MessageCountRole, "messageCount"}};
}

void ConversationListModel::setGateway(BackendGateway *gateway)
{
    if (m_gateway == gateway)
        return;
    m_gateway = gateway;
    Q_EMIT gatewayChanged();
    refresh();
}

void ConversationListModel::setFilter(const QString &filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    Q_EMIT filterChanged();
    show();
}

void ConversationListModel::refresh()
{
    if (!m_gateway)
        return;
    m_gateway->conversations(this, [this](const std::optional<QList<ConversationSummary>> &summaries) {
        if (!summaries) {
            m_available = false;
            Q_EMIT availableChanged();
            return;
        }
        QList<ConversationRow> rows;
        for (const ConversationSummary &summary : *summaries)
            rows.append({summary.id, summary.title, summary.model, summary.updatedAt.toLocalTime(),
                summary.messageCount});
        m_all = rows;
        show();
    });
}

void ConversationListModel::show()
{
    QList<ConversationRow> shown;
    for (const ConversationRow &row : std::as_const(m_all)) {
        if (row.id == m_removed.id)
            continue;
        if (m_filter.isEmpty() || row.title.contains(m_filter, Qt::CaseInsensitive))
            shown.append(row);
    }
    sync(shown);
}

void ConversationListModel::rename(const QString &id, const QString &title)
{
    const QString trimmed = title.trimmed();
    if (!m_gateway || trimmed.isEmpty())
        return;
    m_gateway->renameConversation(id, trimmed, this, [this](bool) { refresh(); });
}

void ConversationListModel::remove(const QString &id)
{
    if (!m_gateway)
        return;
    commitRemoval(); // one Undo at a time
    const auto row
        = std::find_if(m_all.cbegin(), m_all.cend(), [&](const ConversationRow &r) { return r.id == id; });
    if (row == m_all.cend())
        return;
    m_removed = *row;
    m_undo.start();
    show();
    Q_EMIT removalChanged();
}

void ConversationListModel::undoRemove()
{
    if (m_removed.id.isEmpty())
        return;
    m_undo.stop();
    m_removed = {};
    show();
    Q_EMIT removalChanged();
}

void ConversationListModel::commitRemoval()
{
    if (m_removed.id.isEmpty())
        return;
    m_undo.stop();
    const QString id = std::exchange(m_removed, {}).id;
    m_all.erase(
        std::remove_if(m_all.begin(), m_all.end(), [&](const ConversationRow &r) { return r.id == id; }),
        m_all.end());
    if (m_gateway)
        m_gateway->removeConversation(id, this, [this](bool) { refresh(); });
    Q_EMIT removalChanged();
}
