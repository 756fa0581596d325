// SPDX-License-Identifier: MIT
#include "ServeCommand.h"

#include "Backend.h"
#include "SignalWatcher.h"
#include "core/Logging.h"
#include "core/Version.h"
#include "options/ServerOptionsBuilder.h"
#include "secrets/Keychain.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>

int runServe(ServerOptionsBuilder builder)
{
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, qApp, [](int signalNumber) {
        qCInfo(lcServer) << "signal" << signalNumber << "received, shutting down";
        QCoreApplication::quit();
    });
    Keychain keychain;
    std::unique_ptr<Backend> backend;
    bool failed = false;
    // Keys for OpenAI-compatible upstreams that the environment did not give come from the keychain, where
    // the window's settings put them. Headless there is usually none: its answer (no key) comes at once.
    keychain.readAll(builder.keychainKeysWanted(ServerOptionsBuilder::Secrets::Serve), &keychain,
        [&](const QHash<QString, QString> &secrets) {
            builder.setKeychain(secrets);
            backend = std::make_unique<Backend>(builder.build());
            QString error;
            if (!backend->start(&error)) {
                std::fprintf(stderr, "ponder: error: %s\n", qUtf8Printable(error));
                failed = true;
                QCoreApplication::exit(1); // when the loop already runs; before it, `failed` says so
                return;
            }
            qCInfo(lcServer).noquote() << "Ponder" << PONDER_VERSION_STRING << "ready; stop with Ctrl+C";
        });
    if (failed)
        return 1;
    const int status = QCoreApplication::exec();
    if (status == 0)
        qCInfo(lcServer) << "stopped";
    return status;
}
