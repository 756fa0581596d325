// SPDX-License-Identifier: MIT
#include "EndpointStatus.h"

void EndpointStatus::setReadingKeychain()
{
    m_state = State::ReadingKeychain;
    Q_EMIT changed();
}

void EndpointStatus::setConfiguration(bool listening, PortSource source,
    const QStringList &commandLineUpstreams, const QStringList &commandLineAgents,
    const QString &commandLineRedis)
{
    m_state = State::Starting;
    m_listening = listening;
    m_portSource = source;
    m_commandLineUpstreams = commandLineUpstreams;
    m_commandLineAgents = commandLineAgents;
    m_commandLineRedis = commandLineRedis;
    Q_EMIT changed();
}

void EndpointStatus::setRunning(const QUrl &baseUrl)
{
    if (m_state == State::Running && m_baseUrl == baseUrl)
        return;
    m_state = State::Running;
    m_baseUrl = baseUrl;
    m_error.clear();
    Q_EMIT changed();
}

void EndpointStatus::setFailed(const QString &error)
{
    if (m_state == State::Failed && m_error == error)
        return;
    m_state = State::Failed;
    m_error = error;
    Q_EMIT changed();
}
