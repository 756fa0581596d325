// SPDX-License-Identifier: MIT
// An OpenAI-compatible server's answer read as OpenAiChat reads it: SSE events, each read by
// OpenAiChunk, until [DONE] or an error; and the same bytes as the one JSON body of a server that
// ignored stream:true, or as an error body. The same stream must make the same answer whether it
// arrives at once or in pieces, and no more text than it carried.
#include "UpstreamModel.h"
#include "upstream/OpenAiChunk.h"
#include "upstream/SseParser.h"
#include "upstream/UpstreamError.h"

namespace {

class OpenAiModel : public UpstreamModel
{
public:
    void feed(const QByteArray &bytes)
    {
        for (const SseEvent &event : m_events.feed(bytes)) {
            if (!running())
                return;
            readEvent(OpenAiChunk::fromEvent(event.data));
        }
    }

    void end()
    {
        if (m_finishReason)
            finish(*m_finishReason, m_usage);
        fail(); // ended before it said how
    }

    void readWhole(const QByteArray &body)
    {
        const OpenAiChunk completion = OpenAiChunk::fromCompletion(body);
        if (completion.kind != OpenAiChunk::Kind::Delta)
            return fail();
        m_usage = completion.usage;
        readChoice(completion);
        if (m_finishReason)
            finish(*m_finishReason, m_usage);
        fail();
    }

private:
    void readEvent(const OpenAiChunk &chunk)
    {
        switch (chunk.kind) {
        case OpenAiChunk::Kind::Done:
            return finish(m_finishReason.value_or(QStringLiteral("stop")), m_usage);
        case OpenAiChunk::Kind::NotAnObject:
        case OpenAiChunk::Kind::Error:
            return fail();
        case OpenAiChunk::Kind::Delta:
            break;
        }
        if (chunk.usage)
            m_usage = chunk.usage;
        readChoice(chunk);
    }

    void readChoice(const OpenAiChunk &chunk)
    {
        reasoning(chunk.reasoningContent);
        reasoning(chunk.reasoning);
        content(chunk.content);
        if (chunk.toolCalls)
            toolCalls(*chunk.toolCalls);
        if (chunk.finishReason)
            m_finishReason = chunk.finishReason;
    }

    SseParser m_events;
    std::optional<QString> m_finishReason;
    std::optional<TokenUsage> m_usage;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    OpenAiModel whole;
    whole.feed(input);
    whole.end();
    whole.checkBounded(input.size());

    OpenAiModel pieces;
    for (Pieces cut(input); !cut.atEnd();)
        pieces.feed(cut.next(QByteArrayView(input)).toByteArray());
    pieces.end();
    FUZZ_CHECK(whole.said() == pieces.said());

    OpenAiModel json; // Content-Type: application/json
    json.readWhole(input);
    json.checkBounded(input.size());
    const UpstreamError error = UpstreamError::fromHttpStatus(500, input, QStringLiteral("fuzz"));
    FUZZ_CHECK(!error.message.isEmpty());
    return 0;
}
