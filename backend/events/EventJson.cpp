// SPDX-License-Identifier: MIT
#include "events/EventJson.h"

#include <limits>

namespace EventJson {

QString timestampText(const QDateTime &time)
{
    // Formatting a date costs more than the rest of an event's text, and events come many to the
    // second: the text up to the second is kept, and only the milliseconds are written each time.
    thread_local qint64 cachedSecond = std::numeric_limits<qint64>::min();
    thread_local QString cachedPrefix; // "2026-11-21T22:38:23", or empty where Qt writes no ISO date
    if (!time.isValid())
        return {};
    const qint64 msecs = time.toMSecsSinceEpoch();
    const qint64 second = msecs >= 0 ? msecs / 1000 : -((-msecs + 999) / 1000);
    if (second != cachedSecond) {
        cachedSecond = second;
        cachedPrefix = QDateTime::fromSecsSinceEpoch(second, Qt::UTC).toString(Qt::ISODate);
        cachedPrefix = cachedPrefix.endsWith(QLatin1Char('Z')) ? cachedPrefix.chopped(1) : QString();
    }
    if (cachedPrefix.isEmpty())
        return time.toUTC().toString(Qt::ISODateWithMs);
    const int millisecond = int(msecs - second * 1000);
    QString text;
    text.reserve(cachedPrefix.size() + 5);
    text += cachedPrefix;
    text += QLatin1Char('.');
    text += QLatin1Char(char('0' + millisecond / 100));
    text += QLatin1Char(char('0' + millisecond / 10 % 10));
    text += QLatin1Char(char('0' + millisecond % 10));
    text += QLatin1Char('Z');
    return text;
}

QDateTime parseTimestamp(const QJsonValue &value)
{
    const QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return parsed.isValid() ? parsed : QDateTime::currentDateTimeUtc();
}

} // namespace EventJson
