-- Stops this replica selling from its quota of a sku (it is about to give the lease back):
-- after this, the sold count is final.
-- KEYS 1 ord:escrow:quota:<sku>:<replica>   returns the units sold from it in all
redis.call('HSET', KEYS[1], 'expiresAt', 0)
return tonumber(redis.call('HGET', KEYS[1], 'sold') or '0')
