// SPDX-License-Identifier: MIT
// The gateway's half on the backend's thread: owns the Backend, the frame coalescer and the turns and
// feeds the window runs. Everything here runs on that thread; what the window must hear is posted to the
// gateway's thread as values.
#pragma once

#include "ChatTypes.h"
#include "ServerOptions.h"
#include "store/EventStore.h"
#include "store/StoredEvent.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <any>

class Backend;
class BackendGateway;
class ChatRelay;
class FrameCoalescer;
class SessionRelay;
class SessionStatusBoard;

class BackendSide : public QObject
{
public:
    // `gateway` only ever receives posted calls; it outlives this object (it stops this thread first).
    explicit BackendSide(BackendGateway *gateway);
    ~BackendSide() override;

    void start(const ServerOptions &options);
    Backend &backend() { return *m_backend; }
    FrameCoalescer &coalescer() { return *m_coalescer; }
    SessionStatusBoard &statusBoard() { return *m_statusBoard; }

    void startChat(int id, const ChatTurn &turn);
    void stopChat(int id);
    void watch(int id, const QString &sessionId);
    void unwatch(int id);

    // To the window (called on this thread, run on the gateway's).
    void chatAccepted(int id, const QString &upstream);
    void chatBatch(int id, const ChatBatch &batch);
    void chatEnded(int id, const ChatOutcome &outcome);
    void sessionEvents(int id, const QList<StoredEvent> &events);
    void sessionUnavailable(int id, StoreStatus::Code why);
    void sessionStepsNotKept(int id, qint64 count);
    // The answer to the gateway's request `request` (see BackendGateway::ask).
    void answer(quint64 request, std::any result);

private:
    template<typename Function>
    void toGateway(Function function);

    BackendGateway *m_gateway;
    Backend *m_backend = nullptr;
    FrameCoalescer *m_coalescer;
    SessionStatusBoard *m_statusBoard = nullptr; // once the backend is built
    QHash<int, QPointer<ChatRelay>> m_chats;
    QHash<int, SessionRelay *> m_feeds;
};
