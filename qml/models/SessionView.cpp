#include "SessionView.h"

#include "BackendHost.h"
#include "SessionFeed.h"

SessionView::SessionView(QObject *parent)
    : QObject(parent)
{ }

SessionView::~SessionView() = default;

void SessionView::setHost(BackendHost *host)
{
    if (m_host == host)
        return;
    m_host = host;
    Q_EMIT hostChanged();
    restart();
}

void SessionView::setSessionId(const QString &sessionId)
{
    if (m_sessionId == sessionId) {
        if (!m_problem.isEmpty()) // it was not in the hub yet (a new chat) or no longer: look again
            restart();
        return;
    }
    m_sessionId = sessionId;
    Q_EMIT sessionIdChanged();
    restart();
}

void SessionView::restart()
{
    delete m_feed;
    m_feed = nullptr;
    clear();
    setProblem({});
    if (m_ended) {
        m_ended = false;
        Q_EMIT endedChanged();
    }
    if (!m_host || m_sessionId.isEmpty())
        return;
    m_feed = new SessionFeed(*m_host, this);
    connect(m_feed, &SessionFeed::eventsArrived, this, &SessionView::apply);
    connect(m_feed, &SessionFeed::unavailable, this, &SessionView::setProblem);
    m_feed->watch(m_sessionId);
}

void SessionView::apply(const QList<StoredEvent> &events)
{
    QList<QJsonObject> newSteps;
    QString reasoning = m_reasoning;
    bool ended = m_ended;
    for (const StoredEvent &event : events) {
        if (event.isSessionEnd()) {
            ended = true;
            continue;
        }
        const QJsonObject &data = event.data.object();
        if (event.kind == EventKind::Thinking) {
            newSteps.append(data);
            continue;
        }
        const QString activity = data.value(QLatin1String("current_activity")).toString();
        if (activity == QLatin1String("received")) {
            // A new request: what the panels showed belongs to the previous one.
            newSteps.clear();
            m_steps.clear();
            reasoning.clear();
            m_progress.reset();
        }
        if (data.value(QLatin1String("update_type")).toString() == QLatin1String("thinking_aloud"))
            reasoning += data.value(QLatin1String("message")).toString();
        m_progress.apply(data);
    }
    m_steps.append(newSteps);
    if (reasoning != m_reasoning) {
        m_reasoning = reasoning;
        Q_EMIT reasoningChanged();
    }
    if (ended != m_ended) {
        m_ended = ended;
        Q_EMIT endedChanged();
    }
}

void SessionView::clear()
{
    m_steps.clear();
    m_progress.reset();
    if (!m_reasoning.isEmpty()) {
        m_reasoning.clear();
        Q_EMIT reasoningChanged();
    }
}

void SessionView::setProblem(const QString &problem)
{
    if (m_problem == problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged();
}
