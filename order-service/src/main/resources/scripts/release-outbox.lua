-- The release outbox: reservations inventory must give back, written by the same script
-- that fails or drops the order, so no crash can come between the two. ReservationReleases
-- relays each entry until inventory acknowledges it. An entry is '<orderId>|<sku>' (an
-- order id has no '|'), scored by when it is next due (millis).
-- This text is put in front of the order scripts (OrderScripts), like audit-counters.lua.
local function release_schedule(releases, order_id, now_ms, skus)
  for _, sku in ipairs(skus) do
    redis.call('ZADD', releases, now_ms, order_id .. '|' .. sku)
  end
end
