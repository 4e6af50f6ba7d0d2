-- Compare-and-set of an order's status: moves it only from the expected status, so a
-- duplicate or late event changes nothing. A failed order gives its launch-item units back
-- to the purchase limit in the same step, and the auditor's figures move with it
-- (audit-counters.lua), with the witness's ledger record. The reservations to give back for a failed order go into the
-- release outbox in the same step (release-outbox.lua). Subscribers hear the order id on
-- the channel.
-- KEYS: 1 order hash, 2 limit counter, 3 accepted deadlines, 4 release outbox,
--       5-12 the auditor's figures
-- ARGV: 1 orderId, 2 expected status, 3 next status, 4 reason, 5 now (ISO), 6 channel,
--       7 now (millis), 8.. skus whose reservations to release (only when it moved)
local current = redis.call('HGET', KEYS[1], 'status')
if not current then
  return {'MISSING', ''}
end
if current ~= ARGV[2] then
  return {'UNCHANGED', current}
end
local audit = audit_keys()
local counted = audit_read(audit, KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], 'status', ARGV[3], 'reason', ARGV[4], 'updatedAt', ARGV[5])
if counted.audited then
  audit_status(audit, counted, -1)
  counted.status = ARGV[3]
  counted.reason = ARGV[4]
  audit_status(audit, counted, 1)
end
audit_witness(audit, ARGV[1], counted.mode, ARGV[3], counted.items, ARGV[7])
if ARGV[3] == 'CANCELLED' or ARGV[3] == 'REJECTED' then
  local units = tonumber(redis.call('HGET', KEYS[1], 'limitedUnits') or '0')
  if units > 0 and redis.call('DECRBY', KEYS[2], units) <= 0 then
    redis.call('DEL', KEYS[2])
  end
end
if ARGV[3] ~= 'ACCEPTED' then
  redis.call('ZREM', KEYS[3], ARGV[1])
end
release_schedule(KEYS[4], ARGV[1], ARGV[7], {unpack(ARGV, 8)})
redis.call('PUBLISH', ARGV[6], ARGV[1])
return {'CHANGED', ARGV[3]}
