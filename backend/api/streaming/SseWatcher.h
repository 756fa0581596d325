// SPDX-License-Identifier: MIT
// Streams one session's events to an HTTP client as Server-Sent Events: history, then live, until the
// session ends or the client leaves. Resumable: each event carries its id, sent back as Last-Event-ID.
#pragma once

#include "api/streaming/SilenceTimer.h"
#include "hub/EventWatcher.h"
#include "hub/StreamingHub.h"
#include "hub/WatcherOutbox.h"

#include <QObject>
#include <QPointer>

#include <memory>

class HttpResponder;

// How a watcher writes events as SSE frames: Ponder's own messages, or another protocol's events.
class SseFrames
{
public:
    virtual ~SseFrames() = default;
    // The event's frames as pieces written one after another (none: nothing to write). A piece may be
    // shared by every watcher of the event (StoredEvent::messageBytes), so it is not copied per watcher.
    virtual QByteArrayList frame(const StoredEvent &event) = 0;
    virtual QByteArray missed(EventKind kind, qint64 count) = 0;
};

class SseWatcher : public QObject, public EventWatcher
{
    Q_OBJECT

public:
    // `frames` null: Ponder's messages, each with its id (Last-Event-ID resumes).
    static void start(StreamingHub &hub, const QString &sessionId, const StreamingHub::KindSet &kinds,
        StreamId after, HttpResponder &responder, std::unique_ptr<SseFrames> frames = {});
    ~SseWatcher() override;

    void historyDelivered() override { m_historyDelivered = true; }
    void deliver(const StoredEvent &event) override;
    void missed(EventKind kind, qint64 count) override;

private:
    SseWatcher(StreamingHub &hub, HttpResponder &responder, std::unique_ptr<SseFrames> frames);
    void write(QByteArray frame);
    // Hands the responder what the outbox gives it, as one chunk; ends the stream after the last of it
    // once the session ended.
    void writeChunk(const QByteArrayList &pieces);
    // Ends the stream once what is queued has been handed to the connection.
    void close();
    // Ends the connection without waiting for what is queued: the client is too far behind.
    void drop(const char *why);

    std::unique_ptr<SseFrames> m_frames;
    QPointer<StreamingHub> m_hub;
    QPointer<HttpResponder> m_responder;
    // Frames not yet handed to the responder (shared with the other watchers of the same event), counted
    // against the process's budget with what the responder has not sent.
    // What the session's history put in the backlog, handed over at once: the per-client limit is on top
    // of it (the history's frames are the store's, shared, not this client's own copies).
    qint64 m_historyBytes = 0;
    bool m_historyDelivered = false;
    WatcherOutbox<QByteArray> m_outbox;
    bool m_closing = false;
    SilenceTimer *m_keepalive;
};
