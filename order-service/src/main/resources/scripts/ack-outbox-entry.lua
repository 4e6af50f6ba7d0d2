-- Acknowledges and deletes outbox entries after the broker acknowledged their records.
-- KEYS: 1 outbox stream
-- ARGV: 1 group, 2.. entry ids
local ids = {unpack(ARGV, 2)}
redis.call('XACK', KEYS[1], ARGV[1], unpack(ids))
return redis.call('XDEL', KEYS[1], unpack(ids))
