-- wrk script: GET one product; every request comes from its own client address
-- (X-Forwarded-For) and carries its own Idempotency-Key, so the gateway's per-client
-- rate limiter never refuses the load generator and no two requests share a key.
-- Usage: wrk -s product-read.lua http://127.0.0.1:8080 -- [path] [run-id]
-- Prints one line "RESULT key=value ..." that gateway-vs-direct.sh reads.

local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  path = args[1] or "/api/products/XBOX-SERIES-X"
  run = args[2] or tostring(os.time())
  sent = 0
  non2xx = 0
  fallbacks = 0
  limited = 0
end

function request()
  sent = sent + 1
  -- 10.t.x.y: 2^16 distinct clients per thread, distinct across threads
  local n = sent % 65536
  local address = string.format("10.%d.%d.%d", thread_id % 256, math.floor(n / 256), n % 256)
  return wrk.format("GET", path, {
    ["X-Forwarded-For"] = address,
    ["Idempotency-Key"] = string.format("wrk-%s-%d-%d", run, thread_id, sent),
  })
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if status == 429 then
      limited = limited + 1
    elseif status == 503 and body ~= nil and body:find("-unavailable", 1, true) then
      -- the gateway's circuit-breaker fallback (warehouse-unavailable / service-unavailable)
      fallbacks = fallbacks + 1
    end
  end
end

function done(summary, latency, requests)
  local n, f, l = 0, 0, 0
  for _, thread in ipairs(threads) do
    n = n + thread:get("non2xx")
    f = f + thread:get("fallbacks")
    l = l + thread:get("limited")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f non2xx=%d fallbacks=%d limited=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, n, f, l, errors))
end
