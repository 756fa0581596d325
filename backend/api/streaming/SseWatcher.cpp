// SPDX-License-Identifier: MIT
#include "api/streaming/SseWatcher.h"

#include "api/JsonBody.h"
#include "core/Logging.h"
#include "http/HttpResponder.h"

#include <QJsonDocument>

namespace {

constexpr int KeepaliveMs = 15'000;

// Ponder's own: each event's message with its id, so Last-Event-ID resumes.
class MessageFrames : public SseFrames
{
public:
    QByteArray frame(const StoredEvent &event) override
    {
        return "id: " + event.id.toString().toLatin1() + "\ndata: " + event.messageText().toUtf8() + "\n\n";
    }
    QByteArray missed(EventKind kind, qint64 count) override
    {
        // A named event: EventSource's own "error" event means the connection failed.
        return "event: missed\ndata: "
            + QJsonDocument(missedEventsMessage(kind, count)).toJson(QJsonDocument::Compact) + "\n\n";
    }
};

} // namespace

SseWatcher::SseWatcher(StreamingHub &hub, HttpResponder &responder, std::unique_ptr<SseFrames> frames)
    : QObject(&responder) // dies with the connection
    , m_frames(frames ? std::move(frames) : std::make_unique<MessageFrames>())
    , m_hub(&hub)
    , m_responder(&responder)
    , m_backlog(hub.backlogBudget(), [this] { drop("the queued bytes of all watchers are over budget"); })
    , m_keepalive(new SilenceTimer(
          KeepaliveMs, [this] { write(QByteArrayLiteral(": keep-alive\n\n")); }, this))
{
    connect(&responder, &HttpResponder::clientDisconnected, this, &QObject::deleteLater);
    connect(&responder, &HttpResponder::bytesWritten, this,
        [this] { m_backlog.setQueuedBytes(m_responder ? m_responder->pendingBytes() : 0); });
}

SseWatcher::~SseWatcher()
{
    if (m_hub)
        m_hub->unsubscribe(this);
}

void SseWatcher::start(StreamingHub &hub, const QString &sessionId, const StreamingHub::KindSet &kinds,
    StreamId after, HttpResponder &responder, std::unique_ptr<SseFrames> frames)
{
    auto *watcher = new SseWatcher(hub, responder, std::move(frames));
    QPointer<SseWatcher> guard(watcher);
    hub.subscribe(sessionId, kinds, after, watcher, [guard](StoreStatus status) {
        if (!guard || !guard->m_responder)
            return;
        if (!status.ok()) {
            sendStoreFailure(*guard->m_responder, status);
            return;
        }
        guard->m_responder->addHeader("Cache-Control", "no-cache");
        guard->m_responder->addHeader("X-Accel-Buffering", "no");
        guard->m_responder->beginStream(200, "text/event-stream");
        guard->write(QByteArrayLiteral("retry: 3000\n\n"));
        guard->m_keepalive->start();
    });
}

void SseWatcher::deliver(const StoredEvent &event)
{
    const QByteArray frame = m_frames->frame(event);
    if (!frame.isEmpty())
        write(frame);
    if (event.isSessionEnd())
        close();
}

void SseWatcher::missed(EventKind kind, qint64 count)
{
    write(m_frames->missed(kind, count));
}

void SseWatcher::write(const QByteArray &frame)
{
    if (!m_hub || !m_responder || !m_responder->isStreaming())
        return;
    if (m_responder->pendingBytes() > m_hub->limits().maxWatcherBacklogBytes)
        return drop("its own backlog passed the limit");
    m_responder->writeChunk(frame);
    m_keepalive->activity();
    m_backlog.setQueuedBytes(m_responder->pendingBytes()); // last: it may drop this watcher
}

void SseWatcher::drop(const char *why)
{
    qCWarning(lcHub).noquote() << "dropping an SSE client that fell"
                               << (m_responder ? m_responder->pendingBytes() : 0) << "bytes behind:" << why;
    m_keepalive->stop();
    if (m_hub)
        m_hub->unsubscribe(this);
    // Not ended with a last chunk: it would wait behind the backlog, which is the memory to free.
    if (m_responder)
        m_responder->abortConnection();
}

void SseWatcher::close()
{
    m_keepalive->stop();
    if (m_hub)
        m_hub->unsubscribe(this);
    if (m_responder)
        m_responder->endStream(); // deletes the responder, and this with it
}
