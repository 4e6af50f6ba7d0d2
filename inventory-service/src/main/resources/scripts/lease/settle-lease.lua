-- Records an escrow sale against the lease it was sold from, at most once per
-- (order, sku): the units move from 'leased' to 'reserved', and the reservation record
-- names the lease, so the auditor can match every confirmed unit. A sale that arrives after
-- its lease gave the units back (the holder sold, then stopped reporting) takes them back
-- from 'available'; if they were sold again meanwhile, 'available' goes negative and the
-- conservation check says so.
-- KEYS 1 inv:{sku}:stock, 2 inv:{sku}:lease:<replica>, 3 inv:{sku}:res:<orderId>
-- ARGV 1 quantity, 2 replica
-- returns {status, 'new'|'repeat'|'late'}
local prior = redis.call('HGET', KEYS[3], 'status')
if prior then
  return {prior, 'repeat'}
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'UNKNOWN', 'new'}
end
local quantity = tonumber(ARGV[1])
local l = lease_read(KEYS[2])
local novelty = 'new'
if l.granted - l.settled - l.returned >= quantity then
  redis.call('HINCRBY', KEYS[1], 'leased', -quantity)
else
  redis.call('HINCRBY', KEYS[2], 'returned', -quantity)
  redis.call('HINCRBY', KEYS[2], 'lateSettled', quantity)
  redis.call('HINCRBY', KEYS[1], 'available', -quantity)
  novelty = 'late'
end
redis.call('HINCRBY', KEYS[2], 'settled', quantity)
redis.call('HINCRBY', KEYS[1], 'reserved', quantity)
redis.call('HSET', KEYS[3], 'status', 'RESERVED', 'quantity', quantity, 'reason', '', 'lease', ARGV[2])
return {'RESERVED', novelty}
