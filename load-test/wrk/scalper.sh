#!/usr/bin/env bash
# A scripted scalper against a running shop (loopback only, bounded: about 60 requests).
# One client tries every trick: one customer token and many body customerIds, new X-Forwarded-For
# addresses, forged X-Shop-Customer headers (at the gateway and straight at order-service), a token
# with a bad signature, and many new identities. Prints the answers by status for each trick.
#
# usage: load-test/wrk/scalper.sh [--port-offset=N]     (needs curl and python3)
set -euo pipefail
offset=0
for arg in "$@"; do
  case "$arg" in
    --port-offset=*) offset="${arg#*=}" ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
gateway="http://127.0.0.1:$((8080 + offset))"
order="http://127.0.0.1:$((8084 + offset))"
operator="Authorization: Bearer ${SHOP_OPERATOR_TOKEN:-xbox-launch-operator}"
sku=XBOX-SERIES-X
forged_proof="1764590400.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

tally() { sort | uniq -c | awk '{printf "  %s x %s\n", $1, $2}'; }
# post_order URL KEY BODY [curl header arguments...]: prints the status
post_order() {
  local url="$1" key="$2" body="$3"; shift 3
  curl -s -o /dev/null -w '%{http_code}\n' -X POST "$url/api/orders" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $key" "$@" -d "$body"
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

curl -sf -o /dev/null -X PUT "$gateway/api/admin/inventory/$sku/stock" -H "$operator" \
  -H 'Content-Type: application/json' -d '{"available": 1000}'
identity=$(curl -sf -X POST "$gateway/api/identity" -H 'X-Forwarded-For: 192.0.2.1')
token=$(field token <<<"$identity")
me=$(field customerId <<<"$identity")
echo "scalper's one token: customer $me"

echo "1. 30 orders of one $sku with that token, each with a new body customerId, a new X-Forwarded-For"
echo "   and a forged X-Shop-Customer + proof (the purchase limit is 2 per customer, orders 2/s, burst 5):"
for i in $(seq 1 30); do
  fake=$(python3 -c 'import uuid; print(uuid.uuid4())')
  post_order "$gateway" "scalper-$me-$i" "{\"customerId\":\"$fake\",\"items\":[{\"sku\":\"$sku\",\"quantity\":1}]}" \
    -H "Authorization: Bearer $token" -H 'X-Checkout-Mode: sync' -H "X-Forwarded-For: 198.51.100.$i" \
    -H "X-Shop-Customer: $fake" -H "X-Shop-Customer-Proof: $forged_proof"
done | tally
echo "   orders the scalper's customer holds: $(curl -s "$gateway/api/orders" -H "Authorization: Bearer $token" \
  | python3 -c 'import json,sys; o=json.load(sys.stdin); print(len(o), "orders,", sum(l["quantity"] for x in o for l in x["items"] if x["status"] in ("CONFIRMED","ACCEPTED")), "units")')"

echo "2. 10 orders with only a forged X-Shop-Customer header (no token), at the gateway:"
for i in $(seq 1 10); do
  post_order "$gateway" "forged-$me-$i" "{\"customerId\":\"forged-$i\",\"items\":[{\"sku\":\"$sku\",\"quantity\":1}]}" \
    -H "X-Shop-Customer: forged-$i" -H "X-Shop-Customer-Proof: $forged_proof"
done | tally

echo "3. 5 orders straight to order-service with a forged X-Shop-Customer and proof:"
for i in $(seq 1 5); do
  post_order "$order" "direct-$me-$i" "{\"items\":[{\"sku\":\"$sku\",\"quantity\":1}]}" \
    -H "X-Shop-Customer: direct-$i" -H "X-Shop-Customer-Proof: $forged_proof"
done | tally

echo "4. 5 orders with the token's signature changed:"
bad="${token%?}"; [ "${token: -1}" = A ] && bad="${bad}B" || bad="${bad}A"
for i in $(seq 1 5); do
  post_order "$gateway" "bad-$me-$i" "{\"items\":[{\"sku\":\"$sku\",\"quantity\":1}]}" -H "Authorization: Bearer $bad"
done | tally

echo "5. 15 new identities from one address (no X-Forwarded-For; 1/s, burst 10 per address):"
for i in $(seq 1 15); do
  curl -s -o /dev/null -w '%{http_code}\n' -X POST "$gateway/api/identity"
done | tally

echo "6. the audit without the operator token: ids shown / redacted"
curl -s "$gateway/api/audit" | python3 -c 'import re,sys; t=sys.stdin.read(); print("  ", len(re.findall(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", t)), "ids,", t.count("[redacted]"), "redacted")'
