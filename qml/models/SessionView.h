// SPDX-License-Identifier: MIT
// One hub session as the window shows it, live: its timeline (steps and moments, with the model's own
// reasoning text along it), its progress, tokens/s over time, the prompt and the answer as they stream,
// and the warnings it raised. The chat view uses one for the conversation in front of it; the Live
// sessions visualizer uses one for whichever session is selected, whoever publishes into it.
//
// A session may carry many requests (a conversation's turns); the view shows the latest one: a
// progress update with activity "received" starts a new request and clears what the last one showed.
#pragma once

#include "models/ProgressState.h"
#include "models/SessionTimeline.h"
#include "models/TokenRateSeries.h"
#include "store/EventStore.h"

#include <QDateTime>
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
    // When the session was created (the Live sessions list knows): its first request's timeline counts from
    // there. Invalid: from the first thing the session published.
    Q_PROPERTY(QDateTime startedAt READ startedAt WRITE setStartedAt NOTIFY startedAtChanged)
    Q_PROPERTY(SessionTimeline *timeline READ timeline CONSTANT)
    Q_PROPERTY(ProgressState *progress READ progress CONSTANT)
    Q_PROPERTY(TokenRateSeries *rate READ rate CONSTANT)
    Q_PROPERTY(QString reasoning READ reasoning NOTIFY reasoningChanged) // all of the request's, so far
    // The request's prompt and its answer as it streams (for requests from outside the window).
    Q_PROPERTY(QString prompt READ prompt NOTIFY promptChanged)
    Q_PROPERTY(QString answer READ answer NOTIFY answerChanged)
    // Whether there is answer text yet: what a binding that needs only that reads, since a script reading
    // `answer` makes a JavaScript string of all of it at each update.
    Q_PROPERTY(bool hasAnswer READ hasAnswer NOTIFY hasAnswerChanged)
    // Warnings the session raised, pinned until it ends.
    Q_PROPERTY(QStringList warnings READ warnings NOTIFY warningsChanged)
    // The model is reasoning right now (its latest update was reasoning text, and it has not finished).
    Q_PROPERTY(bool thinking READ thinking NOTIFY thinkingChanged)
    Q_PROPERTY(bool ended READ ended NOTIFY endedChanged)
    Q_PROPERTY(Problem problem READ problem NOTIFY problemChanged)
    // Steps of the session before those shown that the hub no longer keeps (it keeps the last ones of each
    // session); 0 when the view shows them all, or shows a later request whose start is kept.
    Q_PROPERTY(qint64 stepsNotKept READ stepsNotKept NOTIFY stepsNotKeptChanged)

public:
    // Why the session cannot be watched, for the window to say in the user's language.
    enum class Problem
    {
        None,
        NotKept, // the hub does not have it: never created, deleted, or expired
        StoreUnreachable, // the event store (Redis) does not answer
        Refused // the store refused for another reason
    };
    Q_ENUM(Problem)

    explicit SessionView(QObject *parent = nullptr);
    ~SessionView() override;

    BackendGateway *gateway() const { return m_gateway; }
    void setGateway(BackendGateway *gateway);
    QString sessionId() const { return m_sessionId; }
    void setSessionId(const QString &sessionId);
    QDateTime startedAt() const { return m_startedAt; }
    void setStartedAt(const QDateTime &startedAt);

    SessionTimeline *timeline() { return &m_timeline; }
    ProgressState *progress() { return &m_progress; }
    TokenRateSeries *rate() { return &m_rate; }
    QString reasoning() const { return m_reasoning; }
    QString prompt() const { return m_prompt; }
    QString answer() const { return m_answer; }
    bool hasAnswer() const { return !m_answer.isEmpty(); }
    QStringList warnings() const { return m_ended ? QStringList() : m_warnings; }
    bool thinking() const { return m_thinking; }
    bool ended() const { return m_ended; }
    Problem problem() const { return m_problem; }
    qint64 stepsNotKept() const { return m_stepsNotKept; }
    // Told by the feed before the history (public for tests).
    void setStepsNotKept(qint64 count);

    // Applies a batch of the session's events, oldest first (public for tests and benchmarks).
    void apply(const QList<StoredEvent> &events);
    // Clears the view for a new request in this session.
    void clear();

Q_SIGNALS:
    void gatewayChanged();
    void sessionIdChanged();
    void startedAtChanged();
    void reasoningChanged();
    void promptChanged();
    void answerChanged();
    void hasAnswerChanged();
    void warningsChanged();
    void thinkingChanged();
    void endedChanged();
    void problemChanged();
    void stepsNotKeptChanged();

private:
    void restart();
    void applyProgress(const QJsonObject &data);
    void setProblem(Problem problem);
    void noteUnavailable(StoreStatus::Code why);
    void setThinking(bool thinking);
    void setEnded(bool ended);

    QPointer<BackendGateway> m_gateway;
    QString m_sessionId;
    QDateTime m_startedAt;
    int m_requests = 0; // requests begun in the view: a later one than the first counts from its own start
    SessionFeed *m_feed = nullptr;
    SessionTimeline m_timeline;
    ProgressState m_progress;
    TokenRateSeries m_rate;
    QString m_reasoning;
    QString m_prompt;
    QString m_answer;
    QStringList m_warnings;
    bool m_thinking = false;
    bool m_ended = false;
    Problem m_problem = Problem::None;
    qint64 m_stepsNotKept = 0;
};
