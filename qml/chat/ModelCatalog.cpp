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
        for (const ListedModel &model : listing.models)
            m_models << model.id;
        m_upstreams.clear();
        for (const UpstreamState &upstream : listing.upstreams) {
            QVariantMap entry {{QStringLiteral("name"), upstream.name},
                {QStringLiteral("kind"), upstream.kind}, {QStringLiteral("url"), upstream.url},
                {QStringLiteral("reachable"), upstream.reachable},
                {QStringLiteral("models"), upstream.models}};
            if (!upstream.error.isEmpty())
                entry.insert(QStringLiteral("error"), upstream.error);
            m_upstreams.append(entry);
        }
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
