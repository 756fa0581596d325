// SPDX-License-Identifier: MIT
// What a WebSocket watcher's client controls: its text messages (ClientMessage), and at connection the
// path and `since` stream id it asks for (WebSocketRoutes). A command is recognised only as the bare
// word or a JSON object's "type", surrounding whitespace never changes the answer, and a stream id
// reads back the same from its own text.
#include "FuzzSupport.h"
#include "api/streaming/WebSocketRoutes.h"
#include "events/StreamId.h"
#include "protocols/streaming/ClientMessage.h"

#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const ClientMessage message = readClientMessage(text);
    FUZZ_CHECK(readClientMessage(QLatin1Char(' ') + text + QLatin1String("\r\n")) == message);
    if (message != ClientMessage::Unknown) {
        const QString word = message == ClientMessage::Ping ? QStringLiteral("ping")
            : message == ClientMessage::GetHistory          ? QStringLiteral("get_history")
                                                            : QStringLiteral("get_stats");
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        FUZZ_CHECK(
            text.trimmed() == word || document.object().value(QLatin1String("type")).toString() == word);
    }

    if (WebSocketRoutes::isWebSocketPath(text))
        FUZZ_CHECK(text.startsWith(QLatin1String("/ws/")) && text.count(QLatin1Char('/')) == 3);
    if (const auto since = StreamId::parse(text))
        FUZZ_CHECK(StreamId::parse(since->toString()) == since);
    return 0;
}
