// SPDX-License-Identifier: MIT
#include "RegistryCalls.h"

QList<UpstreamConfig> upstreamConfigs(const QStringList &specs)
{
    QString error;
    const auto parsed = UpstreamConfig::parseList(specs, &error);
    if (!parsed)
        qFatal("bad upstream specs: %s", qPrintable(error));
    return *parsed;
}

QStringList Listing::sortedIds() const
{
    QStringList list;
    for (const auto &listed : models)
        list << listed.id;
    list.sort();
    return list;
}

UpstreamProvider *Listing::upstreamOf(const QString &id) const
{
    for (const auto &listed : models) {
        if (listed.id == id)
            return listed.upstream;
    }
    return nullptr;
}

std::shared_ptr<Listing> listModels(UpstreamRegistry &registry)
{
    auto listing = std::make_shared<Listing>();
    registry.listModels([listing](QList<UpstreamRegistry::ListedModel> models) {
        listing->models = models;
        listing->done = true;
    });
    return listing;
}

std::shared_ptr<Resolved> resolveModel(UpstreamRegistry &registry, const QString &model)
{
    auto resolved = std::make_shared<Resolved>();
    registry.resolve(model, [resolved](std::optional<UpstreamRegistry::Route> route, UpstreamError error) {
        *resolved = {true, route, error};
    });
    return resolved;
}
