-- wrk script: every buyer is new and places one order for one unit.
-- A buyer first gets its customer token (POST /api/identity, as an API client does), then
-- orders with it as 'Authorization: Bearer'. Each buyer has its own X-Forwarded-For (the gateway
-- rate-limits identities per client address, orders per customer) and Idempotency-Key, so wrk
-- measures the shop, not the rate limiter. So every other request is an identity: wrk's
-- request count and latency lines cover both kinds; the orders alone are counted in 'done'.
-- Environment: MODE (sync|async|escrow, default async), SKU (default XBOX-SERIES-X).
local mode = os.getenv("MODE") or "async"
local sku = os.getenv("SKU") or "XBOX-SERIES-X"
local thread_seq = 0
local threads = {}
local counter = 0
local prefix
local tokens = {}
local order_seq = 0
orders = 0
order_status = {}

function setup(thread)
  thread_seq = thread_seq + 1
  thread:set("thread_id", thread_seq)
  table.insert(threads, thread)
end

function init(args)
  prefix = string.format("wrk-%d-%d-%d", os.time(), thread_id or 0, math.random(1, 1e9))
end

local function address(n)
  return string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
end

function request()
  local buyer = table.remove(tokens)
  if buyer == nil then
    counter = counter + 1
    local n = (thread_id or 0) * 1000003 + counter
    return wrk.format("POST", "/api/identity", { ["X-Forwarded-For"] = address(n) }, "")
  end
  order_seq = order_seq + 1
  local body = string.format('{"items":[{"sku":"%s","quantity":1}]}', sku)
  return wrk.format("POST", "/api/orders", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. buyer,
    ["Idempotency-Key"] = prefix .. "-" .. order_seq,
    ["X-Checkout-Mode"] = mode,
    ["X-Forwarded-For"] = address((thread_id or 0) * 1000003 + order_seq),
  }, body)
end

function response(status, headers, body)
  local token = body and body:match('"token"%s*:%s*"([%w%._%-]+)"')
  if token then
    table.insert(tokens, token)
  elseif status ~= 429 or not body:find("identity", 1, true) then
    orders = orders + 1
    order_status[status] = (order_status[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d (identities and orders)  duration %.1f s  rate %.0f/s\n", summary.requests,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
  io.write(string.format("non-2xx/3xx %d  socket errors: connect %d read %d write %d timeout %d\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout))
  local answered, by_status = 0, {}
  for _, thread in ipairs(threads) do
    answered = answered + (thread:get("orders") or 0)
    for status, n in pairs(thread:get("order_status") or {}) do
      by_status[status] = (by_status[status] or 0) + n
    end
  end
  io.write(string.format("orders answered %d:", answered))
  for status, n in pairs(by_status) do
    io.write(string.format("  %s x %d", status, n))
  end
  io.write("\n")
end
