// SPDX-License-Identifier: MIT
#include "MessageModel.h"

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &message = m_messages.at(index.row());
    switch (role) {
    case MessageIdRole:
        return message.id;
    case AuthorRole:
        return QVariant::fromValue(message.author);
    case Qt::DisplayRole:
    case ContentRole:
        return message.content;
    case ReasoningRole:
        return message.reasoning;
    case StateRole:
        return QVariant::fromValue(message.state);
    case ErrorRole:
        return message.error;
    case ModelRole:
        return message.model;
    case ThoughtMsRole:
        return message.thoughtMs;
    case CreatedAtRole:
        return message.createdAt;
    case ErrorKindRole:
        return QVariant::fromValue(message.errorKind);
    case FinishReasonRole:
        return message.finishReason;
    case TokensRole:
        return message.tokens;
    case TokensPerSecondRole:
        return message.tokensPerSecond;
    case FirstTokenMsRole:
        return message.firstTokenMs;
    case FailureRole:
        return message.failure;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    return {{MessageIdRole, "messageId"}, {AuthorRole, "author"}, {ContentRole, "content"},
        {ReasoningRole, "reasoning"}, {StateRole, "state"}, {ErrorRole, "error"}, {ModelRole, "model"},
        {ThoughtMsRole, "thoughtMs"}, {CreatedAtRole, "createdAt"}, {ErrorKindRole, "errorKind"},
        {FinishReasonRole, "finishReason"}, {TokensRole, "tokens"}, {TokensPerSecondRole, "tokensPerSecond"},
        {FirstTokenMsRole, "firstTokenMs"}, {FailureRole, "failure"}};
}

int MessageModel::append(Message message)
{
    message.id = m_nextId++;
    if (!message.createdAt.isValid())
        message.createdAt = QDateTime::currentDateTime();
    const int row = int(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.append(std::move(message));
    endInsertRows();
    Q_EMIT countChanged();
    return m_messages.last().id;
}

void MessageModel::appendText(int id, const QString &content, const QString &reasoning)
{
    const int row = rowOf(id);
    if (row < 0 || (content.isEmpty() && reasoning.isEmpty()))
        return;
    Message &message = m_messages[row];
    QList<int> roles;
    if (!content.isEmpty()) {
        message.content += content;
        roles << ContentRole;
    }
    if (!reasoning.isEmpty()) {
        message.reasoning += reasoning;
        roles << ReasoningRole;
    }
    changed(row, roles);
}

void MessageModel::finish(int id, State state, ChatFailure::Kind errorKind, const QString &error,
    const QString &finishReason, const QVariantMap &failure)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    Message &message = m_messages[row];
    message.state = state;
    message.errorKind = errorKind;
    message.error = error;
    message.failure = failure;
    message.finishReason = finishReason;
    changed(row, {StateRole, ErrorKindRole, ErrorRole, FinishReasonRole, FailureRole});
}

void MessageModel::setMetrics(int id, const ChatMetrics &metrics)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    Message &message = m_messages[row];
    message.tokens = metrics.tokens;
    message.tokensPerSecond = metrics.tokensPerSecond;
    message.firstTokenMs = metrics.firstTokenMs;
    message.thoughtMs = metrics.thoughtMs;
    changed(row, {TokensRole, TokensPerSecondRole, FirstTokenMsRole, ThoughtMsRole});
}

void MessageModel::setThoughtMs(int id, qint64 ms)
{
    const int row = rowOf(id);
    if (row < 0 || m_messages.at(row).thoughtMs == ms)
        return;
    m_messages[row].thoughtMs = ms;
    changed(row, {ThoughtMsRole});
}

void MessageModel::removeFrom(int id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, int(m_messages.size()) - 1);
    m_messages.resize(row);
    endRemoveRows();
    Q_EMIT countChanged();
}

void MessageModel::setMessages(const QList<Message> &messages)
{
    beginResetModel();
    m_messages = messages;
    for (Message &message : m_messages)
        message.id = m_nextId++;
    endResetModel();
    Q_EMIT countChanged();
}

const MessageModel::Message *MessageModel::find(int id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_messages.at(row);
}

int MessageModel::rowOf(int id) const
{
    // The row being streamed into is nearly always the last one.
    for (int row = int(m_messages.size()) - 1; row >= 0; --row) {
        if (m_messages.at(row).id == id)
            return row;
    }
    return -1;
}

void MessageModel::changed(int row, const QList<int> &roles)
{
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, roles);
}
