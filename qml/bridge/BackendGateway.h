// SPDX-License-Identifier: MIT
// The window's one door to the backend, which runs on a thread of its own so that network, Redis and
// disk work never stall a frame. Window objects call typed methods here; none of them writes code that
// runs on the backend's thread, and none of their pointers goes there: only values cross, and answers
// come back on the GUI thread, dropped when the object that asked is gone.
//
// Streams have handles: a ChatRun per chat turn, a SessionFeed per watched session. What streams in is
// gathered once per frame on the backend's thread (FrameCoalescer) and applied as it arrives here.
#pragma once

#include "ChatTypes.h"
#include "GatewayTypes.h"
#include "ServerOptions.h"
#include "events/Session.h"
#include "history/ConversationStore.h"
#include "store/EventStore.h"
#include "store/StoredEvent.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <any>
#include <functional>
#include <optional>

class Backend;
class BackendSide;
class ChatRun;
class SessionFeed;

class BackendGateway : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")

public:
    explicit BackendGateway(QObject *parent = nullptr);
    ~BackendGateway() override; // the backend and its thread stop first

    // Builds and starts the backend. What was asked for before runs after it, in order.
    void start(const ServerOptions &options);

    // One chat turn; the run belongs to `parent`. Deleting it stops the turn.
    ChatRun *startChat(const ChatTurn &turn, QObject *parent);
    // A hub session's history, then its live events; deleting the feed stops watching.
    SessionFeed *watch(const QString &sessionId, QObject *parent);

    // Each `done` runs on this thread, unless `context` is gone by then.
    void listModels(QObject *context, std::function<void(ModelListing)> done);
    // No list in stateless mode (there is no history).
    void conversations(QObject *context, std::function<void(std::optional<QList<ConversationSummary>>)> done);
    void conversation(
        const QString &conversationId, QObject *context, std::function<void(QList<StoredMessage>)> done);
    void renameConversation(const QString &conversationId, const QString &title, QObject *context,
        std::function<void(bool)> done);
    void removeConversation(const QString &conversationId, QObject *context, std::function<void(bool)> done);
    // No list when the event store could not answer. Sessions of deleted chats are left out.
    void liveSessions(QObject *context, std::function<void(std::optional<QList<LiveSession>>)> done);
    void storeHealth(QObject *context, std::function<void(StoreHealth)> done);
    // From now on the backend routes to and lists `upstreams` (Backend::replaceUpstreams); then
    // upstreamsReplaced() says so.
    void replaceUpstreams(const QList<UpstreamConfig> &upstreams);
    // From now on the backend relays to and lists `agents` (Backend::replaceAgents); then agentsReplaced()
    // says so.
    void replaceAgents(const QList<AgentConfig> &agents);
    // Asks one upstream (not yet saved) for its models, with a short timeout.
    void probeUpstream(const UpstreamConfig &config, QObject *context, std::function<void(ProbeResult)> done);

Q_SIGNALS:
    void running(const QUrl &baseUrl); // empty when the endpoint is switched off
    void failed(const QString &error);
    // The backend took a new list of upstreams: what is listed may have changed.
    void upstreamsReplaced();
    // The backend took a new list of AG-UI agents: what is listed may have changed.
    void agentsReplaced();

private:
    friend class BackendSide; // its deliveries
    friend class ChatRun;
    friend class SessionFeed;

    // Work for the backend's thread; it may capture values only.
    void post(std::function<void(BackendSide &side)> work);
    template<typename Result>
    void ask(QObject *context, std::function<void(Result)> done,
        std::function<void(Backend &backend, std::function<void(Result)> reply)> work);
    // ask(), for work that needs more of the backend's thread than the backend (its status board).
    template<typename Result>
    void askSide(QObject *context, std::function<void(Result)> done,
        std::function<void(BackendSide &side, std::function<void(Result)> reply)> work);
    void answer(quint64 request, std::any result);

    void stopChat(int id);
    void unwatch(int id);
    void onStarted(bool ok, const QUrl &baseUrl, const QString &error);
    void deliverAccepted(int id, const QString &upstream);
    void deliverBatch(int id, const ChatBatch &batch);
    void deliverEnd(int id, const ChatOutcome &outcome);
    void deliverEvents(int id, const QList<StoredEvent> &events);
    void deliverUnavailable(int id, StoreStatus::Code why);
    void deliverStepsNotKept(int id, qint64 count);

    struct Pending
    {
        QPointer<QObject> context;
        std::function<void(std::any &)> done;
    };

    QThread m_thread;
    BackendSide *m_side; // lives on m_thread
    bool m_started = false;
    QList<std::function<void(BackendSide &)>> m_waiting; // asked for before start()
    int m_nextId = 0;
    quint64 m_nextRequest = 0;
    QHash<quint64, Pending> m_pending;
    QHash<int, QPointer<ChatRun>> m_runs;
    QHash<int, QPointer<SessionFeed>> m_feeds;
};
