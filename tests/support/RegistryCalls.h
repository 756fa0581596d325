// SPDX-License-Identifier: MIT
// The upstream registry's asynchronous calls, caught for a test: each answer lands in a shared record the
// test waits on (QTRY_VERIFY(record->done)), and a record outlives the call whichever ends first.
#pragma once

#include "upstream/UpstreamRegistry.h"

#include <QStringList>

#include <memory>
#include <optional>

// Upstream specs as `--upstream` takes them; a bad one ends the test run, since it is the test's mistake.
QList<UpstreamConfig> upstreamConfigs(const QStringList &specs);

struct Listing
{
    bool done = false;
    QList<UpstreamRegistry::ListedModel> models;

    QStringList sortedIds() const;
    UpstreamProvider *upstreamOf(const QString &id) const;
};

std::shared_ptr<Listing> listModels(UpstreamRegistry &registry);

struct Resolved
{
    bool done = false;
    std::optional<UpstreamRegistry::Route> route;
    UpstreamError error;
};

std::shared_ptr<Resolved> resolveModel(UpstreamRegistry &registry, const QString &model);
