-- Replaces order-service's copy of the catalog in one step, so an order never reads half
-- of an old listing and half of a new one.
-- KEYS: 1 catalog hash (sku -> product json), 2 when it was listed
-- ARGV: 1 listed at (millis), then pairs of sku, product json
redis.call('DEL', KEYS[1])
for i = 2, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('SET', KEYS[2], ARGV[1])
return (#ARGV - 1) / 2
