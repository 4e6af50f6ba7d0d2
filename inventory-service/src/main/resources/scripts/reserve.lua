-- Reserves units of one sku for one order, at most once: the reservation record is the
-- idempotency record, so a repeat returns the first outcome (reserved, rejected or
-- released) and changes nothing.
-- KEYS[1] inv:{sku}:stock   KEYS[2] inv:{sku}:res:<orderId>   ARGV[1] quantity (> 0)
-- returns {status, quantity, reason, 'new'|'repeat'}
local prior = redis.call('HMGET', KEYS[2], 'status', 'quantity', 'reason')
if prior[1] then
  return {prior[1], prior[2], prior[3] or '', 'repeat'}
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'UNKNOWN', ARGV[1], 'unknown product', 'new'}
end
local quantity = tonumber(ARGV[1])
local available = tonumber(redis.call('HGET', KEYS[1], 'available'))
if available >= quantity then
  redis.call('HINCRBY', KEYS[1], 'available', -quantity)
  redis.call('HINCRBY', KEYS[1], 'reserved', quantity)
  redis.call('HSET', KEYS[2], 'status', 'RESERVED', 'quantity', quantity, 'reason', '')
  return {'RESERVED', ARGV[1], '', 'new'}
end
redis.call('HSET', KEYS[2], 'status', 'REJECTED', 'quantity', quantity, 'reason', 'sold out')
return {'REJECTED', ARGV[1], 'sold out', 'new'}
