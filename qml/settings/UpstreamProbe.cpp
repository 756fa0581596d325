// SPDX-License-Identifier: MIT
#include "UpstreamProbe.h"

#include "BackendGateway.h"

void UpstreamProbe::test(const QString &spec, const QString &apiKey)
{
    QString error;
    auto config = UpstreamConfig::parse(spec.trimmed(), &error);
    if (!config) {
        Q_EMIT finished(false, error);
        return;
    }
    if (!m_gateway || m_busy)
        return;
    config->apiKey = apiKey.trimmed();
    config->connectTimeoutMs = 5'000;
    config->idleTimeoutMs = 10'000;
    setBusy(true);
    m_gateway->probeUpstream(*config, this, [this](const ProbeResult &result) {
        setBusy(false);
        if (result.reachable)
            Q_EMIT finished(true, tr("Connected: %n model(s) available.", nullptr, result.models));
        else
            Q_EMIT finished(false, tr("No answer: %1").arg(result.problem));
    });
}

void UpstreamProbe::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}
