-- Claims an idempotency key atomically. The first caller owns it (CLAIMED); a duplicate
-- with the same body sees PENDING until the owner stores the outcome (DONE), or takes the
-- key over when the owner's lease ran out (it crashed); a different body is MISMATCH.
-- KEYS: 1 key hash
-- ARGV: 1 fingerprint, 2 candidate orderId, 3 owner token, 4 now (millis),
--       5 lease end (millis), 6 retention (seconds)
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'fingerprint', ARGV[1], 'state', 'PENDING', 'orderId', ARGV[2],
    'owner', ARGV[3], 'leaseUntil', ARGV[5])
  redis.call('EXPIRE', KEYS[1], ARGV[6])
  return {'CLAIMED', ARGV[2]}
end
local h = redis.call('HMGET', KEYS[1], 'fingerprint', 'state', 'orderId', 'leaseUntil', 'status',
  'contentType', 'body')
if h[1] ~= ARGV[1] then
  return {'MISMATCH', h[3]}
end
if h[2] == 'DONE' then
  return {'DONE', h[3], h[5], h[6], h[7]}
end
if tonumber(h[4]) < tonumber(ARGV[4]) then
  redis.call('HSET', KEYS[1], 'owner', ARGV[3], 'leaseUntil', ARGV[5])
  return {'CLAIMED', h[3]}
end
return {'PENDING', h[3]}
