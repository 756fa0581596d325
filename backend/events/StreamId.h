// SPDX-License-Identifier: MIT
// A stream entry id in Redis's format, "<milliseconds>-<sequence>": ordered, and comparable across
// a session's thinking and progress streams, so the two can be merged in time order.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHashFunctions>
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
    // The same in Latin-1 bytes, as Redis reads and writes ids: without a QString in between.
    static std::optional<StreamId> fromLatin1(QByteArrayView text);
    QByteArray toLatin1() const;
    bool isNull() const { return ms == 0 && seq == 0; }

    auto operator<=>(const StreamId &) const = default;
};

inline size_t qHash(const StreamId &id, size_t seed = 0) noexcept
{
    return qHashMulti(seed, id.ms, id.seq);
}

// Hands out strictly increasing ids from the wall clock, like Redis does for XADD *.
class StreamIdGenerator
{
public:
    StreamId next(quint64 nowMs);

private:
    StreamId m_last;
};
