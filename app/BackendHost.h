// Runs the backend on its own thread for the desktop window, so network, Redis and disk work
// never stall rendering. The window hears about it only through queued signals.
#pragma once

#include "core/ServerOptions.h"

#include <QObject>
#include <QThread>
#include <QUrl>

class Backend;

class BackendHost : public QObject
{
    Q_OBJECT

public:
    explicit BackendHost(ServerOptions options, QObject *parent = nullptr);
    ~BackendHost() override;

    void start();

Q_SIGNALS:
    void started(const QUrl &baseUrl);
    void failed(const QString &error);

private:
    QThread m_thread;
    Backend *m_backend = nullptr; // lives on m_thread
};
