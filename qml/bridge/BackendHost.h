// Runs the backend on its own thread for the desktop window, so network, Redis and disk work never
// stall rendering. Window-side objects reach the backend only through run(), and hear back only on
// the GUI thread: no GUI object is ever touched from the backend's thread.
#pragma once

#include "core/ServerOptions.h"

#include <QObject>
#include <QThread>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>

class Backend;

class BackendHost : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")

public:
    // Calls `fn` on the GUI thread, unless the context object given to run() is gone by then.
    using ToGui = std::function<void(std::function<void()> fn)>;
    using Work = std::function<void(Backend &backend, const ToGui &toGui)>;

    explicit BackendHost(QObject *parent = nullptr);
    ~BackendHost() override;

    const ServerOptions &options() const { return m_options; }
    // Builds and starts the backend; work asked for before runs after it, in order.
    void start(ServerOptions options);

    // Runs `work` on the backend's thread (in order with other work). Work that was queued after the
    // host began shutting down is dropped.
    void run(QObject *context, Work work);

Q_SIGNALS:
    void started(const QUrl &baseUrl);
    void failed(const QString &error);

private:
    ServerOptions m_options;
    QThread m_thread;
    QObject *m_anchor; // lives on m_thread: work is queued to it
    Backend *m_backend = nullptr; // built, used and deleted on m_thread only
    bool m_shuttingDown = false;
    bool m_started = false;
    QList<std::function<void()>> m_waiting; // work asked for before start()
};
