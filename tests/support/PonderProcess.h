// SPDX-License-Identifier: MIT
// Starts the built `ponder` executable for black-box tests and waits until it listens.
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

class PonderProcess
{
public:
    PonderProcess();
    ~PonderProcess();

    static QString executable();
    // Runs another build of `ponder` instead of this tree's (a benchmark's baseline); before a start.
    void setExecutable(const QString &path) { m_executable = path; }

    // Starts `ponder serve --port 0 <extra>` and waits for its "listening on" line.
    bool startServe(const QStringList &extraArguments, const QString &dataDir);
    // Starts the window (`ponder --port 0`; offscreen under ctest) and waits until its backend listens,
    // which it starts once the window's QML has loaded.
    bool startWindow(const QString &dataDir);
    QUrl baseUrl() const { return m_baseUrl; }
    QString output() const { return m_output; }
    QProcess &process() { return m_process; }
    void setEnvironment(const QProcessEnvironment &environment)
    {
        m_process.setProcessEnvironment(environment);
    }

    // Sends the signal and waits for the process to end; returns false if it did not.
    bool stop(int signalNumber);

private:
    void collectOutput();
    bool start(const QStringList &arguments);

    QString m_executable = executable();
    QProcess m_process;
    QString m_output;
    QUrl m_baseUrl;
};

struct ProcessResult
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QString standardOutput;
    QString standardError;
};

// Runs `ponder <arguments>` to completion (generous deadline: this machine is shared).
ProcessResult runPonder(const QStringList &arguments,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
