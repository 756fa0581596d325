// SPDX-License-Identifier: MIT
#include "ChatRelay.h"

#include "Backend.h"
#include "BackendSide.h"
#include "api/agui/AgentLaunch.h"
#include "api/agui/AgentRun.h"
#include "chat/ChatService.h"
#include "chat/CompletionRequest.h"
#include "history/ConversationStore.h"
#include "upstream/Generation.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

ChatRelay::ChatRelay(BackendSide &side, int id, ChatTurn turn)
    : m_side(side)
    , m_id(id)
    , m_turn(std::move(turn))
{ }

CompletionRequest ChatRelay::requestFor(const ChatTurn &turn)
{
    CompletionRequest request;
    request.model = turn.model;
    request.stream = true;
    request.sessionId = turn.conversationId;
    QJsonArray messages;
    for (const ChatMessage &message : turn.messages) {
        messages.append(QJsonObject {{"role"_L1, message.role}, {"content"_L1, message.content}});
        request.upstream.clientBytes += message.content.size(); // in characters: near enough
    }
    QJsonObject body {{"messages"_L1, messages}};
    // Ollama takes `think` (true, false or a level); OpenAI-compatible servers take `reasoning_effort`.
    const bool ollama = turn.upstreamKind == QLatin1String("ollama");
    switch (turn.think.mode) {
    case ThinkSetting::Mode::Default:
        break;
    case ThinkSetting::Mode::Off:
        if (ollama)
            body.insert("think"_L1, false);
        break;
    case ThinkSetting::Mode::On:
        if (ollama)
            body.insert("think"_L1, true);
        else
            body.insert("reasoning_effort"_L1, QStringLiteral("medium"));
        break;
    case ThinkSetting::Mode::Level:
        body.insert(ollama ? "think"_L1 : "reasoning_effort"_L1, turn.think.level);
        break;
    }
    request.upstream.body = body;
    request.saveConversation = false; // the relay keeps the turn itself, however it ends
    request.client = QStringLiteral("ponder-window"); // Live sessions says "this window"
    return request;
}

QJsonObject ChatRelay::agentInputFor(const ChatTurn &turn)
{
    QJsonArray messages;
    for (qsizetype i = 0; i < turn.messages.size(); ++i)
        messages.append(QJsonObject {{"id"_L1, QStringLiteral("m%1").arg(i)},
            {"role"_L1, turn.messages.at(i).role}, {"content"_L1, turn.messages.at(i).content}});
    return {{"threadId"_L1, turn.conversationId},
        {"runId"_L1, QUuid::createUuid().toString(QUuid::WithoutBraces)}, {"messages"_L1, messages},
        {"tools"_L1, QJsonArray {}}, {"context"_L1, QJsonArray {}}, {"state"_L1, QJsonObject {}},
        {"forwardedProps"_L1, QJsonObject {}}};
}

void ChatRelay::start()
{
    m_clock.start();
    recordQuestion();
    if (m_turn.upstreamKind == QLatin1String("agent")) {
        // Listed as "agents/NAME" when a model has the same name.
        const QString name
            = m_turn.model.startsWith(QLatin1String("agents/")) ? m_turn.model.mid(7) : m_turn.model;
        for (const AgentConfig &agent : m_side.backend().agents()) {
            if (agent.name == name)
                return startAgent(agent);
        }
        ChatError error;
        error.kind = ChatError::Kind::ModelNotFound;
        error.message = QStringLiteral("no AG-UI agent named '%1' is registered").arg(m_turn.model);
        return onFailed(error);
    }
    m_side.backend().chat().start(
        requestFor(m_turn), this, [this](Generation *generation, std::optional<ApiError> error) {
            if (!generation)
                return onFailed(ChatError::fromApi(*error));
            onStarted(generation);
        });
}

void ChatRelay::onStarted(Generation *generation)
{
    m_generation = generation;
    m_clock = generation->clock(); // the session's progress counts from it too: one time to first token
    m_side.chatAccepted(m_id, generation->upstreamName());
    connect(generation, &Generation::contentDelta, this, &ChatRelay::onContent);
    connect(generation, &Generation::reasoningDelta, this, &ChatRelay::onReasoning);
    connect(generation, &Generation::finished, this, &ChatRelay::onFinished);
    connect(generation, &Generation::failed, this,
        [this](const UpstreamError &error) { onFailed(ChatError::fromUpstream(error)); });
    if (m_stopRequested)
        stop();
}

void ChatRelay::startAgent(const AgentConfig &agent)
{
    const QJsonObject input = agentInputFor(m_turn);
    const QByteArray bytes = QJsonDocument(input).toJson(QJsonDocument::Compact);
    AgentLaunch::launch(
        m_side.backend().hub(), agent, input, QStringLiteral("ponder-window"), this,
        [this, bytes, name = agent.name](AgentRun *run) { onAgentStarted(run, bytes, name); },
        [this](const StoreStatus &status) {
            ChatError error;
            error.kind = ChatError::Kind::Upstream;
            error.message = QStringLiteral("the event store refused the session: %1").arg(status.message);
            onFailed(error);
        });
}

void ChatRelay::onAgentStarted(AgentRun *run, const QByteArray &input, const QString &agentName)
{
    m_agentRun = run;
    if (m_stopRequested)
        return stop();
    m_agentName = agentName;
    m_side.chatAccepted(m_id, agentName);
    connect(run, &AgentRun::event, this, &ChatRelay::onAgentEvent);
    connect(run, &AgentRun::finished, this, &ChatRelay::onAgentFinished);
    run->start(input);
}

void ChatRelay::onAgentEvent(const QJsonObject &event)
{
    const QString type = event.value("type"_L1).toString();
    const QString delta = event.value("delta"_L1).toString();
    if (type == QLatin1String("TEXT_MESSAGE_CONTENT") || type == QLatin1String("TEXT_MESSAGE_CHUNK")) {
        if (!delta.isEmpty())
            onContent(delta);
    } else if (type == QLatin1String("REASONING_MESSAGE_CONTENT")
        || type == QLatin1String("REASONING_MESSAGE_CHUNK")
        || type == QLatin1String("THINKING_TEXT_MESSAGE_CONTENT")) {
        if (!delta.isEmpty())
            onReasoning(delta);
    } else if (type == QLatin1String("RUN_FINISHED")) {
        m_agentFinishedRun = true;
    } else if (type == QLatin1String("RUN_ERROR")) {
        m_agentFailed = true;
        m_agentError = event.value("message"_L1).toString();
        m_agentErrorCode = event.value("code"_L1).toString();
        m_agentErrorDetail = event.value("detail"_L1).toString();
    }
}

void ChatRelay::onAgentFinished()
{
    if (!m_agentFailed && m_agentFinishedRun) {
        ChatOutcome outcome;
        outcome.state = ChatOutcome::State::Complete;
        outcome.finishReason = QStringLiteral("stop");
        outcome.metrics = metrics();
        return end(outcome);
    }
    ChatError error;
    error.kind = ChatError::kindOfAgentCode(m_agentErrorCode);
    error.message = m_agentError.isEmpty() ? QStringLiteral("the agent ended its stream without RUN_FINISHED")
                                           : m_agentError;
    error.agent = m_agentName;
    error.code = m_agentErrorCode.isEmpty() ? QStringLiteral("agent_stream_ended") : m_agentErrorCode;
    // A code of the agent's own: its message is its own words. One of the relay's: what the other side said.
    error.said = error.code.startsWith("agent_"_L1) ? m_agentErrorDetail : m_agentError;
    onFailed(error);
}

void ChatRelay::stop()
{
    m_stopRequested = true;
    if (m_agentRun) {
        m_agentRun->abort(QStringLiteral("stopped in the window"));
        ChatOutcome outcome;
        outcome.state = ChatOutcome::State::Stopped;
        return end(outcome);
    }
    if (!m_generation || !m_generation->isRunning())
        return; // not started yet: it stops as soon as it does
    m_generation->abort();
    ChatOutcome outcome;
    outcome.state = ChatOutcome::State::Stopped;
    end(outcome);
}

void ChatRelay::noteToken()
{
    ++m_deltas;
    if (m_firstTokenMs < 0)
        m_firstTokenMs = m_generation && m_generation->firstTokenMs() >= 0 ? m_generation->firstTokenMs()
                                                                           : m_clock.elapsed();
}

void ChatRelay::onContent(const QString &text)
{
    noteToken();
    if (m_firstReasoningMs >= 0 && m_thoughtMs < 0) {
        m_thoughtMs = m_clock.elapsed() - m_firstReasoningMs;
        m_pending.thoughtMs = m_thoughtMs;
    }
    m_pending.content += text;
    m_content += text;
    m_side.coalescer().schedule(this);
}

void ChatRelay::onReasoning(const QString &text)
{
    noteToken();
    if (m_firstReasoningMs < 0)
        m_firstReasoningMs = m_clock.elapsed();
    m_pending.reasoning += text;
    m_reasoning += text;
    m_side.coalescer().schedule(this);
}

void ChatRelay::onFinished(const GenerationOutcome &outcome)
{
    ChatOutcome ended;
    ended.state = ChatOutcome::State::Complete;
    ended.finishReason = outcome.finishReason;
    ended.metrics = metrics(outcome.usage ? outcome.usage->completionTokens : -1);
    if (outcome.usage)
        m_promptTokens = outcome.usage->promptTokens;
    end(ended);
}

void ChatRelay::onFailed(const ChatError &error)
{
    ChatOutcome outcome;
    outcome.state = ChatOutcome::State::Failed;
    outcome.error = error;
    end(outcome);
}

ChatMetrics ChatRelay::metrics(qint64 upstreamTokens) const
{
    ChatMetrics figures;
    figures.elapsedMs = m_clock.elapsed();
    figures.firstTokenMs = m_firstTokenMs;
    // Reasoning alone until the end: all of that time was thinking.
    figures.thoughtMs = m_thoughtMs >= 0
        ? m_thoughtMs
        : (m_firstReasoningMs >= 0 ? figures.elapsedMs - m_firstReasoningMs : -1);
    figures.tokens = upstreamTokens >= 0 ? upstreamTokens : m_deltas;
    const qint64 generatingMs = figures.elapsedMs - m_firstTokenMs;
    if (m_firstTokenMs >= 0 && generatingMs > 0 && figures.tokens > 1)
        figures.tokensPerSecond = double(figures.tokens - 1) * 1000.0 / double(generatingMs);
    return figures;
}

void ChatRelay::end(ChatOutcome outcome)
{
    if (std::exchange(m_ended, true))
        return;
    if (outcome.state != ChatOutcome::State::Complete)
        outcome.metrics = metrics();
    m_side.coalescer().flushNow(this); // what streamed before comes before the end
    recordAnswer(outcome);
    m_side.chatEnded(m_id, outcome);
    deleteLater();
}

void ChatRelay::flushFrame()
{
    if (m_pending.content.isEmpty() && m_pending.reasoning.isEmpty() && m_pending.thoughtMs < 0)
        return;
    m_side.chatBatch(m_id, std::exchange(m_pending, {}));
}

void ChatRelay::recordQuestion()
{
    ConversationStore *history = m_side.backend().history();
    if (!history || m_turn.messages.isEmpty())
        return; // stateless: nothing is written, anywhere
    // The history's thread runs these in order, before it records this turn's answer.
    if (m_turn.replacesLastAnswer) {
        history->forgetLastAnswer(m_turn.conversationId);
        return;
    }
    StoredMessage question;
    question.role = QStringLiteral("user");
    question.content = m_turn.messages.last().content;
    question.createdAt = QDateTime::currentDateTimeUtc();
    history->recordQuestion(m_turn.conversationId, m_turn.model, question);
}

void ChatRelay::recordAnswer(const ChatOutcome &outcome)
{
    ConversationStore *history = m_side.backend().history();
    if (!history)
        return;
    StoredMessage answer;
    answer.role = QStringLiteral("assistant");
    answer.content = m_content;
    answer.reasoning = m_reasoning;
    answer.model = m_turn.model;
    answer.createdAt = QDateTime::currentDateTimeUtc();
    answer.finishReason = outcome.finishReason;
    answer.promptTokens = m_promptTokens;
    const ChatMetrics &figures = outcome.metrics;
    if (figures.tokens > 0)
        answer.completionTokens = figures.tokens;
    if (figures.thoughtMs >= 0)
        answer.thoughtMs = figures.thoughtMs;
    if (figures.firstTokenMs >= 0)
        answer.firstTokenMs = figures.firstTokenMs;
    if (figures.tokensPerSecond >= 0)
        answer.tokensPerSecond = figures.tokensPerSecond;
    answer.outcome = ChatOutcome::stateName(outcome.state);
    if (outcome.state == ChatOutcome::State::Failed) {
        answer.error = outcome.error.storedFields(); // what the window words again when it is reopened
        answer.errorKind = ChatError::kindName(outcome.error.kind);
    }
    history->recordAnswer(m_turn.conversationId, answer);
}
