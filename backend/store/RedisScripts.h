// The Lua scripts the Redis store runs: each keeps one session's keys consistent in one atomic step.
#pragma once

#include <QByteArray>

namespace RedisScripts {

// KEYS: session hash. ARGV: session JSON, now (ms), ttl (s). Errors EXISTS when the session exists.
inline const QByteArray CreateSession = R"lua(
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.error_reply('EXISTS') end
redis.call('HSET', KEYS[1], 'data', ARGV[1], 'active', '1', 'last_activity', ARGV[2],
           'thinking_count', '0', 'progress_count', '0')
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
)lua";

// What both appends share. KEYS: session hash, this stream, the other stream. Errors NOSESSION for an unknown
// session. Every entry carries `n`, its number in its stream (counted in the session hash as seq:<stream>),
// so a reader that finds numbers missing knows how many entries MAXLEN trimmed before it read them.
inline const QByteArray AppendCommon = R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('NOSESSION') end
-- Reserves `count` entry numbers; returns the first.
local function reserveNumbers(count)
  return redis.call('HINCRBY', KEYS[1], 'seq:' .. string.match(KEYS[2], '[^:]+$'), count) - count + 1
end
-- counts: field -> increment (thinking_count, tt:<type>, ...); confidences: sum and how many.
local function addStats(counts, confidenceSum, confidenceCount)
  for field, n in pairs(counts) do redis.call('HINCRBY', KEYS[1], field, n) end
  if confidenceCount > 0 then
    redis.call('HINCRBYFLOAT', KEYS[1], 'conf_sum', confidenceSum)
    redis.call('HINCRBY', KEYS[1], 'conf_n', confidenceCount)
  end
end
-- Activity time, and expiry counted from the last activity for the session and both its streams.
local function touch(now, ttl)
  redis.call('HSET', KEYS[1], 'last_activity', now, 'last_updated', now)
  redis.call('EXPIRE', KEYS[1], ttl)
  redis.call('EXPIRE', KEYS[2], ttl)
  if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('EXPIRE', KEYS[3], ttl) end
end
-- Per event: its count field and type field (either may be empty) and its confidence (may be empty).
local function tally(counts, countField, typeField, confidence, sums)
  for _, field in ipairs({countField, typeField}) do
    if field ~= '' then counts[field] = (counts[field] or 0) + 1 end
  end
  if confidence ~= '' then
    sums[1] = sums[1] + tonumber(confidence)
    sums[2] = sums[2] + 1
  end
end
)lua";

// ARGV: id (* or explicit), maxlen, ttl (s), now (ms), type, data, count field, type field, confidence.
// An explicit id older than the stream's top falls back to *.
inline const QByteArray Append = AppendCommon + R"lua(
local n = reserveNumbers(1)
local id = nil
if ARGV[1] ~= '*' then
  local added = redis.pcall('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], ARGV[1],
                            'type', ARGV[5], 'data', ARGV[6], 'n', n)
  if type(added) ~= 'table' then id = added end
end
if not id then
  id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'type', ARGV[5], 'data', ARGV[6], 'n', n)
end
local counts, sums = {}, {0, 0}
tally(counts, ARGV[7], ARGV[8], ARGV[9], sums)
addStats(counts, sums[1], sums[2])
touch(ARGV[4], ARGV[3])
return id
)lua";

// Several events of one session and kind in one call: the same effects as Append once per event, with
// the counters, the activity time and the expiry written once for all of them.
// ARGV: maxlen, ttl (s), now (ms), type, then per event: data, count field, type field, confidence (the
// last three may be empty). Returns the new ids in order.
inline const QByteArray AppendMany = AppendCommon + R"lua(
local ids = {}
local counts, sums = {}, {0, 0}
local n = reserveNumbers((#ARGV - 4) / 4)
for i = 5, #ARGV, 4 do
  ids[#ids + 1] = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*',
                             'type', ARGV[4], 'data', ARGV[i], 'n', n)
  n = n + 1
  tally(counts, ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], sums)
end
addStats(counts, sums[1], sums[2])
touch(ARGV[3], ARGV[2])
return ids
)lua";

// KEYS: session hash, both streams. ARGV: now (ms), ttl (s).
inline const QByteArray EndSession = R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('NOSESSION') end
redis.call('HSET', KEYS[1], 'active', '0', 'last_activity', ARGV[1])
for i = 1, 3 do if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('EXPIRE', KEYS[i], ARGV[2]) end end
return 1
)lua";

} // namespace RedisScripts
