#include "BackendHost.h"

#include "Backend.h"

BackendHost::BackendHost(ServerOptions options, QObject *parent)
    : QObject(parent)
    , m_backend(new Backend(std::move(options)))
{
    m_thread.setObjectName(QStringLiteral("ponder-backend"));
    m_backend->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_backend, &QObject::deleteLater);
}

BackendHost::~BackendHost()
{
    m_thread.quit();
    m_thread.wait();
}

void BackendHost::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_backend, [this, backend = m_backend] {
        QString error;
        if (backend->start(&error))
            Q_EMIT started(backend->baseUrl());
        else
            Q_EMIT failed(error);
    });
}
