-- Closes every lease of the sku whose expiry has passed (its holder stopped renewing: it
-- crashed, or lost inventory) once it has stayed expired for the grace: the unsold units
-- return to 'available' by themselves. The grace runs from when a running inventory first
-- saw the lease expired ('closingSince'), not from the expiry itself: after an inventory
-- outage every lease is long expired, and its holder (alive, still counting its sales) must
-- get the chance to report what it sold before the units are handed out again; a renewal
-- (grant-lease.lua) ends the closing. The lease keys are named from the sku's own hash tag,
-- so they share the stock hash's slot.
-- KEYS 1 inv:{sku}:stock, 2 inv:{sku}:leases   ARGV 1 now (millis), 2 lease key prefix, 3 grace (millis)
-- returns {replica, units returned, ...}
local out = {}
local now = tonumber(ARGV[1])
for _, replica in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])) do
  local key = ARGV[2] .. replica
  local since = tonumber(redis.call('HGET', key, 'closingSince') or '0')
  if since == 0 then
    redis.call('HSET', key, 'closingSince', ARGV[1])
  elseif now - since >= tonumber(ARGV[3]) then
    out[#out + 1] = replica
    out[#out + 1] = tostring(lease_close(KEYS[1], KEYS[2], key, replica, 0))
  end
end
return out
