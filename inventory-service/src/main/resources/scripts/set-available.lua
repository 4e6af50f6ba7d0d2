-- Sets the available count and records the difference as an adjustment, so that
-- available + reserved + sold == initial + adjustments still holds.
-- KEYS[1] inv:{sku}:stock   ARGV[1] new available (>= 0)
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
local target = tonumber(ARGV[1])
local current = tonumber(redis.call('HGET', KEYS[1], 'available'))
redis.call('HSET', KEYS[1], 'available', target)
redis.call('HINCRBY', KEYS[1], 'adjustments', target - current)
return 1
