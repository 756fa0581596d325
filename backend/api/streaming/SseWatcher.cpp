#include "api/streaming/SseWatcher.h"

#include "api/JsonBody.h"
#include "core/Logging.h"
#include "http/HttpResponder.h"

#include <QJsonDocument>

namespace {
constexpr int KeepaliveMs = 15'000;
}

SseWatcher::SseWatcher(StreamingHub &hub, HttpResponder &responder)
    : QObject(&responder) // dies with the connection
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
    StreamId after, HttpResponder &responder)
{
    auto *watcher = new SseWatcher(hub, responder);
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
    write("id: " + event.id.toString().toLatin1() + "\ndata: " + event.messageText().toUtf8() + "\n\n");
    if (event.isSessionEnd())
        close();
}

void SseWatcher::missed(EventKind kind, qint64 count)
{
    // A named event: EventSource's own "error" event means the connection failed.
    write("event: missed\ndata: "
        + QJsonDocument(missedEventsMessage(kind, count)).toJson(QJsonDocument::Compact) + "\n\n");
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
