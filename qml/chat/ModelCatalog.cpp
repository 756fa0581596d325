// SPDX-License-Identifier: MIT
#include "ModelCatalog.h"

#include "BackendGateway.h"

#include <QSet>

void ModelCatalog::setGateway(BackendGateway *gateway)
{
    if (m_gateway == gateway)
        return;
    if (m_gateway)
        disconnect(m_gateway, nullptr, this, nullptr);
    m_gateway = gateway;
    // Settings changed the upstreams: the picker shows the new set.
    if (m_gateway) {
        connect(m_gateway, &BackendGateway::upstreamsReplaced, this, &ModelCatalog::refresh);
        connect(m_gateway, &BackendGateway::agentsReplaced, this, &ModelCatalog::refresh);
    }
    Q_EMIT gatewayChanged();
    refresh();
}

void ModelCatalog::refresh()
{
    if (!m_gateway)
        return;
    if (m_loading) {
        m_askAgain = true; // what runs may be of a list of upstreams replaced since
        return;
    }
    setLoading(true);
    m_gateway->listModels(this, [this](const ModelListing &listing) {
        m_models.clear();
        QList<ModelRow> rows;
        for (const ListedModel &model : listing.models) {
            m_models << model.id;
            rows << ModelRow::from(model);
            m_listedBy.insert(model.id, model.upstream);
            m_lastRows.insert(model.id, rows.last());
        }
        m_list.show(rows);
        m_upstreams.clear();
        m_answered.clear();
        m_silent.clear();
        for (const UpstreamState &upstream : listing.upstreams) {
            if (upstream.reachable)
                m_answered.append({upstream.name, upstream.models});
            else
                m_silent << upstream.name;
            QVariantMap entry {{QStringLiteral("name"), upstream.name},
                {QStringLiteral("kind"), upstream.kind}, {QStringLiteral("url"), upstream.url},
                {QStringLiteral("reachable"), upstream.reachable},
                {QStringLiteral("models"), upstream.models}};
            if (!upstream.error.isEmpty()) {
                entry.insert(QStringLiteral("error"), upstream.error);
                entry.insert(QStringLiteral("errorCode"), upstream.errorCode);
            }
            m_upstreams.append(entry);
        }
        // Kept only for what is listed now or was listed by an upstream that is silent now: a model its
        // upstream dropped, or of an upstream removed in Settings, is forgotten.
        const QSet<QString> listed(m_models.cbegin(), m_models.cend());
        m_listedBy.removeIf([&](const QHash<QString, QString>::iterator entry) {
            return !listed.contains(entry.key()) && !m_silent.contains(entry.value());
        });
        m_lastRows.removeIf([&](const QHash<QString, ModelRow>::iterator entry) {
            return !m_listedBy.contains(entry.key());
        });
        m_listed = true;
        m_checked = true;
        setLoading(false);
        Q_EMIT changed();
        if (std::exchange(m_askAgain, false))
            refresh();
    });
}

const ModelRow *ModelCatalog::find(const QString &id) const
{
    if (const ModelRow *listed = m_list.find(id))
        return listed;
    if (!notAnswering(id))
        return nullptr;
    const auto last = m_lastRows.constFind(id);
    return last == m_lastRows.cend() ? nullptr : &*last;
}

QString ModelCatalog::keptChoice(const QString &chosen) const
{
    if (m_models.isEmpty() || m_models.contains(chosen) || notAnswering(chosen))
        return chosen;
    return m_models.first();
}

bool ModelCatalog::notAnswering(const QString &id) const
{
    if (id.isEmpty() || m_models.contains(id))
        return false;
    if (const auto seen = m_listedBy.constFind(id); seen != m_listedBy.constEnd())
        return m_silent.contains(*seen);
    // "NAME/model": how a model is named when another upstream lists one of the same name; listed under
    // the bare name once NAME is silent, or never seen since the window started.
    const qsizetype slash = id.indexOf(QLatin1Char('/'));
    return slash > 0 && m_silent.contains(id.left(slash));
}

QString ModelCatalog::summary() const
{
    if (!m_listed)
        return {};
    QStringList found;
    for (const auto &[name, models] : m_answered)
        found << tr("%n model(s) at %1", nullptr, models).arg(name);
    QString summary = found.isEmpty() ? tr("No upstream answered.")
                                      : tr("Found %1.").arg(found.join(QStringLiteral(", ")));
    if (!m_silent.isEmpty())
        summary += QLatin1Char(' ') + tr("Not answering: %1.").arg(m_silent.join(QStringLiteral(", ")));
    return summary;
}

void ModelCatalog::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}
