// SPDX-License-Identifier: MIT
// One chat turn on the backend's thread: starts it through the same ChatService and Generation the HTTP
// API uses, measures it, gathers its deltas for the frame coalescer and reports how it ended. Its
// counterpart on the GUI thread is a ChatRun; the two only ever exchange values, through the gateway.
//
// A turn with an AG-UI agent (upstreamKind "agent") runs the agent through the same AgentRun the /agui
// relay uses: its text is the answer, its reasoning the reasoning, its steps and tool calls go to the
// session the window's timeline watches.
//
// It keeps the turn, too (unless stateless): the question when it is sent, the answer when it ends,
// however it ends (complete, stopped, or failed with its error), with what was said and how it went.
#pragma once

#include "ChatTypes.h"
#include "FrameCoalescer.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <optional>

class AgentRun;
class BackendSide;
class Generation;
struct AgentConfig;
struct CompletionRequest;
struct GenerationOutcome;
struct UpstreamError;

class ChatRelay : public QObject, public FrameCoalescer::Client
{
public:
    ChatRelay(BackendSide &side, int id, ChatTurn turn);

    void start();
    // Closes the upstream connection (so the model server stops too); ends the turn as stopped.
    void stop();

    // The chat request exactly as the window means it: built here, not as JSON parsed back through the
    // HTTP API's validator.
    static CompletionRequest requestFor(const ChatTurn &turn);
    // The RunAgentInput for a turn with an agent: the conversation is the thread, this turn one run.
    static QJsonObject agentInputFor(const ChatTurn &turn);

private:
    void onStarted(Generation *generation);
    void startAgent(const AgentConfig &agent);
    void onAgentStarted(AgentRun *run, const QByteArray &input, const QString &agentName);
    void onAgentEvent(const QJsonObject &event);
    void onAgentFinished();
    void onContent(const QString &text);
    void onReasoning(const QString &text);
    void onFinished(const GenerationOutcome &outcome);
    void onFailed(const ChatError &error);
    void end(ChatOutcome outcome);
    void flushFrame() override;
    void noteToken();
    ChatMetrics metrics(qint64 upstreamTokens = -1) const;
    void recordQuestion();
    void recordAnswer(const ChatOutcome &outcome);

    BackendSide &m_side;
    const int m_id;
    const ChatTurn m_turn;
    QPointer<Generation> m_generation;
    QPointer<AgentRun> m_agentRun;
    bool m_agentFinishedRun = false; // RUN_FINISHED came
    bool m_agentFailed = false; // RUN_ERROR came
    QString m_agentError; // its message
    QString m_agentErrorCode; // and its code (Ponder's: agent_unreachable, agent_timeout, ...)
    QString m_agentErrorDetail; // what the network or the agent said, for a failure of Ponder's relay
    QString m_agentName;
    bool m_stopRequested = false;
    bool m_ended = false;

    QElapsedTimer m_clock;
    qint64 m_firstTokenMs = -1;
    qint64 m_firstReasoningMs = -1;
    qint64 m_thoughtMs = -1;
    qint64 m_deltas = 0;
    ChatBatch m_pending;
    QString m_content; // all of it so far, for history
    QString m_reasoning;
    std::optional<qint64> m_promptTokens;
};
