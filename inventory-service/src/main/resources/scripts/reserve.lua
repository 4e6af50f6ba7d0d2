-- Decides reservations of one sku for several orders, in arrival order, each at most once:
-- a reservation record is the idempotency record, so an order that already has one gets
-- its first outcome back (reserved, rejected or released) and nothing changes.
-- One call serves a whole batch of orders for the sku (one warehouse trip, one script).
-- KEYS[1] inv:{sku}:stock   KEYS[1 + i] inv:{sku}:res:<orderId of entry i>
-- ARGV[1] way: 'reserve'  take the units if available, else refuse as sold out;
--              'precheck' refuse as sold out if they are not available, else PENDING
--                         (nothing written: the caller goes to the warehouse, then reserves);
--              'refuse'   refuse with ARGV[2] as the reason (an order past its deadline)
-- ARGV[2] the reason for 'refuse'   ARGV[3] how long a record is kept (seconds)
-- ARGV[3 + i] quantity of entry i (> 0)
-- returns, per entry, four values: status, quantity, reason, 'new'|'repeat'
-- (status UNKNOWN when the sku has no stock ledger)
local way = ARGV[1]
local known = redis.call('EXISTS', KEYS[1]) == 1
local available = 0
if known then
  available = tonumber(redis.call('HGET', KEYS[1], 'available'))
end
local taken = 0
local out = {}
local function answer(status, quantity, reason, novelty)
  out[#out + 1] = status
  out[#out + 1] = tostring(quantity)
  out[#out + 1] = reason
  out[#out + 1] = novelty
end
local function refuse(key, quantity, reason)
  redis.call('HSET', key, 'status', 'REJECTED', 'quantity', quantity, 'reason', reason)
  redis.call('EXPIRE', key, ARGV[3])
  answer('REJECTED', quantity, reason, 'new')
end
for i = 2, #KEYS do
  local quantity = tonumber(ARGV[i + 2])
  local prior = redis.call('HMGET', KEYS[i], 'status', 'quantity', 'reason')
  if prior[1] then
    answer(prior[1], prior[2], prior[3] or '', 'repeat')
  elseif not known then
    answer('UNKNOWN', quantity, 'unknown product', 'new')
  elseif way == 'refuse' then
    refuse(KEYS[i], quantity, ARGV[2])
  elseif available < quantity then
    refuse(KEYS[i], quantity, 'sold out')
  elseif way == 'precheck' then
    answer('PENDING', quantity, '', 'new')
  else
    available = available - quantity
    taken = taken + quantity
    redis.call('HSET', KEYS[i], 'status', 'RESERVED', 'quantity', quantity, 'reason', '')
    redis.call('EXPIRE', KEYS[i], ARGV[3])
    answer('RESERVED', quantity, '', 'new')
  end
end
if taken > 0 then
  redis.call('HINCRBY', KEYS[1], 'available', -taken)
  redis.call('HINCRBY', KEYS[1], 'reserved', taken)
end
return out
