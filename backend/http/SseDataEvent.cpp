// SPDX-License-Identifier: MIT
#include "http/SseDataEvent.h"

#include <algorithm>
#include <cstring>

QByteArray sseDataEvent(QByteArrayView data)
{
    QByteArray event;
    event.reserve(data.size() + 8);
    event.append("data: ");
    // Line ends are found with memchr (an upstream's event can be megabytes with none in it); each is
    // looked for again only once the lines passed it, so every byte is read at most twice.
    const char *begin = data.data();
    const char *end = begin + data.size();
    const auto next = [end](const char *from, char c) {
        const auto *found = static_cast<const char *>(std::memchr(from, c, size_t(end - from)));
        return found ? found : end;
    };
    const char *lineStart = begin;
    const char *lineFeed = data.isEmpty() ? end : next(begin, '\n');
    const char *carriageReturn = data.isEmpty() ? end : next(begin, '\r');
    while (lineStart < end) {
        if (lineFeed < lineStart)
            lineFeed = next(lineStart, '\n');
        if (carriageReturn < lineStart)
            carriageReturn = next(lineStart, '\r');
        const char *lineEnd = std::min(lineFeed, carriageReturn);
        if (lineEnd == end)
            break;
        event.append(QByteArrayView(lineStart, lineEnd - lineStart)).append("\ndata: ");
        lineStart = lineEnd + (*lineEnd == '\r' && lineEnd + 1 < end && lineEnd[1] == '\n' ? 2 : 1);
    }
    return event.append(QByteArrayView(lineStart, end - lineStart)).append("\n\n");
}

bool isOneLine(QByteArrayView data)
{
    return !data.isEmpty() && !std::memchr(data.data(), '\n', size_t(data.size()))
        && !std::memchr(data.data(), '\r', size_t(data.size()));
}
