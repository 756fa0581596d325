// SPDX-License-Identifier: MIT
// "Test connection" in the settings: asks one upstream (not yet saved) for its models, in the backend's
// thread, and says what happened.
#pragma once

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class BackendGateway;

class UpstreamProbe : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(BackendGateway *gateway MEMBER m_gateway NOTIFY gatewayChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    using QObject::QObject;

    bool busy() const { return m_busy; }

    // spec is "ollama:URL" or "openai:URL"; the key, if any, is sent as a Bearer token.
    Q_INVOKABLE void test(const QString &spec, const QString &apiKey);

Q_SIGNALS:
    void gatewayChanged();
    void busyChanged();
    void finished(bool ok, const QString &message);

private:
    void setBusy(bool busy);

    QPointer<BackendGateway> m_gateway;
    bool m_busy = false;
};
