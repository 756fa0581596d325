#include "SessionView.h"

#include "BackendGateway.h"
#include "SessionFeed.h"

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
    if (!m_gateway || m_sessionId.isEmpty())
        return;
    m_feed = m_gateway->watch(m_sessionId, this);
    connect(m_feed, &SessionFeed::eventsArrived, this, &SessionView::apply);
    connect(m_feed, &SessionFeed::unavailable, this, &SessionView::setProblem);
}

void SessionView::apply(const QList<StoredEvent> &events)
{
    QList<QJsonObject> newSteps;
    QString reasoning = m_reasoning;
    bool ended = m_ended;
    bool thinking = m_thinking;
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
        const bool aloud
            = data.value(QLatin1String("update_type")).toString() == QLatin1String("thinking_aloud");
        if (aloud)
            reasoning += data.value(QLatin1String("message")).toString();
        // Reasoning text comes as thinking_aloud updates; any other update (answer tokens, the end) ends it.
        thinking = aloud;
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
    setThinking(thinking);
}

void SessionView::clear()
{
    setThinking(false);
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

void SessionView::setThinking(bool thinking)
{
    if (m_thinking == thinking)
        return;
    m_thinking = thinking;
    Q_EMIT thinkingChanged();
}
