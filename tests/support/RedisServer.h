// SPDX-License-Identifier: MIT
// A throwaway redis-server on a free loopback port, with its data in a temp folder, for tests.
// Persistence is on (appendonly) so a test can stop and restart it mid-session.
#pragma once

#include <QProcess>
#include <QTemporaryDir>

class RedisServer
{
public:
    RedisServer();
    ~RedisServer();

    // `extraArguments` are added to redis-server's command line (e.g. a setting that makes it refuse writes).
    // Waits until the server answers PING, unless `waitForPing` is false: a test that wants the time while
    // the server loads its data must keep its event loop (and the backend's) running.
    bool start(const QStringList &extraArguments = {}, bool waitForPing = true);
    void stop();
    // Deletes what a stopped server persisted, so that it starts empty: a restart without persistence, or
    // a failover to an empty replica.
    void wipeData();
    // Freezes the server (SIGSTOP) with its connections open, as a hung host or a network partition would,
    // and lets it go on (SIGCONT).
    void freeze();
    void thaw();
    int port() const { return m_port; }
    QString url() const { return QStringLiteral("redis://127.0.0.1:%1/0").arg(m_port); }
    // Runs redis-cli against this server and returns its trimmed output. Without arguments, redis-cli runs
    // the commands in `input`, one per line, each on its own.
    QString cli(const QStringList &arguments, const QByteArray &input = {}) const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    bool m_started = false; // once started, restarts keep the port
    int m_port = 0;
};
