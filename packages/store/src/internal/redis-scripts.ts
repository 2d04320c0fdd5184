// Lua scripts of the Redis store. Each touches the keys of one session, document or bucket only (one
// hash tag), so each runs atomically on one Redis Cluster shard. Numbers are written with
// string.format("%.17g"), which reads back as the same double in Lua and in JavaScript.

/** Raised as `BOSUN_CORRUPT <what>`; the store maps it to StoreError `corrupt-record`. */
const NUM = `
local function num(v, what)
  if not v then return 0 end
  local n = tonumber(v)
  if not n then error({err = 'BOSUN_CORRUPT ' .. what .. ' is not a number'}) end
  return n
end
`;

/**
 * KEYS[1] session; ARGV: eventId, dedupWindow, ttlMs. Returns { the event's sequence number, 1 if
 * the id was numbered before else 0 }. A new id
 * takes `next + 1` and forgets the id `dedupWindow` numbers back, e.g. with a window of 256 the
 * id numbered 44 is forgotten when number 300 is handed out, so the hash never holds more than 256.
 */
export const SEQUENCE_LUA = `${NUM}
local k = KEYS[1]
local id = ARGV[1]
local known = redis.call('HGET', k, 'e:' .. id)
if known then
  redis.call('PEXPIRE', k, ARGV[3])
  return { num(known, 'e:'), 1 }
end
local n = num(redis.call('HGET', k, 'next'), 'next') + 1
local ns = string.format('%d', n)
redis.call('HSET', k, 'next', ns, 'e:' .. id, ns, 'q:' .. ns, id)
local old = string.format('%d', n - tonumber(ARGV[2]))
local oldId = redis.call('HGET', k, 'q:' .. old)
if oldId then redis.call('HDEL', k, 'q:' .. old, 'e:' .. oldId) end
redis.call('PEXPIRE', k, ARGV[3])
return { n, 0 }
`;

/**
 * KEYS[1] session; ARGV: expectVersion, seq, ttlMs, mode ("d" data, "l" log entry, "-" neither),
 * data or log entry, hasOutbox, outboxId, payload, withNext, expectEpoch ("" for any), a new epoch
 * (kept only if the session has none yet), expectEvent ("" for none: else the id that must hold number
 * seq), then outbox ids to drop (acks).
 * Returns the new version, or -1 on a conflict (stale version or epoch, or seq not applied + 1); with
 * withNext = "1", { version, id of event seq + 1 (nil when not numbered), epoch }.
 * `oc` counts outbox entries so that a full load reads the whole hash only when there are some.
 * The log is one field, its entries separated by line breaks: `data` replaces it, a log entry
 * appends to it.
 */
export const COMMIT_LUA = `${NUM}
local k = KEYS[1]
local seq = tonumber(ARGV[2])
local mode = ARGV[4]
-- One read: the compare-and-set fields, the event's number, the id of the next number, this
-- outbox entry (to count it) and, when appending, the log.
local read = { 'ver', 'applied', 'ep', 'e:' .. ARGV[12], 'q:' .. string.format('%d', seq + 1), 'o:' .. ARGV[7] }
if mode == 'l' then read[7] = 'log' end
local f = redis.call('HMGET', k, unpack(read))
local ver = num(f[1], 'ver')
local applied = num(f[2], 'applied')
if ver ~= tonumber(ARGV[1]) or seq ~= applied + 1 then return -1 end
if ARGV[10] ~= '' and f[3] ~= ARGV[10] then return -1 end
if ARGV[12] ~= '' and f[4] ~= string.format('%d', seq) then return -1 end
ver = ver + 1
-- One write.
local set = { 'ver', string.format('%d', ver), 'applied', ARGV[2] }
if not f[3] then
  set[#set + 1] = 'ep'
  set[#set + 1] = ARGV[11]
end
if mode == 'd' then
  set[#set + 1] = 'data'
  set[#set + 1] = ARGV[5]
elseif mode == 'l' then
  set[#set + 1] = 'log'
  if f[7] then set[#set + 1] = f[7] .. '\\n' .. ARGV[5] else set[#set + 1] = ARGV[5] end
end
local oc = 0
if ARGV[6] == '1' then
  if not f[6] then oc = 1 end
  set[#set + 1] = 'o:' .. ARGV[7]
  set[#set + 1] = ARGV[8]
end
redis.call('HSET', k, unpack(set))
if mode == 'd' then redis.call('HDEL', k, 'log') end
if #ARGV >= 13 then
  local acks = {}
  for i = 13, #ARGV do acks[#acks + 1] = 'o:' .. ARGV[i] end
  oc = oc - redis.call('HDEL', k, unpack(acks))
end
if oc ~= 0 and redis.call('HINCRBY', k, 'oc', oc) <= 0 then redis.call('HDEL', k, 'oc') end
redis.call('PEXPIRE', k, ARGV[3])
if ARGV[9] == '1' then return { ver, f[5], f[3] or ARGV[11] } end
return ver
`;

/**
 * KEYS[1] session; ARGV[1] the one outbox id to read ("" for all of them), ARGV[2] an event id whose
 * number to read ("" for none). Returns { ver, applied, hasData, data, hasLog, log, epoch, that
 * event's number ("" if not numbered), outboxId1, payload1, … } as strings: every outbox entry
 * when ARGV[1] is "" (the whole hash is read only when \`oc\` says there are some), else just that one.
 */
export const LOAD_LUA = `
local k = KEYS[1]
local f = redis.call('HMGET', k, 'ver', 'applied', 'data', 'log', 'oc', 'ep')
local out = { f[1] or '0', f[2] or '0', f[3] and '1' or '0', f[3] or '', f[4] and '1' or '0', f[4] or '', f[6] or '', '' }
if ARGV[2] ~= '' then out[8] = redis.call('HGET', k, 'e:' .. ARGV[2]) or '' end
if ARGV[1] ~= '' then
  local p = redis.call('HGET', k, 'o:' .. ARGV[1])
  if p then
    out[#out + 1] = ARGV[1]
    out[#out + 1] = p
  end
elseif f[5] and f[5] ~= '0' then
  local all = redis.call('HGETALL', k)
  for i = 1, #all, 2 do
    if string.sub(all[i], 1, 2) == 'o:' then
      out[#out + 1] = string.sub(all[i], 3)
      out[#out + 1] = all[i + 1]
    end
  end
end
return out
`;

/** KEYS[1] session; ARGV: outboxId, ttlMs. Drops the entry; refreshes the TTL if it was there. */
export const ACK_LUA = `
local k = KEYS[1]
if redis.call('HDEL', k, 'o:' .. ARGV[1]) == 1 then
  if redis.call('HINCRBY', k, 'oc', -1) <= 0 then redis.call('HDEL', k, 'oc') end
  redis.call('PEXPIRE', k, ARGV[2])
end
return 0
`;

/**
 * KEYS[1] document; ARGV: expectVersion, hasData, data, ttlMs. Returns the new version or -1. A
 * delete keeps the hash with its version (a tombstone until the TTL), so versions never go back.
 */
export const PUT_DOC_LUA = `${NUM}
local k = KEYS[1]
local ver = num(redis.call('HGET', k, 'ver'), 'ver')
if ver ~= tonumber(ARGV[1]) then return -1 end
ver = ver + 1
redis.call('HSET', k, 'ver', string.format('%d', ver))
if ARGV[2] == '1' then redis.call('HSET', k, 'data', ARGV[3]) else redis.call('HDEL', k, 'data') end
redis.call('PEXPIRE', k, ARGV[4])
return ver
`;

/**
 * KEYS[1] bucket; ARGV: capacity, refillPerSecond, now, cost, minTtlMs. Returns { allowed (0/1),
 * tokens ("%.17g"), retryAfterMs }. The same arithmetic, in the same order, as bucket.ts; the key
 * expires when the bucket would be full again (a missing bucket starts full), but never sooner than
 * minTtlMs of real time, as `now` is the callers' clock (see BUCKET_MIN_TTL_MS).
 */
export const TAKE_LUA = `${NUM}
local k = KEYS[1]
local cap = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
local f = redis.call('HMGET', k, 'tokens', 'ts')
local tokens = cap
local ts = now
if f[1] or f[2] then
  tokens = num(f[1], 'tokens')
  ts = num(f[2], 'ts')
end
if now > ts then
  tokens = tokens + (now - ts) * rate / 1000
  ts = now
end
tokens = math.min(cap, tokens)
local allowed = 0
local retry = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  retry = math.ceil((cost - tokens) * 1000 / rate)
end
local ts17 = string.format('%.17g', tokens)
redis.call('HSET', k, 'tokens', ts17, 'ts', string.format('%.17g', ts))
redis.call('PEXPIRE', k, math.max(tonumber(ARGV[5]), math.ceil((cap - tokens) * 1000 / rate)))
return { allowed, ts17, retry }
`;
