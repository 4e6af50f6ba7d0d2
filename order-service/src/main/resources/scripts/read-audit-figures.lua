-- The auditor's figures in one atomic read, so they agree with each other.
-- KEYS: the auditor's 8 keys (audit-counters.lua), 9 the mark that earlier orders were counted
-- ARGV: 1 created before (millis): ACCEPTED orders older than this are overdue, 2 sample size
local all, counters, inFlight, keys, shared, noReason, held = KEYS[1], KEYS[2], KEYS[3], KEYS[4],
  KEYS[5], KEYS[6], KEYS[7]
local before = '(' .. ARGV[1]
local sample = tonumber(ARGV[2])
return {
  redis.call('HGETALL', counters),
  redis.call('ZCARD', all),
  redis.call('ZCARD', inFlight),
  redis.call('ZCOUNT', inFlight, '-inf', before),
  redis.call('ZRANGEBYSCORE', inFlight, '-inf', before, 'LIMIT', 0, sample),
  redis.call('SCARD', shared),
  redis.call('SRANDMEMBER', shared, sample),
  redis.call('SCARD', noReason),
  redis.call('SRANDMEMBER', noReason, sample),
  redis.call('HLEN', held),
  redis.call('EXISTS', KEYS[9])
}
