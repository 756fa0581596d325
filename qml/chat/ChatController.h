// SPDX-License-Identifier: MIT
// The conversation in front of the user: sends what they type through the gateway, streams the answer
// into the message model as it arrives (already gathered per frame), stops, regenerates, and opens past
// conversations from history. Leaving a chat while it answers leaves the answer running (BackgroundAnswers):
// opening the chat again shows it live from where it is.
//
// A conversation is a hub session: the thinking and progress panels watch it through `session`, the
// same events an outside client watching the session over WebSocket receives.
#pragma once

#include "BackgroundAnswers.h"
#include "models/MessageModel.h"
#include "models/SessionView.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class BackendGateway;
class ChatRun;
class ModelCatalog;
class Preferences;
struct ChatBatch;
struct ChatOutcome;

class ChatController : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE("ModelCatalog.h")
    Q_MOC_INCLUDE("settings/Preferences.h")
    QML_ELEMENT
    Q_PROPERTY(BackendGateway *gateway READ gateway WRITE setGateway NOTIFY gatewayChanged)
    Q_PROPERTY(MessageModel *messages READ messages CONSTANT)
    Q_PROPERTY(SessionView *session READ session CONSTANT)
    Q_PROPERTY(QString conversationId READ conversationId NOTIFY conversationChanged)
    Q_PROPERTY(QString model READ model WRITE setModel NOTIFY modelChanged)
    // Where the model's upstream and abilities come from, and where the Think choice is remembered.
    Q_PROPERTY(ModelCatalog *catalog READ catalog WRITE setCatalog NOTIFY catalogChanged)
    Q_PROPERTY(Preferences *preferences READ preferences WRITE setPreferences NOTIFY catalogChanged)
    // The Think control for the current model: its choices (empty: the model cannot think) and the one
    // chosen, remembered per model.
    Q_PROPERTY(QStringList thinkOptions READ thinkOptions NOTIFY thinkChanged)
    Q_PROPERTY(QString think READ think WRITE setThink NOTIFY thinkChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool thinking READ thinking NOTIFY thinkingChanged) // reasoning, no answer text yet
    Q_PROPERTY(qint64 thoughtMs READ thoughtMs NOTIFY thinkingChanged) // the last answer's; -1: unknown
    // What went wrong with the last answer (ChatFailure::Kind::None when nothing did).
    Q_PROPERTY(ChatFailure::Kind failure READ failure NOTIFY failureChanged)
    // Seconds until the one automatic retry after a rate limit; -1 when none is coming.
    Q_PROPERTY(int retryInSeconds READ retryInSeconds NOTIFY retryChanged)

public:
    explicit ChatController(QObject *parent = nullptr);
    ~ChatController() override;

    BackendGateway *gateway() const { return m_gateway; }
    void setGateway(BackendGateway *gateway);
    MessageModel *messages() { return &m_messages; }
    SessionView *session() { return &m_session; }
    QString conversationId() const { return m_conversationId; }
    QString model() const { return m_model; }
    void setModel(const QString &model);
    ModelCatalog *catalog() const;
    void setCatalog(ModelCatalog *catalog);
    Preferences *preferences() const;
    void setPreferences(Preferences *preferences);
    QStringList thinkOptions() const;
    QString think() const;
    void setThink(const QString &think);
    bool busy() const { return m_run != nullptr; }
    bool thinking() const { return m_thinking; }
    qint64 thoughtMs() const;
    ChatFailure::Kind failure() const { return m_failure; }
    int retryInSeconds() const { return m_retryIn; }

    // False (and nothing sent) for blank text, while busy, or without a model.
    Q_INVOKABLE bool send(const QString &text);
    Q_INVOKABLE void stop();
    Q_INVOKABLE bool regenerate();
    Q_INVOKABLE void newConversation();
    Q_INVOKABLE void openConversation(const QString &conversationId);
    // The conversation was deleted: an answer of it still running is stopped.
    Q_INVOKABLE void forgetConversation(const QString &conversationId);
    // Answers of chats not shown that still run.
    qsizetype answersInBackground() const { return m_background.size(); }
    Q_INVOKABLE void copyToClipboard(const QString &text);

Q_SIGNALS:
    void gatewayChanged();
    void conversationChanged();
    void modelChanged();
    void catalogChanged();
    void thinkChanged();
    void busyChanged();
    void thinkingChanged();
    void failureChanged();
    void retryChanged();
    // An answer ended and (unless stateless) was saved: the history list may have changed.
    void exchangeEnded();

private:
    void startAnswer(bool replacesLastAnswer);
    void onProgress(const ChatBatch &batch);
    void onEnded(const ChatOutcome &outcome);
    void setThinking(bool thinking);
    void setFailure(ChatFailure::Kind failure);
    void dropRun();
    // Shows the conversation as history has it, with its answer still running, if any, taken back.
    void loadConversation(const QString &conversationId);
    void attach(BackgroundAnswers::Answer answer);
    // A rate limit: count down what the upstream asked for (or a default), then retry once.
    void scheduleRetry(int retryAfterSeconds);
    void cancelRetry();
    void tickRetry();

    QPointer<BackendGateway> m_gateway;
    QPointer<ModelCatalog> m_catalog;
    QPointer<Preferences> m_preferences;
    MessageModel m_messages;
    SessionView m_session;
    QString m_conversationId;
    QString m_model;

    ChatRun *m_run = nullptr; // the running answer, if any
    int m_answerId = 0;
    bool m_answerReplaces = false; // the running answer was regenerated
    BackgroundAnswers m_background;
    bool m_thinking = false;
    ChatFailure::Kind m_failure = ChatFailure::Kind::None;
    QTimer m_retryTick;
    int m_retryIn = -1;
    bool m_retriedOnce = false; // the automatic retry for this question was used
};
