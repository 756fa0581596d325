// SPDX-License-Identifier: MIT
// Builds the one chat.completion (or text_completion) a client that did not stream gets, from the chunks of
// the stream Ponder asked the upstream for (streamed so that watchers see it live), keeping every member the
// upstream sent: text members of a delta are joined (content, reasoning_content, reasoning, refusal),
// tool-call fragments merged, logprobs arrays joined, and every other member of a chunk, a choice or a delta
// is kept as its last chunk said (id, model, system_fingerprint, usage with its details, llama.cpp's timings,
// vendor extras). A server that answered with one chat.completion anyway is passed on as it is.
//
// Then the same changes as OpenAiChatRelay: model prefix, reasoning member, an opening <think> block.
#pragma once

#include "protocols/openai/OpenAiChatRelay.h"
#include "upstream/CompletionTranscript.h"

#include <QJsonObject>
#include <QMap>

class OpenAiChatAssembler
{
public:
    // One upstream event's data (a chunk, or a whole completion); [DONE] is ignored.
    void add(const QByteArray &data);
    QJsonObject completion(const OpenAiChatRelay::Options &options) const;

private:
    struct Text
    {
        QString text;
        bool seen = false;
    };
    struct Choice
    {
        QJsonObject fields; // of the choice, but its delta
        QJsonObject message; // members of the deltas that are not joined
        QMap<QString, Text> texts; // content, reasoning_content, reasoning, refusal
        CompletionTranscript toolCalls;
        QMap<QString, QJsonArray> logprobs; // logprobs.content, logprobs.refusal, ...
        bool logprobsSeen = false;
        Text text; // a text completion's choice.text
        bool deltaSeen = false;
    };

    void addChoice(const QJsonObject &choice);

    QJsonObject m_top;
    QMap<int, Choice> m_choices;
    std::optional<QJsonObject> m_whole; // the upstream answered with one completion
};
