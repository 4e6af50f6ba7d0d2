-- Takes up to ARGV[3] reservation releases that are due and pushes them ARGV[2] millis
-- into the future, so another replica does not attempt the same release meanwhile.
-- KEYS: 1 releases sorted set
-- ARGV: 1 now (millis), 2 lease (millis), 3 count
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local leased = tonumber(ARGV[1]) + tonumber(ARGV[2])
for _, id in ipairs(due) do
  redis.call('ZADD', KEYS[1], leased, id)
end
return due
