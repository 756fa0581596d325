// SPDX-License-Identifier: MIT
// Makes a completion visible in the streaming hub while it runs: progress updates (received, with the
// prompt; upstream answered, first token, tokens/s, done or failed) and thinking steps cut from the
// model's reasoning (numbered, typed "reasoning" unless a step's own label names its kind), plus the live
// reasoning text as `thinking_aloud` updates and the answer's text as `answering` ones. Publishes at most
// a few progress updates per second; what it holds between them is bounded, and work on a delta is
// linear in its size. One delta that makes many events (megabytes of reasoning in one chunk) is published
// a slice at a time (64 events per signal from the generation, the rest a slice per event-loop turn), in
// order, so the server's other clients are answered in between; such a delta is also read a slice of text
// per turn, and what the generation says after it waits behind it, in order. Its owner
// keeps it until `done`: the generation has ended and every event is out.
#pragma once

#include "chat/ReasoningSegmenter.h"
#include "events/EventData.h"
#include "events/GenerationMetrics.h"
#include "upstream/Generation.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>

class StreamingHub;
struct ApiError;

class GenerationReporter : public QObject, private Generation::Observer
{
    Q_OBJECT

public:
    struct Context
    {
        QString sessionId;
        QString model; // as the client asked for it
        std::optional<qint64> maxTokens;
        QString prompt; // the last user message
    };

    GenerationReporter(StreamingHub &hub, Context context, QObject *parent);
    ~GenerationReporter() override;

    // Observes the generation until it goes (or this reporter does).
    void attach(Generation *generation);
    void failedBeforeStart(const ApiError &error);
    // The session exists now: publishes "received" and what was held back meanwhile, in order, and from
    // now on publishes at once. (The upstream request leaves before the session is created.)
    void sessionReady();

Q_SIGNALS:
    // The generation ended (or went away) and everything about it is published.
    void done();

private:
    // Publishes now, or queues behind what waits (the session being created, or a burst being paced).
    void publish(EventKind kind, const EventData &data);
    void publishSlice();
    // Next turn: publishes a slice of what waits, then reads the next input if nothing waits.
    void scheduleTurn();
    // News from the generation, as work to do in order: run at once when nothing waits, else queued.
    void take(QList<std::function<void()>> inputs);
    // One piece of news: read at once when nothing waits (as take() would, without queueing it), else queued.
    template<typename Input>
    void takeOne(Input input);
    // Generation::Observer: the generation's news, in the order it came.
    void onPromptProgress(const PromptProgress &progress) override;
    void onStageChanged(Generation::Stage stage) override;
    void onContentDelta(const QString &text) override;
    void onReasoningDelta(const QString &text) override;
    void onToolCallsDelta() override;
    void onFinished(const GenerationOutcome &outcome) override;
    void onFailed(const UpstreamError &error) override;
    void onGenerationGone() override;
    // A content or reasoning delta, for `read` a slice at a time (see slices()).
    void takeDelta(const QString &text, void (GenerationReporter::*read)(QStringView, bool));
    void readNextInput();
    bool inputsWaiting() const { return m_nextInput < m_inputs.size(); }
    // A delta's text as inputs of MaxTextCharsPerTurn characters; `read` learns which one starts the delta.
    static QList<std::function<void()>> slices(
        const QString &text, const std::function<void(QStringView, bool)> &read);
    // Every entry from the generation starts a new turn's allowance.
    void beginTurn() { m_publishedThisTurn = 0; }
    // The generation is over: `done` once what waits is published.
    void endReporting();
    void emitDoneIfOut();
    void readPromptProgress(const PromptProgress &progress);
    void readStage(Generation::Stage stage);
    void onDelta();
    // The answer (or a tool call) began: the reasoning so far is complete, its last step included.
    void endReasoning();
    void reportProgressIfDue();
    void onContent(QStringView text, bool newDelta);
    void onReasoning(QStringView text, bool newDelta);
    void readFinished(const GenerationOutcome &outcome);
    // A failure in fields as well as in English: its code, the upstream, its HTTP status, whether the
    // answer was cut off, and what the upstream or the network said (`detail`): a window words it itself.
    void readFailure(const QString &message, const QJsonObject &fields);
    static QJsonObject failureFields(const UpstreamError &error);
    static constexpr qsizetype MaxDetailCharacters = 2000;
    void publishThinking(const QString &text);
    void publishLastSteps();
    void publishThinkingAloud();
    void publishAnswer();
    // Holds `text` for the next update of its kind; one that is full goes at once (`publish`).
    static void hold(QString &held, QStringView text, const std::function<void()> &publish);
    void publishProgress(const QString &type, const QString &message, const QString &activity, int step,
        std::optional<double> percentage, GenerationMetrics figures = {}, QJsonObject fields = {});
    GenerationMetrics metrics() const;

    StreamingHub &m_hub;
    Context m_context;
    QPointer<Generation> m_generation; // observed
    QString m_upstreamName;
    ReasoningSegmenter m_segmenter;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_sinceProgress;
    QElapsedTimer m_sinceStep;
    qint64 m_firstTokenMs = -1;
    qint64 m_deltas = 0;
    int m_steps = 0; // published so far; the next one's number is one more
    QString m_unpublishedReasoning;
    bool m_sessionReady = false;
    // Until the session exists (a store round trip at most), or behind a burst being paced; bounded by the
    // upstream's largest line, whose text it holds once.
    QList<QPair<EventKind, EventData>> m_waiting;
    qsizetype m_nextWaiting = 0; // the first of m_waiting not yet published
    int m_publishedThisTurn = 0;
    bool m_turnScheduled = false;
    // The generation's news not read yet (behind a large delta read a slice per turn), and the next one.
    QList<std::function<void()>> m_inputs;
    qsizetype m_nextInput = 0;
    bool m_ended = false;
    bool m_doneEmitted = false;
    qint64 m_lastPromptPercent = -1;
    QString m_unpublishedAnswer;
};
