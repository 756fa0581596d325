// SPDX-License-Identifier: MIT
// What one watcher has yet to send, in order. An event is encoded once and the same implicitly shared frame
// (QByteArray or QString) is queued at every watcher of it; the connection is handed only a small window
// of frames at a time, more as it drains. A client that never reads therefore holds references to shared
// frames here, not copies of its own in its socket's buffer, and a fan-out to hundreds of watchers is a
// queue push each, not a copy each.
//
// What it holds counts against the process's WatcherBacklogBudget: the frames queued here plus what the
// connection has not handed to the kernel yet, the bytes this client is behind.
#pragma once

#include "hub/WatcherBacklogBudget.h"

#include <QList>
#include <QObject>

#include <deque>
#include <functional>

template<typename Frame>
class WatcherOutbox
{
public:
    struct Connection
    {
        // Written to the connection, not yet taken by the kernel.
        std::function<qint64()> pendingBytes;
        // Writes these frames, in order; called only while the connection's pending bytes are under the
        // window.
        std::function<void(const QList<Frame> &)> write;
    };

    // `drop` runs when the budget drops this watcher (the furthest behind); it should end the connection.
    // `owner` (the watcher) runs the pumps put off to a later turn, and takes them along when it goes.
    WatcherOutbox(QObject &owner, WatcherBacklogBudget &budget, qint64 windowBytes, Connection connection,
        std::function<void()> drop)
        : m_owner(owner)
        , m_windowBytes(windowBytes)
        , m_connection(std::move(connection))
        , m_account(budget, std::move(drop))
    { }

    // Queues a frame behind the others and hands the connection what fits in its window. May drop this
    // watcher (over budget): call last.
    void push(Frame frame)
    {
        if (m_account.dropped())
            return;
        m_queuedBytes += frame.size();
        m_frames.push_back(std::move(frame));
        pump();
    }

    // Hands the connection frames while it has less than the window pending; call when it drained some.
    // May drop this watcher (over budget): call last.
    void pump()
    {
        if (m_account.dropped())
            return;
        qint64 room = m_windowBytes - m_connection.pendingBytes();
        if (room > 0 && !m_frames.empty()) {
            QList<Frame> batch;
            while (room > 0 && !m_frames.empty()) {
                room -= m_frames.front().size();
                m_queuedBytes -= m_frames.front().size();
                batch.append(std::move(m_frames.front()));
                m_frames.pop_front();
            }
            m_connection.write(batch);
            // The connection took it at once (a socket flushed within its own bytesWritten signal does not
            // emit that signal again): the next window goes on a later turn, not in this one, so that a
            // fan-out hands each watcher at most a window per turn.
            if (!m_frames.empty() && m_connection.pendingBytes() < m_windowBytes)
                pumpLater();
        }
        m_account.setQueuedBytes(backlogBytes());
    }

    // Forgets what is queued: the connection is being ended.
    void clear()
    {
        m_frames.clear();
        m_queuedBytes = 0;
    }

    bool isEmpty() const { return m_frames.empty(); }
    // How far behind the client is: queued here plus pending in the connection.
    qint64 backlogBytes() const { return m_queuedBytes + m_connection.pendingBytes(); }
    qint64 queuedFrames() const { return qint64(m_frames.size()); }
    bool dropped() const { return m_account.dropped(); }

private:
    void pumpLater()
    {
        if (m_pumpPending)
            return;
        m_pumpPending = true;
        QMetaObject::invokeMethod(
            &m_owner,
            [this] {
                m_pumpPending = false;
                pump();
            },
            Qt::QueuedConnection);
    }

    QObject &m_owner;
    bool m_pumpPending = false;
    qint64 m_windowBytes;
    Connection m_connection;
    WatcherBacklogBudget::Account m_account;
    std::deque<Frame> m_frames;
    qint64 m_queuedBytes = 0;
};
