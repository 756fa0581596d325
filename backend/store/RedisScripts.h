// SPDX-License-Identifier: MIT
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

// Both appends tell every other process watching the session (the channels in its watchers set) which
// stream has new entries: a process's live tail reads when told, and is never woken by its own writes, which
// it shows as Redis answers them.

// Both appends number every entry with `n`, its number in its stream (counted in the session hash as
// seq:<kind>), so a reader that finds numbers missing knows how many entries MAXLEN trimmed before it read
// them. Both error NOSESSION for an unknown session, and set the session's activity time. Expiry (`ttl`, in
// ms) is counted from the last activity for the session and both its streams.

// One event buffered while Redis was away, sent with the id local watchers saw. KEYS: session hash, the
// stream, the other stream, the watchers set. ARGV: id (* or explicit), maxlen, ttl (ms), now (ms), type,
// data, count field, type field, confidence, the caller's own channel. It refreshes expiry every
// time: buffered events are few.
// An explicit id older than the stream's top falls back to *: the entry keeps the explicit id as `was` (the
// process that buffered the event showed it under that id already), and the session hash maps it to the new
// id (field was:<stream>:<id>). A buffered event sent again (its first answer was lost) whose entry is there
// with this data already, under its id or the one it was mapped to, is answered, not added twice.
inline const RedisScript Append {R"lua(
local kind = string.match(KEYS[2], '[^:]+$')
local replacedField = 'was:' .. kind .. ':' .. ARGV[1]
if ARGV[1] ~= '*' then
  local found = redis.call('XRANGE', KEYS[2], ARGV[1], ARGV[1])
  if #found == 1 and found[1][2][4] == ARGV[6] then return ARGV[1] end
  local replaced = redis.call('HGET', KEYS[1], replacedField)
  if replaced then
    found = redis.call('XRANGE', KEYS[2], replaced, replaced)
    if #found == 1 and found[1][2][4] == ARGV[6] then return replaced end
  end
end
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('NOSESSION') end
local n = redis.call('HINCRBY', KEYS[1], 'seq:' .. kind, 1)
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
redis.call('HSET', KEYS[1], 'last_activity', ARGV[4], 'last_updated', ARGV[4])
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
for _, channel in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  if channel ~= ARGV[10] then redis.call('PUBLISH', channel, KEYS[2]) end
end
return id
)lua"};

// Events of one session and kind, the hot path: what a stream's publishers sent while its last call was in
// flight goes as one call. KEYS as Append's. ARGV: maxlen, ttl (ms), now (ms), type, the stream's seq field,
// '1' to refresh expiry, the caller's own channel, then per event: data, count field, type field, confidence
// (the last three may be empty). Returns the new ids in order, then the first one's n.
// Lean on purpose: Redis spends more on a script's calls and its Lua than on the XADD. The caller passes
// the seq field rather than the script deriving it, counters are written once per call, and expiry is
// refreshed only when the caller asks (at most once per refresh interval for each session and process; the
// ttl it passes covers the interval) or when the stream is new, so that no stream is ever left without one.
inline const RedisScript AppendMany {R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('NOSESSION') end
local count = (#ARGV - 7) / 4
local first = redis.call('HINCRBY', KEYS[1], ARGV[5], count) - count + 1
local ids = {}
local counts = {}
local confidenceSum, confidenceCount = 0, 0
local n = first
for i = 8, #ARGV, 4 do
  ids[#ids + 1] = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*',
                             'type', ARGV[4], 'data', ARGV[i], 'n', n)
  n = n + 1
  local field = ARGV[i + 1]
  if field ~= '' then counts[field] = (counts[field] or 0) + 1 end
  field = ARGV[i + 2]
  if field ~= '' then counts[field] = (counts[field] or 0) + 1 end
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
redis.call('HSET', KEYS[1], 'last_activity', ARGV[3], 'last_updated', ARGV[3])
if ARGV[6] == '1' or first == 1 then
  for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
end
for _, channel in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  if channel ~= ARGV[7] then redis.call('PUBLISH', channel, KEYS[2]) end
end
ids[#ids + 1] = first
return ids
)lua"};

// KEYS: session hash, both streams, the watchers set. ARGV: now (ms), ttl (ms, as the appends').
inline const RedisScript EndSession {R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('NOSESSION') end
redis.call('HSET', KEYS[1], 'active', '0', 'last_activity', ARGV[1])
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
return 1
)lua"};

// Members of the session's data replaced by those given (its description: user_request, system_context).
// KEYS: session hash. ARGV: a JSON object of the members to replace. Errors NOSESSION.
inline const RedisScript DescribeSession {R"lua(
local data = redis.call('HGET', KEYS[1], 'data')
if not data then return redis.error_reply('NOSESSION') end
local session = cjson.decode(data)
for key, value in pairs(cjson.decode(ARGV[1])) do session[key] = value end
redis.call('HSET', KEYS[1], 'data', cjson.encode(session))
return 1
)lua"};

// A session this process knew, written again after Redis lost its data; left as it is if it is there (another
// process wrote it again first, or a client made it anew), unless what is there is a stand-in: a process
// that knew only the session's id wrote it first, and one that knows it all (its creator) replaces its
// data and state, keeping the counts of what was published since. Its counts start again from nothing,
// like its streams. KEYS: session hash. ARGV: session JSON, active ('1' or '0'), now (ms), ttl (ms),
// stand-in ('1': only the id is known, or '0').
inline const RedisScript RestoreSession {R"lua(
if redis.call('EXISTS', KEYS[1]) == 1 then
  if ARGV[5] == '1' or redis.call('HGET', KEYS[1], 'stand_in') ~= '1' then return 0 end
  redis.call('HSET', KEYS[1], 'data', ARGV[1], 'active', ARGV[2])
  redis.call('HDEL', KEYS[1], 'stand_in')
  return 1
end
redis.call('HSET', KEYS[1], 'data', ARGV[1], 'active', ARGV[2], 'last_activity', ARGV[3],
           'thinking_count', '0', 'progress_count', '0')
if ARGV[5] == '1' then redis.call('HSET', KEYS[1], 'stand_in', '1') end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
)lua"};

// Every script, for loading them all on a new connection.
inline const RedisScript *const All[]
    = {&CreateSession, &Append, &AppendMany, &EndSession, &DescribeSession, &RestoreSession};

} // namespace RedisScripts
