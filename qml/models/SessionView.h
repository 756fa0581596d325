// One hub session as the window shows it: its thinking steps, the model's reasoning text and its
// progress, live. The chat view uses one for the conversation in front of it; the Live sessions
// visualizer uses one for whichever session is selected, whoever publishes into it.
//
// A session may carry many requests (a conversation's turns); the panels show the latest one: a
// progress update with activity "received" starts a new request and clears what the last one showed.
#pragma once

#include "models/ProgressState.h"
#include "models/ThinkingStepModel.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class BackendGateway;
class SessionFeed;
struct StoredEvent;

class SessionView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(BackendGateway *gateway READ gateway WRITE setGateway NOTIFY gatewayChanged)
    Q_PROPERTY(QString sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    Q_PROPERTY(ThinkingStepModel *steps READ steps CONSTANT)
    Q_PROPERTY(ProgressState *progress READ progress CONSTANT)
    Q_PROPERTY(QString reasoning READ reasoning NOTIFY reasoningChanged)
    // The model is reasoning right now (its latest update was reasoning text, and it has not finished).
    Q_PROPERTY(bool thinking READ thinking NOTIFY thinkingChanged)
    Q_PROPERTY(bool ended READ ended NOTIFY endedChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged)

public:
    explicit SessionView(QObject *parent = nullptr);
    ~SessionView() override;

    BackendGateway *gateway() const { return m_gateway; }
    void setGateway(BackendGateway *gateway);
    QString sessionId() const { return m_sessionId; }
    void setSessionId(const QString &sessionId);

    ThinkingStepModel *steps() { return &m_steps; }
    ProgressState *progress() { return &m_progress; }
    QString reasoning() const { return m_reasoning; }
    bool thinking() const { return m_thinking; }
    bool ended() const { return m_ended; }
    QString problem() const { return m_problem; }

    // Applies a batch of the session's events, oldest first (public for tests and benchmarks).
    void apply(const QList<StoredEvent> &events);
    // Clears the panels for a new request in this session.
    void clear();

Q_SIGNALS:
    void gatewayChanged();
    void sessionIdChanged();
    void reasoningChanged();
    void thinkingChanged();
    void endedChanged();
    void problemChanged();

private:
    void restart();
    void setProblem(const QString &problem);
    void setThinking(bool thinking);

    QPointer<BackendGateway> m_gateway;
    QString m_sessionId;
    SessionFeed *m_feed = nullptr;
    ThinkingStepModel m_steps;
    ProgressState m_progress;
    QString m_reasoning;
    bool m_thinking = false;
    bool m_ended = false;
    QString m_problem;
};
