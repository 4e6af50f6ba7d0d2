-- Acknowledges and deletes one outbox entry after the broker acknowledged its record.
-- KEYS: 1 outbox stream
-- ARGV: 1 group, 2 entry id
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return redis.call('XDEL', KEYS[1], ARGV[2])
