#include "SessionFeed.h"

#include "Backend.h"
#include "BackendHost.h"
#include "hub/EventWatcher.h"
#include "hub/StreamingHub.h"

#include <QTimer>

namespace {

constexpr int FrameMs = 16;

} // namespace

// Lives on the backend's thread: the hub delivers to it there.
class SessionFeed::Forwarder : public QObject, public EventWatcher
{
public:
    Forwarder(SessionFeed *feed, BackendHost::ToGui toGui)
        : m_feed(feed)
        , m_toGui(std::move(toGui))
    {
        m_flush.setSingleShot(true);
        m_flush.setInterval(FrameMs);
        connect(&m_flush, &QTimer::timeout, this, &Forwarder::flush);
    }

    void deliver(const StoredEvent &event) override
    {
        m_pending.append(event);
        // The window reads the data member by member: parse it here, on the backend's thread, not on the
        // GUI's.
        m_pending.last().data.object();
        if (!m_flush.isActive())
            m_flush.start();
    }

private:
    void flush()
    {
        m_toGui(
            [feed = m_feed, events = std::exchange(m_pending, {})] { Q_EMIT feed->eventsArrived(events); });
    }

    SessionFeed *m_feed; // only dereferenced on the GUI thread, and only while it exists
    BackendHost::ToGui m_toGui;
    QList<StoredEvent> m_pending;
    QTimer m_flush;
};

struct SessionFeed::Handle
{
    std::unique_ptr<Forwarder> forwarder;
    bool stopped = false;
};

SessionFeed::SessionFeed(BackendHost &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{ }

SessionFeed::~SessionFeed()
{
    stop();
}

void SessionFeed::watch(const QString &sessionId)
{
    stop();
    m_sessionId = sessionId;
    m_handle = std::make_shared<Handle>();
    m_host.run(this, [this, sessionId, handle = m_handle](Backend &backend, const BackendHost::ToGui &toGui) {
        if (handle->stopped)
            return;
        handle->forwarder = std::make_unique<Forwarder>(this, toGui);
        backend.hub().subscribe(sessionId, {EventKind::Thinking, EventKind::Progress}, StreamId(),
            handle->forwarder.get(), [this, toGui, handle, &backend](StoreStatus status) {
                if (status.ok())
                    return;
                backend.hub().unsubscribe(handle->forwarder.get());
                handle->forwarder.reset();
                toGui([this, reason = status.message] { Q_EMIT unavailable(reason); });
            });
    });
}

void SessionFeed::stop()
{
    if (!m_handle)
        return;
    m_host.run(nullptr, [handle = std::exchange(m_handle, {})](Backend &backend, const BackendHost::ToGui &) {
        handle->stopped = true;
        if (handle->forwarder)
            backend.hub().unsubscribe(handle->forwarder.get());
        handle->forwarder.reset();
    });
    m_sessionId.clear();
}
