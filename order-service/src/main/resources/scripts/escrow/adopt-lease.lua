-- Takes in what inventory said about this replica's lease of a sku (a grant, renewal or
-- return): its cumulative granted and returned units and its expiry. Counters only grow,
-- so a late answer never undoes a newer one. The sold count is this service's own.
-- KEYS 1 ord:escrow:quota:<sku>:<replica>, 2 ord:escrow:holders:<sku>, 3 ord:escrow:skus:<replica>
-- ARGV 1 replica, 2 sku, 3 granted, 4 returned, 5 expires at (millis, 0 closed), 6 heartbeat at (millis)
-- returns {units left, sold}
local q = redis.call('HMGET', KEYS[1], 'granted', 'returned', 'sold')
local granted = math.max(tonumber(q[1] or '0'), tonumber(ARGV[3]))
local returned = math.max(tonumber(q[2] or '0'), tonumber(ARGV[4]))
local sold = tonumber(q[3] or '0')
redis.call('HSET', KEYS[1], 'granted', granted, 'returned', returned, 'sold', sold, 'expiresAt', ARGV[5],
  'heartbeatAt', ARGV[6])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[2])
return {tostring(granted - returned - sold), tostring(sold)}
