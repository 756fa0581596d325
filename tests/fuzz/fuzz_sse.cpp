// SPDX-License-Identifier: MIT
// The text/event-stream parser that reads OpenAI-compatible upstreams: the same events whether the
// bytes come at once or in pieces, and the same as a plain reading of the WHATWG rules over the whole
// input (lines end in CRLF, LF or CR; a blank line dispatches; data lines join with LF).
#include "FuzzSupport.h"
#include "upstream/SseParser.h"

#include <algorithm>

namespace {

bool same(const QList<SseEvent> &a, const QList<SseEvent> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const SseEvent &x, const SseEvent &y) {
        return x.event == y.event && x.data == y.data && x.id == y.id;
    });
}

// The rules read over the whole input at once: a second, independent implementation to compare with.
QList<SseEvent> reference(QByteArray input)
{
    input.replace("\r\n", "\n");
    input.replace('\r', '\n');
    QList<QByteArray> lines = input.split('\n');
    lines.removeLast(); // not ended by a line break yet: nothing has been said
    QList<SseEvent> events;
    SseEvent current;
    bool hasData = false;
    for (const QByteArray &line : std::as_const(lines)) {
        if (line.isEmpty()) {
            if (hasData)
                events.append(current);
            current = {};
            hasData = false;
            continue;
        }
        if (line.startsWith(':'))
            continue;
        const qsizetype colon = line.indexOf(':');
        const QByteArray field = colon < 0 ? line : line.first(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.sliced(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (field == "data") {
            current.data += (hasData ? "\n" : "") + value;
            hasData = true;
        } else if (field == "event") {
            current.event = value;
        } else if (field == "id") {
            current.id = value;
        }
    }
    return events;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    SseParser whole;
    const QList<SseEvent> events = whole.feed(input);

    SseParser pieces;
    QList<SseEvent> fromPieces;
    for (Pieces cut(input); !cut.atEnd();)
        fromPieces += pieces.feed(cut.next(QByteArrayView(input)).toByteArray());

    FUZZ_CHECK(same(events, fromPieces));
    FUZZ_CHECK(same(events, reference(input)));
    qsizetype bytes = 0;
    for (const SseEvent &event : events) {
        FUZZ_CHECK(!event.data.contains('\r') && !event.event.contains('\n') && !event.id.contains('\n'));
        bytes += event.data.size();
    }
    FUZZ_CHECK(bytes <= input.size()); // events say no more than the stream did
    return 0;
}
