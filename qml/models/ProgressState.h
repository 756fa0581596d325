// SPDX-License-Identifier: MIT
// What one request (or one watched agent) is doing right now, for the progress panel: built from the
// hub's progress updates, so the window shows exactly what outside watchers of the session see.
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class ProgressState : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by a SessionView")
    Q_PROPERTY(Phase phase READ phase NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(double percentage READ percentage NOTIFY changed) // -1: indeterminate
    Q_PROPERTY(int currentStep READ currentStep NOTIFY changed)
    Q_PROPERTY(int totalSteps READ totalSteps NOTIFY changed)
    Q_PROPERTY(qint64 tokens READ tokens NOTIFY changed)
    Q_PROPERTY(double tokensPerSecond READ tokensPerSecond NOTIFY changed) // -1: not yet known
    Q_PROPERTY(qint64 firstTokenMs READ firstTokenMs NOTIFY changed) // -1: no token yet
    // Ticks while the request runs, between the updates that bring the backend's own figure.
    Q_PROPERTY(qint64 elapsedMs READ elapsedMs NOTIFY elapsedChanged)
    Q_PROPERTY(bool hasMetrics READ hasMetrics NOTIFY changed) // token figures from a model generation
    // What an agent says it is doing now, in its own words ("" for Ponder's own generations).
    Q_PROPERTY(QString activity READ activity NOTIFY changed)
    // The step it is on when it names it ("Network Analysis") rather than numbers it.
    Q_PROPERTY(QString stepName READ stepName NOTIFY changed)
    // How long it expects to need still, counting down between updates; -1: it did not say.
    Q_PROPERTY(qint64 remainingMs READ remainingMs NOTIFY elapsedChanged)
    Q_PROPERTY(QString remainingText READ remainingText NOTIFY changed) // when it said so in words
    // While the model server reads the prompt and says how far it got (llama.cpp); -1 otherwise.
    Q_PROPERTY(double promptPercentage READ promptPercentage NOTIFY changed)
    Q_PROPERTY(QString finishReason READ finishReason NOTIFY changed) // stop, length, ...: once done
    Q_PROPERTY(qint64 promptTokens READ promptTokens NOTIFY changed) // -1: not known
    // When the last update was a moment of an agent's run (Timeline::Milestone, -1 otherwise), and what
    // it said in fields (agent, run_id, reason, code): the window words it, not the English message.
    Q_PROPERTY(int runMoment READ runMoment NOTIFY changed)
    Q_PROPERTY(QVariantMap run READ run NOTIFY changed)
    // What went wrong (ChatFailure.Kind) when a model's request or an agent's run Ponder relays failed,
    // from the failure's fields; None otherwise (an outside agent's failure is said in its own words).
    Q_PROPERTY(int failureKind READ failureKind NOTIFY changed)

public:
    enum class Phase
    {
        Idle,
        Waiting, // sent; the upstream has not produced a token yet
        Working, // tokens (or an agent's steps) are arriving
        Done,
        Failed,
        Stopped,
        Ended // the session ended without saying how (an agent that left)
    };
    Q_ENUM(Phase)

    explicit ProgressState(QObject *parent = nullptr);

    Phase phase() const { return m_phase; }
    QString message() const { return m_message; }
    double percentage() const { return m_percentage; }
    int currentStep() const { return m_currentStep; }
    int totalSteps() const { return m_totalSteps; }
    qint64 tokens() const { return m_tokens; }
    double tokensPerSecond() const { return m_tokensPerSecond; }
    qint64 firstTokenMs() const { return m_firstTokenMs; }
    qint64 elapsedMs() const;
    bool hasMetrics() const { return m_hasMetrics; }
    QString activity() const { return m_activity; }
    QString stepName() const { return m_stepName; }
    qint64 remainingMs() const;
    QString remainingText() const { return m_remainingText; }
    double promptPercentage() const { return m_promptPercentage; }
    QString finishReason() const { return m_finishReason; }
    qint64 promptTokens() const { return m_promptTokens; }
    int runMoment() const { return m_runMoment; }
    QVariantMap run() const { return m_run; }
    int failureKind() const { return m_failureKind; }

    // A progress update in the streaming API's JSON shape (with Ponder's optional `metrics`).
    void apply(const QJsonObject &update);
    // The window's own view of a request before the hub has said anything about it.
    Q_INVOKABLE void begin(const QString &message);
    // The window's own failure: its English message (for nothing shown) and its fields (ChatError::fields()).
    void fail(const QString &message, const QVariantMap &failure = {});
    // The session ended (session_end): an agent that was at work without saying it finished has ended.
    void end();
    // Something arrived (a step) from a session that has said nothing of its progress: it is at work.
    void noteActivity();
    void reset();

Q_SIGNALS:
    void changed();
    void elapsedChanged();

private:
    static Phase phaseOf(const QString &activity, const QString &updateType, Phase current);
    bool running() const { return m_phase == Phase::Waiting || m_phase == Phase::Working; }
    // Starts or stops the clock between updates, as the phase says.
    void followPhase();

    Phase m_phase = Phase::Idle;
    QString m_message;
    int m_runMoment = -1;
    QVariantMap m_run;
    int m_failureKind = 0; // ChatFailure::Kind::None
    double m_percentage = -1;
    int m_currentStep = 0;
    int m_totalSteps = 0;
    qint64 m_tokens = 0;
    double m_tokensPerSecond = -1;
    qint64 m_firstTokenMs = -1;
    qint64 m_elapsedMs = 0; // as of the last update that said
    QElapsedTimer m_sinceUpdate; // since that update, while running
    QTimer m_tick;
    bool m_hasMetrics = false;
    QString m_activity;
    QString m_stepName;
    qint64 m_remainingMs = -1; // as of the last update
    QString m_remainingText;
    double m_promptPercentage = -1;
    QString m_finishReason;
    qint64 m_promptTokens = -1;
};
