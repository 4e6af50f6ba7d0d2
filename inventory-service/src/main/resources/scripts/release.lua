-- Returns the units of a reservation to stock, at most once: only a RESERVED record moves
-- (to RELEASED); a released or rejected one is answered as it is and nothing changes.
-- KEYS[1] inv:{sku}:stock   KEYS[2] inv:{sku}:res:<orderId>
-- returns {status, quantity, reason, 'new'|'repeat'}
local prior = redis.call('HMGET', KEYS[2], 'status', 'quantity', 'reason')
if not prior[1] then
  return {'NOT_FOUND', '0', '', 'new'}
end
if prior[1] ~= 'RESERVED' then
  return {prior[1], prior[2], prior[3] or '', 'repeat'}
end
local quantity = tonumber(prior[2])
redis.call('HINCRBY', KEYS[1], 'available', quantity)
redis.call('HINCRBY', KEYS[1], 'reserved', -quantity)
redis.call('HSET', KEYS[2], 'status', 'RELEASED')
return {'RELEASED', prior[2], prior[3] or '', 'new'}
