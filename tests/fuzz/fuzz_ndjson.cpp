// SPDX-License-Identifier: MIT
// The newline-delimited JSON splitter that reads Ollama's stream: the same lines, and the same unfinished
// rest, whether the bytes come at once or in pieces; every line whole, trimmed and not empty.
#include "FuzzSupport.h"
#include "upstream/LineSplitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    LineSplitter whole;
    const QList<QByteArray> lines = whole.feed(input);
    const QByteArray rest = whole.rest();

    LineSplitter pieces;
    QList<QByteArray> fromPieces;
    for (Pieces cut(input); !cut.atEnd();)
        fromPieces += pieces.feed(cut.next(QByteArrayView(input)).toByteArray());
    FUZZ_CHECK(lines == fromPieces);
    FUZZ_CHECK(rest == pieces.rest());

    // The same as splitting the whole input at its line feeds.
    QList<QByteArray> expected;
    const QList<QByteArray> parts = input.split('\n');
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        if (const QByteArray line = parts.at(i).trimmed(); !line.isEmpty())
            expected.append(line);
    }
    FUZZ_CHECK(lines == expected);
    FUZZ_CHECK(rest == parts.last());
    for (const QByteArray &line : lines)
        FUZZ_CHECK(!line.isEmpty() && !line.contains('\n') && line == line.trimmed());
    return 0;
}
