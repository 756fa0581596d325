// The Lua scripts the Redis store runs: each keeps one session's keys consistent in one atomic step.
#pragma once

#include <QByteArray>
#include <QCryptographicHash>

// A script's text and its SHA1: calls send the 40-character digest (EVALSHA) instead of the text, once the
// text has been loaded on the connection (SCRIPT LOAD).
struct RedisScript
{
    explicit RedisScript(QByteArray scriptText)
        : text(std::move(scriptText))
        , sha1(QCryptographicHash::hash(text, QCryptographicHash::Sha1).toHex())
    { }
    QByteArray text;
    QByteArray sha1;
};

namespace RedisScripts {

// KEYS: session hash. ARGV: session JSON, now (ms), ttl (s). Errors EXISTS when the session exists.
inline const RedisScript CreateSession {R"lua(
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.error_reply('EXISTS') end
redis.call('HSET', KEYS[1], 'data', ARGV[1], 'active', '1', 'last_activity', ARGV[2],
           'thinking_count', '0', 'progress_count', '0')
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
)lua"};

// What both appends share, as straight-line Lua pasted into each (helper functions and tables made every
// call measurably slower). KEYS: session hash, this stream, the other stream. Errors NOSESSION for an
// unknown session. Every entry carries `n`, its number in its stream (counted in the session hash as
// seq:<stream>), so a reader that finds numbers missing knows how many entries MAXLEN trimmed before it read
// them. The start expects a local `count` (entries to number) and sets `n` to the first of them.
inline const QByteArray AppendStart = R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('NOSESSION') end
local n = redis.call('HINCRBY', KEYS[1], 'seq:' .. string.match(KEYS[2], '[^:]+$'), count) - count + 1
)lua";
// Activity time, and expiry counted from the last activity for the session and both its streams. Expects the
// locals `now` and `ttl`.
inline const QByteArray AppendEnd = R"lua(
redis.call('HSET', KEYS[1], 'last_activity', now, 'last_updated', now)
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('EXPIRE', KEYS[2], ttl)
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('EXPIRE', KEYS[3], ttl) end
)lua";

// ARGV: id (* or explicit), maxlen, ttl (s), now (ms), type, data, count field, type field, confidence.
// An explicit id older than the stream's top falls back to *: the entry keeps the explicit id as `was` (the
// process that buffered the event showed it under that id already), and the session hash maps it to the new
// id (field was:<stream>:<id>). A buffered event sent again (its first answer was lost) whose entry is there
// with this data already, under its id or the one it was mapped to, is answered, not added twice.
inline const RedisScript Append {R"lua(
local replacedField = 'was:' .. string.match(KEYS[2], '[^:]+$') .. ':' .. ARGV[1]
if ARGV[1] ~= '*' then
  local found = redis.call('XRANGE', KEYS[2], ARGV[1], ARGV[1])
  if #found == 1 and found[1][2][4] == ARGV[6] then return ARGV[1] end
  local replaced = redis.call('HGET', KEYS[1], replacedField)
  if replaced then
    found = redis.call('XRANGE', KEYS[2], replaced, replaced)
    if #found == 1 and found[1][2][4] == ARGV[6] then return replaced end
  end
end
local count, ttl, now = 1, ARGV[3], ARGV[4]
)lua"
    + AppendStart + R"lua(
local id = nil
if ARGV[1] ~= '*' then
  local added = redis.pcall('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], ARGV[1],
                            'type', ARGV[5], 'data', ARGV[6], 'n', n)
  if type(added) ~= 'table' then id = added end
end
if not id and ARGV[1] ~= '*' then
  id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'type', ARGV[5], 'data', ARGV[6], 'n', n,
                  'was', ARGV[1])
  redis.call('HSET', KEYS[1], replacedField, id)
end
if not id then
  id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'type', ARGV[5], 'data', ARGV[6], 'n', n)
end
if ARGV[7] ~= '' then redis.call('HINCRBY', KEYS[1], ARGV[7], 1) end
if ARGV[8] ~= '' then redis.call('HINCRBY', KEYS[1], ARGV[8], 1) end
if ARGV[9] ~= '' then
  redis.call('HINCRBYFLOAT', KEYS[1], 'conf_sum', ARGV[9])
  redis.call('HINCRBY', KEYS[1], 'conf_n', 1)
end
)lua"
    + AppendEnd + "return id\n"};

// Several events of one session and kind in one call: the same effects as Append once per event, with
// the counters, the activity time and the expiry written once for all of them.
// ARGV: maxlen, ttl (s), now (ms), type, then per event: data, count field, type field, confidence (the
// last three may be empty). Returns the new ids in order, then the first one's n.
inline const RedisScript AppendMany {"local count, ttl, now = (#ARGV - 4) / 4, ARGV[2], ARGV[3]" + AppendStart
    + R"lua(
local first = n
local ids = {}
local counts = {}
local confidenceSum, confidenceCount = 0, 0
for i = 5, #ARGV, 4 do
  ids[#ids + 1] = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*',
                             'type', ARGV[4], 'data', ARGV[i], 'n', n)
  n = n + 1
  for _, field in ipairs({ARGV[i + 1], ARGV[i + 2]}) do
    if field ~= '' then counts[field] = (counts[field] or 0) + 1 end
  end
  if ARGV[i + 3] ~= '' then
    confidenceSum = confidenceSum + tonumber(ARGV[i + 3])
    confidenceCount = confidenceCount + 1
  end
end
for field, increment in pairs(counts) do redis.call('HINCRBY', KEYS[1], field, increment) end
if confidenceCount > 0 then
  redis.call('HINCRBYFLOAT', KEYS[1], 'conf_sum', confidenceSum)
  redis.call('HINCRBY', KEYS[1], 'conf_n', confidenceCount)
end
)lua"
    + AppendEnd + "ids[#ids + 1] = first\nreturn ids\n"};

// KEYS: session hash, both streams. ARGV: now (ms), ttl (s).
inline const RedisScript EndSession {R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('NOSESSION') end
redis.call('HSET', KEYS[1], 'active', '0', 'last_activity', ARGV[1])
for i = 1, 3 do if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('EXPIRE', KEYS[i], ARGV[2]) end end
return 1
)lua"};

// Every script, for loading them all on a new connection.
inline const RedisScript *const All[] = {&CreateSession, &Append, &AppendMany, &EndSession};

} // namespace RedisScripts
