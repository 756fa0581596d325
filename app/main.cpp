// SPDX-License-Identifier: MIT
// Ponder's entry point: parse the command line, pick the application type, hand over.
#include "CommandLine.h"
#include "ServeCommand.h"
#include "WindowCommand.h"
#include "core/LogLine.h"
#include "core/Version.h"
#include "options/ServerOptionsBuilder.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QProcess>
#include <QtQml/qqmlextensionplugin.h>

#include <csignal>
#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(PonderPlugin)

namespace {

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("Ponder"));
    QCoreApplication::setOrganizationName(QStringLiteral("Ponder"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PONDER_VERSION_STRING));
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        LogLine::install(); // Qt's pattern, were one set, is the user's to choose
}

// The command line over the environment; the keychain is asked later, and only for what is missing.
ServerOptionsBuilder optionsFrom(const CommandLine &commandLine)
{
    ServerOptionsBuilder builder(commandLine.serverOptions());
    builder.setCommandLine(commandLine.layer());
    builder.setEnvironment(OptionLayer::fromEnvironment(QProcessEnvironment::systemEnvironment()));
    return builder;
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef Q_OS_UNIX
    // hiredis writes to Redis with plain write(): a Redis that went away must be an error hiredis reports
    // (EPIPE), so that Ponder buffers and reconnects, not a signal that ends the process. (Qt's own sockets
    // send with MSG_NOSIGNAL.)
    std::signal(SIGPIPE, SIG_IGN);
#endif
    describeApplication();
    CommandLine commandLine;
    const CommandLine::Action action = commandLine.parse(argumentsOf(argc, argv));

    switch (action) {
    case CommandLine::Action::ShowVersion:
        std::printf("ponder %s\n", PONDER_VERSION_STRING);
        return 0;
    case CommandLine::Action::ShowHelp: {
        QCoreApplication app(argc, argv);
        std::printf("%s", qUtf8Printable(commandLine.helpText()));
        return 0;
    }
    case CommandLine::Action::Fail:
        std::fprintf(
            stderr, "ponder: error: %s\nTry 'ponder --help'.\n", qUtf8Printable(commandLine.error()));
        return 2;
    case CommandLine::Action::Serve: {
        QCoreApplication app(argc, argv);
        return runServe(optionsFrom(commandLine));
    }
    case CommandLine::Action::RunWindow: {
        if (!displayAvailable())
            return 1;
        bool restart = false;
        int code = 0;
        QString program;
        {
            QGuiApplication app(argc, argv);
            program = QCoreApplication::applicationFilePath();
            code = runWindow(optionsFrom(commandLine), &restart);
        }
        // Started only now that the window's backend has let go of its port.
        if (restart && !QProcess::startDetached(program, argumentsOf(argc, argv).mid(1)))
            std::fprintf(stderr, "ponder: could not start again; start Ponder yourself\n");
        return code;
    }
    }
    return 1;
}
