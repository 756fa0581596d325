// A stream entry id in Redis's format, "<milliseconds>-<sequence>": ordered, and comparable across
// a session's thinking and progress streams, so the two can be merged in time order.
#pragma once

#include <QString>
#include <QtGlobal>

#include <compare>
#include <optional>

struct StreamId
{
    quint64 ms = 0;
    quint64 seq = 0;

    static std::optional<StreamId> parse(QStringView text);
    QString toString() const;
    bool isNull() const { return ms == 0 && seq == 0; }

    auto operator<=>(const StreamId &) const = default;
};

// Hands out strictly increasing ids from the wall clock, like Redis does for XADD *.
class StreamIdGenerator
{
public:
    StreamId next(quint64 nowMs);

private:
    StreamId m_last;
};
