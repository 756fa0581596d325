// SPDX-License-Identifier: MIT
#include "ChatController.h"

#include "BackendGateway.h"
#include "ChatRun.h"
#include "ModelCatalog.h"
#include "events/Session.h"
#include "settings/Preferences.h"

#include <QClipboard>
#include <QGuiApplication>

namespace {

constexpr int DefaultRetrySeconds = 10; // a 429 without Retry-After
constexpr int LongestRetrySeconds = 300; // longer waits are the user's to decide on

QString roleName(MessageModel::Author author)
{
    return author == MessageModel::Author::User ? QStringLiteral("user") : QStringLiteral("assistant");
}

// A stored message as it was shown when it was given: how it ended, and how it went.
MessageModel::Message shownAs(const StoredMessage &stored)
{
    MessageModel::Message row;
    row.author
        = stored.role == QLatin1String("user") ? MessageModel::Author::User : MessageModel::Author::Assistant;
    row.content = stored.content;
    row.reasoning = stored.reasoning;
    row.model = stored.model;
    row.createdAt = stored.createdAt.toLocalTime();
    row.finishReason = stored.finishReason;
    switch (ChatOutcome::stateNamed(stored.outcome)) {
    case ChatOutcome::State::Complete:
        row.state = MessageModel::State::Complete;
        break;
    case ChatOutcome::State::Stopped:
        row.state = MessageModel::State::Stopped;
        break;
    case ChatOutcome::State::Failed:
        row.state = MessageModel::State::Failed;
        row.errorKind = ChatError::kindNamed(stored.errorKind);
        row.error = stored.error;
        row.failure = ChatError::fieldsStored(stored.error);
        break;
    }
    row.thoughtMs = stored.thoughtMs.value_or(-1);
    row.tokens = stored.completionTokens.value_or(0);
    row.tokensPerSecond = stored.tokensPerSecond.value_or(-1);
    row.firstTokenMs = stored.firstTokenMs.value_or(-1);
    return row;
}

} // namespace

ChatController::ChatController(QObject *parent)
    : QObject(parent)
{
    m_retryTick.setInterval(1000);
    connect(&m_retryTick, &QTimer::timeout, this, &ChatController::tickRetry);
    connect(&m_background, &BackgroundAnswers::ended, this, [this](const QString &conversationId) {
        // Ended while its chat was being opened: history has the whole turn now.
        if (conversationId == m_conversationId && !busy())
            loadConversation(conversationId);
        Q_EMIT exchangeEnded();
    });
    newConversation();
}

ChatController::~ChatController() = default;

void ChatController::setGateway(BackendGateway *gateway)
{
    if (m_gateway == gateway)
        return;
    m_gateway = gateway;
    m_session.setGateway(gateway);
    Q_EMIT gatewayChanged();
}

void ChatController::setModel(const QString &model)
{
    if (m_model == model)
        return;
    m_model = model;
    Q_EMIT modelChanged();
    Q_EMIT thinkChanged();
}

ModelCatalog *ChatController::catalog() const
{
    return m_catalog;
}

Preferences *ChatController::preferences() const
{
    return m_preferences;
}

void ChatController::setCatalog(ModelCatalog *catalog)
{
    if (m_catalog == catalog)
        return;
    if (m_catalog)
        m_catalog->disconnect(this);
    m_catalog = catalog;
    if (catalog)
        connect(catalog, &ModelCatalog::changed, this, &ChatController::thinkChanged);
    Q_EMIT catalogChanged();
    Q_EMIT thinkChanged();
}

void ChatController::setPreferences(Preferences *preferences)
{
    if (m_preferences == preferences)
        return;
    m_preferences = preferences;
    Q_EMIT catalogChanged();
    Q_EMIT thinkChanged();
}

QStringList ChatController::thinkOptions() const
{
    const ModelRow *row = m_catalog ? m_catalog->find(m_model) : nullptr;
    return row ? row->thinkOptions : QStringList();
}

QString ChatController::think() const
{
    const ModelRow *row = m_catalog ? m_catalog->find(m_model) : nullptr;
    if (!row || row->thinkOptions.isEmpty())
        return {};
    const QString chosen
        = m_preferences ? m_preferences->thinkFor(m_model, row->defaultThink) : row->defaultThink;
    return row->thinkOptions.contains(chosen) ? chosen : row->defaultThink;
}

void ChatController::setThink(const QString &think)
{
    if (think == this->think() || !thinkOptions().contains(think))
        return;
    if (m_preferences)
        m_preferences->setThinkFor(m_model, think);
    Q_EMIT thinkChanged();
}

qint64 ChatController::thoughtMs() const
{
    // The last answer's, whether it streamed here or was reopened.
    const QList<MessageModel::Message> &all = m_messages.messages();
    for (auto message = all.crbegin(); message != all.crend(); ++message) {
        if (message->author == MessageModel::Author::Assistant)
            return message->thoughtMs;
    }
    return -1;
}

bool ChatController::send(const QString &text)
{
    if (text.trimmed().isEmpty() || busy() || m_model.isEmpty() || !m_gateway)
        return false;
    cancelRetry();
    m_retriedOnce = false; // a new question gets its own retry
    MessageModel::Message question;
    question.author = MessageModel::Author::User;
    question.content = text.trimmed();
    m_messages.append(question);
    startAnswer(false);
    return true;
}

bool ChatController::regenerate()
{
    if (busy() || m_model.isEmpty() || !m_gateway)
        return false;
    const QList<MessageModel::Message> &all = m_messages.messages();
    if (all.isEmpty() || all.last().author != MessageModel::Author::Assistant)
        return false;
    cancelRetry();
    m_messages.removeFrom(all.last().id);
    startAnswer(true);
    return true;
}

void ChatController::startAnswer(bool replacesLastAnswer)
{
    ChatTurn turn;
    turn.conversationId = m_conversationId;
    turn.model = m_model;
    turn.replacesLastAnswer = replacesLastAnswer;
    if (const ModelRow *row = m_catalog ? m_catalog->find(m_model) : nullptr) {
        turn.upstreamKind = row->upstreamKind;
        turn.think = ThinkSetting::from(think());
    }
    for (const MessageModel::Message &message : m_messages.messages()) {
        if (message.state == MessageModel::State::Failed || message.content.isEmpty())
            continue;
        turn.messages.append({roleName(message.author), message.content});
    }

    MessageModel::Message answer;
    answer.author = MessageModel::Author::Assistant;
    answer.state = MessageModel::State::Streaming;
    answer.model = m_model;
    m_answerId = m_messages.append(answer);
    m_answerReplaces = replacesLastAnswer;
    setFailure(ChatFailure::Kind::None);
    m_session.progress()->begin(tr("Sending to %1…").arg(m_model));

    m_run = m_gateway->startChat(turn, this);
    connect(m_run, &ChatRun::accepted, this, [this] { m_session.setSessionId(m_conversationId); });
    connect(m_run, &ChatRun::progressed, this, &ChatController::onProgress);
    connect(m_run, &ChatRun::ended, this, &ChatController::onEnded);
    Q_EMIT busyChanged();
    Q_EMIT thinkingChanged();
}

void ChatController::onProgress(const ChatBatch &batch)
{
    if (batch.thoughtMs >= 0)
        m_messages.setThoughtMs(m_answerId, batch.thoughtMs);
    m_messages.appendText(m_answerId, batch.content, batch.reasoning);
    if (!batch.content.isEmpty())
        setThinking(false);
    else if (!batch.reasoning.isEmpty())
        setThinking(true);
}

void ChatController::onEnded(const ChatOutcome &outcome)
{
    m_messages.setMetrics(m_answerId, outcome.metrics);
    switch (outcome.state) {
    case ChatOutcome::State::Complete:
        m_messages.finish(
            m_answerId, MessageModel::State::Complete, ChatFailure::Kind::None, {}, outcome.finishReason);
        if (m_catalog && m_catalog->notAnswering(m_model))
            m_catalog->refresh(); // it answered: its server is back, and the picker should say so
        break;
    case ChatOutcome::State::Stopped:
        m_messages.finish(m_answerId, MessageModel::State::Stopped);
        break;
    case ChatOutcome::State::Failed:
        m_session.progress()->fail(outcome.error.message, outcome.error.fields());
        m_messages.finish(m_answerId, MessageModel::State::Failed, outcome.error.kind, outcome.error.message,
            {}, outcome.error.fields());
        setFailure(outcome.error.kind);
        if (outcome.error.kind == ChatFailure::Kind::RateLimited && !m_retriedOnce)
            scheduleRetry(outcome.error.retryAfterSeconds);
        break;
    }
    setThinking(false);
    dropRun();
    Q_EMIT exchangeEnded();
}

void ChatController::dropRun()
{
    if (!m_run)
        return;
    m_run->disconnect(this);
    m_run->deleteLater();
    m_run = nullptr;
    Q_EMIT busyChanged();
}

void ChatController::stop()
{
    cancelRetry(); // Esc during the countdown: no retry
    if (m_run)
        m_run->stop(); // ended() follows once the backend has closed the upstream connection
}

void ChatController::newConversation()
{
    if (m_run) {
        // Its answer goes on, and is kept in history when it ends.
        BackgroundAnswers::Answer answer;
        answer.run = m_run;
        if (const MessageModel::Message *shown = m_messages.find(m_answerId))
            answer.shown = *shown;
        answer.replacesLastAnswer = m_answerReplaces;
        m_run->disconnect(this);
        m_run = nullptr;
        m_background.keep(m_conversationId, std::move(answer));
        Q_EMIT busyChanged();
    }
    setThinking(false);
    cancelRetry();
    m_retriedOnce = false;
    setFailure(ChatFailure::Kind::None);
    m_messages.setMessages({});
    m_answerId = 0;
    m_conversationId = Session::generateId();
    m_session.setSessionId({});
    m_session.clear();
    Q_EMIT conversationChanged();
    Q_EMIT thinkingChanged(); // thoughtMs: no answer, no thinking time
}

void ChatController::openConversation(const QString &conversationId)
{
    if (!m_gateway || conversationId == m_conversationId)
        return;
    newConversation();
    m_conversationId = conversationId;
    Q_EMIT conversationChanged();
    m_session.setSessionId(conversationId);
    loadConversation(conversationId);
}

void ChatController::forgetConversation(const QString &conversationId)
{
    m_background.stop(conversationId);
}

void ChatController::loadConversation(const QString &conversationId)
{
    m_gateway->conversation(conversationId, this, [this, conversationId](const QList<StoredMessage> &stored) {
        if (conversationId != m_conversationId || busy())
            return;
        QList<MessageModel::Message> messages;
        for (const StoredMessage &message : stored) {
            if (message.role != QLatin1String("user") && message.role != QLatin1String("assistant"))
                continue;
            messages.append(shownAs(message));
        }
        BackgroundAnswers::Answer running = m_background.take(conversationId);
        // A regenerated answer still running: history keeps the one it replaces until it ends.
        if (running.run && running.replacesLastAnswer && !messages.isEmpty()
            && messages.last().author == MessageModel::Author::Assistant)
            messages.removeLast();
        m_messages.setMessages(messages);
        if (!messages.isEmpty() && !messages.last().model.isEmpty())
            setModel(messages.last().model);
        if (running.run)
            attach(std::move(running));
        Q_EMIT thinkingChanged();
    });
}

void ChatController::attach(BackgroundAnswers::Answer answer)
{
    answer.shown.state = MessageModel::State::Streaming;
    if (!answer.shown.model.isEmpty())
        setModel(answer.shown.model); // the picker shows the model answering
    m_answerId = m_messages.append(answer.shown);
    m_answerReplaces = answer.replacesLastAnswer;
    m_run = answer.run;
    connect(m_run, &ChatRun::progressed, this, &ChatController::onProgress);
    connect(m_run, &ChatRun::ended, this, &ChatController::onEnded);
    setThinking(answer.shown.content.isEmpty() && !answer.shown.reasoning.isEmpty());
    Q_EMIT busyChanged();
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

void ChatController::setFailure(ChatFailure::Kind failure)
{
    if (m_failure == failure)
        return;
    m_failure = failure;
    Q_EMIT failureChanged();
}

void ChatController::scheduleRetry(int retryAfterSeconds)
{
    m_retryIn
        = retryAfterSeconds < 0 ? DefaultRetrySeconds : std::clamp(retryAfterSeconds, 1, LongestRetrySeconds);
    m_retryTick.start();
    Q_EMIT retryChanged();
}

void ChatController::cancelRetry()
{
    if (m_retryIn < 0)
        return;
    m_retryTick.stop();
    m_retryIn = -1;
    Q_EMIT retryChanged();
}

void ChatController::tickRetry()
{
    if (--m_retryIn > 0) {
        Q_EMIT retryChanged();
        return;
    }
    cancelRetry();
    m_retriedOnce = true;
    regenerate();
}
