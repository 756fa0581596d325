// SPDX-License-Identifier: MIT
#include "upstream/UpstreamRegistry.h"

#include "core/Logging.h"

#include <QSet>

namespace {

constexpr qint64 StaleAfterSeconds = 10;

// The same server, reached the same way: its provider and pooled connections can be kept.
bool sameUpstream(const UpstreamConfig &a, const UpstreamConfig &b)
{
    return a.name == b.name && a.kind == b.kind && a.baseUrl == b.baseUrl && a.apiKey == b.apiKey;
}

} // namespace

UpstreamRegistry::UpstreamRegistry(const QList<UpstreamConfig> &configs, QObject *parent)
    : QObject(parent)
{
    for (const UpstreamConfig &config : configs) {
        m_upstreams.push_back(UpstreamProvider::create(config));
        m_status.emplace_back();
    }
}

UpstreamRegistry::~UpstreamRegistry() = default;

void UpstreamRegistry::replace(const QList<UpstreamConfig> &configs)
{
    std::vector<std::unique_ptr<UpstreamProvider>> upstreams;
    std::vector<Status> status;
    for (const UpstreamConfig &config : configs) {
        const auto kept = std::find_if(m_upstreams.begin(), m_upstreams.end(),
            [&](const auto &upstream) { return upstream && sameUpstream(upstream->config(), config); });
        if (kept != m_upstreams.end()) {
            status.push_back(std::move(m_status[size_t(kept - m_upstreams.begin())]));
            upstreams.push_back(std::move(*kept));
        } else {
            upstreams.push_back(UpstreamProvider::create(config));
            status.emplace_back();
        }
    }
    std::swap(m_upstreams, upstreams);
    m_status = std::move(status);
    for (auto &gone : upstreams) {
        if (gone)
            retire(std::move(gone));
    }
}

void UpstreamRegistry::retire(std::unique_ptr<UpstreamProvider> upstream)
{
    if (upstream->busy())
        qCInfo(lcUpstream).noquote() << "upstream" << upstream->name()
                                     << "is no longer used; it goes when its running work ends";
    else
        qCInfo(lcUpstream).noquote() << "upstream" << upstream->name() << "is no longer used";
    const UpstreamProvider *retired = upstream.get();
    // Queued: a provider is never destroyed inside a call of its own (or of what its generation emits).
    connect(
        retired, &UpstreamProvider::idle, this, [this, retired] { dropIfIdle(retired); },
        Qt::QueuedConnection);
    m_retired.push_back(std::move(upstream));
    if (!retired->busy())
        QMetaObject::invokeMethod(
            this, [this, retired] { dropIfIdle(retired); }, Qt::QueuedConnection);
}

void UpstreamRegistry::dropIfIdle(const UpstreamProvider *upstream)
{
    const auto found = std::find_if(m_retired.begin(), m_retired.end(),
        [upstream](const auto &retired) { return retired.get() == upstream; });
    if (found != m_retired.end() && !(*found)->busy())
        m_retired.erase(found);
}

int UpstreamRegistry::indexOf(const UpstreamProvider *upstream) const
{
    for (size_t i = 0; i < m_upstreams.size(); ++i) {
        if (m_upstreams[i].get() == upstream)
            return int(i);
    }
    return -1;
}

void UpstreamRegistry::listModels(std::function<void(QList<ListedModel>)> done)
{
    if (m_upstreams.empty())
        return done({});
    auto waiting = std::make_shared<int>(int(m_upstreams.size()));
    for (const auto &each : m_upstreams) {
        UpstreamProvider *upstream = each.get();
        upstream->listModels([this, upstream, waiting, done](
                                 std::optional<QList<ModelInfo>> models, const UpstreamError &error) {
            // Found again by identity: a replace() meanwhile may have moved it, or taken it out (then what
            // it said is of no upstream in the list, and the listing answers with what the list knows).
            const int i = indexOf(upstream);
            if (i < 0) {
                if (--*waiting == 0)
                    done(namespaced());
                return;
            }
            Status &status = m_status[size_t(i)];
            status.checkedAt = QDateTime::currentDateTimeUtc();
            status.reachable = models.has_value();
            status.error = models ? QString() : error.message;
            status.errorCode = models ? QString() : error.code;
            if (models)
                status.models = *models;
            else
                qCWarning(lcUpstream).noquote()
                    << "leaving out the models of" << upstream->name() << "-" << error.message;
            if (--*waiting == 0)
                done(namespaced());
        });
    }
}

QList<UpstreamRegistry::ListedModel> UpstreamRegistry::namespaced(Silent silent) const
{
    QList<ListedModel> listed;
    QSet<QString> taken;
    for (size_t i = 0; i < m_upstreams.size(); ++i) {
        const bool answers = m_status[i].reachable.value_or(false);
        for (const ModelInfo &model : m_status[i].models) {
            const QString id
                = taken.contains(model.id) ? m_upstreams[i]->name() + QLatin1Char('/') + model.id : model.id;
            taken.insert(id);
            if (answers || silent == Silent::Kept)
                listed.append({id, model, m_upstreams[i].get()});
        }
    }
    return listed;
}

std::optional<UpstreamRegistry::Route> UpstreamRegistry::lookup(const QString &modelId) const
{
    for (const ListedModel &listed : namespaced(Silent::Kept)) {
        if (listed.id == modelId)
            return Route {listed.upstream, listed.model.id};
    }
    for (const auto &upstream : m_upstreams) {
        const QString prefix = upstream->name() + QLatin1Char('/');
        if (modelId.startsWith(prefix) && modelId.size() > prefix.size())
            return Route {upstream.get(), modelId.mid(prefix.size())};
    }
    return std::nullopt;
}

void UpstreamRegistry::resolve(
    const QString &modelId, std::function<void(std::optional<Route>, UpstreamError)> done)
{
    if (m_upstreams.empty())
        return done(std::nullopt,
            UpstreamError::badGateway(QStringLiteral("no upstream model server is configured")));
    // With one upstream there is nothing to choose: it answers for itself (404 for a model it lacks, and
    // an unreachable server is a 502), and no listing round trip is added to the time to first token.
    if (m_upstreams.size() == 1) {
        const auto prefixed = lookup(modelId);
        return done(Route {m_upstreams.front().get(), prefixed ? prefixed->model : modelId}, {});
    }
    if (auto route = lookup(modelId))
        return done(route, {});
    listModels([this, modelId, done](const QList<ListedModel> &) {
        if (auto route = lookup(modelId))
            return done(route, {});
        const bool anyReachable = std::any_of(
            m_status.begin(), m_status.end(), [](const Status &s) { return s.reachable.value_or(false); });
        if (!anyReachable)
            return done(std::nullopt,
                {502, QStringLiteral("no upstream model server is reachable"),
                    QStringLiteral("upstream_unreachable"), {}});
        // Not listed by those that answered, but one that did not answer may have it: saying it does not
        // exist would send the user to pull a model they have.
        for (size_t i = 0; i < m_upstreams.size(); ++i) {
            if (m_status[i].reachable.value_or(false))
                continue;
            UpstreamError silent {502,
                QStringLiteral("the model '%1' is not at the upstreams that answered, and upstream '%2' (%3) "
                               "did not answer: it may be there")
                    .arg(modelId, m_upstreams[i]->name(), m_upstreams[i]->config().baseUrl.toString()),
                QStringLiteral("upstream_unreachable"), {}};
            silent.upstream = m_upstreams[i]->name();
            silent.said = m_status[i].error;
            return done(std::nullopt, silent);
        }
        done(std::nullopt,
            {404,
                QStringLiteral("the model '%1' does not exist at any upstream; GET /v1/models lists them")
                    .arg(modelId),
                QStringLiteral("model_not_found"), QStringLiteral("model")});
    });
}

void UpstreamRegistry::reachability(std::function<void(QJsonArray)> done)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool stale = std::any_of(m_status.begin(), m_status.end(), [&](const Status &status) {
        return !status.checkedAt.isValid() || status.checkedAt.secsTo(now) > StaleAfterSeconds;
    });
    if (!stale)
        return done(statusJson());
    listModels([this, done](const QList<ListedModel> &) { done(statusJson()); });
}

QJsonArray UpstreamRegistry::statusJson() const
{
    QJsonArray list;
    for (size_t i = 0; i < m_upstreams.size(); ++i) {
        const UpstreamConfig &config = m_upstreams[i]->config();
        const Status &status = m_status[i];
        QJsonObject entry {{QStringLiteral("name"), config.name},
            {QStringLiteral("kind"), UpstreamConfig::kindName(config.kind)},
            {QStringLiteral("url"), config.baseUrl.toString()},
            {QStringLiteral("reachable"), status.reachable ? QJsonValue(*status.reachable) : QJsonValue()},
            {QStringLiteral("models"), int(status.models.size())}};
        if (!status.error.isEmpty()) {
            entry.insert(QStringLiteral("error"), status.error);
            entry.insert(QStringLiteral("error_code"), status.errorCode);
        }
        if (status.checkedAt.isValid())
            entry.insert(QStringLiteral("checked_at"), status.checkedAt.toString(Qt::ISODateWithMs));
        list.append(entry);
    }
    return list;
}
