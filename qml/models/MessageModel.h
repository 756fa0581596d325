// SPDX-License-Identifier: MIT
// The messages of the conversation in front of the user. A streaming answer grows in place: its row
// gets dataChanged on the roles that changed, never a reset, so delegates and scrolling stay put. Each
// delegate shows its content's Markdown through a MessageBlocks model, which follows it incrementally.
#pragma once

#include "ChatTypes.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QtQml/qqmlregistration.h>

class MessageModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by a ChatController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role
    {
        MessageIdRole = Qt::UserRole + 1,
        AuthorRole,
        ContentRole,
        ReasoningRole,
        StateRole,
        ErrorRole,
        ModelRole,
        ThoughtMsRole, // how long the model reasoned before answering; -1 when it did not
        CreatedAtRole,
        ErrorKindRole, // ChatFailure::Kind, for a failed answer
        FinishReasonRole, // stop | length | ..., for a complete answer
        TokensRole, // 0 while unknown
        TokensPerSecondRole, // -1 while unknown
        FirstTokenMsRole, // -1 while unknown
        FailureRole // ChatError::fields(): what the window words under a failed answer
    };
    Q_ENUM(Role)

    enum class Author
    {
        User,
        Assistant
    };
    Q_ENUM(Author)

    enum class State
    {
        Complete,
        Streaming,
        Failed,
        Stopped
    };
    Q_ENUM(State)

    struct Message
    {
        int id = 0; // stable while the row exists; rows move, ids do not
        Author author = Author::User;
        QString content;
        QString reasoning;
        State state = State::Complete;
        QString error;
        QVariantMap failure;
        QString model;
        qint64 thoughtMs = -1;
        QDateTime createdAt;
        ChatFailure::Kind errorKind = ChatFailure::Kind::None;
        QString finishReason;
        qint64 tokens = 0;
        double tokensPerSecond = -1;
        qint64 firstTokenMs = -1;
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Returns the new message's id.
    int append(Message message);
    // Appends streamed text to a message: one dataChanged for the roles it touches.
    void appendText(int id, const QString &content, const QString &reasoning);
    void finish(int id, State state, ChatFailure::Kind errorKind = ChatFailure::Kind::None,
        const QString &error = {}, const QString &finishReason = {}, const QVariantMap &failure = {});
    void setThoughtMs(int id, qint64 ms);
    // How the answer went (tokens, tokens/s, first token, thinking time).
    void setMetrics(int id, const ChatMetrics &metrics);
    void removeFrom(int id); // that message and every later one
    // Replaces everything (opening another conversation).
    void setMessages(const QList<Message> &messages);

    const Message *find(int id) const;
    const QList<Message> &messages() const { return m_messages; }

Q_SIGNALS:
    void countChanged();

private:
    int rowOf(int id) const;
    void changed(int row, const QList<int> &roles);

    QList<Message> m_messages;
    int m_nextId = 1;
};
