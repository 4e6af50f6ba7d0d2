-- Retires a final order past its retention: removes it and its indexes, gives its launch-item
-- units back to the purchase limit, takes it out of the auditor's live figures and counts it
-- in the retired ones ('retired:orders', 'retired:status:<S>', 'retired:units:CONFIRMED:<sku>'),
-- so the audit still matches inventory's ledger, which keeps sold units. An ACCEPTED order is
-- never retired (its deadline ends it first).
-- KEYS: 1 order hash, 2 customer index, 3 limit counter, 4-11 the auditor's figures
-- ARGV: 1 orderId, 2 now (millis)
local audit = audit_keys()
local o = audit_read(audit, KEYS[1], ARGV[1])
if not o then
  redis.call('ZREM', audit.all, ARGV[1])
  return 0
end
if o.status == 'ACCEPTED' then
  return 0
end
if o.audited then
  audit_order(audit, o, -1)
  audit_add(audit.counters, 'retired:orders', 1)
  audit_add(audit.counters, 'retired:status:' .. o.status, 1)
  if o.status == 'CONFIRMED' then
    for _, line in ipairs(o.items) do
      audit_add(audit.counters, 'retired:units:CONFIRMED:' .. line.sku, tonumber(line.quantity))
    end
  end
end
if not audit_failed(o.status) and o.limitedUnits > 0 and redis.call('DECRBY', KEYS[3], o.limitedUnits) <= 0 then
  redis.call('DEL', KEYS[3])
end
audit_witness(audit, ARGV[1], o.mode, 'RETIRED', o.items, ARGV[2])
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', audit.all, ARGV[1])
return 1
