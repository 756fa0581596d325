// SPDX-License-Identifier: MIT
// The one place where what streams in on the backend's thread is gathered for the window: chat deltas
// and session events wait here and cross to the GUI thread at most once per frame, all in one pass.
// A burst of thousands of deltas is a few dozen cross-thread calls, not thousands.
#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

class FrameCoalescer : public QObject
{
public:
    // Something with pending work for the window: it hands it over in flushFrame().
    class Client
    {
    public:
        virtual ~Client();
        virtual void flushFrame() = 0;

    private:
        friend class FrameCoalescer;
        FrameCoalescer *m_coalescer = nullptr;
    };

    explicit FrameCoalescer(QObject *parent = nullptr);

    // `client` has something pending: it is flushed with the next frame.
    void schedule(Client *client);
    // Flushes `client` now (before it says something that must follow what it gathered).
    void flushNow(Client *client);
    void forget(Client *client);

    static constexpr int FrameMs = 16;

private:
    void flush();

    QList<Client *> m_pending;
    QTimer m_frame;
};
