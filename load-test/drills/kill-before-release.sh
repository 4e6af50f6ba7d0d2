#!/usr/bin/env bash
# Drill: kill -9 of order-service between a failed sync order and its release, then a restart.
# Against a shop started with ./shop --port-offset=N (loopback only): ./kill-before-release.sh N
# Inventory is made slow (1.5 s, past order-service's 800 ms timeout) so five sync orders answer 503
# while their reservations still land; inventory is then made "down" so the releases cannot go
# through; order-service is killed with the releases pending, inventory healed, order-service
# restarted with the same command line. Prints the stock and the release outbox at each step,
# and the auditor's verdict.
set -u
N=${1:-0}
T=xbox-launch-operator; I=http://127.0.0.1:$((8083 + N)); O=http://127.0.0.1:$((8084 + N))
R="redis-cli -p $((6379 + N))"
OPID=$(pgrep -f -- "order-service.*--server.port=$((8084 + N))( |$)" | head -1)
[ -n "$OPID" ] || { echo "no order-service on port $((8084 + N))"; exit 1; }
CMD=()
while IFS= read -r -d '' arg; do CMD+=("$arg"); done < "/proc/$OPID/cmdline"
cd "$(readlink "/proc/$OPID/cwd")"
stock() { curl -s $I/api/stock | python3 -c "import json,sys; l=[l for l in json.load(sys.stdin) if l['sku']=='XBOX-SERIES-X'][0]; print('available',l['available'],'reserved',l['reserved'],'conserved',l['conserved'])"; }
chaos() { curl -s -o /dev/null -X PUT -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d "$1" $I/api/admin/chaos; }
echo "before:        $(stock); release outbox $($R ZCARD ord:releases)"
chaos '{"extraLatencyMs":1500,"down":false,"errorRate":0}'
for i in 1 2 3 4 5; do
  curl -s -o /tmp/drill-$i.out -w "order $i: %{http_code} in %{time_total}s\n" -X POST $O/api/orders \
    -H 'Content-Type: application/json' -H "Idempotency-Key: drill-$RANDOM-$i" -H 'X-Checkout-Mode: sync' \
    -d "{\"customerId\":\"drill-$RANDOM-$i\",\"items\":[{\"sku\":\"XBOX-SERIES-X\",\"quantity\":1}]}" &
done
sleep 0.3; chaos '{"down":true}'
wait
sleep 1.5
echo "after 503s:    $(stock); release outbox $($R ZCARD ord:releases)"
kill -9 $OPID; echo "kill -9 order-service ($OPID) at $(date +%T.%N | cut -c1-12)"
chaos '{"extraLatencyMs":0,"down":false}'
sleep 3
echo "while it is dead: $(stock); release outbox $($R ZCARD ord:releases)"
start=$(date +%s.%N)
setsid "${CMD[@]}" > "${TMPDIR:-/tmp}/drill-order-service-$N.log" 2>&1 &
echo "restarted order-service pid $! (./shop stop does not know it: end it with kill $!)"
for i in $(seq 1 120); do
  [ "$($R ZCARD ord:releases)" = "0" ] && break; sleep 0.5
done
echo "after restart: $(stock); release outbox $($R ZCARD ord:releases) ($(python3 -c "print(round($(date +%s.%N)-$start,1))") s after the restart)"
curl -s -H "Authorization: Bearer $T" $O/api/audit | python3 -c "import json,sys; a=json.load(sys.stdin); print('audit', a.get('verdict'), [c['name']+':'+c['verdict'] for c in a.get('checks',[])])"
