// SPDX-License-Identifier: MIT
// What a Generation does with an upstream's deltas, without its connection: content through the
// think-tag splitter, tool-call fragments merged, one ending (finished or failed). The upstream fuzz
// targets drive it and compare what it assembled from one stream delivered at once and in pieces.
#pragma once

#include "FuzzSupport.h"
#include "upstream/CompletionTranscript.h"
#include "upstream/ThinkTagSplitter.h"

#include <QJsonDocument>

#include <optional>

struct UpstreamModel
{
    enum class State
    {
        Running,
        Finished,
        Failed
    };

    State state = State::Running;
    CompletionTranscript transcript;
    ThinkTagSplitter tags;
    QString finishReason;
    std::optional<TokenUsage> usage;

    bool running() const { return state == State::Running; }

    void reasoning(const QString &text)
    {
        if (running())
            transcript.reasoning += text;
    }
    void content(const QString &text)
    {
        if (running())
            deliver(tags.feed(text));
    }
    void toolCalls(const QJsonArray &fragments)
    {
        if (running())
            transcript.addToolCallFragments(fragments);
    }
    void finish(const QString &reason, std::optional<TokenUsage> reported)
    {
        if (!running())
            return;
        deliver(tags.flush());
        state = State::Finished;
        finishReason = reason;
        usage = reported;
    }
    void fail()
    {
        if (running())
            state = State::Failed;
    }

    // What a client is answered with, and what history keeps, is built from this.
    QByteArray said() const
    {
        return QByteArray::number(int(state)) + ' ' + finishReason.toUtf8() + ' '
            + QByteArray::number(usage ? usage->promptTokens : -1) + ' '
            + QByteArray::number(usage ? usage->completionTokens : -1) + '\n'
            + QJsonDocument(transcript.message()).toJson(QJsonDocument::Compact);
    }

    // Nothing is said that the upstream did not send: each character costs at least a byte of JSON.
    void checkBounded(qsizetype inputBytes) const
    {
        FUZZ_CHECK(transcript.content.size() + transcript.reasoning.size() <= inputBytes);
    }

private:
    void deliver(const QList<ThinkTagSplitter::Piece> &pieces)
    {
        for (const ThinkTagSplitter::Piece &piece : pieces)
            (piece.reasoning ? transcript.reasoning : transcript.content) += piece.text;
    }
};
