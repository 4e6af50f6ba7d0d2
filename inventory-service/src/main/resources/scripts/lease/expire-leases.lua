-- Closes every lease of the sku whose expiry has passed (its holder stopped renewing: it
-- crashed, or lost inventory): the unsold units return to 'available' by themselves. The
-- lease keys are named from the sku's own hash tag, so they share the stock hash's slot.
-- KEYS 1 inv:{sku}:stock, 2 inv:{sku}:leases   ARGV 1 now (millis), 2 lease key prefix
-- returns {replica, units returned, ...}
local out = {}
for _, replica in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])) do
  out[#out + 1] = replica
  out[#out + 1] = tostring(lease_close(KEYS[1], KEYS[2], ARGV[2] .. replica, replica, 0))
end
return out
