#!/usr/bin/env bash
# The performance suite of issue 12: every target figure of docs/performance.md, with its ratio to
# the box's HTTP ceiling and PASS or MISS, from one command.
#
#   bench/perf-suite.sh                 # full run: 100,000 customers, 1,000,000 events; about 16 minutes on 2 cores
#   SMOKE=1 bench/perf-suite.sh         # 1-2 s per run, tiny population; CI runs it (no target asserted)
#
# The ceiling is GET /q/health/live (no key, no work) measured by wrk (Debian's, installed when
# missing) against the same service in the same run. Closed-loop maxima come from wrk (-t2 -c32, a
# warm-up, then DURATION s); latency at a fixed rate from bench/LoadGenerator.java (open model, free of
# coordinated omission), which the suite first checks against wrk on the constant endpoint. Every
# wrk run notes the service's CPU per request (/proc/PID/stat, user + system, measured window only),
# the figure to compare before and after a change on a shared box.
#
# 1. Builds (bench/lib.sh): the jar for the embedded default and for PostgreSQL, the test classpath,
#    the load generator (into target/bench-classes), each only when stale.
# 2. Embedded default (H2): `java -jar` to the first answered decide on a fresh data folder; H2_CUSTOMERS
#    customers' events through the API (bench/api-events.py); wrk on the ceiling, the ping and decide
#    (web/app/email/any over those customers); resident memory after them; a restart and a quick start.
# 3. PostgreSQL on 127.0.0.1:5432 (user postgres, trust): a fresh database $DB, the service on it, the
#    population by COPY (PopulationSeeder: every event through the service's projection), then wrk on
#    the ceiling, the ping, decide (the channel mix, inbound web/app only, outbound email/any only),
#    events one per request and in batches of 100; the load generator's own maximum on the ceiling;
#    decide and ping at half decide's top rate; pgbench (profile read by key, single-row insert, 8
#    clients); the late-event cost (bench/api-events.py late); JMH's in-process pipeline with one thread
#    per core (the service stopped); decide with a generated TABLE_ROWS-row table at the same half rate.
# 4. Prints the figures and PASS or MISS per target of issue 12 (it never fails on a miss).
#
# Knobs: CUSTOMERS EVENTS H2_CUSTOMERS DURATION WARMUP WARMUP_REQUESTS WARMUP_MAX RATE_DURATION HEAP SERVICE_OPTS PORT DB
#        TABLE_ROWS PGBENCH_SECONDS JMH_OPTS WRK_THREADS WRK_CONNECTIONS LATE_HISTORY LATE_N LATE_K LATE_K2 KEEP=1
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

CUSTOMERS=${CUSTOMERS:-100000}
EVENTS=${EVENTS:-1000000}
H2_CUSTOMERS=${H2_CUSTOMERS:-2000}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
# Before the first measured decide (and events) run of a service: requests, and the most seconds they may take.
WARMUP_REQUESTS=${WARMUP_REQUESTS:-20000}
WARMUP_MAX=${WARMUP_MAX:-90}
RATE_DURATION=${RATE_DURATION:-20}
HEAP=${HEAP:-512m}
# The flags README runs the service with (besides -Xmx, which HEAP sets).
SERVICE_OPTS=${SERVICE_OPTS:-"-Xms64m -XX:+UseSerialGC"}
PORT=${PORT:-8095}
DB=${DB:-omnidecide_bench}
TABLE_ROWS=${TABLE_ROWS:-10000}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-15}
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 3 -w 4s -i 5 -r 4s"}
LATE_HISTORY=${LATE_HISTORY:-3800}
LATE_N=${LATE_N:-100}
LATE_K=${LATE_K:-10}
LATE_K2=${LATE_K2:-1900}
if [ "${SMOKE:-0}" = 1 ]; then
  CUSTOMERS=200 EVENTS=2000 H2_CUSTOMERS=100 DURATION=1 WARMUP=1 WARMUP_REQUESTS=1 WARMUP_MAX=1 RATE_DURATION=2 TABLE_ROWS=100 PGBENCH_SECONDS=2
  LATE_HISTORY=300 LATE_N=10 LATE_K2=150
fi
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

check_port_free
ensure_wrk
machine
build

# at_rate NAME TARGET RATE: one run of the constant-rate generator, its percentiles noted under NAME,
# and the service's CPU per request (warm-up included).
at_rate() {
  echo "== $1 at $3/s (constant rate, bench/LoadGenerator.java)"
  local before out gc_from
  before=$(cpu_ticks "$PID")
  gc_from=$(($(wc -l < "$GC_LOG") + 1))
  out="$WORK/load-$1.txt"
  java -Xmx256m -cp "$HDR:$BENCH_CLASSES" LoadGenerator --base "$BASE" --target "$2" --rate "$3" \
    --duration "$RATE_DURATION" --warmup "$WARMUP" --customers "$CUSTOMERS" | tee "$out"
  local line
  line=$(grep '^RESULT ' "$out" | tail -1)
  for f in throughput p50_ms p90_ms p99_ms p999_ms max_ms errors dropped non2xx; do note "$1.$f" "$(field $f "$line")"; done
  note "$1.cpu_ms" "$(awk -v t=$(($(cpu_ticks "$PID") - before)) -v hz="$HZ" -v n="$(field sent_all "$line")" \
    'BEGIN { printf "%.3f", n ? t * 1000 / hz / n : 0 }')"
  echo "service CPU per request: $(result "$1.cpu_ms") ms"
  # The service's GC pauses during the step (warm-up included): how many, the longest, and their sum.
  read -r n longest total < <(tail -n "+$gc_from" "$GC_LOG" | sed -n 's/.*Pause.* \([0-9.]*\)ms$/\1/p' \
    | awk '{ n++; t += $1; if ($1 > m) m = $1 } END { printf "%d %.1f %.1f\n", n, m, t }')
  note "$1.gc_pauses" "$n"; note "$1.gc_max_ms" "$longest"; note "$1.gc_total_ms" "$total"
  echo "GC during it: $n pauses, longest $longest ms, $total ms in all"
}

# first_decide DATA LABEL [JVM options]: starts the embedded default on data folder DATA and notes, as
# startup.LABEL_ms, the time from `java -jar` to the first answered decide (the admin key may call decide).
first_decide() {
  local data=$1 label=$2
  shift 2
  start_service "$JAR_H2" "$ROOT/decision-tables" "$WORK/h2-$label.log" "$@" -Domnidecide.security.admin-key-file="$data/admin-key" \
    -Dquarkus.datasource.jdbc.url="jdbc:h2:file:$data/omnidecide;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
  until [ -s "$data/admin-key" ] && curl -sf -o /dev/null -X POST "$BASE/v1/decide" -H "Authorization: Bearer $(cat "$data/admin-key")" \
      -H 'Content-Type: application/json' -d '{"customerId": "first-caller", "channel": "web"}'; do
    kill -0 "$PID" 2>/dev/null || { tail -40 "$WORK/h2-$label.log" >&2; exit 1; }
    sleep 0.02
  done
  note "startup.${label}_ms" "$(elapsed_ms "$STARTED")"
  echo "$label: first decide answered $(elapsed_ms "$STARTED") ms after java -jar"
}

echo "== embedded default (H2): start to first decide; ceiling, ping and decide; memory after them"
mkdir -p "$WORK/h2" "$WORK/h2-quick"
first_decide "$WORK/h2" first_decide
note startup.rss_at_start_mb "$(rss_mb "$PID")"
cp "$WORK/h2/admin-key" "$WORK/admin-key"
OMNIDECIDE_KEY=$(channel_key h2)
export OMNIDECIDE_KEY
python3 bench/api-events.py seed --port "$PORT" --customers "$H2_CUSTOMERS"
wrk_run h2.health health 1
wrk_run h2.ping ping 1
warm_up decide "$H2_CUSTOMERS" web,app,email,any
wrk_run h2.decide decide "$H2_CUSTOMERS"
note startup.rss_after_warmup_mb "$(rss_mb "$PID")"
echo "resident memory after the runs: $(rss_mb "$PID") MB with -Xmx$HEAP"
stop_service
first_decide "$WORK/h2" restart_first_decide
stop_service
# The quick-start flags trade peak speed for start-up: C1 only (no C2 compiling beside the start), serial GC.
first_decide "$WORK/h2-quick" quick_first_decide -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
stop_service
rm -f "$WORK/admin-key"

if ! psql -Atc 'select 1' > /dev/null 2>&1; then
  echo "== PostgreSQL does not answer on $PGHOST:$PGPORT as $PGUSER: skipped the PostgreSQL part"
  exit 0
fi

echo "== PostgreSQL: fresh database $DB, service, population"
start_postgres "$WORK/pg.log"
seed_population "$CUSTOMERS" "$EVENTS"

wrk_run health health 1
wrk_run ping ping 1
warm_up decide "$CUSTOMERS" web,app,email,any
wrk_run decide decide "$CUSTOMERS"
wrk_run decide_in decide "$CUSTOMERS" web,app
wrk_run decide_out decide "$CUSTOMERS" email,any
HALF=$(awk -v m="$(result decide.rps)" 'BEGIN { h = int(m / 2); print (h < 1 ? 1 : h) }')
note half_rate "$HALF"

# The constant-rate generator against wrk: offered wrk's rate on the ceiling, what it achieves is its own limit.
at_rate generator.health health "$(awk -v r="$(result health.rps)" 'BEGIN { printf "%d", r }')"
at_rate decide.half decide "$HALF"
at_rate ping.half ping "$HALF"
note startup.rss_pg_after_decides_mb "$(rss_mb "$PID")"

warm_up events "$CUSTOMERS" ""
wrk_run events events "$CUSTOMERS"
wrk_run events_batch events-batch "$CUSTOMERS"

echo "== a late event: $LATE_N events before the last $LATE_K (and $LATE_K2) of $LATE_HISTORY, against $LATE_N in order"
python3 bench/api-events.py late --port "$PORT" --pid "$PID" --history "$LATE_HISTORY" --n "$LATE_N" --k "$LATE_K" --k2 "$LATE_K2" \
  | tee "$WORK/late.txt"
LATE=$(grep '^LATE ' "$WORK/late.txt")
for f in k k2 history inorder_cpu_ms inorder_p50_ms late_cpu_ms late_p50_ms late2_cpu_ms replay_cpu_ms; do note "late.$f" "$(field $f " $LATE")"; done
stop_service

echo "== pgbench: profile read by key, single-row insert (8 clients each, $PGBENCH_SECONDS s)"
cat > "$WORK/read.sql" <<SQL
\set n random(1, $CUSTOMERS)
select * from profile where customer_id = 'c' || '-' || :n;
SQL
psql -d "$DB" -qc "create table bench_insert (like customer_event including all)"
cat > "$WORK/insert.sql" <<'SQL'
insert into bench_insert (event_id, customer_id, event_type, channel, occurred_at, received_at, properties)
values (gen_random_uuid()::text, 'c-1', 'page_view', 'web', now(), now(), '{"sku":"MUG-1","category":"kitchen"}');
SQL
for kind in read insert; do
  pgbench -n -M prepared -c 8 -j 2 -T "$PGBENCH_SECONDS" -f "$WORK/$kind.sql" "$DB" > "$WORK/pgbench-$kind.txt" 2>&1
  TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench-$kind.txt")
  echo "pgbench $kind: $TPS transactions/s; $(grep 'latency average' "$WORK/pgbench-$kind.txt")"
  note "pg.$kind" "$TPS"
done
psql -d "$DB" -qc "drop table bench_insert"

echo "== JMH: in-process pipeline, starter pack, $(nproc) threads (the service stopped)"
if [ "${SMOKE:-0}" = 1 ]; then
  echo "skipped when smoking (bench/jmh.sh runs it alone)"
else
  # shellcheck disable=SC2086 # JMH_OPTS is a list of options
  java -Xmx2g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$TEST_CP" org.openjdk.jmh.Main 'PipelineBenchmark' \
    -p generatedRows=0 -t "$(nproc)" $JMH_OPTS -rf json -rff "$WORK/jmh-pipeline.json" | grep -E '^(Benchmark|PipelineBenchmark)'
  note jmh.pipeline "$(python3 -c 'import json, sys; print("%.0f" % json.load(open(sys.argv[1]))[0]["primaryMetric"]["score"])' "$WORK/jmh-pipeline.json")"
fi

for rows in $TABLE_ROWS; do
  TABLES="$WORK/tables-$rows"
  mkdir -p "$TABLES"
  cp decision-tables/* "$TABLES/"
  java -cp "$TEST_CP" io.omnidecide.bench.GeneratedTables "$rows" "$TABLES/generated.drl.csv"
  start_service "$JAR_PG" "$TABLES" "$WORK/pg-$rows.log" "${PG_OPTS[@]}"
  wait_ready "$WORK/pg-$rows.log"
  echo "== $rows generated rows: ready after $(elapsed_ms "$STARTED") ms"
  # The admin key of the first start on this database is still the admin key.
  OMNIDECIDE_KEY=$(channel_key "rows-$rows")
  warm_up decide "$CUSTOMERS" web,app,email,any
  at_rate "decide_$rows.half" decide "$HALF"
  stop_service
done

echo "== summary"
python3 - "$RESULTS" "${SMOKE:-0}" "$(nproc)" "$TABLE_ROWS" <<'PY'
import math, sys
r = {}
for line in open(sys.argv[1]):
    k, _, v = line.strip().partition("=")
    r[k] = v
smoke, cores, rows = sys.argv[2] == "1", int(sys.argv[3]), sys.argv[4].split()[-1]
def f(k):
    try:
        return float(r[k])
    except (KeyError, ValueError):
        return float("nan")
def n(v, digits=0):
    return "n/a" if math.isnan(v) else f"{v:,.{digits}f}"
print("smoke run: 1-2 s per run, tiny population; no target applies" if smoke else
      "closed loop: wrk -t2 -c32 after a warm-up; ceiling = GET /q/health/live by wrk against the same service")
print()
print("| closed loop (wrk) | requests/s | ratio to the ceiling | p50 ms | p99 ms | errors | service CPU ms per request | PostgreSQL CPU ms per request |")
print("|---|---|---|---|---|---|---|---|")
for label, key, ceiling in [("H2: GET /q/health/live (ceiling)", "h2.health", "h2.health"), ("H2: POST /v1/ping, channel key", "h2.ping", "h2.health"),
                            ("H2: decide, %s known customers, web/app/email/any" % "API-fed", "h2.decide", "h2.health"),
                            ("PG: GET /q/health/live (ceiling)", "health", "health"), ("PG: POST /v1/ping, channel key", "ping", "health"),
                            ("PG: decide, web/app/email/any", "decide", "health"), ("PG: decide, inbound (web/app)", "decide_in", "health"),
                            ("PG: decide, outbound (email/any)", "decide_out", "health"), ("PG: events, one per request", "events", "health"),
                            ("PG: events, batches of 100 (requests)", "events_batch", "health")]:
    pg = f(key + ".pg_cpu_ms")
    print(f"| {label} | {n(f(key + '.rps'))} | {f(key + '.rps') / f(ceiling + '.rps'):.3f} | {r.get(key + '.p50_ms')} | {r.get(key + '.p99_ms')} | "
          f"{r.get(key + '.errors')} | {r.get(key + '.cpu_ms')} | {'-' if not pg else r.get(key + '.pg_cpu_ms')} |")
print(f"| PG: the same in events | {n(100 * f('events_batch.rps'))} | | | | | {f('events_batch.cpu_ms') / 100:.4f} per event | {f('events_batch.pg_cpu_ms') / 100:.4f} per event |")
print()
print("| constant rate (bench/LoadGenerator.java) | offered/s | achieved/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | dropped | service CPU ms per request |")
print("|---|---|---|---|---|---|---|---|---|---|")
for label, key, offered in [("GET /q/health/live at wrk's rate (the generator's own limit)", "generator.health", f("health.rps")),
                            ("ping at half decide's top rate", "ping.half", f("half_rate")), ("decide, starter pack, same rate", "decide.half", f("half_rate")),
                            (f"decide, +{rows} generated rows, same rate", f"decide_{rows}.half", f("half_rate"))]:
    print(f"| {label} | {n(offered)} | {n(f(key + '.throughput'))} | {r.get(key + '.p50_ms')} | {r.get(key + '.p90_ms')} | {r.get(key + '.p99_ms')} | "
          f"{r.get(key + '.p999_ms')} | {r.get(key + '.max_ms')} | {r.get(key + '.dropped')} | {r.get(key + '.cpu_ms')} |")
print()
print(f"pgbench, 8 clients: profile read by key {n(f('pg.read'))}/s, single-row insert {n(f('pg.insert'))}/s")
print(f"JMH in-process pipeline, starter pack, {cores} threads: {n(f('jmh.pipeline'))} decides/s = {n(f('jmh.pipeline') / cores)} per core")
print(f"embedded default (H2): first decide {f('startup.first_decide_ms') / 1000:.1f} s after java -jar on a fresh folder, "
      f"{f('startup.restart_first_decide_ms') / 1000:.1f} s on a restart, {f('startup.quick_first_decide_ms') / 1000:.1f} s fresh with "
      f"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC; resident memory {r.get('startup.rss_at_start_mb')} MB at start, "
      f"{r.get('startup.rss_after_warmup_mb')} MB after its wrk runs (PostgreSQL service after its decides: {r.get('startup.rss_pg_after_decides_mb')} MB)")
k = f("late.k")
print(f"late event (history {r.get('late.history', '')}): in order {r.get('late.inorder_cpu_ms')} ms CPU, p50 {r.get('late.inorder_p50_ms')} ms; "
      f"before the last {k:.0f}: {r.get('late.late_cpu_ms')} ms CPU, p50 {r.get('late.late_p50_ms')} ms; before the last "
      f"{r.get('late.k2')}: {r.get('late.late2_cpu_ms')} ms CPU; so one more event after a late one costs {r.get('late.replay_cpu_ms')} ms")
ceiling = f("health.rps")
bound = 1 / (1 / ceiling + 1 / f("pg.read") + 1 / f("jmh.pipeline"))
print(f"bound 1/(1/ceiling + 1/profile read + 1/pipeline) = {n(bound)}/s; decide's top rate is {f('decide.rps') / bound:.0%} of it")
gen, half = f("generator.health.throughput"), f("half_rate")
print(f"the constant-rate generator reached {n(gen)}/s on the ceiling ({gen / ceiling:.2f} of wrk's {n(ceiling)}/s); "
      f"it is used at {n(half)}/s: {'not the limit' if gen >= 2 * half else 'TOO CLOSE to its limit: latency figures are suspect'}")
print()
p99, ping99, table99 = f("decide.half.p99_ms"), f("ping.half.p99_ms"), f(f"decide_{rows}.half.p99_ms")
for step in ("decide.half", f"decide_{rows}.half"):
    print(f"GC during {step}: {n(f(step + '.gc_pauses'))} pauses, longest {f(step + '.gc_max_ms')} ms, "
          f"{f(step + '.gc_total_ms')} ms in all (its p99 {f(step + '.p99_ms')} ms)")
# An in-order event plus k replayed at what one more event after a late one costs; 25% for the tick-sized noise of CPU per event.
late_bound = 1.25 * (f("late.inorder_cpu_ms") + k * max(f("late.replay_cpu_ms"), 0))
targets = [
    ("ping >= 0.5 of the ceiling (H2)", f("h2.ping.rps") >= 0.5 * f("h2.health.rps"), f"{f('h2.ping.rps') / f('h2.health.rps'):.2f}"),
    ("ping >= 0.5 of the ceiling (PostgreSQL)", f("ping.rps") >= 0.5 * ceiling, f"{f('ping.rps') / ceiling:.2f}"),
    ("in-process pipeline >= 10,000 decides/s per core", f("jmh.pipeline") / cores >= 10000, f"{n(f('jmh.pipeline') / cores)} per core"),
    ("decide over HTTP on H2 >= 0.10 of the ceiling", f("h2.decide.rps") >= 0.1 * f("h2.health.rps"),
     f"{f('h2.decide.rps') / f('h2.health.rps'):.3f} ({n(f('h2.decide.rps'))}/s vs {n(f('h2.health.rps'))}/s)"),
    ("PG decide <= 0.3 ms service CPU", f("decide.cpu_ms") <= 0.3, f"{r.get('decide.cpu_ms')} ms (+ {r.get('decide.pg_cpu_ms')} ms in PostgreSQL)"),
    ("PG decide >= 40% of the bound", f("decide.rps") >= 0.4 * bound, f"{n(f('decide.rps'))}/s vs {n(0.4 * bound)}/s"),
    ("PG decide >= 3,000/s", f("decide.rps") >= 3000, f"{n(f('decide.rps'))}/s"),
    ("at half decide's top rate, p99 <= 10 ms", p99 <= 10, f"{p99} ms at {n(half)}/s"),
    ("at half decide's top rate, p99 <= 3 x ping's p99", p99 <= 3 * ping99, f"{p99} ms vs 3 x {ping99} ms"),
    ("outbound decides >= half the inbound rate", f("decide_out.rps") >= 0.5 * f("decide_in.rps"),
     f"{n(f('decide_out.rps'))}/s vs {n(f('decide_in.rps'))}/s ({f('decide_out.rps') / f('decide_in.rps'):.2f})"),
    (f"{rows}-row table's p99 <= 3 x the starter pack's", table99 <= 3 * p99, f"{table99} ms vs 3 x {p99} ms"),
    ("events one per request >= 40% of pgbench's single-row insert", f("events.rps") >= 0.4 * f("pg.insert"),
     f"{n(f('events.rps'))}/s vs {n(0.4 * f('pg.insert'))}/s"),
    ("batches of 100 >= 3 x pgbench's single-row insert, in events/s", 100 * f("events_batch.rps") >= 3 * f("pg.insert"),
     f"{n(100 * f('events_batch.rps'))}/s vs {n(3 * f('pg.insert'))}/s"),
    (f"a late event costs <= an in-order one plus the {k:.0f} after it (CPU, +25%)", f("late.late_cpu_ms") <= late_bound,
     f"{r.get('late.late_cpu_ms')} ms vs 1.25 x ({r.get('late.inorder_cpu_ms')} + {k:.0f} x {r.get('late.replay_cpu_ms')}) ms = {late_bound:.2f} ms"),
    ("first decide < 4 s after java -jar (H2)", f("startup.first_decide_ms") < 4000, f"{f('startup.first_decide_ms') / 1000:.1f} s"),
    ("resident memory < 384 MB after warm-up (H2)", f("startup.rss_after_warmup_mb") < 384, f"{r.get('startup.rss_after_warmup_mb')} MB"),
]
for name, ok, detail in targets:
    print(f"{'n/a ' if smoke else 'PASS' if ok else 'MISS'}  {name}: {detail}")
PY
