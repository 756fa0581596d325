// SPDX-License-Identifier: MIT
#include "BackendGateway.h"

#include "Backend.h"
#include "BackendSide.h"
#include "ChatRun.h"
#include "SessionFeed.h"
#include "SessionStatusBoard.h"
#include "chat/ChatService.h"
#include "hub/StreamingHub.h"
#include "upstream/UpstreamRegistry.h"

#include <QJsonArray>

#include <algorithm>

BackendGateway::BackendGateway(QObject *parent)
    : QObject(parent)
    , m_side(new BackendSide(this))
{
    m_thread.setObjectName(QStringLiteral("ponder-backend"));
    m_side->moveToThread(&m_thread);
}

BackendGateway::~BackendGateway()
{
    if (!m_thread.isRunning())
        m_thread.start(); // never started: its side still has to go on its own thread
    // The backend goes first, on its own thread, while its event loop still runs; then the loop stops.
    // (Asking the loop to quit from inside that same call was sometimes lost under load: the thread
    // then idled forever and this destructor with it.) What it posted here meanwhile dies with this.
    QMetaObject::invokeMethod(
        m_side, [side = m_side] { delete side; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void BackendGateway::start(const ServerOptions &options)
{
    if (m_started)
        return;
    m_thread.start();
    QMetaObject::invokeMethod(m_side, [side = m_side, options] { side->start(options); });
    m_started = true;
    for (auto &work : std::exchange(m_waiting, {}))
        post(std::move(work));
}

void BackendGateway::post(std::function<void(BackendSide &side)> work)
{
    if (!m_started) {
        m_waiting.append(std::move(work));
        return;
    }
    QMetaObject::invokeMethod(m_side, [side = m_side, work = std::move(work)] { work(*side); });
}

template<typename Result>
void BackendGateway::ask(QObject *context, std::function<void(Result)> done,
    std::function<void(Backend &backend, std::function<void(Result)> reply)> work)
{
    askSide<Result>(context, std::move(done),
        [work = std::move(work)](BackendSide &side, std::function<void(Result)> reply) {
            work(side.backend(), std::move(reply));
        });
}

template<typename Result>
void BackendGateway::askSide(QObject *context, std::function<void(Result)> done,
    std::function<void(BackendSide &side, std::function<void(Result)> reply)> work)
{
    const quint64 request = ++m_nextRequest;
    // The callback stays here, on this thread; only the request's number crosses over and back.
    m_pending.insert(request, {context, [done = std::move(done)](std::any &result) {
                                   done(std::any_cast<Result>(std::move(result)));
                               }});
    post([request, work = std::move(work)](BackendSide &side) {
        work(side, [&side, request](Result result) { side.answer(request, std::move(result)); });
    });
}

void BackendGateway::answer(quint64 request, std::any result)
{
    Pending pending = m_pending.take(request);
    if (pending.done && pending.context)
        pending.done(result);
}

ChatRun *BackendGateway::startChat(const ChatTurn &turn, QObject *parent)
{
    const int id = ++m_nextId;
    auto *run = new ChatRun(*this, id, parent);
    m_runs.insert(id, run);
    post([id, turn](BackendSide &side) { side.startChat(id, turn); });
    return run;
}

void BackendGateway::stopChat(int id)
{
    post([id](BackendSide &side) { side.stopChat(id); });
}

SessionFeed *BackendGateway::watch(const QString &sessionId, QObject *parent)
{
    const int id = ++m_nextId;
    auto *feed = new SessionFeed(*this, id, sessionId, parent);
    m_feeds.insert(id, feed);
    post([id, sessionId](BackendSide &side) { side.watch(id, sessionId); });
    return feed;
}

void BackendGateway::unwatch(int id)
{
    m_feeds.remove(id);
    post([id](BackendSide &side) { side.unwatch(id); });
}

void BackendGateway::onStarted(bool ok, const QUrl &baseUrl, const QString &error)
{
    if (ok)
        Q_EMIT running(baseUrl);
    else
        Q_EMIT failed(error);
}

void BackendGateway::deliverAccepted(int id, const QString &upstream)
{
    if (ChatRun *run = m_runs.value(id))
        Q_EMIT run->accepted(upstream);
}

void BackendGateway::deliverBatch(int id, const ChatBatch &batch)
{
    if (ChatRun *run = m_runs.value(id))
        Q_EMIT run->progressed(batch);
}

void BackendGateway::deliverEnd(int id, const ChatOutcome &outcome)
{
    if (ChatRun *run = m_runs.take(id))
        run->end(outcome);
}

void BackendGateway::deliverEvents(int id, const QList<StoredEvent> &events)
{
    if (SessionFeed *feed = m_feeds.value(id))
        Q_EMIT feed->eventsArrived(events);
}

void BackendGateway::deliverUnavailable(int id, StoreStatus::Code why)
{
    if (SessionFeed *feed = m_feeds.value(id))
        Q_EMIT feed->unavailable(why);
}

void BackendGateway::deliverStepsNotKept(int id, qint64 count)
{
    if (SessionFeed *feed = m_feeds.value(id))
        Q_EMIT feed->stepsNotKept(count);
}

namespace {

// Each model's listing, with what its server says it can do (asked of each model once; Ollama's answers
// are cached by the provider).
void describeAll(
    const QList<UpstreamRegistry::ListedModel> &listed, std::function<void(QList<ListedModel>)> done)
{
    auto models = std::make_shared<QList<ListedModel>>();
    auto waiting = std::make_shared<qsizetype>(listed.size());
    for (const UpstreamRegistry::ListedModel &entry : listed) {
        models->append(
            {entry.id, entry.upstream->name(), UpstreamConfig::kindName(entry.upstream->config().kind), {},
                entry.model.parameterSize, entry.model.family});
    }
    if (listed.isEmpty())
        return done({});
    for (qsizetype i = 0; i < listed.size(); ++i) {
        listed.at(i).upstream->describeModel(
            listed.at(i).model.id, [models, waiting, done, i](std::optional<ModelCapabilities> described) {
                if (described) {
                    ListedModel &model = (*models)[i];
                    model.capabilities = described->capabilities;
                    if (!described->parameterSize.isEmpty())
                        model.parameterSize = described->parameterSize;
                    if (!described->family.isEmpty())
                        model.family = described->family;
                }
                if (--*waiting == 0)
                    done(*models);
            });
    }
}

UpstreamState upstreamState(const QJsonValue &entry)
{
    UpstreamState upstream;
    upstream.name = entry[QLatin1String("name")].toString();
    upstream.kind = entry[QLatin1String("kind")].toString();
    upstream.url = entry[QLatin1String("url")].toString();
    upstream.checked = entry[QLatin1String("reachable")].isBool();
    upstream.reachable = entry[QLatin1String("reachable")].toBool();
    upstream.error = entry[QLatin1String("error")].toString();
    upstream.errorCode = entry[QLatin1String("error_code")].toString();
    upstream.models = entry[QLatin1String("models")].toInt();
    return upstream;
}

} // namespace

void BackendGateway::listModels(QObject *context, std::function<void(ModelListing)> done)
{
    ask<ModelListing>(
        context, std::move(done), [](Backend &backend, std::function<void(ModelListing)> reply) {
            UpstreamRegistry &registry = backend.chat().upstreams();
            // The AG-UI agents beside the models: chatting with one runs it (ChatRelay).
            QList<ListedModel> agents;
            for (const AgentConfig &agent : backend.agents())
                agents.append({agent.name, QStringLiteral("agents"), QStringLiteral("agent"),
                    {QStringLiteral("agent")}, {}, {}});
            registry.listModels(
                [&registry, reply, agents](const QList<UpstreamRegistry::ListedModel> &listed) {
                    describeAll(listed, [&registry, reply, agents](const QList<ListedModel> &models) {
                        // Listing just asked every upstream, so this answers from what it learned.
                        registry.reachability([models, reply, agents](const QJsonArray &status) {
                            ModelListing listing;
                            listing.models = models;
                            // An agent named like a model is listed as "agents/NAME": a chat picks the one
                            // meant.
                            for (ListedModel agent : agents) {
                                if (std::any_of(models.cbegin(), models.cend(),
                                        [&agent](const ListedModel &model) { return model.id == agent.id; }))
                                    agent.id = QStringLiteral("agents/") + agent.id;
                                listing.models.append(agent);
                            }
                            for (const QJsonValue &entry : status)
                                listing.upstreams.append(upstreamState(entry));
                            reply(listing);
                        });
                    });
                });
        });
}

void BackendGateway::conversations(
    QObject *context, std::function<void(std::optional<QList<ConversationSummary>>)> done)
{
    using Answer = std::optional<QList<ConversationSummary>>;
    ask<Answer>(context, std::move(done), [](Backend &backend, std::function<void(Answer)> reply) {
        if (!backend.history())
            return reply(std::nullopt);
        backend.history()->conversations([reply](const QList<ConversationSummary> &list) { reply(list); });
    });
}

void BackendGateway::conversation(
    const QString &conversationId, QObject *context, std::function<void(QList<StoredMessage>)> done)
{
    ask<QList<StoredMessage>>(context, std::move(done),
        [conversationId](Backend &backend, std::function<void(QList<StoredMessage>)> reply) {
            if (!backend.history())
                return reply({});
            backend.history()->messages(conversationId, reply);
        });
}

void BackendGateway::renameConversation(
    const QString &conversationId, const QString &title, QObject *context, std::function<void(bool)> done)
{
    ask<bool>(
        context, std::move(done), [conversationId, title](Backend &backend, std::function<void(bool)> reply) {
            if (!backend.history())
                return reply(false);
            backend.history()->rename(conversationId, title, reply);
        });
}

void BackendGateway::removeConversation(
    const QString &conversationId, QObject *context, std::function<void(bool)> done)
{
    // Its session leaves Live sessions too, and whoever watches it hears that it ended.
    post([conversationId](BackendSide &side) {
        side.statusBoard().forget(conversationId);
        side.backend().hub().endSession(conversationId, [](StoreStatus) {});
    });
    ask<bool>(context, std::move(done), [conversationId](Backend &backend, std::function<void(bool)> reply) {
        if (!backend.history())
            return reply(false);
        backend.history()->remove(conversationId, reply);
    });
}

void BackendGateway::liveSessions(
    QObject *context, std::function<void(std::optional<QList<LiveSession>>)> done)
{
    using Answer = std::optional<QList<LiveSession>>;
    askSide<Answer>(context, std::move(done), [](BackendSide &side, std::function<void(Answer)> reply) {
        QPointer<SessionStatusBoard> board(&side.statusBoard());
        side.backend().hub().store().sessions([board, reply](StoreStatus status, QList<Session> sessions) {
            if (!status.ok() || !board)
                return reply(std::nullopt);
            QList<LiveSession> listed;
            listed.reserve(sessions.size());
            for (Session &session : sessions) {
                if (board->isForgotten(session.id))
                    continue;
                const SessionState state = board->stateOf(session.id, session.active);
                board->learn(session.id, session.active); // when this process cannot know it
                listed.append({std::move(session), state});
            }
            reply(listed);
        });
    });
}

void BackendGateway::storeHealth(QObject *context, std::function<void(StoreHealth)> done)
{
    ask<StoreHealth>(context, std::move(done), [](Backend &backend, std::function<void(StoreHealth)> reply) {
        EventStore &store = backend.hub().store();
        const QJsonObject details = store.healthDetails();
        reply({store.name(), store.isHealthy(),
            details.value(QLatin1String("reason"))
                .toString(details.value(QLatin1String("redis_connection")).toString())});
    });
}

void BackendGateway::replaceUpstreams(const QList<UpstreamConfig> &upstreams)
{
    ask<bool>(
        this, [this](bool) { Q_EMIT upstreamsReplaced(); },
        [upstreams](Backend &backend, std::function<void(bool)> reply) {
            backend.replaceUpstreams(upstreams);
            reply(true);
        });
}

void BackendGateway::replaceAgents(const QList<AgentConfig> &agents)
{
    ask<bool>(
        this, [this](bool) { Q_EMIT agentsReplaced(); },
        [agents](Backend &backend, std::function<void(bool)> reply) {
            backend.replaceAgents(agents);
            reply(true);
        });
}

void BackendGateway::probeUpstream(
    const UpstreamConfig &config, QObject *context, std::function<void(ProbeResult)> done)
{
    ask<ProbeResult>(context, std::move(done), [config](Backend &, std::function<void(ProbeResult)> reply) {
        auto *registry = new UpstreamRegistry({config});
        registry->listModels([registry, reply](const QList<UpstreamRegistry::ListedModel> &models) {
            registry->reachability([registry, reply, count = int(models.size())](const QJsonArray &status) {
                const QJsonObject upstream = status.at(0).toObject();
                registry->deleteLater();
                reply({upstream.value(QLatin1String("reachable")).toBool(),
                    upstream.value(QLatin1String("error")).toString(), count});
            });
        });
    });
}
