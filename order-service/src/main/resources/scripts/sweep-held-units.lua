-- The next page of customers holding launch-item units as the order scripts count them
-- (HSCAN from a cursor), plus customers to compare again, each beside its purchase-limit
-- counter, in one atomic read: they change together, so any difference is drift. The
-- counters' names are built here from ARGV[3] (one Redis node, as the shop runs it).
-- KEYS: 1 units held per customer (hash)
-- ARGV: 1 cursor, 2 page size, 3 limit counter key prefix, 4 purchase limit,
--       5.. customers to compare again
-- Answer: {next cursor, customers compared, then for each one that is off (counter differs or
--          over the limit): customer, held, counter}
local page = redis.call('HSCAN', KEYS[1], ARGV[1], 'COUNT', tonumber(ARGV[2]))
local customers, held, seen = {}, {}, {}
for i = 5, #ARGV do
  if not seen[ARGV[i]] then
    seen[ARGV[i]] = true
    table.insert(customers, ARGV[i])
    held[#customers] = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0') or -1
  end
end
local entries = page[2]
for i = 1, #entries, 2 do
  if not seen[entries[i]] then
    seen[entries[i]] = true
    table.insert(customers, entries[i])
    held[#customers] = tonumber(entries[i + 1]) or -1
  end
end
local limit = tonumber(ARGV[4])
local answer = {page[1], #customers}
local batch = 1000
for from = 1, #customers, batch do
  local keys = {}
  for i = from, math.min(#customers, from + batch - 1) do
    table.insert(keys, ARGV[3] .. customers[i])
  end
  local counters = redis.call('MGET', unpack(keys))
  for j, value in ipairs(counters) do
    local i = from + j - 1
    local counted = tonumber(value or '0') or -1
    if counted ~= held[i] or held[i] > limit then
      table.insert(answer, customers[i])
      table.insert(answer, held[i])
      table.insert(answer, counted)
    end
  end
end
return answer
