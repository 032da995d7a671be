#!/usr/bin/env bash
# Decide latency at fixed request rates, on the packaged service with its embedded H2 database and
# the starter pack. Starts the service on port 8090 with a fresh data folder, seeds CUSTOMERS
# customers with events and interaction histories (responses), warms up, then runs bench/FixedRateLoad.java at each of RATES for DURATION
# seconds. Loopback only. Results go to stdout; docs/performance.md records a run.
#   bench/decide-latency.sh                      # defaults: RATES="100 200 400" DURATION=30 CUSTOMERS=10000
#   SMOKE=1 bench/decide-latency.sh              # a few seconds, for CI: proves the script still works
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RATES=${RATES:-"100 200 400"}
DURATION=${DURATION:-30}
CUSTOMERS=${CUSTOMERS:-10000}
PORT=${PORT:-8090}
if [ "${SMOKE:-0}" = 1 ]; then RATES="50"; DURATION=3; CUSTOMERS=20; fi

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package
DATA=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT

START=$(date +%s.%N)
java -Xmx512m -Dquarkus.http.port="$PORT" \
  -Domnidecide.security.admin-key-file="$DATA/admin-key" \
  -Domnidecide.security.default-rate-limit=100000 \
  -Dquarkus.datasource.jdbc.url="jdbc:h2:file:$DATA/omnidecide;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  -jar target/quarkus-app/quarkus-run.jar > "$DATA/service.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do
  curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break
  sleep 0.25
done
curl -sf "localhost:$PORT/q/health/ready" > /dev/null || { cat "$DATA/service.log"; exit 1; }
echo "ready after $(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $START}") s"

ADMIN=$(cat "$DATA/admin-key")
KEY=$(curl -s -X POST "localhost:$PORT/v1/keys" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name": "bench", "roles": ["channel"], "rateLimitPerSecond": 100000}' | sed 's/.*"key":"\([^"]*\)".*/\1/')

# Seed: profiles with consent, and a mix of carts, purchases at various ages, sessions, opens, tickets.
python3 - "$PORT" "$KEY" "$CUSTOMERS" <<'PY'
import json, sys, urllib.request, random, datetime
port, key, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
random.seed(7)
now = datetime.datetime.now(datetime.timezone.utc)
def at(hours): return (now - datetime.timedelta(hours=hours)).strftime('%Y-%m-%dT%H:%M:%SZ')
def call(method, path, body):
    req = urllib.request.Request(f'http://localhost:{port}{path}', data=json.dumps(body).encode(), method=method,
                                 headers={'Content-Type': 'application/json', 'Authorization': 'Bearer ' + key})
    urllib.request.urlopen(req).read()
skus = [('MUG-1', 'Mug', 'kitchen', 12), ('SNEAKER-42', 'Trail sneaker', 'running', 89), ('BEANS-1', 'Coffee beans', 'coffee', 15),
        ('TENT-2', 'Tent', 'outdoor', 250)]
batch = []
for i in range(1, n + 1):
    c = f'c-{i}'
    call('PUT', f'/v1/profiles/{c}', {'traits': {'firstName': random.choice(['Ada', 'Bo', 'Cy', 'Di']),
         'locale': random.choice(['en-GB', 'sv-SE'])}, 'consent': {'email': {'status': 'granted'}, 'push': {'status': random.choice(['granted', 'unknown'])}},
         'preferredChannels': random.sample(['app', 'email', 'push', 'web'], 2)})
    for j in range(random.randint(2, 12)):
        sku = random.choice(skus)
        kind = random.choice(['page_view', 'app_session', 'email_open', 'add_to_cart', 'purchase', 'store_visit'])
        e = {'id': f'{c}-{j}', 'customerId': c, 'type': kind, 'occurredAt': at(random.randint(2, 24 * 200))}
        if kind in ('page_view',): e['channel'] = 'web'
        if kind == 'add_to_cart': e.update(channel='app', properties={'sku': sku[0], 'name': sku[1], 'category': sku[2], 'price': sku[3]})
        if kind == 'purchase': e.update(channel='web', properties={'items': [{'sku': sku[0], 'category': sku[2], 'price': sku[3], 'quantity': 1}]})
        batch.append(e)
    if i % 50 == 0 and random.random() < 0.5:
        batch.append({'id': f'{c}-t', 'customerId': c, 'type': 'support_ticket_opened', 'channel': 'email', 'occurredAt': at(5)})
    if len(batch) >= 400:
        call('POST', '/v1/events', batch); batch = []
if batch: call('POST', '/v1/events', batch)
# Interaction history: a web decision per customer, reported as seen, and sometimes clicked or dismissed.
def decide(c):
    req = urllib.request.Request(f'http://localhost:{port}/v1/decide', data=json.dumps({'customerId': c, 'channel': 'web'}).encode(),
                                 method='POST', headers={'Content-Type': 'application/json', 'Authorization': 'Bearer ' + key})
    return json.loads(urllib.request.urlopen(req).read())
responses = 0
for i in range(1, n + 1):
    d = decide(f'c-{i}')
    for a in d['actions'][:1]:
        for outcome in ['impression'] + random.choice([[], [], ['click'], ['dismiss'], ['click', 'convert']]):
            call('POST', '/v1/responses', {'decisionId': d['decisionId'], 'actionId': a['actionId'], 'outcome': outcome})
            responses += 1
print(f'seeded {n} customers, {responses} responses')
PY

URL="http://localhost:$PORT/v1/decide"
java bench/FixedRateLoad.java "$URL" "$KEY" 100 "$([ "${SMOKE:-0}" = 1 ] && echo 2 || echo 15)" "$CUSTOMERS" > /dev/null  # warm-up
for RATE in $RATES; do
  java bench/FixedRateLoad.java "$URL" "$KEY" "$RATE" "$DURATION" "$CUSTOMERS"
done
echo "resident memory after the run: $(grep VmRSS /proc/$PID/status | awk '{print $2/1024 " MB"}')"
