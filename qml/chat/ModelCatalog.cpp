#include "ModelCatalog.h"

#include "BackendGateway.h"

void ModelCatalog::setGateway(BackendGateway *gateway)
{
    if (m_gateway == gateway)
        return;
    m_gateway = gateway;
    Q_EMIT gatewayChanged();
    refresh();
}

void ModelCatalog::refresh()
{
    if (!m_gateway || m_loading)
        return;
    setLoading(true);
    m_gateway->listModels(this, [this](const ModelListing &listing) {
        m_models.clear();
        QList<ModelRow> rows;
        for (const ListedModel &model : listing.models) {
            m_models << model.id;
            rows << ModelRow::from(model);
        }
        m_list.show(rows);
        m_upstreams.clear();
        QStringList found;
        QStringList silent;
        for (const UpstreamState &upstream : listing.upstreams) {
            if (upstream.reachable)
                found << tr("%n model(s) at %1", nullptr, upstream.models).arg(upstream.name);
            else
                silent << upstream.name;
            QVariantMap entry {{QStringLiteral("name"), upstream.name},
                {QStringLiteral("kind"), upstream.kind}, {QStringLiteral("url"), upstream.url},
                {QStringLiteral("reachable"), upstream.reachable},
                {QStringLiteral("models"), upstream.models}};
            if (!upstream.error.isEmpty())
                entry.insert(QStringLiteral("error"), upstream.error);
            m_upstreams.append(entry);
        }
        m_summary = found.isEmpty() ? tr("No upstream answered.")
                                    : tr("Found %1.").arg(found.join(QStringLiteral(", ")));
        if (!silent.isEmpty())
            m_summary += QLatin1Char(' ') + tr("Not answering: %1.").arg(silent.join(QStringLiteral(", ")));
        m_checked = true;
        setLoading(false);
        Q_EMIT changed();
    });
}

void ModelCatalog::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}
