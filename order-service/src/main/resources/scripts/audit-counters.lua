-- The auditor's figures, changed in the same step as the order change they count. This text
-- is put in front of every script that creates, moves or removes an order (OrderScripts), so
-- a figure cannot drift from the orders it counts.
-- The last 8 KEYS of such a script: 1 every order (zset), 2 counters (hash), 3 orders in flight
-- (zset by creation millis), 4 orders per idempotency key (hash), 5 keys used by more than one
-- order (set), 6 failed orders without a reason (set), 7 launch-item units held per customer (hash),
-- 8 the outbox stream (the witness's ledger records leave through it, see audit_witness).
-- An order hash carries 'audited' = '1' once it is counted: an order stored before the counters
-- existed is counted once by count-orders.lua, and changes to it before then leave the figures alone.
local function audit_keys()
  local first = #KEYS - 7
  return {all = KEYS[first], counters = KEYS[first + 1], inFlight = KEYS[first + 2],
    keys = KEYS[first + 3], shared = KEYS[first + 4], noReason = KEYS[first + 5], held = KEYS[first + 6],
    outbox = KEYS[first + 7]}
end

-- The witness: every change of an order also writes a ledger record to the outbox, which the
-- relay publishes to a compacted Kafka topic keyed by order id, outside this store. The
-- auditor (OrderWitness) reconciles that topic with the orders stored, so a wiped or
-- rolled-back store is seen. Status 'DISCARDED' (never acknowledged) and 'RETIRED' (past its
-- retention) tell the witness an order left the store on purpose.
local function audit_witness(a, id, mode, status, items, at_ms)
  local lines = {}
  for i, line in ipairs(items) do
    lines[i] = {sku = line.sku, quantity = tonumber(line.quantity)}
  end
  redis.call('XADD', a.outbox, '*', 'orderId', id, 'key', id, 'ledger', '1', 'payload',
    cjson.encode({orderId = id, mode = mode, status = status, items = lines, at = tonumber(at_ms)}))
end

local function audit_add(key, field, delta)
  if delta ~= 0 and redis.call('HINCRBY', key, field, delta) == 0 then
    redis.call('HDEL', key, field)
  end
end

local function audit_failed(status)
  return status == 'CANCELLED' or status == 'REJECTED'
end

-- The figures that depend on the order's status (sign 1 adds the order, -1 takes it away).
local function audit_status(a, o, sign)
  audit_add(a.counters, 'status:' .. o.status, sign)
  audit_add(a.counters, 'mode:' .. o.mode .. ':' .. o.status, sign)
  if o.status == 'ACCEPTED' or o.status == 'CONFIRMED' then
    for _, line in ipairs(o.items) do
      audit_add(a.counters, 'units:' .. o.status .. ':' .. line.sku, sign * tonumber(line.quantity))
    end
  end
  if o.status == 'ACCEPTED' then
    if sign > 0 then
      redis.call('ZADD', a.inFlight, o.createdAt, o.id)
    else
      redis.call('ZREM', a.inFlight, o.id)
    end
  end
  if audit_failed(o.status) then
    if o.reason == nil or o.reason == false or string.match(o.reason, '^%s*$') then
      if sign > 0 then
        redis.call('SADD', a.noReason, o.id)
      else
        redis.call('SREM', a.noReason, o.id)
      end
    end
  elseif o.limitedUnits > 0 then
    audit_add(a.held, o.customerId, sign * o.limitedUnits)
  end
end

-- Every figure of the order: its status figures plus the ones for its whole life.
local function audit_order(a, o, sign)
  audit_add(a.counters, 'orders', sign)
  if o.key and o.key ~= '' then
    local uses = redis.call('HINCRBY', a.keys, o.key, sign)
    if uses > 1 then
      redis.call('SADD', a.shared, o.key)
    else
      redis.call('SREM', a.shared, o.key)
    end
    if uses <= 0 then
      redis.call('HDEL', a.keys, o.key)
    end
  end
  audit_status(a, o, sign)
end

-- The order as the figures see it, read from its hash; nil if there is none.
local function audit_read(a, orderKey, orderId)
  local f = redis.call('HMGET', orderKey, 'status', 'mode', 'items', 'reason', 'customerId',
    'limitedUnits', 'idempotencyKey', 'audited')
  if not f[1] then
    return nil
  end
  return {id = orderId, status = f[1], mode = f[2], items = cjson.decode(f[3]), reason = f[4],
    customerId = f[5], limitedUnits = tonumber(f[6] or '0') or 0, key = f[7], audited = (f[8] == '1'),
    createdAt = redis.call('ZSCORE', a.all, orderId) or '0'}
end

