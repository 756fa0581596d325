// SPDX-License-Identifier: MIT
#include "LiveSessionModel.h"

#include "BackendGateway.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace {

constexpr int RefreshMs = 1500;

} // namespace

LiveSessionModel::LiveSessionModel(QObject *parent)
    : KeyedListModel(parent)
    , m_now(QDateTime::currentDateTime())
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
    case OriginRole:
        return row.origin;
    case OriginNameRole:
        return row.originName;
    case ModelRole:
        return row.model;
    case StateRole:
        return QVariant::fromValue(row.state);
    case CreatedAtRole:
        return row.createdAt;
    case LastActivityRole:
        return row.lastActivity;
    case TitleSharedRole:
        return row.titleShared;
    default:
        return {};
    }
}

QHash<int, QByteArray> LiveSessionModel::roleNames() const
{
    return {{IdRole, "sessionId"}, {TitleRole, "title"}, {OriginRole, "origin"},
        {OriginNameRole, "originName"}, {ModelRole, "model"}, {StateRole, "state"},
        {CreatedAtRole, "createdAt"}, {LastActivityRole, "lastActivity"}, {TitleSharedRole, "titleShared"}};
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

void LiveSessionModel::setFilter(const QString &filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    Q_EMIT filterChanged();
    show();
}

void LiveSessionModel::setHoldOrder(bool hold)
{
    if (m_holdOrder == hold)
        return;
    m_holdOrder = hold;
    Q_EMIT holdOrderChanged();
    if (!hold)
        show(); // the moves held back
}

int LiveSessionModel::endedCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
        [](const LiveSessionRow &row) { return row.state != SessionState::Running; }));
}

int LiveSessionModel::clearedCount() const
{
    return int(std::count_if(m_all.begin(), m_all.end(),
        [this](const LiveSessionRow &row) { return m_cleared.contains(row.id); }));
}

void LiveSessionModel::setSelectedId(const QString &id)
{
    if (m_selectedId == id)
        return;
    m_selectedId = id;
    m_selected = selected();
    Q_EMIT selectedChanged();
}

QVariantMap LiveSessionModel::selected() const
{
    for (const LiveSessionRow &row : m_all) {
        if (row.id == m_selectedId) {
            return {{u"title"_s, row.title}, {u"origin"_s, row.origin}, {u"originName"_s, row.originName},
                {u"createdAt"_s, row.createdAt}};
        }
    }
    return {{u"title"_s, m_selectedId}, {u"origin"_s, -1}, {u"originName"_s, QString()}};
}

std::pair<LiveSessionModel::Origin, QString> LiveSessionModel::originOf(const Session &session)
{
    const QJsonObject &context = session.systemContext;
    const QString source = context.value("source"_L1).toString();
    // A request through the local endpoint names the upstream API it was sent with (ChatService).
    static const QStringList requestSources {"chat_completion"_L1, "text_completion"_L1, "embeddings"_L1,
        "ollama_chat"_L1, "ollama_generate"_L1, "ollama_embed"_L1, "responses"_L1, "anthropic_messages"_L1};
    if (requestSources.contains(source)) {
        const QString client = context.value("client"_L1).toString();
        if (client == "ponder-window"_L1)
            return {Origin::Window, {}};
        return {Origin::Client, client};
    }
    // A trace's session says where it came from by its service (TraceIngest), not by an agent's name.
    if (source == "opentelemetry"_L1)
        return {Origin::Trace, context.value("service"_L1).toString().left(80)};
    // An agent names itself in its session's context, or by its user.
    for (const auto name : {"agent"_L1, "agent_name"_L1, "source"_L1, "name"_L1}) {
        const QString value = context.value(name).toString();
        if (!value.isEmpty())
            return {Origin::Agent, value.left(80)};
    }
    return {Origin::Agent, session.userId.left(80)};
}

void LiveSessionModel::refresh()
{
    if (!m_gateway || m_refreshing)
        return;
    m_refreshing = true;
    m_gateway->liveSessions(this, [this](const std::optional<QList<LiveSession>> &sessions) {
        m_refreshing = false;
        if (sessions) {
            take(*sessions);
            return;
        }
        m_now = QDateTime::currentDateTime();
        Q_EMIT refreshed();
    });
}

void LiveSessionModel::take(const QList<LiveSession> &sessions)
{
    m_now = QDateTime::currentDateTime();
    QList<LiveSessionRow> rows;
    rows.reserve(sessions.size());
    for (const LiveSession &listed : sessions)
        rows.append(rowOf(listed));
    const bool outsideEnded = outsideRequestEndedBetween(m_all, rows);
    m_all = ordered(std::move(rows), m_all);
    show();
    Q_EMIT refreshed();
    if (outsideEnded)
        Q_EMIT outsideRequestEnded();
}

bool LiveSessionModel::outsideRequestEndedBetween(
    const QList<LiveSessionRow> &previous, const QList<LiveSessionRow> &fresh)
{
    QHash<QString, const LiveSessionRow *> before;
    for (const LiveSessionRow &row : previous) {
        if (row.origin == int(Origin::Client))
            before.insert(row.id, &row);
    }
    return std::any_of(fresh.begin(), fresh.end(), [&](const LiveSessionRow &row) {
        if (row.origin != int(Origin::Client) || row.state == SessionState::Running)
            return false;
        const LiveSessionRow *was = before.value(row.id);
        // New, or running then, or another request in it came and went between two refreshes.
        return !was || was->state == SessionState::Running || was->lastActivity != row.lastActivity;
    });
}

LiveSessionRow LiveSessionModel::rowOf(const LiveSession &listed)
{
    const Session &session = listed.session;
    LiveSessionRow row;
    row.id = session.id;
    row.title = session.userRequest.isEmpty() ? session.id : session.userRequest.simplified().left(120);
    const auto [origin, name] = originOf(session);
    row.origin = int(origin);
    row.originName = name;
    row.model = session.systemContext.value("model"_L1).toString();
    row.state = listed.state;
    row.createdAt = session.createdAt.toLocalTime();
    row.lastActivity = session.lastActivity.toLocalTime();
    row.movedTo = session.systemContext.value("moved_to"_L1).toString();
    return row;
}

QList<LiveSessionRow> LiveSessionModel::ordered(
    QList<LiveSessionRow> fresh, const QList<LiveSessionRow> &previous)
{
    struct Before
    {
        qsizetype place;
        QDateTime lastActivity;
    };
    QHash<QString, Before> before;
    before.reserve(previous.size());
    for (qsizetype place = 0; place < previous.size(); ++place)
        before.insert(previous.at(place).id, {place, previous.at(place).lastActivity});
    // 0: new since the last refresh; 1: listed before and active since; 2: listed before, idle since.
    const auto groupOf = [&before](const LiveSessionRow &row) {
        const auto known = before.constFind(row.id);
        if (known == before.cend())
            return 0;
        return known->lastActivity == row.lastActivity ? 2 : 1;
    };
    std::stable_sort(fresh.begin(), fresh.end(), [&](const LiveSessionRow &a, const LiveSessionRow &b) {
        const int groupA = groupOf(a);
        const int groupB = groupOf(b);
        if (groupA != groupB)
            return groupA < groupB;
        if (groupA == 0)
            return a.lastActivity > b.lastActivity;
        return before.value(a.id).place < before.value(b.id).place;
    });
    return fresh;
}

QList<int> LiveSessionModel::changedRoles(const LiveSessionRow &before, const LiveSessionRow &after) const
{
    QList<int> roles;
    if (before.title != after.title)
        roles << TitleRole << Qt::DisplayRole;
    if (before.origin != after.origin)
        roles << OriginRole;
    if (before.originName != after.originName)
        roles << OriginNameRole;
    if (before.model != after.model)
        roles << ModelRole;
    if (before.state != after.state)
        roles << StateRole;
    if (before.createdAt != after.createdAt)
        roles << CreatedAtRole;
    if (before.lastActivity != after.lastActivity)
        roles << LastActivityRole;
    if (before.id != after.id)
        roles << IdRole;
    if (before.titleShared != after.titleShared)
        roles << TitleSharedRole;
    return roles;
}

void LiveSessionModel::show()
{
    QList<LiveSessionRow> shown;
    for (const LiveSessionRow &row : std::as_const(m_all)) {
        const auto cleared = m_cleared.constFind(row.id);
        if (cleared != m_cleared.cend() && row.lastActivity > *cleared)
            m_cleared.remove(row.id); // a new request in it
        if (m_hidden.contains(row.id) || m_cleared.contains(row.id))
            continue;
        // Its steps are in its conversation's session, listed too; it stays while someone looks at it.
        if (!row.movedTo.isEmpty() && row.id != m_selectedId)
            continue;
        if (!m_filter.isEmpty() && !row.title.contains(m_filter, Qt::CaseInsensitive)
            && !row.id.contains(m_filter, Qt::CaseInsensitive)
            && !row.originName.contains(m_filter, Qt::CaseInsensitive)
            && !row.model.contains(m_filter, Qt::CaseInsensitive))
            continue;
        shown.append(row);
    }
    QHash<QString, int> titles;
    for (const LiveSessionRow &row : std::as_const(shown))
        ++titles[row.title];
    for (LiveSessionRow &row : shown)
        row.titleShared = titles.value(row.title) > 1;
    if (m_holdOrder) {
        // The pointer is over the list: the rows shown keep their places, new ones go below them.
        QHash<QString, qsizetype> place;
        for (qsizetype at = 0; at < m_rows.size(); ++at)
            place.insert(m_rows.at(at).id, at);
        std::stable_sort(
            shown.begin(), shown.end(), [&place](const LiveSessionRow &a, const LiveSessionRow &b) {
                return place.value(a.id, place.size()) < place.value(b.id, place.size());
            });
    }
    sync(shown);
    const QVariantMap selectedNow = selected();
    if (selectedNow != m_selected) {
        m_selected = selectedNow;
        Q_EMIT selectedChanged();
    }
}

void LiveSessionModel::clearEnded()
{
    for (const LiveSessionRow &row : std::as_const(m_rows)) {
        if (row.state != SessionState::Running)
            m_cleared.insert(row.id, row.lastActivity);
    }
    show();
    Q_EMIT refreshed();
}

void LiveSessionModel::setHidden(const QString &id, bool hidden)
{
    if (hidden)
        m_hidden.insert(id);
    else
        m_hidden.remove(id);
    show();
}
