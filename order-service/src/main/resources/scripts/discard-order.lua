-- Removes an ACCEPTED order that was never acknowledged to the shopper (the sync call
-- failed before an answer), giving its launch-item units back and taking it out of the
-- auditor's figures (audit-counters.lua). Whatever may have been reserved for it goes into
-- the release outbox in the same step (release-outbox.lua).
-- KEYS: 1 order hash, 2 customer index, 3 limit counter, 4 accepted deadlines, 5 all orders,
--       6 release outbox, 7-14 the auditor's figures
-- ARGV: 1 orderId, 2 now (millis), 3.. skus whose reservations to release
if redis.call('HGET', KEYS[1], 'status') ~= 'ACCEPTED' then
  return 0
end
local units = tonumber(redis.call('HGET', KEYS[1], 'limitedUnits') or '0')
if units > 0 and redis.call('DECRBY', KEYS[3], units) <= 0 then
  redis.call('DEL', KEYS[3])
end
local audit = audit_keys()
local counted = audit_read(audit, KEYS[1], ARGV[1])
if counted.audited then
  audit_order(audit, counted, -1)
end
audit_witness(audit, ARGV[1], counted.mode, 'DISCARDED', counted.items, ARGV[2])
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('ZREM', KEYS[5], ARGV[1])
release_schedule(KEYS[6], ARGV[1], ARGV[2], {unpack(ARGV, 3)})
return 1
