// SPDX-License-Identifier: MIT
// The names of Ponder's keys and channels in Redis. A session's keys carry a Redis Cluster hash tag, so they
// share a slot: <prefix>:{<session>}:session (a hash), :thinking and :progress (its streams), :watchers (the
// channels of the processes watching it). Beside them: <prefix>:sessions (live sessions by last activity),
// <prefix>:ended (ended sessions by when they ended) and <prefix>:epoch (the marker that notices a Redis that
// lost its data).
#pragma once

#include "events/EventKind.h"

#include <QByteArray>
#include <QString>

class RedisKeys
{
public:
    explicit RedisKeys(const QString &prefix)
        : m_prefix(prefix.toUtf8())
    { }

    QByteArray session(const QString &id) const;
    QByteArray stream(const QString &id, EventKind kind) const;
    QByteArray watchers(const QString &id) const;
    QByteArray index() const { return m_prefix + ":sessions"; }
    QByteArray ended() const { return m_prefix + ":ended"; }
    QByteArray epoch() const { return m_prefix + ":epoch"; }
    // A channel of this process's own, to which others announce their appends: channels are not per
    // database, and several processes may share a prefix, so its name is random.
    QByteArray newChannel() const;

private:
    QByteArray m_prefix; // in UTF-8: keys are built for every event
};
