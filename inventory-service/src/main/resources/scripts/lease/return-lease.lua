-- A holder gives its lease back (it stops, or has no more use for it): its unsold units
-- return to 'available' at once. Repeating it changes nothing.
-- KEYS 1 inv:{sku}:stock, 2 inv:{sku}:lease:<replica>, 3 inv:{sku}:leases
-- ARGV 1 replica, 2 units the holder sold from the lease in all (final: it sells no more)
if redis.call('EXISTS', KEYS[2]) == 0 then
  return {'NOT_FOUND', '0', '0', '0', '0', redis.call('HGET', KEYS[1], 'available') or '0', '0'}
end
local moved = lease_close(KEYS[1], KEYS[3], KEYS[2], ARGV[1], tonumber(ARGV[2]))
return lease_answer(KEYS[1], KEYS[2], 'RETURNED', moved)
