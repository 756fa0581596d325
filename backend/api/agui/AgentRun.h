// SPDX-License-Identifier: MIT
// One run of an AG-UI agent: posts the caller's RunAgentInput to the agent, hands each event on as the
// agent sent it (its lines as they came, ended by LF, for a relay) and parsed (for a window), and records the
// run into the session of its threadId (AguiRecorder). A failing agent (unreachable, an HTTP error, a stream
// that is not SSE, a stream cut short or over the bounds) becomes a RUN_ERROR event Ponder writes, recorded
// as an error; `abort()` (the caller went away) closes the agent's connection, which is what stops it.
//
// The same handle serves the HTTP relay (/agui/NAME) and the window.
#pragma once

#include "protocols/agui/AgentConfig.h"
#include "upstream/HttpStreamClient.h"
#include "upstream/SseEventSplitter.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class AguiRecorder;
class StreamingHub;

class AgentRun : public QObject
{
    Q_OBJECT

public:
    // `threadId` names the session the run is recorded into; it must exist (the caller creates it).
    AgentRun(
        StreamingHub &hub, AgentConfig agent, QString threadId, QString runId, QObject *parent = nullptr);
    ~AgentRun() override;

    void start(const QByteArray &runAgentInput);
    // Stops the run: the agent's connection is closed, and the run is recorded as stopped. No signal follows.
    void abort(const QString &why);
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    // An event as the agent sent it (its SSE lines, ended by LF), or a RUN_ERROR Ponder wrote; comments
    // (keep-alives) too, so a relay passes on every field that came.
    void rawEvent(const QByteArray &bytes);
    // A valid event, parsed.
    void event(const QJsonObject &event);
    // The stream ended; nothing follows.
    void finished();

private:
    void onResponseStarted(int status);
    void onBody(const QByteArray &bytes);
    void onFinished();
    void onFailed(HttpStreamClient::Failure failure, const QString &message);
    void pass(const RawSseEvent &raw);
    // Ends the run with an error of Ponder's making: RUN_ERROR to the caller, an error in the session.
    // `code` names what went wrong (agent_unreachable, agent_http_500, ...) for the window to word;
    // `detail` is the other side's own words (the network error, the agent's HTTP body).
    void failRun(const QString &message, const QString &code, const QString &detail = {});
    void end();

    StreamingHub &m_hub;
    AgentConfig m_agent;
    QPointer<HttpStreamClient> m_client;
    AguiRecorder *m_recorder;
    SseEventSplitter m_splitter;
    int m_status = 0;
    bool m_eventStream = false;
    QByteArray m_errorBody; // of an HTTP error answer, bounded
    bool m_runEnded = false; // the agent (or Ponder) ended the run with RUN_FINISHED or RUN_ERROR
    bool m_finished = false;
};
