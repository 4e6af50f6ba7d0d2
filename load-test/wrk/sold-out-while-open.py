"""Bounded loopback check against a running shop (./shop --port-offset=N): after a sell-out, an open
inventory breaker in order-service still answers 409 sold-out for the sold-out sku (sync mode).
Usage: python3 load-test/wrk/sold-out-while-open.py [port offset, default 3000]"""
import json, sys, uuid, urllib.request, collections

OFFSET = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
GW = f"http://127.0.0.1:{8080 + OFFSET}"
ORDER = f"http://127.0.0.1:{8084 + OFFSET}"
TOKEN = "xbox-launch-operator"
n = 0

def call(method, url, body=None, headers=None):
    global n
    n += 1
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    req.add_header("X-Forwarded-For", f"10.9.{n // 250}.{n % 250 + 1}")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()

op = {"Authorization": "Bearer " + TOKEN}
def order(sku):
    s, b = call("POST", GW + "/api/orders", {"customerId": "c-" + uuid.uuid4().hex, "items": [{"sku": sku, "quantity": 1}]},
                {"Idempotency-Key": str(uuid.uuid4()), "X-Checkout-Mode": "sync"})
    slug = json.loads(b).get("type", "").rsplit("/", 1)[-1] if s >= 400 else ""
    return s, slug

print("chaos reset", call("PUT", GW + "/api/admin/chaos", {"extraLatencyMs": 0, "errorRate": 0.0, "down": False}, op)[0])
launch, other = "XBOX-SERIES-X", None
products = json.loads(call("GET", GW + "/api/products")[1])
other = next(p["sku"] for p in products if p["sku"] != launch)
print("stock", launch, call("PUT", GW + f"/api/admin/inventory/{launch}/stock", {"available": 3}, op)[0])
print("stock", other, call("PUT", GW + f"/api/admin/inventory/{other}/stock", {"available": 1000}, op)[0])
print("buy the last 3 + 1:", collections.Counter(order(launch) for _ in range(4)))
print("chaos errorRate 1.0", call("PUT", GW + "/api/admin/chaos", {"extraLatencyMs": 0, "errorRate": 1.0, "down": False}, op)[0])
print(f"12 orders of {other} while inventory fails:", collections.Counter(order(other) for _ in range(12)))
cb = json.loads(call("GET", ORDER + "/actuator/circuitbreakers")[1])["circuitBreakers"]["inventory"]
print("order-service breaker inventory:", cb["state"], "failed", cb["failedCalls"], "of", cb["bufferedCalls"])
print(f"20 orders of {launch} (sold out) while the breaker is open:", collections.Counter(order(launch) for _ in range(20)))
print(f"5 orders of {other} while the breaker is open:", collections.Counter(order(other) for _ in range(5)))
cb = json.loads(call("GET", ORDER + "/actuator/circuitbreakers")[1])["circuitBreakers"]["inventory"]
print("order-service breaker inventory:", cb["state"], "notPermitted", cb["notPermittedCalls"])
print("chaos reset", call("PUT", GW + "/api/admin/chaos", {"extraLatencyMs": 0, "errorRate": 0.0, "down": False}, op)[0])
print("audit", json.loads(call("GET", GW + "/api/audit", headers=op)[1]).get("verdict"))
