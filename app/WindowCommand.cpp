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

// A secret the settings keep in the keychain (the local API token, the Redis password). Asked for before
// the backend starts, so the endpoint is never open without its token and Redis is not first tried without
// its password; a keychain that does not answer within seconds is skipped.
QString secretFromKeychain(const QString &key, const char *what)
{
    SecretStore secrets;
    QEventLoop loop;
    QString secret;
    secrets.read(key, [&](std::optional<QString> value, const QString &error) {
        if (value)
            secret = *value;
        else if (!error.isEmpty())
            qCInfo(lcSecrets).noquote() << "no" << what << "from the keychain:" << error;
        loop.quit();
    });
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    return secret;
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
        options.access.apiKey = secretFromKeychain(SecretStore::localApiTokenKey(), "local API token");
    // PONDER_REDIS_PASSWORD or a password in a --redis URL come first; the settings' URL never holds one.
    const QUrl redisUrl(options.redisUrl);
    if (!options.redisUrl.isEmpty() && options.redisPassword.isEmpty() && redisUrl.password().isEmpty())
        options.redisPassword = secretFromKeychain(SecretStore::redisPasswordKey(redisUrl), "Redis password");

    MainWindow window(options, preferences);
    if (!window.show())
        return 1;
    const int code = QGuiApplication::exec();
    *restart = preferences.restartRequested();
    return code;
}
