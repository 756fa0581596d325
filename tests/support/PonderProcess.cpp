// SPDX-License-Identifier: MIT
#include "PonderProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

namespace {
constexpr int StartDeadlineMs = 30000;
}

PonderProcess::PonderProcess()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(&m_process, &QProcess::readyRead, [this] { collectOutput(); });
}

PonderProcess::~PonderProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString PonderProcess::executable()
{
    return QStringLiteral(PONDER_EXECUTABLE);
}

void PonderProcess::collectOutput()
{
    m_output += QString::fromUtf8(m_process.readAll());
}

bool PonderProcess::startServe(const QStringList &extraArguments, const QString &dataDir)
{
    QStringList arguments {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
        QStringLiteral("--data-dir"), dataDir};
    return start(arguments + extraArguments);
}

bool PonderProcess::startWindow(const QString &dataDir)
{
    return start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data-dir"), dataDir});
}

bool PonderProcess::start(const QStringList &arguments)
{
    m_process.start(m_executable, arguments);
    if (!m_process.waitForStarted(StartDeadlineMs))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
    QDeadlineTimer deadline(StartDeadlineMs);
    while (!deadline.hasExpired()) {
        const QRegularExpressionMatch match = listening.match(m_output);
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            return true;
        }
        if (m_process.state() == QProcess::NotRunning)
            return false;
        QTest::qWait(20);
    }
    return false;
}

bool PonderProcess::stop(int signalNumber)
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    ::kill(pid_t(m_process.processId()), signalNumber);
    const bool finished = m_process.waitForFinished(StartDeadlineMs);
    collectOutput();
    return finished;
}

ProcessResult runPonder(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(PonderProcess::executable(), arguments);
    ProcessResult result;
    if (!process.waitForFinished(StartDeadlineMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.standardOutput = QString::fromUtf8(process.readAllStandardOutput());
    result.standardError = QString::fromUtf8(process.readAllStandardError());
    return result;
}
