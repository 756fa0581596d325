// SPDX-License-Identifier: MIT
// Streams one session's events to an HTTP client as Server-Sent Events: history, then live, until the
// session ends or the client leaves. Resumable: each event carries its id, sent back as Last-Event-ID.
#pragma once

#include "api/streaming/SilenceTimer.h"
#include "hub/EventWatcher.h"
#include "hub/StreamingHub.h"

#include <QObject>
#include <QPointer>

#include <memory>

class HttpResponder;

// How a watcher writes events as SSE frames: Ponder's own messages, or another protocol's events.
class SseFrames
{
public:
    virtual ~SseFrames() = default;
    virtual QByteArray frame(const StoredEvent &event) = 0; // may be empty: nothing to write
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

    void deliver(const StoredEvent &event) override;
    void missed(EventKind kind, qint64 count) override;

private:
    SseWatcher(StreamingHub &hub, HttpResponder &responder, std::unique_ptr<SseFrames> frames);
    void write(const QByteArray &frame);
    void close();
    // Ends the connection without waiting for what is queued: the client is too far behind.
    void drop(const char *why);

    std::unique_ptr<SseFrames> m_frames;
    QPointer<StreamingHub> m_hub;
    QPointer<HttpResponder> m_responder;
    WatcherBacklogBudget::Account m_backlog; // what the responder has queued, counted against the budget
    SilenceTimer *m_keepalive;
};
