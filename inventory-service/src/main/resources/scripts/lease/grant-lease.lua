-- Grants or renews a replica's lease in one atomic step: moves up to 'wanted' units from
-- 'available' into the lease and sets its expiry. Near sell-out (what is left after the
-- grant would not fill another batch) it grants half of what is left, at least one unit,
-- so few units end the sale stranded in one replica's quota while another has none.
-- KEYS 1 inv:{sku}:stock, 2 inv:{sku}:lease:<replica>, 3 inv:{sku}:leases (replica by expiry),
--      4 inv:{sku}:lease-holders (every replica that ever held one)
-- ARGV 1 replica, 2 wanted (>= 0; 0 renews only), 3 expires at (millis), 4 sold total the holder reports
-- returns {status, granted, settled, returned, expiresAt, available, units granted now}
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'UNKNOWN', '0', '0', '0', '0', '0', '0'}
end
local wanted = tonumber(ARGV[2])
local available = tonumber(redis.call('HGET', KEYS[1], 'available'))
local give = math.min(wanted, available)
if give > 0 and available - give < wanted then
  give = math.min(wanted, math.max(1, math.ceil(available / 2)))
end
local l = lease_read(KEYS[2])
redis.call('HSET', KEYS[2], 'replica', ARGV[1], 'expiresAt', ARGV[3],
  'reportedSold', math.max(l.reportedSold, tonumber(ARGV[4])))
-- renewed: no longer closing (expire-leases.lua)
redis.call('HDEL', KEYS[2], 'closingSince')
if give > 0 then
  redis.call('HINCRBY', KEYS[2], 'granted', give)
  redis.call('HINCRBY', KEYS[1], 'available', -give)
  redis.call('HINCRBY', KEYS[1], 'leased', give)
end
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
return lease_answer(KEYS[1], KEYS[2], 'GRANTED', give)
