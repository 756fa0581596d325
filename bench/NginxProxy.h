// SPDX-License-Identifier: MIT
// Debian's nginx as a plain reverse proxy in front of an upstream, for comparison: started by the bench on
// a free loopback port with a generated configuration in a temporary folder (proxy_buffering off,
// keep-alive connections to the upstream), stopped with it.
#pragma once

#include <QProcess>
#include <QTemporaryDir>

class NginxProxy
{
public:
    ~NginxProxy();
    // false (and why in error()) when nginx is not installed or does not start.
    bool start(quint16 upstreamPort);
    quint16 port() const { return m_port; }
    // Its one process (no master: it is the worker that proxies), for its CPU time.
    qint64 pid() const { return m_process.processId(); }
    QString error() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};
