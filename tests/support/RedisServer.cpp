// SPDX-License-Identifier: MIT
#include "RedisServer.h"

#include <QDir>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

namespace {
int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
} // namespace

RedisServer::RedisServer()
    : m_port(freePort())
{ }

RedisServer::~RedisServer()
{
    stop();
}

bool RedisServer::start(const QStringList &extraArguments, bool waitForPing)
{
    // The port was free when it was chosen; another test's server may take it before this one binds it. The
    // first start chooses again then (a restart keeps its port: that is what a restart is).
    const int attempts = m_started ? 1 : 5;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        if (attempt > 0)
            m_port = freePort();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        const QStringList arguments {QStringLiteral("--port"), QString::number(m_port),
            QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--dir"), m_dir.path(),
            QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"), QStringLiteral("yes"),
            QStringLiteral("--appendfsync"), QStringLiteral("always")};
        m_process.start(QStringLiteral("redis-server"), arguments + extraArguments);
        if (!m_process.waitForStarted(15000))
            return false;
        if (!waitForPing) {
            m_started = true;
            return true;
        }
        // Listening, or gone: a port taken makes redis-server exit at once. (A PING could reach whatever
        // holds the port instead.)
        QByteArray output;
        (void)QTest::qWaitFor(
            [&] {
                output += m_process.readAll();
                return m_process.state() == QProcess::NotRunning
                    || output.contains("Ready to accept connections");
            },
            15000);
        if (m_process.state() != QProcess::NotRunning) {
            m_started = true;
            return QTest::qWaitFor(
                [this] { return cli({QStringLiteral("PING")}) == QLatin1String("PONG"); }, 15000);
        }
        if (!(output + m_process.readAll()).contains("Address already in use"))
            return false;
    }
    return false;
}

void RedisServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM: redis flushes its append-only file and exits
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void RedisServer::wipeData()
{
    QDir(m_dir.path()).removeRecursively();
    QDir().mkpath(m_dir.path());
}

void RedisServer::freeze()
{
    ::kill(pid_t(m_process.processId()), SIGSTOP);
}

void RedisServer::thaw()
{
    ::kill(pid_t(m_process.processId()), SIGCONT);
}

QString RedisServer::cli(const QStringList &arguments, const QByteArray &input) const
{
    QProcess process;
    process.start(
        QStringLiteral("redis-cli"), QStringList {QStringLiteral("-p"), QString::number(m_port)} + arguments);
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(15000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}
