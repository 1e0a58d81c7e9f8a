/**
 * Lua scripts. Every key a script touches carries the namespace hash tag `{ns}`, so on a
 * Cluster they share one slot. Versions are Redis counters (INCR), never host clocks; TIME
 * is read inside Redis only for TTL bookkeeping.
 */

/**
 * The namespace sequence, its base and its floor. Every entry and every fill carries the
 * sequence number it was loaded at; one loaded below the floor is dead (a read misses, a store
 * is refused). A Redis that lost its data (restarted empty, failed over to an empty replica,
 * evicted these keys) would restart INCR at 1, below numbers that instances still hold in their
 * local logs and in-flight snapshots: their L1 would refuse every fill, and a fill snapshotted
 * before the loss could be stored under a number later invalidations never pass. So a missing
 * counter is seeded from Redis's clock in microseconds, above anything handed out before (short
 * of a million invalidations a second), and kept as the base: the history positions count in
 * (see SINCE). Whenever the counter or the floor is missing, the floor is set to the current
 * number: nothing loaded before can be trusted. Large numbers go to Redis as strings, since
 * cjson and tostring keep only 14 digits.
 */
const SEQUENCE = `
local function currentSeq(seqKey, floorKey, baseKey)
  local v = redis.call('GET', seqKey)
  local floor = redis.call('GET', floorKey)
  if v and floor and redis.call('EXISTS', baseKey) == 1 then return tonumber(v), tonumber(floor) end
  if not v then
    local t = redis.call('TIME')
    v = string.format('%.0f', tonumber(t[1]) * 1000000 + tonumber(t[2]))
    redis.call('SET', seqKey, v)
    redis.call('SET', baseKey, v)
    floor = nil
  end
  if not floor then
    floor = v
    redis.call('SET', floorKey, v)
  end
  if redis.call('EXISTS', baseKey) == 0 then redis.call('SET', baseKey, v) end
  return tonumber(v), tonumber(floor)
end
`;

const FIELDS_OF_ENTRY = `
local function fieldsOf(route, tagsJson)
  local fields = {'all', 'r:' .. route}
  for _, tag in ipairs(cjson.decode(tagsJson)) do fields[#fields + 1] = 't:' .. tag end
  return fields
end
local function newestOf(invKey, fields, prefix)
  local names = {}
  for i, f in ipairs(fields) do names[i] = prefix .. f end
  local newest = 0
  for _, v in ipairs(redis.call('ZMSCORE', invKey, unpack(names))) do
    if v and tonumber(v) > newest then newest = tonumber(v) end
  end
  return newest
end
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
${SEQUENCE}`;

/**
 * KEYS: entry, inv, seq, lease, floor, base. ARGV: lease holder ('' for none), lease ttlMs.
 * Replies with a flat field/value list (see replies.ts). On a miss: seq, leased (with a holder,
 * the key's fill lease is tried in the same trip: SET NX PX). On a hit: seq, payload, etag ('' for
 * an entry stored without one), entrySeq, tags, freshLeftMs, graceLeftMs, softStale.
 */
export const READ = `${FIELDS_OF_ENTRY}
local seq, floor = currentSeq(KEYS[3], KEYS[5], KEYS[6])
local function miss()
  local leased = 0
  if ARGV[1] ~= '' and redis.call('SET', KEYS[4], ARGV[1], 'PX', ARGV[2], 'NX') then leased = 1 end
  return {'seq', seq, 'leased', leased}
end
local e = redis.call('HMGET', KEYS[1], 'v', 's', 't', 'r', 'f', 'g', 'd', 'h')
if not e[1] then return miss() end
local s = tonumber(e[2])
if s < floor then return miss() end
local fields = fieldsOf(e[4], e[3])
if newestOf(KEYS[2], fields, '') > s then return miss() end
local now = nowMs()
local graceLeft = tonumber(e[6]) - now
local stale = 0
if newestOf(KEYS[2], fields, 'x:') > s then
  stale = 1
  graceLeft = math.min(graceLeft, tonumber(e[7] or '0'))
  if graceLeft <= 0 then return miss() end
end
return {'seq', seq, 'payload', e[1], 'etag', e[8] or '', 'entrySeq', s, 'tags', e[3],
  'freshLeftMs', tonumber(e[5]) - now, 'graceLeftMs', graceLeft, 'softStale', stale}
`;

/**
 * KEYS: entry, inv, idx, lease, seq, floor, base. ARGV: snapshot, payload, tagsJson, route, ttlMs,
 * graceMs, lease holder ('' for none: its lease is given back first, stored or not), etag.
 * Replies 'invalidated' (nothing stored) when the route, a tag or the namespace was
 * invalidated after the snapshot, or the snapshot is below the floor (see SEQUENCE and
 * INVALIDATE); 'newer' when a fill from a later snapshot is already there; else 'stored'.
 */
export const STORE = `${FIELDS_OF_ENTRY}
if ARGV[7] ~= '' and redis.call('GET', KEYS[4]) == ARGV[7] then redis.call('DEL', KEYS[4]) end
local snap = tonumber(ARGV[1])
local _, floor = currentSeq(KEYS[5], KEYS[6], KEYS[7])
if snap < floor then return 'invalidated' end
if newestOf(KEYS[2], fieldsOf(ARGV[4], ARGV[3]), '') > snap then return 'invalidated' end
local current = redis.call('HGET', KEYS[1], 's')
if current and tonumber(current) > snap then return 'newer' end
local now = nowMs()
local ttl = tonumber(ARGV[5])
local life = ttl + tonumber(ARGV[6])
redis.call('HSET', KEYS[1], 'v', ARGV[2], 's', ARGV[1], 't', ARGV[3], 'r', ARGV[4], 'f', now + ttl, 'g', now + life, 'd', ARGV[6], 'h', ARGV[8])
redis.call('PEXPIRE', KEYS[1], life)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
redis.call('ZADD', KEYS[3], now + life, KEYS[1])
return 'stored'
`;

/**
 * KEYS: seq, inv, idx, floor, base, log. ARGV: soft ('1'|'0'), origin, publisher seq, channel,
 * sent-at ms (the publisher's clock, for the receivers' lag metric only), most fields kept, log
 * length, fields...
 * One INCR whatever the number of entries. Each field is recorded with the new number in `inv`,
 * a sorted set by number. A hard 'all' raises the floor to it instead (every entry and fill
 * loaded before is dead) and drops the index and the recorded fields, which it makes moot.
 * The fields stay bounded: past the most kept, the oldest tenth is dropped and the floor rises
 * to the newest of them. An entry or fill loaded below that may have depended on one of them,
 * so it is dead too: bounding the record costs misses, never a stale answer.
 * Appends the invalidation to the namespace's event log (a stream capped at the log length,
 * whose ids are `<seq>-0`: see SINCE) and publishes the message bus.ts reads, with the base
 * its sequence counts from; replies with the invalidation's sequence number.
 */
export const INVALIDATE = `${SEQUENCE}
local _, floor = currentSeq(KEYS[1], KEYS[4], KEYS[5])
local n = string.format('%.0f', redis.call('INCR', KEYS[1]))
local soft = ARGV[1] == '1'
local fields = {}
for i = 8, #ARGV do fields[#fields + 1] = ARGV[i] end
for _, f in ipairs(fields) do
  if f == 'all' and not soft then
    redis.call('DEL', KEYS[2], KEYS[3])
    redis.call('SET', KEYS[4], n)
  elseif soft then
    redis.call('ZADD', KEYS[2], n, 'x:' .. f)
  else
    redis.call('ZADD', KEYS[2], n, f)
  end
end
local kept = tonumber(ARGV[6])
local count = redis.call('ZCARD', KEYS[2])
if count > kept then
  local dropped = count - kept + math.ceil(kept / 10)
  local last = redis.call('ZRANGE', KEYS[2], dropped - 1, dropped - 1, 'WITHSCORES')
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', last[2])
  if tonumber(last[2]) > floor then redis.call('SET', KEYS[4], last[2]) end
end
-- pcall: a log that cannot take this id (a counter reset by hand) must not fail the
-- invalidation; the entry it lacks makes SINCE answer 'gone' for positions before it.
redis.pcall('XADD', KEYS[6], 'MAXLEN', ARGV[7], n .. '-0', 's', ARGV[1], 'f', cjson.encode(fields))
redis.call('PUBLISH', ARGV[4], cjson.encode({origin = ARGV[2], publisherSeq = tonumber(ARGV[3]),
  seq = n, base = redis.call('GET', KEYS[5]), soft = soft, sentAtMs = ARGV[5], fields = fields}))
return tonumber(n)
`;

/**
 * KEYS: seq, floor, base. ARGV: channel, origin. Publishes where the sequence stands, on the
 * bus, between the invalidations around it: the instance that asked, hearing it, knows that
 * every invalidation up to that number has reached it (bus.ts).
 */
export const PROBE = `${SEQUENCE}
local n = string.format('%.0f', currentSeq(KEYS[1], KEYS[2], KEYS[3]))
redis.call('PUBLISH', ARGV[1], cjson.encode({origin = ARGV[2], probe = true, seq = n,
  base = redis.call('GET', KEYS[3])}))
return 1
`;

/**
 * KEYS: seq, floor, base, log. ARGV: epoch (the base a position was taken under), seq, log
 * length. Replies with the log's entries after that seq ([id, [field, value, ...]] each) when
 * it holds every invalidation since (the count matches: numbers have no gaps), else 'gone':
 * the position is from another history (Redis lost its data since), from the future, or older
 * than the log reaches.
 */
export const SINCE = `${SEQUENCE}
local current = currentSeq(KEYS[1], KEYS[2], KEYS[3])
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return 'gone' end
local from = tonumber(ARGV[2])
if from > current or current - from > tonumber(ARGV[3]) then return 'gone' end
if from == current then return {} end
local entries = redis.call('XRANGE', KEYS[4], '(' .. ARGV[2] .. '-0', '+')
if #entries ~= current - from then return 'gone' end
return entries
`;

/**
 * KEYS: idx, inv, floor. ARGV: offset, limit, route filter, tag filter. Admin only (walks the
 * namespace index, never the keyspace). Replies with cjson: {matched, rows: [{key, route,
 * tags (the stored JSON text), ttlLeftMs, sizeBytes}]}.
 */
export const LIST = `${FIELDS_OF_ENTRY}
local offset = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local floor = tonumber(redis.call('GET', KEYS[3]) or '0')
local now = nowMs()
local matched = 0
local rows = {}
for _, key in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], now, '+inf')) do
  local e = redis.call('HMGET', key, 's', 't', 'r', 'g')
  if e[1] then
    local fields = fieldsOf(e[3], e[2])
    local s = tonumber(e[1])
    local live = s >= floor and newestOf(KEYS[2], fields, '') <= s
    local tagged = ARGV[4] == ''
    if not tagged then
      for _, tag in ipairs(cjson.decode(e[2])) do if tag == ARGV[4] then tagged = true end end
    end
    if live and tagged and (ARGV[3] == '' or ARGV[3] == e[3]) then
      matched = matched + 1
      if matched > offset and matched <= offset + limit then
        rows[#rows + 1] = {key = key, route = e[3], tags = e[2], ttlLeftMs = tonumber(e[4]) - now,
          sizeBytes = redis.call('HSTRLEN', key, 'v')}
      end
    end
  end
end
return cjson.encode({matched = matched, rows = rows})
`;

/** KEYS: idx. Live entries of the namespace index. */
export const COUNT_INDEX = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
return redis.call('ZCOUNT', KEYS[1], now, '+inf')
`;

/** KEYS: lease. ARGV: holder id. Deletes the lease only if this holder still has it. */
export const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
