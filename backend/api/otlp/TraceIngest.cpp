// SPDX-License-Identifier: MIT
#include "api/otlp/TraceIngest.h"

#include "core/ClippedText.h"
#include "events/ProgressUpdate.h"
#include "hub/StreamingHub.h"

#include <QDateTime>
#include <QPointer>

#include <algorithm>
#include <vector>

namespace {

// How strongly an attribute names a span's session: session.id over gen_ai.conversation.id, the span's
// own over its resource's.
struct SessionCandidate
{
    int rank = 0;
    QString id;
};

QString stringOf(const OtlpAttributes &attributes, QLatin1StringView key)
{
    const QJsonValue value = otlpAttribute(attributes, key);
    return value.isString() ? value.toString()
        : value.isDouble()  ? QString::number(value.toInteger())
                            : QString();
}

void consider(SessionCandidate &best, int rank, const QString &id)
{
    if (!id.isEmpty() && rank > best.rank)
        best = {rank, id};
}

constexpr std::size_t MaxRunsKept = 64; // per session: runs running, and runs that ended

bool contains(const std::deque<QByteArray> &traces, const QByteArray &trace)
{
    return std::find(traces.cbegin(), traces.cend(), trace) != traces.cend();
}

void keepLatest(std::deque<QByteArray> &traces, const QByteArray &trace)
{
    traces.push_back(trace);
    if (traces.size() > MaxRunsKept)
        traces.pop_front();
}

template<typename Key, typename Value>
void remember(QHash<Key, Value> &map, std::deque<Key> &order, const Key &key, const Value &value, int max)
{
    if (!map.contains(key)) {
        order.push_back(key);
        while (int(order.size()) > max) {
            map.remove(order.front());
            order.pop_front();
        }
    }
    map.insert(key, value);
}

} // namespace

struct TraceIngest::Group
{
    QString sessionId;
    QByteArray traceId; // the first trace of the group
    QList<QByteArray> traces; // every trace of the group, in the order of their first spans
    QStringList movedFrom; // sessions of its traces' own ids whose steps belong here now
    QString service; // its resource's service.name
    QList<EventData> steps;
    qint64 spans = 0;
    qint64 stepCount = 0; // the steps its spans became
    qint64 failed = 0;
    QHash<QByteArray, TracedSession::StepCount> perTrace; // its steps and failed spans, by trace
    struct RootEnd
    {
        QByteArray traceId;
        bool failed = false;
        QString error;
        quint64 endNano = 0;
    };
    QList<RootEnd> roots; // the roots that ended, in the order of the batch
    // The trace's own clock, not this process's: its moments are placed among its spans, however late
    // (or replayed) the export comes. 0 where no span said.
    quint64 firstStartNano = 0; // the earliest start of the group's spans
    quint64 lastTimeNano = 0; // the latest start or end of the group's spans
    QString title;
    int titleRank = 0;
};

struct TraceIngest::Export
{
    Done done;
    Outcome outcome;
    qsizetype pending = 0;
    qint64 spansStored = 0;
    qint64 spansRefusedByCap = 0;
    QString unavailable; // why the store could not take spans; empty when it could
    QStringList messages;
};

TraceIngest::TraceIngest(StreamingHub &hub, TraceLimits limits, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_limits(limits)
    , m_move(hub)
{ }

TraceIngest::~TraceIngest() = default;

QJsonObject TraceIngest::healthDetails() const
{
    return {{QStringLiteral("spans_received"), m_spansReceived},
        {QStringLiteral("spans_rejected"), m_spansRejected},
        {QStringLiteral("exports_in_flight"), m_inFlight},
        {QStringLiteral("traced_sessions"), qint64(m_sessions.size())}};
}

void TraceIngest::ingest(const OtlpBatch &batch, Done done)
{
    ++m_inFlight;
    m_spansReceived += batch.spans.size() + batch.rejectedSpans;
    auto job = std::make_shared<Export>();
    job->done = std::move(done);
    job->outcome.rejectedSpans = batch.rejectedSpans;
    if (batch.rejectedSpans > 0)
        job->messages
            << QStringLiteral("%1 span(s) refused: %2").arg(batch.rejectedSpans).arg(batch.rejection);
    QStringList warnings;
    QList<Group> groups = groupBySession(batch, &warnings);
    job->messages << warnings;
    job->pending = groups.size() + 1; // one more for this call, so no group settles the job early
    for (Group &group : groups)
        store(job, std::move(group));
    --job->pending;
    settle(job);
}

QList<TraceIngest::Group> TraceIngest::groupBySession(const OtlpBatch &batch, QStringList *warnings)
{
    // Each trace's session, decided once for the whole batch: the attribute may sit on one span only.
    QList<SessionCandidate> resourceCandidates;
    for (const OtlpAttributes &resource : batch.resources) {
        SessionCandidate candidate;
        consider(candidate, 3, stringOf(resource, QLatin1StringView("session.id")));
        consider(candidate, 1, stringOf(resource, QLatin1StringView("gen_ai.conversation.id")));
        resourceCandidates.append(candidate);
    }
    QHash<QByteArray, SessionCandidate> candidates;
    for (const OtlpSpan &span : batch.spans) {
        SessionCandidate &best = candidates[span.traceId];
        consider(best, 4, stringOf(span.attributes, QLatin1StringView("session.id")));
        consider(best, 2, stringOf(span.attributes, QLatin1StringView("gen_ai.conversation.id")));
        if (span.resource >= 0) {
            const SessionCandidate &fromResource = resourceCandidates.at(span.resource);
            consider(best, fromResource.rank, fromResource.id);
        }
    }
    QHash<QByteArray, QString> sessionOfTrace;
    QHash<QString, QStringList> movedInto; // a session -> the trace ids' sessions to move into it
    for (auto it = candidates.cbegin(); it != candidates.cend(); ++it) {
        QString session = it->id;
        if (!session.isEmpty() && !Session::isValidId(session)) {
            *warnings << QStringLiteral(
                "session '%1' is not a valid session id (1 to 128 of A-Z a-z 0-9 . _ : -): "
                "trace %2 is kept under its trace id")
                             .arg(clippedForMessage(session), SpanTranslator::hex(it.key()));
            session.clear();
        }
        const QString ownId = SpanTranslator::hex(it.key());
        const TraceRoute before = m_traceSessions.value(it.key());
        int rank = session.isEmpty() ? 0 : it->rank;
        if (!before.session.isEmpty() && before.rank >= rank) {
            // Named as strongly before (a child's session.id outranks its root's conversation id): the
            // trace stays where its first spans are.
            session = before.session;
            rank = before.rank;
        } else if (session.isEmpty()) {
            session = ownId;
        } else if (before.session == ownId && session != ownId) {
            movedInto[session] << ownId; // named only now, by a span that came later (its root)
        }
        remember(
            m_traceSessions, m_traceOrder, it.key(), TraceRoute {session, rank}, m_limits.maxTrackedSessions);
        sessionOfTrace.insert(it.key(), session);
    }

    QList<Group> groups;
    QHash<QString, qsizetype> groupOf;
    for (const OtlpSpan &span : batch.spans) {
        const QString &sessionId = sessionOfTrace[span.traceId];
        auto found = groupOf.constFind(sessionId);
        if (found == groupOf.cend()) {
            found = groupOf.insert(sessionId, groups.size());
            Group group;
            group.sessionId = sessionId;
            group.traceId = span.traceId;
            group.movedFrom = movedInto.value(sessionId);
            if (span.resource >= 0)
                group.service
                    = stringOf(batch.resources.at(span.resource), QLatin1StringView("service.name"));
            groups.append(group);
        }
        Group &group = groups[*found];
        if (!group.traces.contains(span.traceId))
            group.traces.append(span.traceId);
        const SpanSteps steps = SpanTranslator::translate(span, sessionId);
        for (const ThinkingStep &step : steps.steps)
            group.steps.append(step.toStoredData());
        ++group.spans;
        group.stepCount += steps.steps.size();
        group.failed += steps.failed ? 1 : 0;
        TracedSession::StepCount &ofTrace = group.perTrace[span.traceId];
        // The steps it became (a span that recorded reasoning is two): what the window counts and numbers.
        ofTrace.steps += steps.steps.size();
        ofTrace.failed += steps.failed ? 1 : 0;
        if (span.startUnixNano != 0
            && (group.firstStartNano == 0 || span.startUnixNano < group.firstStartNano))
            group.firstStartNano = span.startUnixNano;
        group.lastTimeNano = std::max({group.lastTimeNano, span.startUnixNano, span.endUnixNano});
        if (steps.root && steps.ended)
            group.roots.append({span.traceId, steps.failed, steps.errorMessage, span.endUnixNano});
        if (steps.titleRank > group.titleRank) {
            group.title = steps.title;
            group.titleRank = steps.titleRank;
        }
    }
    // A trace whose spans name nothing is still its service's: that says more to a person than its id.
    for (Group &group : groups) {
        if (group.title.isEmpty())
            group.title = group.service;
    }
    return groups;
}

std::shared_ptr<TracedSession> TraceIngest::tracked(const QString &sessionId)
{
    auto &entry = m_sessions[sessionId];
    if (!entry) {
        entry = std::make_shared<TracedSession>();
        entry->id = sessionId;
        m_sessionOrder.push_back(sessionId);
        while (int(m_sessionOrder.size()) > m_limits.maxTrackedSessions) {
            m_sessions.remove(m_sessionOrder.front()); // its work in flight keeps its own reference
            m_sessionOrder.pop_front();
        }
    }
    return m_sessions.value(sessionId);
}

void TraceIngest::store(const std::shared_ptr<Export> &job, Group group)
{
    const std::shared_ptr<TracedSession> session = tracked(group.sessionId);
    if (!group.title.isEmpty() && group.titleRank > session->titleRank) {
        session->title = group.title;
        session->titleRank = group.titleRank;
    }
    ++session->storing;
    QPointer<TraceIngest> self(this);
    ensureSession(session, group, [self, job, session, group](StoreStatus status) mutable {
        if (!self)
            return;
        if (status.code == StoreStatus::Code::LimitReached || status.code == StoreStatus::Code::Full) {
            job->spansRefusedByCap += group.spans;
            job->messages << status.message;
            --job->pending;
            self->doneStoring(session);
            return self->settle(job);
        }
        if (!status.ok()) {
            job->unavailable = status.message;
            --job->pending;
            self->doneStoring(session);
            return self->settle(job);
        }
        if (session->ours && !session->title.isEmpty() && session->title != session->storedTitle) {
            session->storedTitle = session->title; // the root came after the session was made
            self->m_hub.store().describeSession(
                session->id, {{QStringLiteral("user_request"), session->title}}, [](StoreStatus) {});
        }
        const QStringList movedFrom = group.movedFrom;
        self->moveEarlierSteps(session, movedFrom, [self, job, session, group = std::move(group)]() mutable {
            if (self)
                self->publishSteps(job, session, std::move(group));
        });
    });
}

void TraceIngest::moveEarlierSteps(
    const std::shared_ptr<TracedSession> &to, const QStringList &from, std::function<void()> then)
{
    std::deque<std::shared_ptr<TracedSession>> sources;
    for (const QString &id : from) {
        std::shared_ptr<TracedSession> source = m_sessions.value(id);
        // Only a session this ingest made for the trace, and once: someone else's stays as it is.
        if (source && source->ours && source->movedTo.isEmpty() && source != to)
            sources.push_back(std::move(source));
    }
    m_move.move(to, std::move(sources), std::move(then));
}

void TraceIngest::doneStoring(const std::shared_ptr<TracedSession> &session)
{
    if (--session->storing > 0)
        return;
    for (auto &waiting : std::exchange(session->whenStored, {}))
        waiting();
}

void TraceIngest::ensureSession(
    const std::shared_ptr<TracedSession> &session, const Group &group, std::function<void(StoreStatus)> then)
{
    if (session->created)
        return then(StoreStatus::success());
    session->waiting.push_back(std::move(then));
    if (session->creating)
        return;
    session->creating = true;
    Session created;
    created.id = session->id;
    created.userRequest = session->title.isEmpty()
        ? QStringLiteral("Trace %1").arg(SpanTranslator::hex(group.traceId).left(8))
        : session->title;
    created.systemContext = {{QStringLiteral("source"), QStringLiteral("opentelemetry")},
        {QStringLiteral("trace_id"), SpanTranslator::hex(group.traceId)}};
    if (!group.service.isEmpty())
        created.systemContext.insert(QStringLiteral("service"), group.service);
    created.createdAt = created.lastActivity = QDateTime::currentDateTimeUtc();
    session->storedTitle = created.userRequest;
    session->context = created.systemContext;
    QPointer<TraceIngest> self(this);
    m_hub.store().createSession(created, [self, session](StoreStatus status) {
        if (!self)
            return;
        session->creating = false;
        if (status.ok()) {
            session->created = session->ours = true;
        } else if (status.code == StoreStatus::Code::Conflict) {
            session->created = true; // someone else's: its spans go in, its title and end stay theirs
            status = StoreStatus::success();
        }
        for (auto &waiting : std::exchange(session->waiting, {}))
            waiting(status);
    });
}

void TraceIngest::publishSteps(
    const std::shared_ptr<Export> &job, const std::shared_ptr<TracedSession> &session, Group group)
{
    if (session->ours && session->movedTo.isEmpty()) {
        for (const QByteArray &trace : std::as_const(group.traces)) {
            if (contains(session->running, trace) || contains(session->ran, trace))
                continue;
            const bool idle = session->running.empty();
            keepLatest(session->running, trace);
            if (idle)
                publishProgress(*session, QStringLiteral("progress"),
                    session->title.isEmpty() ? QStringLiteral("Trace started")
                                             : QStringLiteral("Trace started: %1").arg(session->title),
                    QStringLiteral("started"), 0, SpanTranslator::hex(trace), group.firstStartNano);
        }
    }
    QPointer<TraceIngest> self(this);
    const QList<EventData> steps = std::exchange(group.steps, {});
    m_hub.publishMany(session->id, EventKind::Thinking, steps,
        [self, job, session, group](StoreStatus status, const QList<StoredEvent> &) {
            if (!self)
                return;
            self->doneStoring(session);
            if (status.code == StoreStatus::Code::Full) { // as the session cap: refused, not a retry
                job->spansRefusedByCap += group.spans;
                job->messages << status.message;
                --job->pending;
                return self->settle(job);
            }
            if (!status.ok()) {
                job->unavailable = status.message;
                --job->pending;
                return self->settle(job);
            }
            job->spansStored += group.spans;
            self->finishGroup(job, session, group);
        });
}

void TraceIngest::finishGroup(
    const std::shared_ptr<Export> &job, const std::shared_ptr<TracedSession> &session, const Group &group)
{
    session->steps += group.stepCount;
    session->failed += group.failed;
    for (auto it = group.perTrace.cbegin(); it != group.perTrace.cend(); ++it) {
        if (contains(session->running, it.key())) { // late spans of a run that ended count for none
            TracedSession::StepCount &count = session->runSteps[it.key()];
            count.steps += it->steps;
            count.failed += it->failed;
        }
    }
    if (!session->ours || !session->movedTo.isEmpty()) {
        --job->pending;
        return settle(job);
    }
    const Group::RootEnd *ended = nullptr; // the last run of the group that ended
    TracedSession::StepCount endedCount; // its steps, told in its last moment
    for (const Group::RootEnd &root : group.roots) {
        const auto running = std::find(session->running.begin(), session->running.end(), root.traceId);
        if (running == session->running.end())
            continue; // ended before (an export sent again)
        session->running.erase(running);
        keepLatest(session->ran, root.traceId);
        ended = &root;
        endedCount = session->runSteps.take(root.traceId);
    }
    if (!session->running.empty()) {
        const TracedSession::StepCount count = session->runSteps.value(session->running.back());
        publishProgress(*session, QStringLiteral("progress"),
            QStringLiteral("%1 steps done, %2 failed").arg(count.steps).arg(count.failed),
            QStringLiteral("running"), std::nullopt, SpanTranslator::hex(session->running.back()),
            group.lastTimeNano);
        --job->pending;
        return settle(job);
    }
    if (!ended) { // nothing new: spans of runs that ended already
        --job->pending;
        return settle(job);
    }
    const QString traceId = SpanTranslator::hex(ended->traceId);
    if (ended->failed)
        publishProgress(*session, QStringLiteral("warning"),
            QStringLiteral("Failed: %1")
                .arg(ended->error.isEmpty() ? QStringLiteral("the root span ended with an error")
                                            : ended->error),
            QStringLiteral("failed"), std::nullopt, traceId, ended->endNano, ended->error, endedCount);
    else
        publishProgress(*session, QStringLiteral("completion"),
            QStringLiteral("Done: %1 steps, %2 failed").arg(endedCount.steps).arg(endedCount.failed),
            QStringLiteral("done"), 100, traceId, ended->endNano, {}, endedCount);
    // It ends with its first run; a later one (a conversation's next turn) comes after its session_end, as
    // the streaming API keeps events published after it.
    if (std::exchange(session->finished, true)) {
        --job->pending;
        return settle(job);
    }
    QPointer<TraceIngest> self(this);
    m_hub.endSession(session->id, [self, job](StoreStatus) {
        if (!self)
            return;
        --job->pending;
        self->settle(job);
    });
}

void TraceIngest::publishProgress(const TracedSession &session, const QString &type, const QString &message,
    const QString &activity, std::optional<double> percentage, const QString &traceId, quint64 atUnixNano,
    const QString &reason, std::optional<TracedSession::StepCount> ranSteps)
{
    ProgressUpdate update = ProgressUpdate::now(session.id, type, message, activity, percentage);
    if (atUnixNano != 0)
        update.timestamp = QDateTime::fromMSecsSinceEpoch(qint64(atUnixNano / 1'000'000), Qt::UTC);
    // The run's own steps: a conversation's third turn is not counted with the first two.
    const TracedSession::StepCount count
        = ranSteps ? *ranSteps : session.runSteps.value(QByteArray::fromHex(traceId.toLatin1()));
    update.currentStep = count.steps;
    update.runId = traceId; // the run it reports on, for the AG-UI view
    update.extra = {{QStringLiteral("trace_title"), session.title},
        {QStringLiteral("steps_done"), count.steps}, {QStringLiteral("steps_failed"), count.failed}};
    if (!reason.isEmpty())
        update.extra.insert(QStringLiteral("reason"), reason);
    m_hub.publish(
        session.id, EventKind::Progress, update.toStoredData(), [](StoreStatus, const StoredEvent &) {});
}

void TraceIngest::settle(const std::shared_ptr<Export> &job)
{
    if (job->pending > 0 || !job->done)
        return;
    Outcome outcome = job->outcome;
    outcome.rejectedSpans += job->spansRefusedByCap;
    if (!job->unavailable.isEmpty())
        outcome.status = Outcome::Status::Unavailable;
    else if (job->spansRefusedByCap > 0 && job->spansStored == 0)
        outcome.status = Outcome::Status::SessionLimit;
    if (!job->unavailable.isEmpty())
        job->messages.prepend(job->unavailable);
    job->messages.removeDuplicates();
    outcome.message = job->messages.join(QStringLiteral("; "));
    m_spansRejected += outcome.rejectedSpans;
    --m_inFlight;
    std::exchange(job->done, {})(outcome);
}
