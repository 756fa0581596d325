#include "ServeCommand.h"

#include "Backend.h"
#include "SignalWatcher.h"
#include "core/Logging.h"
#include "core/Version.h"

#include <QCoreApplication>

#include <cstdio>

int runServe(const ServerOptions &options)
{
    SignalWatcher signalWatcher;
    Backend backend(options);
    QString error;
    if (!backend.start(&error)) {
        std::fprintf(stderr, "ponder: error: %s\n", qUtf8Printable(error));
        return 1;
    }
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, qApp, [](int signalNumber) {
        qCInfo(lcServer) << "signal" << signalNumber << "received, shutting down";
        QCoreApplication::quit();
    });
    qCInfo(lcServer).noquote() << "Ponder" << PONDER_VERSION_STRING << "ready; stop with Ctrl+C";
    const int status = QCoreApplication::exec();
    qCInfo(lcServer) << "stopped";
    return status;
}
