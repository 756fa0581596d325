// SPDX-License-Identifier: MIT
// Passes an OpenAI-compatible upstream's chat completion chunks on to an OpenAI client, byte for byte,
// changing only what Ponder must: the model name when the client asked for it with an upstream's prefix
// ("openai/x"), the member reasoning travels in (the client's ReasoningField), a <think> block opening the
// answer moved into that member (as Ponder does on every path), and the usage chunk Ponder asked for when
// the client did not (its other members, such as llama.cpp's `timings`, go onto the finish chunk, where the
// upstream would have put them).
//
// A pure class over bytes: each upstream event's data in, the events to write out. A chunk that needs no
// change is looked at only by a few substring searches; the chunks that might open a <think> block (the
// first ones with content) are parsed. The finish chunk waits for the next event only when the client did
// not ask for usage (the usage chunk, or [DONE], follows it at once).
#pragma once

#include "chat/ReasoningField.h"
#include "events/JsonSpans.h"
#include "upstream/ThinkTagSplitter.h"

#include <QByteArray>
#include <QList>

class JsonScan;

class OpenAiChatRelay
{
public:
    struct Options
    {
        QByteArray modelPrefix; // "openai/" when the client's model name had it; empty: model untouched
        ReasoningField reasoningField = ReasoningField::ReasoningContent;
        bool clientAskedUsage = false; // stream_options.include_usage: the usage chunk is the client's
        bool splitThinkTags = true; // chat: an opening <think> block is reasoning; a text completion is text
    };

    explicit OpenAiChatRelay(Options options)
        : m_options(std::move(options))
    { }

    // The data of the events to write for one upstream event's data ("data: X\n\n" each), in order.
    QList<QByteArray> feed(const QByteArray &data);
    // The upstream ended: what is still held.
    QList<QByteArray> finish();

private:
    class Edits;

    bool mayNeedChanges(const QByteArray &data) const;
    QByteArray edited(const QByteArray &data, bool *finishing, bool *usageOnly);
    void editDelta(JsonScan &scan, JsonSpans::Span delta, bool first, Edits &edits);
    QByteArray extrasOfUsageChunk(QByteArrayView json, std::span<const JsonSpans::Member> top) const;
    QList<QByteArray> release();

    Options m_options;
    ThinkTagSplitter m_tags;
    QByteArray m_held; // the finish chunk, while the usage chunk may still bring its members
    QByteArray m_lastEnvelope; // id, object, created, model of the last chunk: for text held to the end
};
