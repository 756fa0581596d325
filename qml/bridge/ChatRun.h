// SPDX-License-Identifier: MIT
// One chat turn as the window sees it, on the GUI thread: the answer's text per frame, then how it
// ended. Made by BackendGateway::startChat; deleting it stops the turn.
#pragma once

#include "ChatTypes.h"

#include <QObject>
#include <QPointer>

class BackendGateway;

class ChatRun : public QObject
{
    Q_OBJECT

public:
    ~ChatRun() override;

    // Stops the upstream at once; ended() follows with State::Stopped.
    void stop();
    bool isRunning() const { return !m_ended; }

Q_SIGNALS:
    void accepted(const QString &upstream); // the upstream was chosen and the request sent
    void progressed(const ChatBatch &batch); // at most once per frame
    void ended(const ChatOutcome &outcome); // exactly once, after the last batch

private:
    friend class BackendGateway;
    ChatRun(BackendGateway &gateway, int id, QObject *parent);
    void end(const ChatOutcome &outcome);

    QPointer<BackendGateway> m_gateway;
    const int m_id;
    bool m_ended = false;
};
