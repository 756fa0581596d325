// SPDX-License-Identifier: MIT
#include "WindowCommand.h"

#include "DesktopApp.h"
#include "SignalWatcher.h"
#include "core/Logging.h"
#include "options/ServerOptionsBuilder.h"
#include "secrets/Keychain.h"
#include "settings/Preferences.h"

#include <QGuiApplication>

#include <cstdio>

bool displayAvailable()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    // Without this check Qt aborts with a cryptic xcb message; say what to do instead.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        std::fprintf(stderr,
            "ponder: no display found, so the window cannot open.\n"
            "Run the backend headless instead:  ponder serve [--port 8009]\n");
        return false;
    }
#endif
    return true;
}

int runWindow(ServerOptionsBuilder builder, bool *restart)
{
    // Ties the window to its .desktop file (icon and name on Wayland, grouping in task bars).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.ponder_app.Ponder"));
    Keychain keychain; // the process's one: the window's secrets and Settings go through it
    Preferences preferences(builder.dataDir()); // --data-dir holds settings as well as history
    builder.setSettings(preferences.layer());
    DesktopApp window(preferences, keychain);
    if (!window.show())
        return 1;
    window.start(std::move(builder));
    // SIGTERM (the session ending, `kill`) and Ctrl+C close the window as its Quit does: the backend
    // thread stops and history is closed, instead of the process dying mid-write.
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, qApp, [](int signalNumber) {
        qCInfo(lcServer) << "signal" << signalNumber << "received, closing the window";
        QGuiApplication::quit();
    });
    const int code = QGuiApplication::exec();
    *restart = preferences.restartRequested();
    return code;
}
