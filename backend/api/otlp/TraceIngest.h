// SPDX-License-Identifier: MIT
// Publishes the spans of OTLP exports into the streaming hub, one session per traced conversation:
// the session is the span's (or its resource's) session.id, else gen_ai.conversation.id, else the trace
// id. A session it creates is titled by the root agent's name (or what best stands for it until the root
// arrives, which OpenTelemetry exports last), and its progress follows the spans: each trace is a run of the
// session (a conversation's turn), said to start when none was running, followed by its steps done and
// failed, and done or failed once its root span has ended (failed when the root's status is ERROR). The
// session ends with its first run; later runs come after its session_end.
//
// Spans usually come before their root (a root ends last), and a conversation's id may sit on the root
// alone: a trace's first spans then go under the trace's own id, until a later span names the conversation
// and TraceStepMove moves them there.
//
// What it remembers of traces and sessions is bounded (TraceLimits::maxTrackedSessions): past it the
// oldest are forgotten, which costs a forgotten session only its counts and title.
#pragma once

#include "api/otlp/TraceLimits.h"
#include "api/otlp/TraceStepMove.h"
#include "api/otlp/TracedSession.h"
#include "events/Session.h"
#include "events/StreamId.h"
#include "protocols/otlp/OtlpSpan.h"
#include "protocols/otlp/SpanTranslator.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <deque>
#include <functional>
#include <memory>

class StreamingHub;
struct StoreStatus;

class TraceIngest : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        enum class Status
        {
            Stored, // every span that was not refused is stored (see rejectedSpans)
            Unavailable, // the store could not take the spans: retry later (503)
            SessionLimit // every session of the batch is refused by the session cap: retry later (429)
        };
        Status status = Status::Stored;
        qint64 rejectedSpans = 0;
        QString message; // why spans were refused, or a warning
    };
    using Done = std::function<void(Outcome)>;

    TraceIngest(StreamingHub &hub, TraceLimits limits, QObject *parent = nullptr);
    ~TraceIngest() override;

    const TraceLimits &limits() const { return m_limits; }
    // False while maxExportsInFlight exports are being stored: the next one is told to come back.
    bool hasRoom() const { return m_inFlight < m_limits.maxExportsInFlight; }
    void ingest(const OtlpBatch &batch, Done done);
    // {spans_received, spans_rejected, exports_in_flight, traced_sessions}
    QJsonObject healthDetails() const;

private:
    struct Group;
    struct Export;

    QList<Group> groupBySession(const OtlpBatch &batch, QStringList *warnings);
    QString sessionOfTrace(const OtlpBatch &batch, const QByteArray &traceId, QStringList *warnings);
    std::shared_ptr<TracedSession> tracked(const QString &sessionId);
    void store(const std::shared_ptr<Export> &job, Group group);
    // Moves the steps published under each of `from` (a trace's own id) into `to`, then calls `then`.
    void moveEarlierSteps(
        const std::shared_ptr<TracedSession> &to, const QStringList &from, std::function<void()> then);
    void doneStoring(const std::shared_ptr<TracedSession> &session);
    void ensureSession(const std::shared_ptr<TracedSession> &session, const Group &group,
        std::function<void(StoreStatus)> then);
    void publishSteps(
        const std::shared_ptr<Export> &job, const std::shared_ptr<TracedSession> &session, Group group);
    void finishGroup(const std::shared_ptr<Export> &job, const std::shared_ptr<TracedSession> &session,
        const Group &group);
    // Besides its English message (for API clients), each moment of a trace says in fields what the
    // window words itself: trace_title ("" when the trace has none), steps_done, steps_failed (its run's:
    // the running trace's, or `ranSteps` for one that just ended) and, when the root span failed with words
    // of its own, reason. It is stamped with the time its spans give (`atUnixNano`), or now when they give
    // none.
    void publishProgress(const TracedSession &session, const QString &type, const QString &message,
        const QString &activity, std::optional<double> percentage, const QString &traceId, quint64 atUnixNano,
        const QString &reason = {}, std::optional<TracedSession::StepCount> ranSteps = std::nullopt);
    void settle(const std::shared_ptr<Export> &job);

    StreamingHub &m_hub;
    TraceLimits m_limits;
    TraceStepMove m_move;
    int m_inFlight = 0;
    qint64 m_spansReceived = 0;
    qint64 m_spansRejected = 0;
    QHash<QString, std::shared_ptr<TracedSession>> m_sessions;
    std::deque<QString> m_sessionOrder; // oldest first, for forgetting
    // A trace's session, for traces split over exports, and how strongly an attribute named it (0: its own
    // id, as no span named one yet).
    struct TraceRoute
    {
        QString session;
        int rank = 0;
    };
    QHash<QByteArray, TraceRoute> m_traceSessions;
    std::deque<QByteArray> m_traceOrder;
};
