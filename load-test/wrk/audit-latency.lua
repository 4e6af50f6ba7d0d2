-- wrk script: stops answering after `calls` responses (wrk ... -- <calls>; wrk still waits out
-- its -d), and prints the latency percentiles and the verdicts the audits gave.
local calls, answered, not_ok = 300, 0, 0
verdicts = ""
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  calls = tonumber(args[1] or "300")
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= 200 then
    not_ok = not_ok + 1
  end
  local verdict = string.match(body or "", '"verdict":"(%u+)"') or "none"
  if not string.find(verdicts, verdict, 1, true) then
    verdicts = verdicts .. verdict .. " "
  end
  if answered >= calls then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local seen = ""
  for _, thread in ipairs(threads) do
    seen = seen .. (thread:get("verdicts") or "")
  end
  io.write(string.format("calls %d, non-200 %d, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, verdicts seen: %s\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, seen))
end
