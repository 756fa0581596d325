// SPDX-License-Identifier: MIT
#include "api/agui/AgentRun.h"

#include "api/agui/AguiRecorder.h"
#include "core/ClippedText.h"
#include "core/Logging.h"
#include "protocols/agui/AguiEvent.h"
#include "upstream/ProxyRules.h"
#include "upstream/UpstreamLimits.h"

#include <QDateTime>
#include <QJsonDocument>

AgentRun::AgentRun(StreamingHub &hub, AgentConfig agent, QString threadId, QString runId, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_agent(std::move(agent))
    , m_recorder(new AguiRecorder(hub, std::move(threadId), m_agent.name, std::move(runId), this))
{ }

AgentRun::~AgentRun()
{
    if (m_client)
        m_client->abort();
}

void AgentRun::start(const QByteArray &runAgentInput)
{
    HttpStreamClient::Request request;
    request.method = "POST";
    request.url = m_agent.url;
    request.body = runAgentInput;
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "text/event-stream"}};
    request.proxy = ProxyRules::fromEnvironment().proxyFor(request.url);
    m_client = new HttpStreamClient(this);
    connect(m_client, &HttpStreamClient::responseStarted, this, &AgentRun::onResponseStarted);
    connect(m_client, &HttpStreamClient::bodyReceived, this, &AgentRun::onBody);
    connect(m_client, &HttpStreamClient::finished, this, &AgentRun::onFinished);
    connect(m_client, &HttpStreamClient::failed, this, &AgentRun::onFailed);
    qCInfo(lcAgents).noquote() << "agent" << m_agent.name << "run at" << m_agent.url.toDisplayString();
    m_client->start(request);
}

void AgentRun::abort(const QString &why)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_client)
        m_client->abort();
    if (!m_runEnded)
        m_recorder->stop(why);
}

void AgentRun::onResponseStarted(int status)
{
    m_status = status;
    const QByteArray type = m_client->header("content-type").split(';').first().trimmed().toLower();
    m_eventStream = status >= 200 && status < 300 && type == "text/event-stream";
    if (status >= 200 && status < 300 && !m_eventStream)
        failRun(QStringLiteral("agent %1 answered %2, not an event stream (text/event-stream)")
                    .arg(m_agent.name,
                        clippedForMessage(QString::fromLatin1(type.isEmpty() ? "no content type" : type))),
            QStringLiteral("agent_not_event_stream"), QString::fromLatin1(type));
}

void AgentRun::onBody(const QByteArray &bytes)
{
    if (m_finished)
        return;
    if (!m_eventStream) { // an HTTP error: its message is read (bounded) and said
        m_errorBody.append(
            bytes.first(std::min(bytes.size(), UpstreamLimits::MaxErrorBodyBytes - m_errorBody.size())));
        return;
    }
    for (const RawSseEvent &raw : m_splitter.feed(bytes)) {
        pass(raw);
        if (m_finished)
            return;
    }
    if (m_splitter.hasFailed())
        failRun(QStringLiteral("agent %1 sent %2").arg(m_agent.name, m_splitter.error()),
            QStringLiteral("agent_event_too_large"), m_splitter.error());
}

void AgentRun::pass(const RawSseEvent &raw)
{
    Q_EMIT rawEvent(withLineFeeds(raw.bytes));
    if (m_finished || !raw.hasData) // the caller may have stopped the run on this event
        return;
    QString error;
    const auto parsed = AguiEvent::read(raw.event.data, &error);
    if (!parsed) {
        qCInfo(lcAgents).noquote() << "agent" << m_agent.name << "sent" << error
                                   << "- passed on, not recorded";
        return;
    }
    m_recorder->record(*parsed);
    if (parsed->kind == QLatin1String("RUN_FINISHED") || parsed->kind == QLatin1String("RUN_ERROR"))
        m_runEnded = true;
    Q_EMIT event(parsed->json);
    // RUN_ERROR is the run's last word: what an agent sends after it is not waited for.
    if (parsed->kind == QLatin1String("RUN_ERROR") && !m_finished) {
        if (m_client)
            m_client->abort();
        end();
    }
}

void AgentRun::onFinished()
{
    if (m_finished)
        return;
    if (!m_eventStream && m_status != 0) {
        const QString body = QString::fromUtf8(m_errorBody).simplified();
        return failRun(QStringLiteral("agent %1 answered HTTP %2%3")
                           .arg(m_agent.name)
                           .arg(m_status)
                           .arg(body.isEmpty() ? QString() : QStringLiteral(": ") + clippedForMessage(body)),
            QStringLiteral("agent_http_%1").arg(m_status), clippedForMessage(body));
    }
    for (const RawSseEvent &raw : m_splitter.finish())
        pass(raw);
    if (!m_runEnded)
        return failRun(
            QStringLiteral("agent %1 ended its stream before it finished the run").arg(m_agent.name),
            QStringLiteral("agent_stream_ended"));
    end();
}

void AgentRun::onFailed(HttpStreamClient::Failure failure, const QString &message)
{
    if (m_finished)
        return;
    if (m_runEnded) // the run was over: a connection that breaks or idles after it fails nothing
        return end();
    const bool started = m_status != 0;
    const QString code = failure == HttpStreamClient::Failure::Unreachable
        ? QStringLiteral("agent_unreachable")
        : failure == HttpStreamClient::Failure::Timeout ? QStringLiteral("agent_timeout")
        : started                                       ? QStringLiteral("agent_disconnected")
                                                        : QStringLiteral("agent_error");
    // The detail is what the network said (Qt's socket error), not Ponder's sentence around it.
    const QString said = m_client && !m_client->failureSaid().isEmpty() ? m_client->failureSaid() : QString();
    failRun(started ? QStringLiteral("agent %1 broke off the run: %2").arg(m_agent.name, message)
                    : QStringLiteral("agent %1 could not be reached: %2").arg(m_agent.name, message),
        code, said);
}

void AgentRun::failRun(const QString &message, const QString &code, const QString &detail)
{
    if (m_finished)
        return;
    if (m_client)
        m_client->abort();
    qCInfo(lcAgents).noquote() << message;
    const QJsonObject error {{QStringLiteral("type"), QStringLiteral("RUN_ERROR")},
        {QStringLiteral("message"), message}, {QStringLiteral("code"), code},
        {QStringLiteral("timestamp"), QDateTime::currentMSecsSinceEpoch()}};
    m_recorder->fail(message, code, detail);
    m_runEnded = true;
    Q_EMIT rawEvent("data: " + QJsonDocument(error).toJson(QJsonDocument::Compact) + "\n\n");
    // In process only (the window's chat): the other side's own words, for it to quote.
    QJsonObject withDetail = error;
    if (!detail.isEmpty())
        withDetail.insert(QStringLiteral("detail"), detail);
    Q_EMIT event(withDetail);
    end();
}

void AgentRun::end()
{
    if (std::exchange(m_finished, true))
        return;
    if (m_client)
        m_client->abort();
    Q_EMIT finished();
}
