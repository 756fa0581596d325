// SPDX-License-Identifier: MIT
// What an AG-UI agent streams to the relay (POST /agui/NAME): SseEventSplitter cuts it into events kept as
// they came, whether the bytes come at once or in pieces; the events' bytes are the stream's (up to what
// is still unfinished); re-framed with LF line ends (withLineFeeds, as the relay writes them) they are
// split into the same events with the same fields; and each event's data is read by AguiEvent::read into
// an event with a type and the fields its type needs, or refused with a reason.
#include "FuzzSupport.h"
#include "protocols/agui/AguiEvent.h"
#include "upstream/SseEventSplitter.h"

namespace {

constexpr qsizetype MaxEventBytes = 4096; // small, so that short inputs reach the bound

bool sameEvents(const QList<RawSseEvent> &a, const QList<RawSseEvent> &b, bool sameBytes)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if ((sameBytes && a.at(i).bytes != b.at(i).bytes) || a.at(i).hasData != b.at(i).hasData
            || a.at(i).event.data != b.at(i).event.data || a.at(i).event.event != b.at(i).event.event
            || a.at(i).event.id != b.at(i).event.id)
            return false;
    }
    return true;
}

void readEvent(const RawSseEvent &raw)
{
    if (!raw.hasData)
        return;
    QString error;
    const auto event = AguiEvent::read(raw.event.data, &error);
    if (!event) {
        FUZZ_CHECK(!error.isEmpty());
        return;
    }
    FUZZ_CHECK(!event->type.isEmpty() && !event->kind.isEmpty());
    FUZZ_CHECK(event->json.value(QLatin1StringView("type")).toString() == event->type);
    if (event->kind == QLatin1String("TOOL_CALL_ARGS")
        || event->kind == QLatin1String("TEXT_MESSAGE_CONTENT"))
        FUZZ_CHECK(event->json.value(QLatin1StringView("delta")).isString());
    if (const auto ms = event->timestampMs())
        FUZZ_CHECK(*ms > 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    SseEventSplitter whole(MaxEventBytes);
    QList<RawSseEvent> events = whole.feed(input);
    qsizetype cutBytes = whole.unfinishedBytes();
    for (const RawSseEvent &event : events)
        cutBytes += event.bytes.size();
    const bool failed = whole.hasFailed();
    events += whole.finish();
    FUZZ_CHECK(failed == !whole.error().isEmpty());

    SseEventSplitter pieces(MaxEventBytes);
    QList<RawSseEvent> fromPieces;
    for (Pieces cut(input); !cut.atEnd();)
        fromPieces += pieces.feed(cut.next(input));
    FUZZ_CHECK(pieces.hasFailed() == failed);
    fromPieces += pieces.finish();
    if (failed)
        return 0; // what came before the bound may differ in where it stops; the run is over either way
    FUZZ_CHECK(sameEvents(events, fromPieces, true));
    FUZZ_CHECK(cutBytes == input.size()); // every byte is in an event or still waiting for its end

    QByteArray joined, relayed;
    for (const RawSseEvent &event : events) {
        FUZZ_CHECK(event.bytes.size() <= MaxEventBytes);
        joined += event.bytes;
        relayed += withLineFeeds(event.bytes);
        readEvent(event);
    }
    FUZZ_CHECK(input.startsWith(joined));
    FUZZ_CHECK(!relayed.contains('\r'));
    SseEventSplitter again(MaxEventBytes);
    QList<RawSseEvent> reread = again.feed(relayed);
    reread += again.finish();
    FUZZ_CHECK(!again.hasFailed());
    FUZZ_CHECK(sameEvents(events, reread, false));
    return 0;
}
