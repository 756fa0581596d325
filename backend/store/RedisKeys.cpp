// SPDX-License-Identifier: MIT
#include "store/RedisKeys.h"

#include <QRandomGenerator>

#include <algorithm>

namespace {

// Keys are built several times for every event: one allocation, where QByteArray's + makes one a part.
QByteArray joined(std::initializer_list<QByteArrayView> parts)
{
    qsizetype size = 0;
    for (const QByteArrayView part : parts)
        size += part.size();
    QByteArray result(size, Qt::Uninitialized);
    char *out = result.data();
    for (const QByteArrayView part : parts)
        out = std::copy_n(part.data(), part.size(), out);
    return result;
}

} // namespace

QByteArray RedisKeys::session(const QString &id) const
{
    return joined({m_prefix, ":{", id.toUtf8(), "}:session"});
}

QByteArray RedisKeys::stream(const QString &id, EventKind kind) const
{
    const QLatin1String name = streamNameLatin1(kind);
    return joined({m_prefix, ":{", id.toUtf8(), "}:", QByteArrayView(name.data(), name.size())});
}

QByteArray RedisKeys::watchers(const QString &id) const
{
    return joined({m_prefix, ":{", id.toUtf8(), "}:watchers"});
}

QByteArray RedisKeys::newChannel() const
{
    return m_prefix + ":notify:" + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
}
