// What the window shows about the local endpoint: starting, running at a URL, or failed and why.
#pragma once

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class EndpointStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QUrl baseUrl READ baseUrl NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)

public:
    enum class State
    {
        Starting,
        Running,
        Failed
    };
    Q_ENUM(State)

    using QObject::QObject;

    State state() const { return m_state; }
    QUrl baseUrl() const { return m_baseUrl; }
    QString error() const { return m_error; }

    void setRunning(const QUrl &baseUrl);
    void setFailed(const QString &error);

Q_SIGNALS:
    void changed();

private:
    State m_state = State::Starting;
    QUrl m_baseUrl;
    QString m_error;
};
