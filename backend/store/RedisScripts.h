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

// Every entry carries `n`, its number in its stream (counted in the session hash as seq:<stream>), so a
// reader that finds numbers missing knows how many entries MAXLEN trimmed before it read them.

// KEYS: session hash, this stream, the other stream.
// ARGV: id (* or explicit), maxlen, ttl (s), now (ms), type, data, count field, type field, confidence.
// Errors NOSESSION for an unknown session. An explicit id older than the stream's top falls back to *.
inline const QByteArray Append = R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('NOSESSION') end
local n = redis.call('HINCRBY', KEYS[1], 'seq:' .. string.match(KEYS[2], '[^:]+$'), 1)
local id = nil
if ARGV[1] ~= '*' then
  local added = redis.pcall('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], ARGV[1],
                            'type', ARGV[5], 'data', ARGV[6], 'n', n)
  if type(added) ~= 'table' then id = added end
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
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('EXPIRE', KEYS[3], ARGV[3]) end
return id
)lua";

// Several events of one session and kind in one call: the same effects as Append once per event, with
// the counters, the activity time and the expiry written once for all of them.
// KEYS: session hash, the stream, the other stream. ARGV: maxlen, ttl (s), now (ms), type, then per event:
// data, count field, type field, confidence (the last three may be empty). Returns the new ids in order.
inline const QByteArray AppendMany = R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('NOSESSION') end
local ids = {}
local counts = {}
local confidenceSum, confidenceCount = 0, 0
local events = (#ARGV - 4) / 4
local n = redis.call('HINCRBY', KEYS[1], 'seq:' .. string.match(KEYS[2], '[^:]+$'), events) - events
for i = 5, #ARGV, 4 do
  n = n + 1
  ids[#ids + 1] = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*',
                             'type', ARGV[4], 'data', ARGV[i], 'n', n)
  for _, field in ipairs({ARGV[i + 1], ARGV[i + 2]}) do
    if field ~= '' then counts[field] = (counts[field] or 0) + 1 end
  end
  if ARGV[i + 3] ~= '' then
    confidenceSum = confidenceSum + tonumber(ARGV[i + 3])
    confidenceCount = confidenceCount + 1
  end
end
for field, n in pairs(counts) do redis.call('HINCRBY', KEYS[1], field, n) end
if confidenceCount > 0 then
  redis.call('HINCRBYFLOAT', KEYS[1], 'conf_sum', confidenceSum)
  redis.call('HINCRBY', KEYS[1], 'conf_n', confidenceCount)
end
redis.call('HSET', KEYS[1], 'last_activity', ARGV[3], 'last_updated', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('EXPIRE', KEYS[3], ARGV[2]) end
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
