#include "UpstreamProbe.h"

#include "BackendHost.h"
#include "upstream/UpstreamRegistry.h"

#include <QJsonArray>
#include <QJsonObject>

void UpstreamProbe::test(const QString &spec, const QString &apiKey)
{
    QString error;
    auto config = UpstreamConfig::parse(spec.trimmed(), &error);
    if (!config) {
        Q_EMIT finished(false, error);
        return;
    }
    if (!m_host || m_busy)
        return;
    config->apiKey = apiKey.trimmed();
    config->connectTimeoutMs = 5'000;
    config->idleTimeoutMs = 10'000;
    setBusy(true);
    m_host->run(this, [this, config = *config](Backend &, const BackendHost::ToGui &toGui) {
        auto *registry = new UpstreamRegistry({config});
        registry->listModels([this, toGui, registry](const QList<UpstreamRegistry::ListedModel> &models) {
            registry->reachability([this, toGui, registry, count = models.size()](const QJsonArray &status) {
                const QJsonObject upstream = status.at(0).toObject();
                const bool reachable = upstream.value(QLatin1String("reachable")).toBool();
                const QString problem = upstream.value(QLatin1String("error")).toString();
                registry->deleteLater();
                toGui([this, reachable, problem, count] {
                    setBusy(false);
                    if (reachable)
                        Q_EMIT finished(true, tr("Connected: %n model(s) available.", nullptr, int(count)));
                    else
                        Q_EMIT finished(false, tr("No answer: %1").arg(problem));
                });
            });
        });
    });
}

void UpstreamProbe::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}
