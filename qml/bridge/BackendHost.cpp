#include "BackendHost.h"

#include "Backend.h"

#include <QPointer>

BackendHost::BackendHost(QObject *parent)
    : QObject(parent)
    , m_anchor(new QObject)
{
    m_thread.setObjectName(QStringLiteral("ponder-backend"));
    m_anchor->moveToThread(&m_thread);
}

BackendHost::~BackendHost()
{
    m_shuttingDown = true;
    if (!m_thread.isRunning())
        m_thread.start(); // never started: the thread still has to delete its anchor's work
    // The backend goes first, on its own thread, while its event loop still runs; then the loop stops.
    // (Asking the loop to quit from inside that same call was sometimes lost under load: the thread
    // then idled forever and this destructor with it.)
    QMetaObject::invokeMethod(
        m_anchor,
        [this] {
            delete m_backend;
            m_backend = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_anchor;
}

void BackendHost::start(ServerOptions options)
{
    if (m_started)
        return;
    m_options = std::move(options);
    m_thread.start();
    // The backend is built on its own thread, so every object it creates (parented or not) lives there.
    QMetaObject::invokeMethod(m_anchor, [this] { m_backend = new Backend(m_options); });
    m_started = true;
    for (const auto &post : std::exchange(m_waiting, {}))
        post();
    run(this, [this](Backend &backend, const ToGui &toGui) {
        QString error;
        const bool ok = backend.start(&error);
        const QUrl url = backend.baseUrl();
        // Signals of this object are emitted on the GUI thread, like every other notification.
        toGui([this, url, ok, error] {
            if (ok)
                Q_EMIT started(url);
            else
                Q_EMIT failed(error);
        });
    });
}

void BackendHost::run(QObject *context, Work work)
{
    if (m_shuttingDown)
        return;
    QPointer<QObject> guard(context);
    // The host outlives every piece of work: its destructor waits for the backend's thread to end.
    const ToGui toGui = [this, guard](std::function<void()> fn) {
        QMetaObject::invokeMethod(this, [guard, fn = std::move(fn)] {
            if (guard)
                fn();
        });
    };
    auto post = [this, work = std::move(work), toGui] {
        QMetaObject::invokeMethod(m_anchor, [this, work, toGui] { work(*m_backend, toGui); });
    };
    if (m_started)
        post();
    else
        m_waiting.append(post);
}
