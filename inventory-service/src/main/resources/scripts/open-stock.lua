-- Opens the stock ledger of a sku once; a second call (another replica, a restart) changes nothing.
-- KEYS[1] inv:{sku}:stock   ARGV[1] initial units
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'available', ARGV[1], 'reserved', 0, 'sold', 0, 'initial', ARGV[1], 'adjustments', 0)
return 1
