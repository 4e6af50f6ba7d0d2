-- Creates an ACCEPTED order in one atomic step: the order hash, the customer's index, the
-- purchase-limit counter (the scalper rule), the deadline entry, the audit index, the
-- auditor's figures and the witness's ledger record (audit-counters.lua) and, in async mode, the OrderPlaced event in the
-- outbox stream.
-- KEYS: 1 order hash, 2 customer index, 3 limit counter, 4 accepted deadlines, 5 all orders, 6 outbox,
--       7-14 the auditor's figures
-- ARGV: 1 orderId, 2 customerId, 3 items json, 4 mode, 5 now (ISO), 6 now (millis),
--       7 limited units, 8 purchase limit, 9 deadline (millis), 10 idempotency key,
--       11 outbox record key ('' for no event), 12 outbox payload, 13 customer index bound,
--       14 the request's W3C traceparent ('' untraced), kept with the event so its relay continues the trace
if redis.call('EXISTS', KEYS[1]) == 1 then
  return {'EXISTS', redis.call('HGET', KEYS[1], 'status')}
end
local units = tonumber(ARGV[7])
if units > 0 then
  local held = tonumber(redis.call('GET', KEYS[3]) or '0')
  if held + units > tonumber(ARGV[8]) then
    return {'LIMIT', tostring(held)}
  end
  redis.call('INCRBY', KEYS[3], units)
end
redis.call('HSET', KEYS[1], 'orderId', ARGV[1], 'customerId', ARGV[2], 'items', ARGV[3],
  'status', 'ACCEPTED', 'mode', ARGV[4], 'reason', '', 'createdAt', ARGV[5], 'updatedAt', ARGV[5],
  'limitedUnits', ARGV[7], 'idempotencyKey', ARGV[10])
redis.call('ZADD', KEYS[2], ARGV[6], ARGV[1])
local bound = tonumber(ARGV[13])
local size = redis.call('ZCARD', KEYS[2])
if size > bound then
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, size - bound - 1)
end
redis.call('ZADD', KEYS[4], ARGV[9], ARGV[1])
redis.call('ZADD', KEYS[5], ARGV[6], ARGV[1])
audit_order(audit_keys(), {id = ARGV[1], status = 'ACCEPTED', mode = ARGV[4], items = cjson.decode(ARGV[3]),
  reason = '', customerId = ARGV[2], limitedUnits = units, key = ARGV[10], createdAt = ARGV[6]}, 1)
redis.call('HSET', KEYS[1], 'audited', '1')
audit_witness(audit_keys(), ARGV[1], ARGV[4], 'ACCEPTED', cjson.decode(ARGV[3]), ARGV[6])
if ARGV[11] ~= '' then
  redis.call('XADD', KEYS[6], '*', 'orderId', ARGV[1], 'key', ARGV[11], 'payload', ARGV[12],
    'traceparent', ARGV[14] or '')
end
return {'CREATED', 'ACCEPTED'}
