// The conversation in front of the user: sends what they type to the in-process backend, streams the
// answer into the message model (at most one update per frame, however fast tokens come), stops,
// regenerates, and opens past conversations from history.
//
// A conversation is a hub session: the thinking and progress panels watch it through `session`, the
// same events an outside client watching the session over WebSocket receives.
#pragma once

#include "models/MessageModel.h"
#include "models/SessionView.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class BackendHost;
class LocalChat;

class ChatController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(BackendHost *host READ host WRITE setHost NOTIFY hostChanged)
    Q_PROPERTY(MessageModel *messages READ messages CONSTANT)
    Q_PROPERTY(SessionView *session READ session CONSTANT)
    Q_PROPERTY(QString conversationId READ conversationId NOTIFY conversationChanged)
    Q_PROPERTY(QString model READ model WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool thinking READ thinking NOTIFY thinkingChanged) // reasoning, no answer text yet
    Q_PROPERTY(QString reasoning READ reasoning NOTIFY reasoningChanged) // the current answer's
    Q_PROPERTY(qint64 thoughtMs READ thoughtMs NOTIFY reasoningChanged) // -1 while unknown

public:
    explicit ChatController(QObject *parent = nullptr);
    ~ChatController() override;

    BackendHost *host() const { return m_host; }
    void setHost(BackendHost *host);
    MessageModel *messages() { return &m_messages; }
    SessionView *session() { return &m_session; }
    QString conversationId() const { return m_conversationId; }
    QString model() const { return m_model; }
    void setModel(const QString &model);
    bool busy() const { return m_chat != nullptr; }
    bool thinking() const { return m_thinking; }
    QString reasoning() const;
    qint64 thoughtMs() const;

    // False (and nothing sent) for blank text, while busy, or without a model.
    Q_INVOKABLE bool send(const QString &text);
    Q_INVOKABLE void stop();
    Q_INVOKABLE bool regenerate();
    Q_INVOKABLE void newConversation();
    Q_INVOKABLE void openConversation(const QString &conversationId);
    Q_INVOKABLE void copyToClipboard(const QString &text);

Q_SIGNALS:
    void hostChanged();
    void conversationChanged();
    void modelChanged();
    void busyChanged();
    void thinkingChanged();
    void reasoningChanged();
    // An answer ended and (unless stateless) was saved: the history list may have changed.
    void exchangeEnded();

private:
    void startAnswer();
    void onContent(const QString &text);
    void onReasoning(const QString &text);
    void flushPending();
    void endAnswer(MessageModel::State state, const QString &error);
    void setThinking(bool thinking);

    QPointer<BackendHost> m_host;
    MessageModel m_messages;
    SessionView m_session;
    QString m_conversationId;
    QString m_model;

    LocalChat *m_chat = nullptr; // the running answer, if any
    int m_answerId = 0;
    QString m_pendingContent;
    QString m_pendingReasoning;
    QTimer m_frame; // coalesces deltas: one model update per frame
    QElapsedTimer m_sinceSend;
    qint64 m_reasoningStartMs = -1;
    bool m_thinking = false;
};
