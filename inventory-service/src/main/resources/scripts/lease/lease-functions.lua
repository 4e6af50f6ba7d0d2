-- Shared by the lease scripts (put in front of each): a lease is one replica's quota of a
-- sku, kept as cumulative counters so that a repeat or a restart of the holder never
-- counts a unit twice. held = granted - settled - returned units sit in the stock hash's
-- 'leased' field: available + leased + reserved + sold = initial + adjustments.
-- 'reportedSold' is what the holder last said it sold from the lease (its heartbeat); a
-- lease that closes keeps those units until their sales arrive and gives the rest back.
local function lease_read(key)
  local f = redis.call('HMGET', key, 'granted', 'settled', 'returned', 'reportedSold', 'expiresAt')
  return {granted = tonumber(f[1] or '0'), settled = tonumber(f[2] or '0'), returned = tonumber(f[3] or '0'),
    reportedSold = tonumber(f[4] or '0'), expiresAt = tonumber(f[5] or '0')}
end

-- Give back to 'available' every unit of the lease that was neither sold (as far as the
-- holder reported, or its sales arrived) nor given back before; returns the units moved.
local function lease_close(stockKey, leasesKey, key, replica, soldTotal)
  local l = lease_read(key)
  local sold = math.max(l.settled, l.reportedSold, soldTotal)
  local unsold = l.granted - l.returned - sold
  redis.call('HSET', key, 'reportedSold', math.max(l.reportedSold, soldTotal), 'expiresAt', 0)
  redis.call('HDEL', key, 'closingSince')
  redis.call('ZREM', leasesKey, replica)
  if unsold <= 0 then
    return 0
  end
  redis.call('HINCRBY', key, 'returned', unsold)
  redis.call('HINCRBY', stockKey, 'leased', -unsold)
  redis.call('HINCRBY', stockKey, 'available', unsold)
  return unsold
end

local function lease_answer(stockKey, key, status, moved)
  local l = lease_read(key)
  return {status, tostring(l.granted), tostring(l.settled), tostring(l.returned), tostring(l.expiresAt),
    redis.call('HGET', stockKey, 'available') or '0', tostring(moved)}
end
