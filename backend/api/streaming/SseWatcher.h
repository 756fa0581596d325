// Streams one session's events to an HTTP client as Server-Sent Events: history, then live, until the
// session ends or the client leaves. Resumable: each event carries its id, sent back as Last-Event-ID.
#pragma once

#include "api/streaming/SilenceTimer.h"
#include "hub/EventWatcher.h"
#include "hub/StreamingHub.h"

#include <QObject>
#include <QPointer>

class HttpResponder;

class SseWatcher : public QObject, public EventWatcher
{
    Q_OBJECT

public:
    static void start(StreamingHub &hub, const QString &sessionId, const StreamingHub::KindSet &kinds,
        StreamId after, HttpResponder &responder);
    ~SseWatcher() override;

    void deliver(const StoredEvent &event) override;
    void missed(EventKind kind, qint64 count) override;

private:
    SseWatcher(StreamingHub &hub, HttpResponder &responder);
    void write(const QByteArray &frame);
    void close();
    // Ends the connection without waiting for what is queued: the client is too far behind.
    void drop(const char *why);

    QPointer<StreamingHub> m_hub;
    QPointer<HttpResponder> m_responder;
    WatcherBacklogBudget::Account m_backlog; // what the responder has queued, counted against the budget
    SilenceTimer *m_keepalive;
};
