#include "ModelCatalog.h"

#include "Backend.h"
#include "BackendHost.h"
#include "chat/ChatService.h"
#include "upstream/UpstreamRegistry.h"

#include <QJsonArray>

void ModelCatalog::setHost(BackendHost *host)
{
    if (m_host == host)
        return;
    m_host = host;
    Q_EMIT hostChanged();
    refresh();
}

void ModelCatalog::refresh()
{
    if (!m_host || m_loading)
        return;
    setLoading(true);
    m_host->run(this, [this](Backend &backend, const BackendHost::ToGui &toGui) {
        UpstreamRegistry &registry = backend.chat().upstreams();
        registry.listModels([this, toGui, &registry](const QList<UpstreamRegistry::ListedModel> &listed) {
            QStringList ids;
            for (const auto &model : listed)
                ids << model.id;
            // Listing just asked every upstream, so this answers from what it learned.
            registry.reachability([this, toGui, ids](const QJsonArray &status) {
                toGui([this, ids, status] {
                    m_models = ids;
                    m_upstreams = status.toVariantList();
                    m_checked = true;
                    setLoading(false);
                    Q_EMIT changed();
                });
            });
        });
    });
}

void ModelCatalog::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}
