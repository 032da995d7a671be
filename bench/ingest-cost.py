#!/usr/bin/env python3
"""Service CPU per event, read from /proc: single events, batches of 100, late events.

Usage: bench/ingest-cost.py TREE LABEL PORT   (TREE holds a packaged target/quarkus-app; a fresh H2 file
database under /tmp/ingest-cost-LABEL). Sequential requests on one keep-alive connection, after a warm-up;
the client's CPU is not counted. docs/performance.md, "Ingest and stores", has the recorded figures.
"""
import http.client, json, os, subprocess, sys, time, uuid, datetime, shutil

tree, label, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
run = f"/tmp/ingest-cost-{label}"
shutil.rmtree(run, ignore_errors=True); os.makedirs(run)
url = f"jdbc:h2:file:{run}/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
proc = subprocess.Popen(["java", "-Xmx512m", f"-Dquarkus.http.port={port}", f"-Dquarkus.datasource.jdbc.url={url}",
                         f"-Domnidecide.security.admin-key-file={run}/admin-key", "-jar", "target/quarkus-app/quarkus-run.jar"],
                        cwd=tree, stdout=open(f"{run}/out.log", "w"), stderr=subprocess.STDOUT)
try:
    for _ in range(600):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2); c.request("GET", "/q/health/live")
            if c.getresponse().status == 200:
                break
        except OSError:
            pass
        time.sleep(0.5)
    admin = open(f"{run}/admin-key").read().strip()
    conn = http.client.HTTPConnection("127.0.0.1", port)
    def post(path, body, key):
        conn.request("POST", path, json.dumps(body), {"Authorization": "Bearer " + key, "Content-Type": "application/json"})
        r = conn.getresponse(); data = r.read()
        if r.status >= 300:
            raise SystemExit(f"{path}: {r.status} {data[:300]}")
        answer = json.loads(data)
        if path == "/v1/events" and answer["rejected"]:
            raise SystemExit(f"rejected: {answer}")
        return answer
    key = post("/v1/keys", {"name": "bench", "roles": ["channel"], "rateLimitPerSecond": 100000}, admin)["key"]
    tick = os.sysconf("SC_CLK_TCK")
    def cpu():
        f = open(f"/proc/{proc.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / tick
    base = datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc)
    def ev(customer, minute, type="page_view", props=None):
        e = {"id": str(uuid.uuid4()), "customerId": customer, "type": type, "channel": "web",
             "occurredAt": (base + datetime.timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%SZ")}
        if props: e["properties"] = props
        return e
    def measure(name, n_events, send):
        c0, t0 = cpu(), time.time(); send(); c1, t1 = cpu(), time.time()
        print(f"{label}: {name}: {n_events} events, service CPU {1000 * (c1 - c0) / n_events:.3f} ms/event, "
              f"wall {1000 * (t1 - t0) / n_events:.3f} ms/event, load {os.getloadavg()[0]:.1f}", flush=True)
    # Warm-up: both shapes.
    for i in range(4000):
        post("/v1/events", ev(f"w{i % 300}", i * 0.5), key)
    for b in range(60):
        post("/v1/events", [ev(f"w{(b * 100 + j) % 300}", 5000 + b * 100 + j) for j in range(100)], key)
    # Single events, customers of 1-30 events each.
    measure("single, one per request (first)", 2000, lambda: [post("/v1/events", ev(f"s{i % 100}", 9000 + i * 0.3), key) for i in range(2000)])
    measure("single, one per request", 2000, lambda: [post("/v1/events", ev(f"s{i % 100}", 10000 + i), key) for i in range(2000)])
    # Batches of 100 from 100 customers, and from 10.
    measure("batch of 100, 100 customers", 4000, lambda: [post("/v1/events", [ev(f"b{j}", 20000 + b * 100 + j) for j in range(100)], key)
                                                         for b in range(40)])
    measure("batch of 100, 10 customers", 4000, lambda: [post("/v1/events", [ev(f"t{j % 10}", 30000 + b * 100 + j) for j in range(100)], key)
                                                        for b in range(40)])
    # Late events on a customer with 3,800 events.
    cart = {"sku": "MUG", "name": "Mug", "price": 10}
    for b in range(38):
        post("/v1/events", [ev("long", 40000 + (b * 100 + j) * 10, "add_to_cart" if j % 50 == 0 else "page_view", cart if j % 50 == 0 else None)
                            for j in range(100)], key)
    end = 40000 + 3800 * 10
    measure("in order, customer with 3,800 events", 200, lambda: [post("/v1/events", ev("long", end + i), key) for i in range(200)])
    measure("late page view (300 events after it), 4,000 events", 200,
            lambda: [post("/v1/events", ev("long", end - 1000 - i * 0.001), key) for i in range(200)])
    measure("late add to cart (300 events after it, 2 of them adds), 4,200 events", 200,
            lambda: [post("/v1/events", ev("long", end - 1000 - i * 0.001, "add_to_cart", cart), key) for i in range(200)])
finally:
    proc.terminate(); proc.wait()
