// SPDX-License-Identifier: MIT
#include "SessionView.h"

#include "BackendGateway.h"
#include "SessionFeed.h"
#include "TimelineItem.h"

using namespace Qt::StringLiterals;

SessionView::SessionView(QObject *parent)
    : QObject(parent)
{ }

SessionView::~SessionView() = default;

void SessionView::setGateway(BackendGateway *gateway)
{
    if (m_gateway == gateway)
        return;
    m_gateway = gateway;
    Q_EMIT gatewayChanged();
    restart();
}

void SessionView::setSessionId(const QString &sessionId)
{
    if (m_sessionId == sessionId) {
        if (m_problem != Problem::None) // it was not in the hub yet (a new chat) or no longer: look again
            restart();
        return;
    }
    m_sessionId = sessionId;
    Q_EMIT sessionIdChanged();
    restart();
}

void SessionView::setStartedAt(const QDateTime &startedAt)
{
    if (m_startedAt == startedAt)
        return;
    m_startedAt = startedAt;
    Q_EMIT startedAtChanged();
    if (m_requests <= 1)
        m_timeline.setStartMs(startedAt.isValid() ? startedAt.toMSecsSinceEpoch() : 0);
}

void SessionView::restart()
{
    delete m_feed;
    m_feed = nullptr;
    clear();
    m_requests = 0;
    m_timeline.setStartMs(m_startedAt.isValid() ? m_startedAt.toMSecsSinceEpoch() : 0);
    setProblem(Problem::None);
    setEnded(false);
    if (!m_gateway || m_sessionId.isEmpty())
        return;
    m_feed = m_gateway->watch(m_sessionId, this);
    connect(m_feed, &SessionFeed::eventsArrived, this, &SessionView::apply);
    connect(m_feed, &SessionFeed::unavailable, this, &SessionView::noteUnavailable);
    connect(m_feed, &SessionFeed::stepsNotKept, this, &SessionView::setStepsNotKept);
}

void SessionView::apply(const QList<StoredEvent> &events)
{
    const QString reasoning = m_reasoning;
    const QString answer = m_answer;
    const qsizetype warnings = m_warnings.size();
    for (const StoredEvent &event : events) {
        if (event.isSessionEnd()) {
            // Read later, it ended then, not now: its time, or its id's (when it was appended).
            const qint64 at = TimelineItem::timeOf(event.data.object().value(QLatin1String("timestamp")));
            m_timeline.sessionEnded(at > 0 ? at : qint64(event.id.ms));
            m_progress.end();
            setEnded(true);
            continue;
        }
        const QJsonObject &data = event.data.object();
        if (event.kind == EventKind::Thinking) {
            m_timeline.addStep(data);
            m_progress.noteActivity();
            continue;
        }
        applyProgress(data);
    }
    m_timeline.flush();
    if (reasoning != m_reasoning)
        Q_EMIT reasoningChanged();
    if (answer != m_answer)
        Q_EMIT answerChanged();
    if (answer.isEmpty() != m_answer.isEmpty())
        Q_EMIT hasAnswerChanged();
    if (warnings != m_warnings.size())
        Q_EMIT warningsChanged();
}

void SessionView::applyProgress(const QJsonObject &data)
{
    const QString activity = data.value("current_activity"_L1).toString();
    const QString type = data.value("update_type"_L1).toString();
    // A new request, or an agent's next run Ponder relays: what the view showed belongs to the previous one.
    if (activity == "received"_L1
        || (activity == "started"_L1 && TimelineItem::runMomentOf(data) == Timeline::Milestone::RunStarted)) {
        clear();
        // The session's first request began when the session did; a later one (a conversation's next
        // turn) counts from its own start.
        if (++m_requests == 1)
            m_timeline.setStartMs(m_startedAt.isValid() ? m_startedAt.toMSecsSinceEpoch() : 0);
        m_prompt = data.value("prompt"_L1).toString();
        Q_EMIT promptChanged();
    }
    // A session goes on after its end when a run starts in it again (a traced conversation's next turn).
    if (activity == "received"_L1 || activity == "started"_L1)
        setEnded(false);
    const bool aloud = type == "thinking_aloud"_L1;
    if (aloud) {
        const QString text = data.value("message"_L1).toString();
        m_reasoning += text;
        m_timeline.appendThought(text, TimelineItem::timeOf(data.value("timestamp"_L1)));
    } else if (activity == "answering"_L1) {
        m_answer += data.value("message"_L1).toString();
    } else if (type == "warning"_L1 && !data.contains("metrics"_L1) && !TimelineItem::runMomentOf(data)) {
        // (An agent's run that failed or was stopped is how it ended, not a warning to keep in sight.)
        m_warnings.append(data.value("message"_L1).toString());
    }
    // Reasoning text comes as thinking_aloud updates; the answer's text, or the request's end, ends it.
    // (Figures between them say nothing either way.)
    if (aloud)
        setThinking(true);
    else if (activity != "generating"_L1 && activity != "reading_prompt"_L1)
        setThinking(false);
    m_timeline.addProgress(data);
    m_rate.add(data.value("metrics"_L1).toObject());
    m_progress.apply(data);
}

void SessionView::setStepsNotKept(qint64 count)
{
    if (m_stepsNotKept == count)
        return;
    m_stepsNotKept = count;
    m_timeline.setStepsBefore(count);
    Q_EMIT stepsNotKeptChanged();
}

void SessionView::clear()
{
    setThinking(false);
    setStepsNotKept(0); // they were an earlier request's
    m_timeline.clear();
    m_progress.reset();
    m_rate.clear();
    if (!m_reasoning.isEmpty()) {
        m_reasoning.clear();
        Q_EMIT reasoningChanged();
    }
    if (!m_prompt.isEmpty()) {
        m_prompt.clear();
        Q_EMIT promptChanged();
    }
    if (!m_answer.isEmpty()) {
        m_answer.clear();
        Q_EMIT answerChanged();
        Q_EMIT hasAnswerChanged();
    }
    if (!m_warnings.isEmpty()) {
        m_warnings.clear();
        Q_EMIT warningsChanged();
    }
}

void SessionView::noteUnavailable(StoreStatus::Code why)
{
    switch (why) {
    case StoreStatus::Code::NotFound:
        return setProblem(Problem::NotKept);
    case StoreStatus::Code::Unavailable:
        return setProblem(Problem::StoreUnreachable);
    default:
        return setProblem(Problem::Refused);
    }
}

void SessionView::setProblem(Problem problem)
{
    if (m_problem == problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged();
}

void SessionView::setThinking(bool thinking)
{
    if (m_thinking == thinking)
        return;
    m_thinking = thinking;
    Q_EMIT thinkingChanged();
}

void SessionView::setEnded(bool ended)
{
    if (m_ended == ended)
        return;
    m_ended = ended;
    Q_EMIT endedChanged();
    Q_EMIT warningsChanged(); // pinned until now
}
