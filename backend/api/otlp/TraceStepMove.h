// SPDX-License-Identifier: MIT
// Moves a trace's first steps into the conversation a later span of it named. Instrumentations often put
// gen_ai.conversation.id on the root span alone, which ends and is exported last: the spans before it went
// under the trace's own id. Their steps are copied into the conversation's session (`session_id`
// rewritten), page by page, after any export of the trace still being stored, and the trace's own session
// ends saying where they went (`moved` and `moved_to` in its last update and its system_context).
//
// A copy that fails leaves the trace's own session as it is, listed, rather than say it moved; the pages
// copied before the failure stay in both.
#pragma once

#include "api/otlp/TracedSession.h"
#include "events/StreamId.h"

#include <QObject>

#include <memory>

class StreamingHub;

class TraceStepMove : public QObject
{
    Q_OBJECT

public:
    explicit TraceStepMove(StreamingHub &hub, QObject *parent = nullptr);

    // Moves each of `from` (sessions made for a trace under its own id) into `to`, one after the other,
    // then calls `then`.
    void move(const std::shared_ptr<TracedSession> &to, std::deque<std::shared_ptr<TracedSession>> from,
        std::function<void()> then);

private:
    void copySteps(const std::shared_ptr<TracedSession> &from, const std::shared_ptr<TracedSession> &to,
        StreamId after, std::function<void()> then);
    void retire(const std::shared_ptr<TracedSession> &from, const std::shared_ptr<TracedSession> &to);

    StreamingHub &m_hub;
};
