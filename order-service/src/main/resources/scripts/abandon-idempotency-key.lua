-- Gives a claimed key up (the attempt ended with a transient or input error that is not
-- replayed), so a retry starts afresh. Only the owner may.
-- KEYS: 1 key hash
-- ARGV: 1 owner token
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] or redis.call('HGET', KEYS[1], 'state') ~= 'PENDING' then
  return 0
end
redis.call('DEL', KEYS[1])
return 1
