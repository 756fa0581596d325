// SPDX-License-Identifier: MIT
#include "events/StreamId.h"

#include <charconv>

std::optional<StreamId> StreamId::parse(QStringView text)
{
    const qsizetype dash = text.indexOf(QLatin1Char('-'));
    bool msOk = false;
    bool seqOk = true;
    StreamId id;
    if (dash < 0) {
        id.ms = text.toULongLong(&msOk);
    } else {
        id.ms = text.left(dash).toULongLong(&msOk);
        id.seq = text.mid(dash + 1).toULongLong(&seqOk);
    }
    if (!msOk || !seqOk)
        return std::nullopt;
    return id;
}

QString StreamId::toString() const
{
    return QString::number(ms) + QLatin1Char('-') + QString::number(seq);
}

std::optional<StreamId> StreamId::fromLatin1(QByteArrayView text)
{
    const auto number = [](QByteArrayView digits, quint64 *value) {
        digits = digits.trimmed(); // as QString::toULongLong does
        if (digits.startsWith('+'))
            digits = digits.sliced(1);
        if (digits.isEmpty())
            return false;
        const char *end = digits.data() + digits.size();
        const auto [at, error] = std::from_chars(digits.data(), end, *value);
        return error == std::errc() && at == end;
    };
    StreamId id;
    const qsizetype dash = text.indexOf('-');
    if (dash < 0)
        return number(text, &id.ms) ? std::optional(id) : std::nullopt;
    if (!number(text.first(dash), &id.ms) || !number(text.sliced(dash + 1), &id.seq))
        return std::nullopt;
    return id;
}

QByteArray StreamId::toLatin1() const
{
    char text[2 * 20 + 1]; // two 64-bit numbers of at most 20 digits, and the dash
    char *end = std::to_chars(text, text + 20, ms).ptr;
    *end++ = '-';
    end = std::to_chars(end, end + 20, seq).ptr;
    return QByteArray(text, end - text);
}

StreamId StreamIdGenerator::next(quint64 nowMs)
{
    if (nowMs > m_last.ms)
        m_last = {nowMs, 0};
    else
        ++m_last.seq; // clock went back or same millisecond: stay monotonic
    return m_last;
}
