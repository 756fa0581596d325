// SPDX-License-Identifier: MIT
#include "http/SseDataEvent.h"

QByteArray sseDataEvent(QByteArrayView data)
{
    QByteArray event;
    event.reserve(data.size() + 8);
    event.append("data: ");
    qsizetype lineStart = 0;
    for (qsizetype at = 0; at < data.size(); ++at) {
        const char c = data[at];
        if (c != '\r' && c != '\n')
            continue;
        event.append(data.sliced(lineStart, at - lineStart)).append("\ndata: ");
        if (c == '\r' && at + 1 < data.size() && data[at + 1] == '\n')
            ++at;
        lineStart = at + 1;
    }
    return event.append(data.sliced(lineStart)).append("\n\n");
}
