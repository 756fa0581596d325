// SPDX-License-Identifier: MIT
// Ollama's /api/chat stream read as OllamaChat reads it: NDJSON lines, each read by OllamaChunk, tool
// calls numbered in order, the last line ending the generation. Each line read as an /api/generate line
// too says the same of what both kinds share. The same stream must make the same
// answer whether it arrives at once or in pieces, and no more text than it carried.
#include "UpstreamModel.h"
#include "upstream/LineSplitter.h"
#include "upstream/OllamaChunk.h"

namespace {

class OllamaModel : public UpstreamModel
{
public:
    void feed(const QByteArray &bytes)
    {
        for (const QByteArray &line : m_lines.feed(bytes))
            readLine(line);
    }

    void end()
    {
        if (const QByteArray last = m_lines.rest().trimmed(); !last.isEmpty())
            readLine(last);
        fail(); // ended before a line said done
    }

private:
    void readLine(const QByteArray &line)
    {
        if (!running())
            return;
        const OllamaChunk chunk = OllamaChunk::fromLine(line);
        const OllamaChunk generated = OllamaChunk::fromGenerateLine(line);
        FUZZ_CHECK(generated.isObject == chunk.isObject && generated.isError == chunk.isError);
        FUZZ_CHECK(generated.errorMessage == chunk.errorMessage && generated.done == chunk.done);
        if (!chunk.isObject)
            return fail();
        if (chunk.isError)
            return fail();
        reasoning(chunk.thinking);
        content(chunk.content);
        QJsonArray fragments;
        for (const OllamaChunk::ToolCall &call : chunk.toolCalls) {
            fragments.append(QJsonObject {{QStringLiteral("index"), m_toolCalls++},
                {QStringLiteral("function"),
                    QJsonObject {{QStringLiteral("name"), call.name},
                        {QStringLiteral("arguments"), call.arguments}}}});
        }
        toolCalls(fragments);
        if (chunk.done) {
            const bool length = chunk.doneReason == QLatin1String("length");
            finish(m_toolCalls > 0 ? QStringLiteral("tool_calls")
                    : length       ? QStringLiteral("length")
                                   : QStringLiteral("stop"),
                chunk.usage);
        }
    }

    LineSplitter m_lines;
    int m_toolCalls = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    OllamaModel whole;
    whole.feed(input);
    whole.end();
    whole.checkBounded(input.size());

    OllamaModel pieces;
    for (Pieces cut(input); !cut.atEnd();)
        pieces.feed(cut.next(QByteArrayView(input)).toByteArray());
    pieces.end();
    FUZZ_CHECK(whole.said() == pieces.said());
    return 0;
}
