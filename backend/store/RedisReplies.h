// SPDX-License-Identifier: MIT
// Reading what Redis answers, and the stream entries Ponder writes there: pure functions over hiredis replies
// and events, no I/O.
//
// A stream entry is [id, [field, value, ...]] with the fields type, data, n (its number in its stream, which
// only Ponder's append scripts write) and, for an event buffered while Redis was away that had to take
// another id, was (the provisional id this process showed it under).
#pragma once

#include "events/Session.h"
#include "events/StreamId.h"
#include "store/StoredEvent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <optional>

struct redisReply;

namespace RedisReplies {

// A string, status or error reply's text; empty for any other reply.
QByteArray text(const redisReply *reply);
// An error reply, and if `code` is given, one whose text holds it ("NOSESSION", "LOADING", ...).
bool isError(const redisReply *reply, QByteArrayView code = {});

// HGETALL's answer; empty for anything else.
QHash<QByteArray, QByteArray> hash(const redisReply *reply);
// A session's hash: the session and what the append scripts counted.
void readSession(const QHash<QByteArray, QByteArray> &hash, Session *session, SessionStats *stats);

// What an entry says besides its event.
struct EntryFacts
{
    qint64 number = 0; // its n (0: none, not written by Ponder)
    std::optional<StreamId> was; // the provisional id it was first shown under, if it had to take another
};

std::optional<StreamId> entryId(const redisReply *entry);
std::optional<StoredEvent> entry(
    const redisReply *entry, const QString &sessionId, EventKind kind, EntryFacts *facts = nullptr);
// XRANGE's answer: the entries that read as events.
QList<StoredEvent> entries(const redisReply *entries, const QString &sessionId, EventKind kind);

// An event's data as its entry keeps it: in the shape its messages show, with its session's id and no id of
// its own, so that tails (this process's and others') can splice it into messages without parsing it.
QByteArray storedText(const StoredEvent &event);
// The stats fields an event increments, and its confidence: the append scripts' per-event arguments.
QList<QByteArray> statsArguments(const StoredEvent &event);

// XRANGE's start for the entries after `after`.
QByteArray exclusiveStart(StreamId after);

} // namespace RedisReplies
