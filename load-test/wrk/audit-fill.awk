# Writes the Redis commands (RESP, for `redis-cli --pipe`) that place ORDERS orders through
# order-service's own scripts (EVALSHA of create-order and transition-order, as
# OrderRepository runs them), then sets inventory's stock to agree with them.
# Variables: ORDERS, CREATE and TRANSITION (script SHAs), NOW_MS, NOW_ISO, PAST_ISO.
# Of every 100 orders: 1 stays ACCEPTED (in flight, created now), 60 are CONFIRMED, 35 CANCELLED
# (sold out), 4 REJECTED (sync); every order holds one XBOX-SERIES-X, every third also a controller.
function bulk(s) { return "$" length(s) "\r\n" s "\r\n" }
function command(n, args,    out, i) {
  out = "*" n "\r\n"
  for (i = 1; i <= n; i++) out = out bulk(args[i])
  printf "%s", out
}
BEGIN {
  # the auditor's keys, the outbox last (each change's ledger record for the witness goes there)
  split("ord:all ord:audit:counters ord:audit:in-flight ord:audit:key-uses ord:audit:shared-keys ord:audit:no-reason ord:audit:held ord:outbox", audit, " ")
  for (i = 0; i < ORDERS; i++) {
    id = "bench-order-" i; customer = "bench-parent-" i; slot = i % 100
    items = "[{\"sku\":\"XBOX-SERIES-X\",\"quantity\":1}"
    controller = (i % 3 == 0)
    if (controller) items = items ",{\"sku\":\"XBOX-WIRELESS-CONTROLLER\",\"quantity\":1}"
    items = items "]"
    mode = (slot >= 96 || slot % 2 == 0) ? "sync" : "async"
    inflight = (slot == 0)
    n = 0
    a[++n] = "EVALSHA"; a[++n] = CREATE; a[++n] = "14"
    a[++n] = "ord:order:" id; a[++n] = "ord:customer:" customer; a[++n] = "ord:limit:" customer
    a[++n] = "ord:accepted"; a[++n] = "ord:all"; a[++n] = "ord:outbox"
    for (k = 1; k <= 8; k++) a[++n] = audit[k]
    a[++n] = id; a[++n] = customer; a[++n] = items; a[++n] = mode
    a[++n] = inflight ? NOW_ISO : PAST_ISO
    a[++n] = inflight ? NOW_MS : (NOW_MS - 3600000 - ORDERS + i)
    a[++n] = "1"; a[++n] = "2"; a[++n] = (NOW_MS + 3600000); a[++n] = "bench-key-" i
    a[++n] = ""; a[++n] = ""; a[++n] = "200"
    command(n, a)
    if (inflight) { inflightOrders++; continue }
    if (slot <= 60) { next_status = "CONFIRMED"; reason = ""; confirmedX++; if (controller) confirmedC++ }
    else if (slot <= 95) { next_status = "CANCELLED"; reason = "Sold out after your order was accepted; you will not be charged." }
    else { next_status = "REJECTED"; reason = "Sold out" }
    n = 0
    a[++n] = "EVALSHA"; a[++n] = TRANSITION; a[++n] = "12"
    a[++n] = "ord:order:" id; a[++n] = "ord:limit:" customer; a[++n] = "ord:accepted"; a[++n] = "ord:releases"
    for (k = 1; k <= 8; k++) a[++n] = audit[k]
    a[++n] = id; a[++n] = "ACCEPTED"; a[++n] = next_status; a[++n] = reason; a[++n] = NOW_ISO
    a[++n] = "ord:status-changed"; a[++n] = NOW_MS
    command(n, a)
  }
  # inventory agrees: every confirmed unit reserved, 1,000 units left of each
  stock("XBOX-SERIES-X", confirmedX + 0)
  stock("XBOX-WIRELESS-CONTROLLER", confirmedC + 0)
  print "orders " ORDERS ", in flight " inflightOrders ", confirmed Xbox units " confirmedX > "/dev/stderr"
}
function stock(sku, reserved,    s) {
  n = 0
  s[++n] = "HSET"; s[++n] = "inv:{" sku "}:stock"; s[++n] = "available"; s[++n] = "1000"
  s[++n] = "reserved"; s[++n] = reserved ""; s[++n] = "sold"; s[++n] = "0"
  s[++n] = "initial"; s[++n] = (reserved + 1000) ""; s[++n] = "adjustments"; s[++n] = "0"
  command(n, s)
}
