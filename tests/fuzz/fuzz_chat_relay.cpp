// SPDX-License-Identifier: MIT
// OpenAiChatRelay, which passes an upstream's chat chunks on changing only what Ponder must: whatever the
// events, nothing crashes or reads past them; with nothing to change (no prefix, the client's own usage,
// no reasoning member, no think tags to look for) every event goes out as it came; a chunk that was a
// JSON object stays one after Ponder's changes, read as clients read it: bytes that are not UTF-8, which a
// later chunk's members merged into it may carry, pass on as they came and decode as U+FFFD.
#include "FuzzSupport.h"
#include "core/UpstreamJson.h"
#include "protocols/openai/OpenAiChatRelay.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> events = input.split('\n');

    OpenAiChatRelay::Options neutral;
    neutral.clientAskedUsage = true;
    neutral.splitThinkTags = false;
    if (!input.contains("\"reasoning")) {
        OpenAiChatRelay relay(neutral);
        QList<QByteArray> out;
        for (const QByteArray &event : events)
            out += relay.feed(event);
        out += relay.finish();
        FUZZ_CHECK(out == events);
    }

    OpenAiChatRelay::Options changing;
    changing.modelPrefix = "openai/";
    changing.reasoningField = ReasoningField::Both;
    OpenAiChatRelay relay(changing);
    QList<QByteArray> out;
    for (const QByteArray &event : events) {
        const bool wasObject = QJsonDocument::fromJson(event).isObject();
        for (const QByteArray &written : relay.feed(event)) {
            if (wasObject && written.trimmed() != "[DONE]")
                FUZZ_CHECK(parseUpstreamJson(written).isObject());
        }
    }
    relay.finish();
    return 0;
}
