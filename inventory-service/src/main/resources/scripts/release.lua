-- Returns the units of a reservation to stock, at most once: only a RESERVED record moves
-- (to RELEASED); a released or rejected one is answered as it is and nothing changes.
-- A release that arrives before its reservation (the caller gave up on a slow reserve,
-- which may still land) leaves a tombstone: a RELEASED record of no units, so the late
-- reserve finds it and takes nothing.
-- KEYS[1] inv:{sku}:stock   KEYS[2] inv:{sku}:res:<orderId>
-- ARGV[1] how long the record is kept from now (seconds)
-- returns {status, quantity, reason, 'new'|'repeat'} (NOT_FOUND: the sku has no ledger)
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'NOT_FOUND', '0', '', 'new'}
end
local prior = redis.call('HMGET', KEYS[2], 'status', 'quantity', 'reason')
if not prior[1] then
  local reason = 'released before it was reserved'
  redis.call('HSET', KEYS[2], 'status', 'RELEASED', 'quantity', '0', 'reason', reason)
  redis.call('EXPIRE', KEYS[2], ARGV[1])
  return {'RELEASED', '0', reason, 'new'}
end
if prior[1] ~= 'RESERVED' then
  return {prior[1], prior[2], prior[3] or '', 'repeat'}
end
local quantity = tonumber(prior[2])
redis.call('HINCRBY', KEYS[1], 'available', quantity)
redis.call('HINCRBY', KEYS[1], 'reserved', -quantity)
redis.call('HSET', KEYS[2], 'status', 'RELEASED')
redis.call('EXPIRE', KEYS[2], ARGV[1])
return {'RELEASED', prior[2], prior[3] or '', 'new'}
