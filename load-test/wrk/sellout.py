#!/usr/bin/env python3
"""Sell-out benchmark: BUYERS buyers (each its own customer token from POST /api/identity,
Idempotency-Key and X-Forwarded-For) try to buy one unit of a sku restocked to STOCK, CONCURRENCY at a time,
through the gateway. Prints the answers by status and problem type, and latency
percentiles. Loopback only; stops after the last buyer.

usage: sellout.py [--base http://localhost:8080] [--mode sync] [--buyers 1000]
                  [--stock 100] [--concurrency 64] [--sku XBOX-SERIES-X]
"""
import argparse, collections, concurrent.futures, http.client, json, os, time, urllib.parse, uuid

p = argparse.ArgumentParser()
p.add_argument("--base", default="http://localhost:8080")
p.add_argument("--mode", default="sync")
p.add_argument("--buyers", type=int, default=1000)
p.add_argument("--stock", type=int, default=100)
p.add_argument("--concurrency", type=int, default=64)
p.add_argument("--sku", default="XBOX-SERIES-X")
p.add_argument("--token", default=os.environ.get("SHOP_OPERATOR_TOKEN", "xbox-launch-operator"))
a = p.parse_args()
url = urllib.parse.urlparse(a.base)
assert url.hostname in ("localhost", "127.0.0.1"), "loopback only"


def call(method, path, body=None, headers=None):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        conn.request(method, path, body=json.dumps(body) if body is not None else None,
                     headers={"Content-Type": "application/json", **(headers or {})})
        r = conn.getresponse()
        return r.status, r.read().decode()
    finally:
        conn.close()


status, text = call("PUT", f"/api/admin/inventory/{a.sku}/stock", {"available": a.stock},
                    {"Authorization": "Bearer " + a.token, "X-Forwarded-For": "10.255.255.254"})
assert status == 200, (status, text)


def buy(i):
    key = str(uuid.uuid4())
    address = f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"
    # the buyer's identity first (untimed: it is the arrival, not the checkout)
    status, text = call("POST", "/api/identity", headers={"X-Forwarded-For": address})
    if status != 201:
        return status, "identity", 0.0, text[:70]
    token = json.loads(text)["token"]
    start = time.perf_counter()
    status, text = call("POST", "/api/orders", {"items": [{"sku": a.sku, "quantity": 1}]},
                        {"Idempotency-Key": key, "X-Checkout-Mode": a.mode, "Authorization": "Bearer " + token,
                         "X-Forwarded-For": address})
    elapsed = (time.perf_counter() - start) * 1000
    kind = detail = ""
    if status >= 400:
        try:
            problem = json.loads(text)
            kind, detail = problem.get("type", "").rsplit("/", 1)[-1], problem.get("detail", "")
        except ValueError:
            kind = "not-json"
    return status, kind, elapsed, detail


began = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(a.concurrency) as pool:
    results = list(pool.map(buy, range(a.buyers)))
took = time.perf_counter() - began
counts = collections.Counter((s, k) for s, k, _, _ in results)
details = {}
for s, k, _, d in results:
    details.setdefault((s, k), d)
lat = sorted(e for _, _, e, _ in results)
pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]
print(f"{a.buyers} buyers for {a.stock} units, {a.concurrency} at a time, mode {a.mode}: {took:.1f} s")
for (s, k), n in sorted(counts.items()):
    print(f"  {s} {k or '':24} {n:6}  ({100.0 * n / a.buyers:.1f}%)  {details[(s, k)][:70]}")
print(f"  latency ms: p50 {pct(0.5):.0f}  p95 {pct(0.95):.0f}  p99 {pct(0.99):.0f}  max {lat[-1]:.0f}")
status, text = call("GET", "/api/audit", headers={"Authorization": "Bearer " + a.token,
                                                  "X-Forwarded-For": "10.255.255.253"})
print("  audit:", json.loads(text).get("verdict") if status == 200 else status)
