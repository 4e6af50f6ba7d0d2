#!/usr/bin/env bash
# Benchmark of GET /api/audit (order-service) with a large store: a Redis of its own is filled
# with --orders orders through order-service's own Lua scripts (create-order, transition-order,
# pipelined with redis-cli --pipe), inventory-service and order-service run from their jars on
# loopback ports moved by --port-offset, and wrk (one connection) measures --calls audits.
# With --before-jar=<order-service exec jar of an older build> the same store is then audited by
# that build too (--before-calls audits). Everything it starts is stopped by PID at the end.
#
#   ./mvnw -q -DskipTests -pl order-service,inventory-service -am package
#   load-test/wrk/audit-bench.sh [--orders=100000] [--calls=300] [--port-offset=300]
#                                [--before-jar=PATH] [--before-calls=20]
#
# Needs redis-server, redis-cli, wrk, curl and a JDK (JAVA_HOME or java on the PATH; the one
# used is printed). It only talks to 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
home="$(pwd)"
orders=100000 calls=300 offset=300 before_jar="" before_calls=20
for arg in "$@"; do
  case "$arg" in
    --orders=*) orders="${arg#*=}" ;;
    --calls=*) calls="${arg#*=}" ;;
    --port-offset=*) offset="${arg#*=}" ;;
    --before-jar=*) before_jar="${arg#*=}" ;;
    --before-calls=*) before_calls="${arg#*=}" ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
redis_port=$((6379 + offset)) inventory_port=$((8083 + offset)) order_port=$((8084 + offset))
kafka_port=$((9092 + offset))
order_jar="$(ls order-service/target/order-service-*-exec.jar)"
inventory_jar="$(ls inventory-service/target/inventory-service-*-exec.jar)"
work="$(mktemp -d /tmp/audit-bench.XXXXXX)"
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT

echo "JDK: $("$java" -version 2>&1 | head -1)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); store: $orders orders; logs in $work"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" \
  >"$work/redis.log" 2>&1 &
pids+=($!)
cli=(redis-cli -h 127.0.0.1 -p "$redis_port")
until "${cli[@]}" ping >/dev/null 2>&1; do sleep 0.1; done

scripts=order-service/src/main/resources/scripts
create_sha="$(cat $scripts/audit-counters.lua $scripts/create-order.lua | "${cli[@]}" -x script load)"
transition_sha="$(cat $scripts/audit-counters.lua $scripts/transition-order.lua | "${cli[@]}" -x script load)"
now_ms="$(date +%s%3N)"
fill_started="$(date +%s%3N)"
awk -v ORDERS="$orders" -v CREATE="$create_sha" -v TRANSITION="$transition_sha" -v NOW_MS="$now_ms" \
  -v NOW_ISO="$(date -u -d "@$((now_ms / 1000))" +%Y-%m-%dT%H:%M:%S.000Z)" \
  -v PAST_ISO="$(date -u -d "@$((now_ms / 1000 - 3600))" +%Y-%m-%dT%H:%M:%S.000Z)" \
  -f load-test/wrk/audit-fill.awk | "${cli[@]}" --pipe | tail -1
echo "filled in $(( $(date +%s%3N) - fill_started )) ms: $("${cli[@]}" zcard ord:all) orders indexed," \
  "$("${cli[@]}" zcard ord:audit:in-flight) in flight, redis $("${cli[@]}" info memory | grep used_memory_human | tr -d '\r')"

start_service() { # name jar port args...
  local name="$1" jar="$2" port="$3"
  shift 3
  "$java" -Xmx512m -jar "$jar" --server.port="$port" --spring.data.redis.host=127.0.0.1 \
    --spring.data.redis.port="$redis_port" --spring.kafka.bootstrap-servers="127.0.0.1:$kafka_port" \
    "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  local deadline=$(( $(date +%s) + 120 ))
  until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "$name did not start; see $work/$name.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$name up on $port (pid ${pids[-1]})"
}

measure() { # label calls
  local url="http://127.0.0.1:$order_port/api/audit" slowest=0 took
  echo -n "warm-up audits (not measured):"
  # the slowest of these but the first sizes wrk's run, which stops after $2 answers but waits
  # out its -d
  for i in 1 2 3 4 5; do
    took="$(curl -fs -o "$work/audit.json" -w '%{time_total}' "$url")"
    echo -n " ${took}s"
    [ "$i" = 1 ] || slowest="$(python3 -c "print(max($slowest, $took))")"
  done
  echo
  python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print("last warm-up audit: verdict", a["verdict"], "orders", a["orders"]["total"], a["orders"]["byStatus"], "checks not passed", [c["name"] for c in a["checks"] if c["verdict"] != "PASS"])' "$work/audit.json"
  echo -n "$1: "
  wrk -t1 -c1 -d"$(python3 -c "print(int($2 * max($slowest, 0.01) * 2) + 3)")s" --timeout 30s \
    -s load-test/wrk/audit-latency.lua "$url" -- "$2" | tail -1
}

start_service inventory-service "$inventory_jar" "$inventory_port"
# the async deadline is an hour, so the orders in flight (created by the fill) stay within it for
# the whole run, and the verdict is PASS
service_args=(--shop.order.inventory-url="http://127.0.0.1:$inventory_port" --shop.order.async.deadline=1h)
start_service order-service "$order_jar" "$order_port" "${service_args[@]}"
measure "GET /api/audit, this build ($order_jar)" "$calls"
if [ -n "$before_jar" ]; then
  kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
  start_service order-service-before "$before_jar" "$order_port" "${service_args[@]}"
  measure "GET /api/audit, before ($before_jar)" "$before_calls"
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
