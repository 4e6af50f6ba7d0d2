-- Stores the response of a claimed key, for every retry to replay. Only the owner may.
-- Duplicates waiting on the key hear it on the channel.
-- KEYS: 1 key hash
-- ARGV: 1 owner token, 2 status, 3 content type, 4 body, 5 retention (seconds), 6 channel,
--       7 the key
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] or redis.call('HGET', KEYS[1], 'state') ~= 'PENDING' then
  return 0
end
redis.call('HSET', KEYS[1], 'state', 'DONE', 'status', ARGV[2], 'contentType', ARGV[3], 'body', ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[5])
redis.call('PUBLISH', ARGV[6], ARGV[7])
return 1
