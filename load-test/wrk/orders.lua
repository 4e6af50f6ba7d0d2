-- wrk script: every request is a new buyer placing one order for one unit.
-- Each request gets its own customer, Idempotency-Key and X-Forwarded-For (the gateway
-- rate-limits per client), so wrk measures the shop, not the rate limiter.
-- Environment: MODE (sync|async|escrow, default async), SKU (default XBOX-SERIES-X).
local mode = os.getenv("MODE") or "async"
local sku = os.getenv("SKU") or "XBOX-SERIES-X"
local thread_seq = 0
local counter = 0
local prefix

function setup(thread)
  thread_seq = thread_seq + 1
  thread:set("thread_id", thread_seq)
end

function init(args)
  prefix = string.format("wrk-%d-%d-%d", os.time(), thread_id or 0, math.random(1, 1e9))
end

function request()
  counter = counter + 1
  local id = prefix .. "-" .. counter
  local n = (thread_id or 0) * 1000003 + counter
  local ip = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  local body = string.format('{"customerId":"%s","items":[{"sku":"%s","quantity":1}]}', id, sku)
  return wrk.format("POST", "/api/orders", {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = id,
    ["X-Checkout-Mode"] = mode,
    ["X-Forwarded-For"] = ip,
  }, body)
end


function done(summary, latency, requests)
  io.write(string.format("requests %d  duration %.1f s  rate %.0f/s\n", summary.requests,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
  io.write(string.format("non-2xx/3xx %d  socket errors: connect %d read %d write %d timeout %d\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout))
end
