// SPDX-License-Identifier: MIT
#include "BackendSide.h"

#include "Backend.h"
#include "BackendGateway.h"
#include "ChatRelay.h"
#include "FrameCoalescer.h"
#include "SessionRelay.h"
#include "SessionStatusBoard.h"
#include "hub/StreamingHub.h"

BackendSide::BackendSide(BackendGateway *gateway)
    : m_gateway(gateway)
    , m_coalescer(new FrameCoalescer(this))
{ }

BackendSide::~BackendSide()
{
    // Turns and feeds go before the backend whose hub and upstreams they use.
    qDeleteAll(std::exchange(m_feeds, {}));
    delete m_statusBoard;
    for (const QPointer<ChatRelay> &chat : std::exchange(m_chats, {}))
        delete chat.data();
    delete m_backend;
}

template<typename Function>
void BackendSide::toGateway(Function function)
{
    QMetaObject::invokeMethod(m_gateway, std::move(function));
}

void BackendSide::start(const ServerOptions &options)
{
    // Built here, on its own thread, so every object it creates lives here.
    m_backend = new Backend(options);
    m_statusBoard = new SessionStatusBoard(m_backend->hub().store(), this);
    QString error;
    const bool ok = m_backend->start(&error);
    const QUrl url = m_backend->baseUrl();
    toGateway([gateway = m_gateway, ok, url, error] { gateway->onStarted(ok, url, error); });
}

void BackendSide::startChat(int id, const ChatTurn &turn)
{
    auto *relay = new ChatRelay(*this, id, turn);
    m_chats.insert(id, relay);
    connect(relay, &QObject::destroyed, this, [this, id] { m_chats.remove(id); });
    relay->start();
}

void BackendSide::stopChat(int id)
{
    if (ChatRelay *relay = m_chats.value(id))
        relay->stop();
}

void BackendSide::watch(int id, const QString &sessionId)
{
    auto *relay = new SessionRelay(*this, id, sessionId);
    m_feeds.insert(id, relay);
    relay->start();
}

void BackendSide::unwatch(int id)
{
    delete m_feeds.take(id);
}

void BackendSide::chatAccepted(int id, const QString &upstream)
{
    toGateway([gateway = m_gateway, id, upstream] { gateway->deliverAccepted(id, upstream); });
}

void BackendSide::chatBatch(int id, const ChatBatch &batch)
{
    toGateway([gateway = m_gateway, id, batch] { gateway->deliverBatch(id, batch); });
}

void BackendSide::chatEnded(int id, const ChatOutcome &outcome)
{
    toGateway([gateway = m_gateway, id, outcome] { gateway->deliverEnd(id, outcome); });
}

void BackendSide::sessionEvents(int id, const QList<StoredEvent> &events)
{
    toGateway([gateway = m_gateway, id, events] { gateway->deliverEvents(id, events); });
}

void BackendSide::sessionUnavailable(int id, StoreStatus::Code why)
{
    toGateway([gateway = m_gateway, id, why] { gateway->deliverUnavailable(id, why); });
}

void BackendSide::sessionStepsNotKept(int id, qint64 count)
{
    toGateway([gateway = m_gateway, id, count] { gateway->deliverStepsNotKept(id, count); });
}

void BackendSide::answer(quint64 request, std::any result)
{
    toGateway([gateway = m_gateway, request, result = std::move(result)]() mutable {
        gateway->answer(request, std::move(result));
    });
}
