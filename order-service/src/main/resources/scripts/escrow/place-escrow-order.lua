-- Places an escrow order in one atomic step: each line is taken from a replica's local
-- quota of its sku (this replica's first, else another live replica's), and the order is
-- stored CONFIRMED with its EscrowSold event in the outbox and the auditor's figures
-- (audit-counters.lua). Nothing is written unless every line is covered, so a crash
-- loses nothing and sells nothing twice. With way 'reject' the order is stored REJECTED
-- (sold out) instead, taking nothing.
-- A quota is the hash ord:escrow:quota:<sku>:<replica> {granted returned sold expiresAt heartbeatAt}:
-- its units left are granted - returned - sold; it may sell only until expiresAt - margin
-- (the lease's expiry at inventory), and another replica borrows from it only while its
-- holder's heartbeat is fresh (so the holder reports those sales to inventory).
-- KEYS: 1 order hash, 2 customer index, 3 limit counter, 4 outbox, 5-12 the auditor's figures
-- ARGV: 1 orderId, 2 customerId, 3 items json, 4 now (ISO), 5 now (millis), 6 limited units,
--       7 purchase limit, 8 idempotency key, 9 customer index bound, 10 this replica,
--       11 way 'confirm'|'reject', 12 margin (millis), 13 heartbeat freshness (millis),
--       14 event id, 15 outbox topic, 16 the request's W3C traceparent ('' untraced), kept with the
--       event so its relay continues the trace
-- returns {'EXISTS', status} | {'LIMIT', held} | {'SHORT', sku} | {'CONFIRMED', sku, left, ...} | {'REJECTED'}
if redis.call('EXISTS', KEYS[1]) == 1 then
  return {'EXISTS', redis.call('HGET', KEYS[1], 'status')}
end
local now = tonumber(ARGV[5])
local items = cjson.decode(ARGV[3])
local confirm = ARGV[11] == 'confirm'
local units = tonumber(ARGV[6])
if confirm and units > 0 then
  local held = tonumber(redis.call('GET', KEYS[3]) or '0')
  if held + units > tonumber(ARGV[7]) then
    return {'LIMIT', tostring(held)}
  end
end

local function left(key)
  local q = redis.call('HMGET', key, 'granted', 'returned', 'sold', 'expiresAt', 'heartbeatAt')
  if not q[1] then
    return 0, 0
  end
  local units_left = tonumber(q[1]) - tonumber(q[2] or '0') - tonumber(q[3] or '0')
  if now >= tonumber(q[4] or '0') - tonumber(ARGV[12]) then
    return 0, 0
  end
  return units_left, tonumber(q[5] or '0')
end

-- the quota each line sells from: this replica's, else a live holder's with enough
local sources = {}
if confirm then
  for i, line in ipairs(items) do
    local own = 'ord:escrow:quota:' .. line.sku .. ':' .. ARGV[10]
    local quantity = tonumber(line.quantity)
    if left(own) >= quantity then
      sources[i] = {key = own, replica = ARGV[10]}
    else
      for _, replica in ipairs(redis.call('SMEMBERS', 'ord:escrow:holders:' .. line.sku)) do
        if replica ~= ARGV[10] then
          local key = 'ord:escrow:quota:' .. line.sku .. ':' .. replica
          local n, heartbeat = left(key)
          if n >= quantity and now - heartbeat <= tonumber(ARGV[13]) then
            sources[i] = {key = key, replica = replica}
            break
          end
        end
      end
    end
    if not sources[i] then
      return {'SHORT', line.sku}
    end
  end
end

local status = confirm and 'CONFIRMED' or 'REJECTED'
local reason = confirm and '' or 'sold out'
if confirm and units > 0 then
  redis.call('INCRBY', KEYS[3], units)
end
redis.call('HSET', KEYS[1], 'orderId', ARGV[1], 'customerId', ARGV[2], 'items', ARGV[3],
  'status', status, 'mode', 'escrow', 'reason', reason, 'createdAt', ARGV[4], 'updatedAt', ARGV[4],
  'limitedUnits', confirm and ARGV[6] or '0', 'idempotencyKey', ARGV[8])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
local bound = tonumber(ARGV[9])
local size = redis.call('ZCARD', KEYS[2])
if size > bound then
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, size - bound - 1)
end
local audit = audit_keys()
redis.call('ZADD', audit.all, ARGV[5], ARGV[1])
audit_order(audit, {id = ARGV[1], status = status, mode = 'escrow', items = items,
  reason = reason, customerId = ARGV[2], limitedUnits = confirm and units or 0, key = ARGV[8],
  createdAt = ARGV[5]}, 1)
redis.call('HSET', KEYS[1], 'audited', '1')
audit_witness(audit, ARGV[1], 'escrow', status, items, ARGV[5])
if not confirm then
  return {'REJECTED'}
end
local out = {'CONFIRMED'}
local sold = {}
for i, line in ipairs(items) do
  redis.call('HINCRBY', sources[i].key, 'sold', tonumber(line.quantity))
  redis.call('HSET', KEYS[1], 'lease:' .. line.sku, sources[i].replica)
  sold[i] = {sku = line.sku, quantity = tonumber(line.quantity), replicaId = sources[i].replica}
  out[#out + 1] = line.sku
  out[#out + 1] = tostring(left('ord:escrow:quota:' .. line.sku .. ':' .. ARGV[10]))
end
local event = cjson.encode({eventId = ARGV[14], occurredAt = ARGV[4], orderId = ARGV[1],
  replicaId = ARGV[10], items = sold})
redis.call('XADD', KEYS[4], '*', 'orderId', ARGV[1], 'key', ARGV[1], 'payload', event, 'topic', ARGV[15],
  'traceparent', ARGV[16] or '')
return out
