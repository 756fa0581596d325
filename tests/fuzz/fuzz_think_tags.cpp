// SPDX-License-Identifier: MIT
// The think-tag splitter that moves <think>...</think> at the start of an answer into the reasoning
// stream: the same reasoning and content whether the deltas come at once or in pieces (tags cut
// anywhere), never more text out than went in, and an answer that opens with no tag left untouched.
#include "FuzzSupport.h"
#include "upstream/ThinkTagSplitter.h"

namespace {

struct Said
{
    QString reasoning;
    QString content;

    void take(const QList<ThinkTagSplitter::Piece> &pieces)
    {
        for (const ThinkTagSplitter::Piece &piece : pieces) {
            FUZZ_CHECK(!piece.text.isEmpty());
            (piece.reasoning ? reasoning : content) += piece.text;
        }
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    Said whole;
    ThinkTagSplitter wholeSplitter;
    whole.take(wholeSplitter.feed(input));
    whole.take(wholeSplitter.flush());

    // Deltas are cut at any character (even inside a surrogate pair), as an upstream's tokens are.
    Said pieces;
    ThinkTagSplitter splitter;
    for (Pieces cut({data, qsizetype(size)}, input.size()); !cut.atEnd();)
        pieces.take(splitter.feed(cut.next(QStringView(input)).toString()));
    pieces.take(splitter.flush());

    FUZZ_CHECK(whole.reasoning == pieces.reasoning);
    FUZZ_CHECK(whole.content == pieces.content);
    FUZZ_CHECK(whole.reasoning.size() + whole.content.size() <= input.size());
    if (!input.trimmed().startsWith(QLatin1Char('<')))
        FUZZ_CHECK(whole.reasoning.isEmpty() && whole.content == input);
    return 0;
}
