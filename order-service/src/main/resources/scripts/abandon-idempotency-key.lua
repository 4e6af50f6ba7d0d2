-- Gives a claimed key up (the attempt ended with a transient or input error that is not
-- replayed), so a retry starts afresh. Only the owner may. If the order bound to the key
-- exists (the create script ran, even though its caller saw an error, e.g. a timeout),
-- the key stays bound to it and only the lease ends: a retry takes the key over at once
-- and settles that same order instead of creating a second one.
-- Duplicates waiting on the key hear it on the channel either way.
-- KEYS: 1 key hash, 2 hash of the order bound to the key
-- ARGV: 1 owner token, 2 orderId the caller was placing, 3 channel, 4 the key
local h = redis.call('HMGET', KEYS[1], 'owner', 'state', 'orderId')
if h[1] ~= ARGV[1] or h[2] ~= 'PENDING' then
  return 0
end
if h[3] ~= ARGV[2] or redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('HSET', KEYS[1], 'leaseUntil', '0')
  redis.call('PUBLISH', ARGV[3], ARGV[4])
  return 2
end
redis.call('DEL', KEYS[1])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1
