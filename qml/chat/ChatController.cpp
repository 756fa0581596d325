#include "ChatController.h"

#include "Backend.h"
#include "BackendHost.h"
#include "LocalChat.h"
#include "chat/CompletionRequest.h"
#include "events/Session.h"
#include "history/ConversationStore.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>

namespace {

constexpr int FrameMs = 16;

QString roleName(MessageModel::Author author)
{
    return author == MessageModel::Author::User ? QStringLiteral("user") : QStringLiteral("assistant");
}

} // namespace

ChatController::ChatController(QObject *parent)
    : QObject(parent)
{
    m_frame.setSingleShot(true);
    m_frame.setInterval(FrameMs);
    connect(&m_frame, &QTimer::timeout, this, &ChatController::flushPending);
    newConversation();
}

ChatController::~ChatController() = default;

void ChatController::setHost(BackendHost *host)
{
    if (m_host == host)
        return;
    m_host = host;
    m_session.setHost(host);
    Q_EMIT hostChanged();
}

void ChatController::setModel(const QString &model)
{
    if (m_model == model)
        return;
    m_model = model;
    Q_EMIT modelChanged();
}

QString ChatController::reasoning() const
{
    const MessageModel::Message *answer = m_messages.find(m_answerId);
    return answer ? answer->reasoning : QString();
}

qint64 ChatController::thoughtMs() const
{
    const MessageModel::Message *answer = m_messages.find(m_answerId);
    return answer ? answer->thoughtMs : -1;
}

bool ChatController::send(const QString &text)
{
    if (text.trimmed().isEmpty() || busy() || m_model.isEmpty() || !m_host)
        return false;
    MessageModel::Message question;
    question.author = MessageModel::Author::User;
    question.content = text.trimmed();
    m_messages.append(question);
    startAnswer();
    return true;
}

bool ChatController::regenerate()
{
    if (busy() || m_model.isEmpty() || !m_host)
        return false;
    const QList<MessageModel::Message> &all = m_messages.messages();
    if (all.isEmpty() || all.last().author != MessageModel::Author::Assistant)
        return false;
    m_messages.removeFrom(all.last().id);
    // The history gets the new answer in place of the old one, not the question a second time. The
    // history's thread runs this before it records the new exchange.
    const QList<MessageModel::Message> &remaining = m_messages.messages();
    if (!remaining.isEmpty() && remaining.last().author == MessageModel::Author::User) {
        m_host->run(this,
            [conversation = m_conversationId, question = remaining.last().content](
                Backend &backend, const BackendHost::ToGui &) {
                if (backend.history())
                    backend.history()->forgetLastExchange(conversation, question);
            });
    }
    startAnswer();
    return true;
}

void ChatController::startAnswer()
{
    QJsonArray history;
    for (const MessageModel::Message &message : m_messages.messages()) {
        if (message.state == MessageModel::State::Failed || message.content.isEmpty())
            continue;
        history.append(QJsonObject {{QStringLiteral("role"), roleName(message.author)},
            {QStringLiteral("content"), message.content}});
    }
    const QJsonObject body {{QStringLiteral("model"), m_model}, {QStringLiteral("stream"), true},
        {QStringLiteral("messages"), history}};

    MessageModel::Message answer;
    answer.author = MessageModel::Author::Assistant;
    answer.state = MessageModel::State::Streaming;
    answer.model = m_model;
    m_answerId = m_messages.append(answer);
    m_reasoningStartMs = -1;
    m_sinceSend.start();
    Q_EMIT reasoningChanged();
    m_session.progress()->begin(tr("Sending to %1…").arg(m_model));

    auto parsed = CompletionRequest::fromJson(body, m_conversationId);
    if (auto *error = std::get_if<ApiError>(&parsed)) {
        endAnswer(MessageModel::State::Failed, error->message);
        return;
    }
    m_chat = new LocalChat(*m_host, this);
    connect(m_chat, &LocalChat::accepted, this, [this] { m_session.setSessionId(m_conversationId); });
    connect(m_chat, &LocalChat::contentDelta, this, &ChatController::onContent);
    connect(m_chat, &LocalChat::reasoningDelta, this, &ChatController::onReasoning);
    connect(m_chat, &LocalChat::finished, this, [this](const QString &reason) {
        endAnswer(MessageModel::State::Complete,
            reason == QLatin1String("length") ? tr("The answer was cut off at the token limit.") : QString());
    });
    connect(m_chat, &LocalChat::failed, this, [this](int status, const QString &message) {
        m_session.progress()->fail(message);
        endAnswer(
            MessageModel::State::Failed, status == 404 ? tr("%1 Pick another model.").arg(message) : message);
    });
    connect(m_chat, &LocalChat::stopped, this, [this] { endAnswer(MessageModel::State::Stopped, {}); });
    m_chat->start(std::get<CompletionRequest>(parsed));
    Q_EMIT busyChanged();
}

void ChatController::onContent(const QString &text)
{
    if (m_thinking || (m_reasoningStartMs >= 0 && thoughtMs() < 0))
        m_messages.setThoughtMs(m_answerId, m_sinceSend.elapsed() - m_reasoningStartMs);
    setThinking(false);
    m_pendingContent += text;
    if (!m_frame.isActive())
        m_frame.start();
}

void ChatController::onReasoning(const QString &text)
{
    if (m_reasoningStartMs < 0)
        m_reasoningStartMs = m_sinceSend.elapsed();
    setThinking(true);
    m_pendingReasoning += text;
    if (!m_frame.isActive())
        m_frame.start();
}

void ChatController::flushPending()
{
    const bool reasoningGrew = !m_pendingReasoning.isEmpty();
    m_messages.appendText(
        m_answerId, std::exchange(m_pendingContent, {}), std::exchange(m_pendingReasoning, {}));
    if (reasoningGrew)
        Q_EMIT reasoningChanged();
}

void ChatController::endAnswer(MessageModel::State state, const QString &error)
{
    m_frame.stop();
    flushPending();
    if (m_thinking)
        m_messages.setThoughtMs(m_answerId, m_sinceSend.elapsed() - m_reasoningStartMs);
    setThinking(false);
    m_messages.finish(m_answerId, state, error);
    Q_EMIT reasoningChanged();
    if (m_chat) {
        m_chat->disconnect(this);
        m_chat->deleteLater();
        m_chat = nullptr;
        Q_EMIT busyChanged();
        Q_EMIT exchangeEnded();
    }
}

void ChatController::stop()
{
    if (m_chat)
        m_chat->abort(); // stopped() follows once the backend has closed the upstream connection
}

void ChatController::newConversation()
{
    if (m_chat) {
        stop();
        endAnswer(MessageModel::State::Stopped, {});
    }
    m_messages.setMessages({});
    m_answerId = 0;
    m_conversationId = Session::generateId();
    m_session.setSessionId({});
    m_session.clear();
    Q_EMIT conversationChanged();
    Q_EMIT reasoningChanged();
}

void ChatController::openConversation(const QString &conversationId)
{
    if (!m_host || conversationId == m_conversationId)
        return;
    newConversation();
    m_conversationId = conversationId;
    Q_EMIT conversationChanged();
    m_session.setSessionId(conversationId);
    m_host->run(this, [this, conversationId](Backend &backend, const BackendHost::ToGui &toGui) {
        if (!backend.history())
            return;
        backend.history()->messages(
            conversationId, [this, toGui, conversationId](const QList<StoredMessage> &stored) {
                toGui([this, stored, conversationId] {
                    if (conversationId != m_conversationId || busy())
                        return;
                    QList<MessageModel::Message> messages;
                    for (const StoredMessage &message : stored) {
                        if (message.role != QLatin1String("user")
                            && message.role != QLatin1String("assistant"))
                            continue;
                        MessageModel::Message row;
                        row.author = message.role == QLatin1String("user") ? MessageModel::Author::User
                                                                           : MessageModel::Author::Assistant;
                        row.content = message.content;
                        row.reasoning = message.reasoning;
                        row.model = message.model;
                        row.createdAt = message.createdAt.toLocalTime();
                        messages.append(row);
                    }
                    m_messages.setMessages(messages);
                    if (!messages.isEmpty() && !messages.last().model.isEmpty())
                        setModel(messages.last().model);
                });
            });
    });
}

void ChatController::copyToClipboard(const QString &text)
{
    if (auto *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

void ChatController::setThinking(bool thinking)
{
    if (m_thinking == thinking)
        return;
    m_thinking = thinking;
    Q_EMIT thinkingChanged();
}
