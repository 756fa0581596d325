#include "LiveSessionModel.h"

#include "BackendGateway.h"

namespace {

constexpr int RefreshMs = 1500;

} // namespace

LiveSessionModel::LiveSessionModel(QObject *parent)
    : KeyedListModel(parent)
{
    m_timer.setInterval(RefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &LiveSessionModel::refresh);
    connect(this, &QAbstractItemModel::rowsInserted, this, &LiveSessionModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &LiveSessionModel::countChanged);
}

QVariant LiveSessionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LiveSessionRow &row = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return row.id;
    case Qt::DisplayRole:
    case TitleRole:
        return row.title;
    case SourceRole:
        return row.source;
    case ModelRole:
        return row.model;
    case ActiveRole:
        return row.active;
    case LastActivityRole:
        return row.lastActivity;
    default:
        return {};
    }
}

QHash<int, QByteArray> LiveSessionModel::roleNames() const
{
    return {{IdRole, "sessionId"}, {TitleRole, "title"}, {SourceRole, "source"}, {ModelRole, "model"},
        {ActiveRole, "active"}, {LastActivityRole, "lastActivity"}};
}

void LiveSessionModel::setGateway(BackendGateway *gateway)
{
    if (m_gateway == gateway)
        return;
    m_gateway = gateway;
    Q_EMIT gatewayChanged();
    refresh();
}

void LiveSessionModel::setActive(bool active)
{
    if (active == m_timer.isActive())
        return;
    if (active) {
        m_timer.start();
        refresh();
    } else {
        m_timer.stop();
    }
    Q_EMIT activeChanged();
}

void LiveSessionModel::refresh()
{
    if (!m_gateway || m_refreshing)
        return;
    m_refreshing = true;
    m_gateway->liveSessions(this, [this](const std::optional<QList<Session>> &sessions) {
        m_refreshing = false;
        if (sessions) {
            QList<LiveSessionRow> rows;
            for (const Session &session : *sessions) {
                LiveSessionRow row;
                row.id = session.id;
                row.title
                    = session.userRequest.isEmpty() ? session.id : session.userRequest.simplified().left(120);
                row.source = session.systemContext.value(QLatin1String("source")).toString();
                row.model = session.systemContext.value(QLatin1String("model")).toString();
                row.active = session.active;
                row.lastActivity = session.lastActivity.toLocalTime();
                rows.append(row);
            }
            std::stable_sort(rows.begin(), rows.end(), [](const LiveSessionRow &a, const LiveSessionRow &b) {
                return a.lastActivity > b.lastActivity;
            });
            sync(rows);
        }
        ++m_revision;
        Q_EMIT refreshed();
    });
}

QString LiveSessionModel::titleOf(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? id : m_rows.at(row).title;
}
