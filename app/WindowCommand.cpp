#include "WindowCommand.h"

#include "BackendHost.h"
#include "EndpointStatus.h"

#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QTranslator>

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

// Follows the system language; English is the source language, so a missing file is harmless.
void installTranslator(QTranslator &translator)
{
    if (translator.load(QLocale(), QStringLiteral("ponder"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
}

} // namespace

int runWindow(const ServerOptions &options)
{
    QTranslator translator;
    installTranslator(translator);
    if (QQuickStyle::name().isEmpty())
        QQuickStyle::setStyle(QStringLiteral("Basic"));

    EndpointStatus status;
    BackendHost backend(options);
    QObject::connect(&backend, &BackendHost::started, &status, &EndpointStatus::setRunning);
    QObject::connect(&backend, &BackendHost::failed, &status, &EndpointStatus::setFailed);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral(":/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("endpoint"), QVariant::fromValue(&status)}});
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, qApp, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Ponder/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;

    backend.start();
    return QGuiApplication::exec();
}
