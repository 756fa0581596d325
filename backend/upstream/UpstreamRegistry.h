// SPDX-License-Identifier: MIT
// The configured model servers: lists their models under one namespace, routes a model id to the
// server that has it, and knows which servers were reachable when last asked.
//
// The list can be replaced while Ponder runs (replace): routes and listings are of the current list at
// once, and an upstream taken out lives on, unlisted, until the work it started has ended.
//
// Model ids: a model keeps its own id unless an upstream configured earlier already lists the same id;
// then it is listed as "<upstream>/<id>". Every model can also be asked for as "<upstream>/<id>".
#pragma once

#include "upstream/UpstreamProvider.h"

#include <QDateTime>
#include <QJsonArray>
#include <QObject>

#include <memory>
#include <vector>

class UpstreamRegistry : public QObject
{
    Q_OBJECT

public:
    struct ListedModel
    {
        QString id; // as Ponder lists it
        ModelInfo model;
        UpstreamProvider *upstream = nullptr;
    };
    struct Route
    {
        UpstreamProvider *upstream = nullptr;
        QString model; // the upstream's own name
    };

    explicit UpstreamRegistry(const QList<UpstreamConfig> &configs, QObject *parent = nullptr);
    ~UpstreamRegistry() override;

    // Takes a new list. An upstream whose name, kind, URL and key are unchanged keeps its provider, its
    // connections and what was last learned of it; the others are new. One no longer in the list is not
    // listed nor routed to from now on, and is destroyed once no generation or request of it runs.
    void replace(const QList<UpstreamConfig> &configs);
    // Upstreams taken out by replace() whose work still runs.
    int retiredCount() const { return int(m_retired.size()); }

    // Asks every upstream at once; unreachable ones are left out (and logged), never an error.
    void listModels(std::function<void(QList<ListedModel>)> done);
    // Finds the upstream for a model id; a 404 (unknown model) or 502 (nothing reachable) otherwise.
    void resolve(const QString &modelId, std::function<void(std::optional<Route>, UpstreamError)> done);

    // [{name, kind, url, reachable, error?, checked_at}] as of the last listing; refreshes when stale.
    void reachability(std::function<void(QJsonArray)> done);
    int size() const { return int(m_upstreams.size()); }
    UpstreamProvider *at(int index) const { return m_upstreams.at(size_t(index)).get(); }

private:
    struct Status
    {
        std::optional<bool> reachable;
        QString error;
        QString errorCode; // the API's code for it (upstream_unreachable, ...): the window words it from this
        QDateTime checkedAt;
        QList<ModelInfo> models;
    };

    // Where `upstream` is in the current list, or -1 when a replace() took it out.
    int indexOf(const UpstreamProvider *upstream) const;
    void retire(std::unique_ptr<UpstreamProvider> upstream);
    void dropIfIdle(const UpstreamProvider *upstream);
    std::optional<Route> lookup(const QString &modelId) const;
    // Each answering upstream's models by the ids clients use: a model's own id, or NAME/id when an upstream
    // before it in the list has one of that id. An upstream that does not answer keeps the ids of the models
    // it listed last (listed too with Silent::Kept, for routing), so an id never moves to another server's
    // model while its own server is down: a request for it fails as unreachable instead of going elsewhere.
    enum class Silent
    {
        Left,
        Kept
    };
    QList<ListedModel> namespaced(Silent silent = Silent::Left) const;
    QJsonArray statusJson() const;

    std::vector<std::unique_ptr<UpstreamProvider>> m_upstreams;
    std::vector<Status> m_status; // by the index in m_upstreams
    std::vector<std::unique_ptr<UpstreamProvider>> m_retired;
};
