#!/usr/bin/env python3
"""Events sent through POST /v1/events, for the performance suite (bench/perf-suite.sh).

  api-events.py seed --port P --customers N [--per-customer 3]
      A known population where no seeder reaches (the embedded default): N customers c-1..c-N, each
      with a few page views and an add-to-cart over the last days, in batches of 100.
  api-events.py late --port P --pid SERVICE_PID [--history 3800] [--n 100] [--k 10] [--k2 1900]
      The cost of a late event. Three new customers get the same history of HISTORY events through the
      API (batches of 100, a minute apart). Then, one event per request, N events in order (after the
      first customer's last event), N late events for the second customer each placed just before its
      last K history events, and N for the third each before its last K2 (each also after the late
      events before it, so exactly K or K2 events come after each). Prints the service CPU per event
      (/proc/PID/stat) and the client latency of each kind, and what one more event after a late one
      costs: (late at K2 - late at K) / (K2 - K). A projection that replays only the events after a
      late one costs an in-order event plus K times that; one that rebuilds from the whole history
      costs the same at K and K2, so that the difference is near 0 and the late event far above.
      Before the measured events, N late and N in-order events on a short history warm the JIT up.
The key comes from OMNIDECIDE_KEY (a channel key).
"""
import argparse
import datetime
import http.client
import json
import os
import statistics
import sys
import time

CATEGORIES = ["kitchen", "garden", "books", "toys", "sport"]


def iso(ms):
    t = datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000)


class Api:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.headers = {"Content-Type": "application/json", "Authorization": "Bearer " + os.environ["OMNIDECIDE_KEY"]}

    def events(self, items):
        """Posts events and returns the seconds the answer took; every item must be accepted."""
        started = time.perf_counter()
        self.conn.request("POST", "/v1/events", json.dumps(items), self.headers)
        answer = self.conn.getresponse()
        body = answer.read()
        took = time.perf_counter() - started
        if answer.status != 202 or json.loads(body)["accepted"] != (len(items) if isinstance(items, list) else 1):
            sys.exit("POST /v1/events: %d %s" % (answer.status, body[:300]))
        return took


def view(event_id, customer, at_ms, n):
    return {"id": event_id, "customerId": customer, "type": "page_view", "channel": "web" if n % 2 else "app",
            "occurredAt": iso(at_ms), "properties": {"sku": "SKU-%d" % (n % 50), "category": CATEGORIES[n % len(CATEGORIES)]}}


def send_in_batches(api, items):
    for i in range(0, len(items), 100):
        api.events(items[i:i + 100])


def seed(args):
    api = Api(args.port)
    now = int(time.time() * 1000)
    run = "%x" % now
    items = []
    for c in range(1, args.customers + 1):
        for n in range(args.per_customer):
            # Oldest first, hours apart, all in the past: every event is in order for its customer.
            items.append(view("seed-%s-%d-%d" % (run, c, n), "c-%d" % c, now - (args.per_customer - n) * 3_600_000, c + n))
        items.append({"id": "seed-%s-%d-cart" % (run, c), "customerId": "c-%d" % c, "type": "add_to_cart", "channel": "web",
                      "occurredAt": iso(now - 1_800_000), "properties": {"sku": "MUG-1", "price": 12.5}})
    send_in_batches(api, items)
    print("seeded %d customers with %d events through the API" % (args.customers, len(items)))


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def late(args):
    api = Api(args.port)
    now = int(time.time() * 1000)
    run = "%x" % now
    minute = 60_000
    first = now - (args.history + 20) * minute
    customers = {kind: "late-%s-%s" % (run, kind) for kind in ("inorder", "late", "late2")}
    for kind, customer in customers.items():
        send_in_batches(api, [view("%s-h%d" % (customer, i), customer, first + i * minute, i) for i in range(args.history)])
    last = first + (args.history - 1) * minute
    # Just before the K-th last history event, each late event a millisecond after the one before it.
    before_last = lambda k: first + (args.history - k) * minute - 30_000
    plans = {"inorder": [last + 1000 + j for j in range(args.n)], "late": [before_last(args.k) + j for j in range(args.n)],
             "late2": [before_last(args.k2) + j for j in range(args.n)]}
    # Unmeasured first: the same kinds of event on a short history, so the JIT has compiled both paths.
    warm = "late-%s-warm" % run
    short = min(args.history, 500)
    send_in_batches(api, [view("%s-h%d" % (warm, i), warm, first + i * minute, i) for i in range(short)])
    for j in range(args.n):
        api.events(view("%s-w%d" % (warm, j), warm, first + (short - 5) * minute - 30_000 + j, j))
        api.events(view("%s-v%d" % (warm, j), warm, now + j, j))
    result = {}
    for kind, times in plans.items():
        customer = customers[kind]
        latencies = []
        cpu = cpu_seconds(args.pid)
        for j, at in enumerate(times):
            latencies.append(api.events(view("%s-m%d" % (customer, j), customer, at, j)))
        cpu = cpu_seconds(args.pid) - cpu
        result[kind] = (cpu * 1000 / args.n, statistics.median(latencies) * 1000, statistics.mean(latencies) * 1000)
        after = {"inorder": 0, "late": args.k, "late2": args.k2}[kind]
        print("%s: %d events one per request, %d history events after each, history %d: service CPU %.2f ms per event,"
              " latency p50 %.2f ms, mean %.2f ms" % ("in order" if kind == "inorder" else "late", args.n, after, args.history, *result[kind]))
    replay = (result["late2"][0] - result["late"][0]) / (args.k2 - args.k)
    print("LATE k=%d k2=%d n=%d history=%d inorder_cpu_ms=%.3f inorder_p50_ms=%.3f late_cpu_ms=%.3f late_p50_ms=%.3f"
          " late2_cpu_ms=%.3f replay_cpu_ms=%.5f" % (args.k, args.k2, args.n, args.history, result["inorder"][0], result["inorder"][1],
                                                    result["late"][0], result["late"][1], result["late2"][0], replay))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("seed")
    s.add_argument("--port", type=int, required=True)
    s.add_argument("--customers", type=int, required=True)
    s.add_argument("--per-customer", type=int, default=3)
    s = sub.add_parser("late")
    s.add_argument("--port", type=int, required=True)
    s.add_argument("--pid", type=int, required=True)
    s.add_argument("--history", type=int, default=3800)
    s.add_argument("--n", type=int, default=100)
    s.add_argument("--k", type=int, default=10)
    s.add_argument("--k2", type=int, default=1900)
    args = parser.parse_args()
    seed(args) if args.command == "seed" else late(args)


if __name__ == "__main__":
    main()
