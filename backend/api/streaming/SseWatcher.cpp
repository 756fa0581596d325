// SPDX-License-Identifier: MIT
#include "api/streaming/SseWatcher.h"

#include "api/JsonBody.h"
#include "core/Logging.h"
#include "http/HttpResponder.h"

#include <QJsonDocument>

namespace {

constexpr int KeepaliveMs = 15'000;
// What a watcher's connection is handed at most at a time beyond what the kernel took (see
// WebSocketWatcher's SocketWindowBytes).
constexpr qint64 ConnectionWindowBytes = 64 * 1024;

// Ponder's own: each event's message with its id, so Last-Event-ID resumes.
class MessageFrames : public SseFrames
{
public:
    QByteArrayList frame(const StoredEvent &event) override
    {
        // The message itself is the event's, encoded once for all its watchers.
        return {"id: " + event.id.toString().toLatin1() + "\ndata: ", event.messageBytes(), "\n\n"};
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
    , m_outbox(*this, hub.backlogBudget(), ConnectionWindowBytes,
          {[this] { return m_responder ? m_responder->pendingBytes() : 0; },
              [this](const QByteArrayList &pieces) { writeChunk(pieces); }},
          [this] { drop("the queued bytes of all watchers are over budget"); })
    , m_keepalive(new SilenceTimer(
          KeepaliveMs, [this] { write(QByteArrayLiteral(": keep-alive\n\n")); }, this))
{
    connect(&responder, &HttpResponder::clientDisconnected, this, &QObject::deleteLater);
    connect(&responder, &HttpResponder::bytesWritten, this, [this] { m_outbox.pump(); });
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
    for (const QByteArray &piece : m_frames->frame(event)) {
        if (!piece.isEmpty())
            write(piece);
    }
    if (event.isSessionEnd())
        close();
}

void SseWatcher::missed(EventKind kind, qint64 count)
{
    write(m_frames->missed(kind, count));
}

void SseWatcher::write(QByteArray frame)
{
    if (!m_hub || !m_responder || !m_responder->isStreaming() || m_closing || m_outbox.dropped())
        return;
    if (!m_historyDelivered)
        m_historyBytes += frame.size();
    if (m_outbox.backlogBytes() > m_hub->limits().maxWatcherBacklogBytes + m_historyBytes)
        return drop("its own backlog passed the limit");
    m_keepalive->activity();
    m_outbox.push(std::move(frame)); // last: it may drop this watcher
}

void SseWatcher::writeChunk(const QByteArrayList &pieces)
{
    if (!m_responder)
        return;
    // One chunk: a frame's pieces are copied together here, once, as the connection takes them (a large
    // one alone is passed on shared). Sent when the socket is writable, not flushed now: flushed, the
    // kernel would take (and copy) every frame of a fan-out to hundreds of watchers within the pass, and
    // the window would never fill.
    m_responder->writeChunk(
        pieces.size() == 1 ? pieces.first() : pieces.join(), HttpResponder::Flush::WhenWritable);
    if (m_closing && m_outbox.isEmpty())
        m_responder->endStream(); // the last of it: deletes the responder later, and this with it
}

void SseWatcher::drop(const char *why)
{
    qCWarning(lcHub).noquote() << "dropping an SSE client that fell" << m_outbox.backlogBytes()
                               << "bytes behind:" << why;
    m_outbox.clear();
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
    m_closing = true; // what is still queued is sent first; the client is dropped if it never reads it
    if (m_outbox.isEmpty() && m_responder)
        m_responder->endStream(); // deletes the responder, and this with it
}
