// SPDX-License-Identifier: MIT
#include "api/otlp/TraceStepMove.h"

#include "events/ProgressUpdate.h"
#include "hub/StreamingHub.h"

#include <QPointer>

#include <algorithm>

TraceStepMove::TraceStepMove(StreamingHub &hub, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
{ }

void TraceStepMove::move(const std::shared_ptr<TracedSession> &to,
    std::deque<std::shared_ptr<TracedSession>> from, std::function<void()> then)
{
    if (from.empty())
        return then();
    const std::shared_ptr<TracedSession> source = from.front();
    from.pop_front();
    source->movedTo = to->id;
    QPointer<TraceStepMove> self(this);
    auto next = [self, to, from = std::move(from), then = std::move(then)]() mutable {
        if (self)
            self->move(to, std::move(from), std::move(then));
    };
    // Its spans of an export still being stored are moved too: wait for them.
    auto copy = [self, source, to, next = std::move(next)]() mutable {
        if (self)
            self->copySteps(source, to, StreamId(), std::move(next));
    };
    if (source->storing == 0)
        return copy();
    source->whenStored.push_back(std::move(copy));
}

void TraceStepMove::copySteps(const std::shared_ptr<TracedSession> &from,
    const std::shared_ptr<TracedSession> &to, StreamId after, std::function<void()> then)
{
    constexpr int Page = 256;
    QPointer<TraceStepMove> self(this);
    m_hub.store().read(from->id, EventKind::Thinking, after, Page,
        [self, from, to, then = std::move(then)](
            StoreStatus status, const QList<StoredEvent> &events) mutable {
            if (!self)
                return;
            if (!status.ok()) {
                // Not moved: the trace's own session stays as it is, listed, rather than say it moved.
                from->movedTo.clear();
                return then();
            }
            if (events.isEmpty()) {
                self->retire(from, to);
                return then();
            }
            QList<EventData> steps;
            steps.reserve(events.size());
            for (const StoredEvent &event : events) {
                if (event.type != messageTypeFor(EventKind::Thinking))
                    continue;
                QJsonObject step = event.data.object();
                step.insert(QStringLiteral("session_id"), to->id);
                steps << EventData(step);
            }
            const StreamId last = events.last().id;
            const bool more = events.size() == Page;
            self->m_hub.publishMany(to->id, EventKind::Thinking, steps,
                [self, from, to, last, more, then = std::move(then)](
                    StoreStatus written, const QList<StoredEvent> &) mutable {
                    if (!self)
                        return;
                    if (!written.ok()) {
                        from->movedTo.clear();
                        return then();
                    }
                    if (more)
                        return self->copySteps(from, to, last, std::move(then));
                    self->retire(from, to);
                    then();
                });
        });
}

void TraceStepMove::retire(
    const std::shared_ptr<TracedSession> &from, const std::shared_ptr<TracedSession> &to)
{
    to->steps += from->steps;
    to->failed += from->failed;
    // Its steps are its run's in the conversation too, unless that run ended there already.
    const QByteArray trace
        = QByteArray::fromHex(from->context.value(QStringLiteral("trace_id")).toString().toLatin1());
    if (to->ours && std::find(to->ran.begin(), to->ran.end(), trace) == to->ran.end()) {
        TracedSession::StepCount &count = to->runSteps[trace];
        count.steps += from->steps;
        count.failed += from->failed;
    }
    if (std::exchange(from->finished, true))
        return;
    QJsonObject context = from->context;
    context.insert(QStringLiteral("moved_to"), to->id);
    m_hub.store().describeSession(
        from->id, {{QStringLiteral("system_context"), context}}, [](StoreStatus) {});
    ProgressUpdate update = ProgressUpdate::now(from->id, QStringLiteral("completion"),
        QStringLiteral("Moved to session %1: a later span of the trace named its conversation").arg(to->id),
        QStringLiteral("moved"), 100);
    update.currentStep = from->steps;
    update.runId = from->context.value(QStringLiteral("trace_id")).toString();
    update.extra = {{QStringLiteral("trace_title"), from->title}, {QStringLiteral("steps_done"), from->steps},
        {QStringLiteral("steps_failed"), from->failed}, {QStringLiteral("moved_to"), to->id}};
    m_hub.publish(
        from->id, EventKind::Progress, update.toStoredData(), [](StoreStatus, const StoredEvent &) {});
    m_hub.endSession(from->id, [](StoreStatus) {});
}
