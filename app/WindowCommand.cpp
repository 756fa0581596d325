#include "WindowCommand.h"

#include "CommandLine.h"
#include "MainWindow.h"
#include "core/Logging.h"
#include "secrets/SecretStore.h"
#include "settings/Preferences.h"

#include <QEventLoop>
#include <QGuiApplication>
#include <QTimer>

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

namespace {

// The local API token the settings keep in the keychain. Asked for before the backend starts, so the
// endpoint is never open without it; a keychain that does not answer within seconds is skipped.
QString localApiTokenFromKeychain()
{
    SecretStore secrets;
    QEventLoop loop;
    QString token;
    secrets.read(SecretStore::localApiTokenKey(), [&](std::optional<QString> value, const QString &error) {
        if (value)
            token = *value;
        else if (!error.isEmpty())
            qCInfo(lcSecrets).noquote() << "no local API token from the keychain:" << error;
        loop.quit();
    });
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    return token;
}

} // namespace

int runWindow(const CommandLine &commandLine, bool *restart)
{
    // Ties the window to its .desktop file (icon and name on Wayland, grouping in task bars).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.ponder_app.Ponder"));
    Preferences preferences;
    ServerOptions options = commandLine.serverOptions();
    preferences.applyTo(options, [&](const QString &option) { return commandLine.isSet(option); });
    if (options.access.apiKey.isEmpty())
        options.access.apiKey = localApiTokenFromKeychain();

    MainWindow window(options, preferences);
    if (!window.show())
        return 1;
    const int code = QGuiApplication::exec();
    *restart = preferences.restartRequested();
    return code;
}
