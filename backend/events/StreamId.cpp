#include "events/StreamId.h"

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

StreamId StreamIdGenerator::next(quint64 nowMs)
{
    if (nowMs > m_last.ms)
        m_last = {nowMs, 0};
    else
        ++m_last.seq; // clock went back or same millisecond: stay monotonic
    return m_last;
}
