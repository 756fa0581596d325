// One running chat generation at an upstream: the handle the HTTP API and the desktop window share.
//
// Deltas arrive as signals the moment the upstream sends them. Exactly one of finished() or failed()
// ends a generation, unless abort() ended it first (then neither is emitted).
#pragma once

#include "upstream/ChatRequest.h"
#include "upstream/CompletionTranscript.h"
#include "upstream/HttpStreamClient.h"
#include "upstream/ThinkTagSplitter.h"
#include "upstream/UpstreamError.h"

#include <QObject>
#include <QPointer>

class Generation : public QObject
{
    Q_OBJECT

public:
    enum class Stage
    {
        Connecting,
        WaitingForFirstToken, // the upstream accepted the request (it may still be loading the model)
        Generating,
        Finished,
        Failed,
        Aborted
    };
    Q_ENUM(Stage)

    QString upstreamName() const { return m_upstreamName; }
    QString model() const { return m_model; }
    Stage stage() const { return m_stage; }
    bool isRunning() const { return m_stage < Stage::Finished; }
    // What was said so far (all of it once finished() is emitted).
    const CompletionTranscript &transcript() const { return m_transcript; }

    // Closes the upstream connection at once, so the model server stops generating.
    void abort();

Q_SIGNALS:
    void stageChanged(Generation::Stage stage);
    void contentDelta(const QString &text);
    void reasoningDelta(const QString &text);
    // OpenAI's delta.tool_calls fragments: [{index, id?, type?, function:{name?, arguments}}]
    void toolCallsDelta(const QJsonArray &fragments);
    void finished(const GenerationOutcome &outcome);
    void failed(const UpstreamError &error);

protected:
    Generation(QString upstreamName, QString model, QObject *parent);

    void start(const HttpStreamClient::Request &request);

    // The response of a successful (2xx) request, as it arrives, and its end.
    virtual void readBody(const QByteArray &bytes) = 0;
    virtual void endOfBody() = 0;

    QByteArray responseHeader(QByteArrayView name) const
    {
        return m_client ? m_client->header(name) : QByteArray();
    }
    // Content passes through the think-tag splitter: tagged reasoning becomes reasoning.
    void emitContent(const QString &text);
    void emitReasoning(const QString &text);
    void emitToolCalls(const QJsonArray &fragments);
    void finish(const GenerationOutcome &outcome);
    void fail(const UpstreamError &error);
    // The stream ended (or broke) before the upstream said it was done.
    UpstreamError cutOff(const QString &message) const;

private:
    void setStage(Stage stage);
    // Counts characters of the answer; past UpstreamLimits::MaxAnswerCharacters, fails and returns false.
    bool keep(qsizetype characters);
    // A non-2xx answer, with its Retry-After.
    UpstreamError statusError() const;
    void deliver(const QList<ThinkTagSplitter::Piece> &pieces);

    QString m_upstreamName;
    QString m_model;
    Stage m_stage = Stage::Connecting;
    QPointer<HttpStreamClient> m_client; // let go of once finished: it reads the body's end on its own
    ThinkTagSplitter m_tags;
    CompletionTranscript m_transcript;
    QByteArray m_errorBody;
    qsizetype m_answerCharacters = 0;
};
