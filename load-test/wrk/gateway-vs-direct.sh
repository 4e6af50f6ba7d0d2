#!/usr/bin/env bash
# Product reads through the gateway against the same reads sent to inventory-service
# directly, in one run, at several connection counts; prints one table.
#
#   load-test/wrk/gateway-vs-direct.sh --port-offset=200             # gateway :8280, inventory :8283
#   load-test/wrk/gateway-vs-direct.sh --gateway-port=8080 --direct-port=8083 --duration=20s
#
# Options: --port-offset=N (gateway 8080+N, inventory 8083+N), --gateway-port, --direct-port,
# --connections="16 32 64", --duration=15s (per measurement), --warmup=5s (each target, once),
# --threads=2, --path=/api/products/XBOX-SERIES-X. Loopback only; every wrk run ends by itself.
# Each request carries its own X-Forwarded-For and Idempotency-Key (product-read.lua), so the
# gateway's per-client rate limiter does not refuse the load generator.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
offset=0 gateway_port="" direct_port="" connections="16 32 64" duration=15s warmup=5s threads=2
path=/api/products/XBOX-SERIES-X
for arg in "$@"; do
  case "$arg" in
    --port-offset=*) offset="${arg#*=}" ;;
    --gateway-port=*) gateway_port="${arg#*=}" ;;
    --direct-port=*) direct_port="${arg#*=}" ;;
    --connections=*) connections="${arg#*=}" ;;
    --duration=*) duration="${arg#*=}" ;;
    --warmup=*) warmup="${arg#*=}" ;;
    --threads=*) threads="${arg#*=}" ;;
    --path=*) path="${arg#*=}" ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
gateway="http://127.0.0.1:${gateway_port:-$((8080 + offset))}"
direct="http://127.0.0.1:${direct_port:-$((8083 + offset))}"
command -v wrk >/dev/null || { echo "wrk is not installed (sudo apt-get install wrk)" >&2; exit 1; }
for url in "$gateway" "$direct"; do
  curl -fsS -o /dev/null --max-time 5 "$url$path" || { echo "no answer from $url$path" >&2; exit 1; }
done

# the JVM behind a port (the figures depend on it)
jvm_of() {
  local pid
  pid="$(ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
  if [ -n "$pid" ]; then readlink "/proc/$pid/exe"; else echo "unknown"; fi
}

run=$(date +%s)
measure() { # url connections duration label -> "RESULT ..." line
  wrk -t"$threads" -c"$2" -d"$3" --timeout 10s -s "$here/product-read.lua" "$1" -- "$path" "$run-$4-$2" \
    | grep '^RESULT'
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

echo "gateway $gateway (JVM $(jvm_of "${gateway##*:}")), direct $direct (JVM $(jvm_of "${direct##*:}"))"
echo "GET $path, wrk -t$threads, $duration per measurement after a $warmup warm-up; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
measure "$direct" 16 "$warmup" warm >/dev/null
measure "$gateway" 16 "$warmup" warm >/dev/null

rows=()
for c in $connections; do
  d="$(measure "$direct" "$c" "$duration" direct)"
  g="$(measure "$gateway" "$c" "$duration" gateway)"
  rows+=("$c $(field rps "$d") $(field rps "$g") $(field p50_ms "$d") $(field p50_ms "$g") \
$(field p99_ms "$d") $(field p99_ms "$g") $(field fallbacks "$g") $(field non2xx "$g") $(field non2xx "$d") \
$(( $(field socket_errors "$d") + $(field socket_errors "$g") ))")
done

printf '%s\n' "${rows[@]}" | awk '
  BEGIN {
    printf "%5s | %10s | %10s | %6s | %8s | %8s | %6s | %8s | %8s | %9s | %10s | %10s\n", "conns", "direct/s",
      "gateway/s", "ratio", "p50 dir", "p50 gw", "ratio", "p99 dir", "p99 gw", "fallbacks",
      "gw non-2xx", "dir non-2xx"
  }
  {
    printf "%5d | %10.0f | %10.0f | %6.2f | %6.2fms | %6.2fms | %5.2fx | %6.1fms | %6.1fms | %9d | %10d | %10d\n",
      $1, $2, $3, ($2 > 0 ? $3 / $2 : 0), $4, $5, ($4 > 0 ? $5 / $4 : 0), $6, $7, $8, $9, $10
    if ($11 > 0) printf "      (%d socket errors in this row)\n", $11
  }'
echo "ratio: gateway/direct throughput, gateway/direct p50. fallbacks: the gateway's 503 *-unavailable answers."
