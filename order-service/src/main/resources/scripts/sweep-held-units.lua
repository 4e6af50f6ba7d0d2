-- The next page of customers holding launch-item units as the order scripts count them
-- (HSCAN from a cursor), plus customers to compare again, each beside its purchase-limit
-- counter, in one atomic read: they change together, so any difference is drift. The
-- counters' names are built here from ARGV[3] (one Redis node, as the shop runs it).
-- KEYS: 1 units held per customer (hash)
-- ARGV: 1 cursor, 2 page size, 3 limit counter key prefix, 4.. customers to compare again
-- Answer: {next cursor, customer, held, counter, customer, held, counter, ...}
local page = redis.call('HSCAN', KEYS[1], ARGV[1], 'COUNT', tonumber(ARGV[2]))
local answer = {page[1]}
local seen = {}
local function compare(customer)
  if seen[customer] then
    return
  end
  seen[customer] = true
  local held = tonumber(redis.call('HGET', KEYS[1], customer) or '0') or -1
  local counted = tonumber(redis.call('GET', ARGV[3] .. customer) or '0') or -1
  table.insert(answer, customer)
  table.insert(answer, held)
  table.insert(answer, counted)
end
for i = 4, #ARGV do
  compare(ARGV[i])
end
for i = 1, #page[2], 2 do
  compare(page[2][i])
end
return answer
