-- Counts orders stored before the auditor's figures existed (audit-counters.lua), each at
-- most once: an order already counted, by its create script or an earlier pass, is skipped,
-- so passes may overlap each other and live traffic.
-- KEYS: 1..n order hashes, then the auditor's 8 keys
-- ARGV: 1..n the order ids
local audit = audit_keys()
local counted = 0
for i, orderId in ipairs(ARGV) do
  if redis.call('HGET', KEYS[i], 'audited') ~= '1' then
    local order = audit_read(audit, KEYS[i], orderId)
    if order then
      audit_order(audit, order, 1)
      redis.call('HSET', KEYS[i], 'audited', '1')
      counted = counted + 1
    end
  end
end
return counted
