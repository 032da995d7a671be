# Shared by bench/perf-suite.sh and bench/profile.sh (sourced, not run): set-up, build, the service's
# start and stop, keys, wrk runs with the service's CPU per request. Expects ROOT, PORT, DB, HEAP,
# SERVICE_OPTS, WARMUP, DURATION to be set and `set -euo pipefail`.
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
BASE="http://127.0.0.1:$PORT"
JAR_H2=target/quarkus-app/quarkus-run.jar
JAR_PG=target/bench-postgres/quarkus-run.jar
BENCH_CLASSES=target/bench-classes
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/omnidecide-perf.XXXXXX")
RESULTS=$WORK/results
PID=
HZ=$(getconf CLK_TCK)

stop_service() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID"
    wait "$PID" 2>/dev/null || true
  fi
  PID=
}
finish() {
  stop_service
  if [ "${KEEP:-0}" = 1 ]; then
    echo "kept: $WORK (logs, results) and database $DB"
  else
    dropdb --if-exists "$DB" 2>/dev/null || true
    rm -rf "$WORK"
  fi
}
trap finish EXIT
trap 'exit 130' INT TERM

note() { echo "$1=$2" >> "$RESULTS"; }
result() { sed -n "s/^$1=//p" "$RESULTS" | tail -1; }
elapsed_ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$2"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

check_port_free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "port $PORT is already in use; set PORT to a free one" >&2
    exit 1
  fi
}

# wrk from Debian's packages: a closed-loop generator in C that the service, not the generator, limits.
ensure_wrk() {
  command -v wrk > /dev/null && return 0
  echo "installing wrk (apt-get install -y wrk)"
  apt-get install -y wrk > "$WORK/apt.log" 2>&1 || { apt-get update > /dev/null 2>&1 && apt-get install -y wrk > "$WORK/apt.log" 2>&1; } \
    || { tail -5 "$WORK/apt.log" >&2; echo "could not install wrk" >&2; exit 1; }
}

machine() {
  echo "== machine ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo "cpus: $(nproc), memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)," \
    "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "java: $(java -version 2>&1 | head -1); postgresql: $(psql -Atc 'show server_version' 2>/dev/null || echo 'not answering'); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "code: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src pom.xml rules decision-tables 2>/dev/null || echo ' with local changes')"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Both jars (each only when missing or older than the sources), the test classpath, and the
# constant-rate generator compiled once (the source launcher would run javac at every launch).
build() {
  echo "== build"
  stale() { [ ! -f "$1" ] || [ -n "$(find pom.xml src/main -newer "$1" -print -quit)" ]; }
  if stale "$JAR_H2" || [ ! -f target/test-classpath.txt ] || [ -n "$(find src/test -newer target/test-classpath.txt -print -quit)" ]; then
    ./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
  fi
  if [ "${NEED_H2_ONLY:-0}" != 1 ] && stale "$JAR_PG"; then
    ./mvnw -B -q -DskipTests package -Dquarkus.profile=postgres -Dquarkus.package.output-directory=bench-postgres
  fi
  TEST_CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
  HDR=$(ls target/quarkus-app/lib/main/org.hdrhistogram.HdrHistogram-*.jar)
  if [ ! -f "$BENCH_CLASSES/LoadGenerator.class" ] || [ bench/LoadGenerator.java -nt "$BENCH_CLASSES/LoadGenerator.class" ]; then
    mkdir -p "$BENCH_CLASSES"
    javac -cp "$HDR" -d "$BENCH_CLASSES" bench/LoadGenerator.java
  fi
}

# start_service JAR TABLES_DIR LOG [extra JVM options...]: starts in the background, sets PID and STARTED.
start_service() {
  local jar=$1 tables=$2 log=$3
  shift 3
  STARTED=$(date +%s%N)
  # Its GC pauses, so that a latency step can say how much of its tail they are (gc_pauses in perf-suite.sh).
  GC_LOG="$log.gc"
  # shellcheck disable=SC2086 # SERVICE_OPTS is a list of JVM options
  java "-Xmx$HEAP" $SERVICE_OPTS "-Xlog:gc:file=$GC_LOG" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
    -Domnidecide.ruleset.rules-dir="$ROOT/rules" -Domnidecide.ruleset.tables-dir="$tables" \
    -Domnidecide.security.admin-key-file="$WORK/admin-key" "$@" -jar "$jar" > "$log" 2>&1 &
  PID=$!
}
wait_ready() {
  local deadline=$((STARTED + 180 * 1000000000))
  until curl -sf -o /dev/null "$BASE/q/health/ready"; do
    if ! kill -0 "$PID" 2>/dev/null || [ "$(date +%s%N)" -gt "$deadline" ]; then
      echo "service not ready (exited or over 180 s); end of its log:" >&2
      tail -40 "$1" >&2
      exit 1
    fi
    sleep 0.05
  done
}
# A channel key with a rate limit far above the rates measured, so 429s never mix in.
channel_key() {
  local admin
  admin=$(cat "$WORK/admin-key")
  curl -sS -X POST "$BASE/v1/keys" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"name\": \"bench-$1-$(date +%s%N)\", \"roles\": [\"channel\"], \"rateLimitPerSecond\": 100000}" > "$WORK/key.json"
  sed -n 's/.*"key" *: *"\([^"]*\)".*/\1/p' "$WORK/key.json" | grep . || { echo "no channel key: $(cat "$WORK/key.json")" >&2; return 1; }
}

# start_postgres LOG [extra JVM options...]: a fresh database $DB, the PostgreSQL service on it, a channel key.
PG_OPTS=(-Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password=)
start_postgres() {
  local log=$1
  shift
  dropdb --if-exists "$DB"
  createdb "$DB"
  start_service "$JAR_PG" "$ROOT/decision-tables" "$log" "${PG_OPTS[@]}" "$@"
  wait_ready "$log"
  echo "ready after $(elapsed_ms "$STARTED") ms (fresh schema by Flyway, starter pack compiled)"
  OMNIDECIDE_KEY=$(channel_key pg)
  export OMNIDECIDE_KEY
}
# seed_population CUSTOMERS EVENTS: COPY straight into the tables, every event through the service's projection.
seed_population() {
  java -Xmx1g -cp "$TEST_CP" io.omnidecide.bench.PopulationSeeder "jdbc:postgresql://127.0.0.1:5432/$DB" postgres "$1" "$2"
  psql -d "$DB" -Atc "select 'database size ' || pg_size_pretty(pg_database_size('$DB'))"
}

# CPU ticks of the PostgreSQL backends serving $DB, one "pid ticks" line each (the pool's
# connections live for the whole run, so a run's delta is the sum over the pids seen before and after).
pg_backend_ticks() {
  local p
  for p in $(psql -d "$DB" -Atc "select pid from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid()" 2>/dev/null); do
    [ -r "/proc/$p/stat" ] && echo "$p $(awk '{print $14 + $15}' "/proc/$p/stat")"
  done
}

# wrk_once TARGET SECONDS CUSTOMERS CHANNELS: one closed-loop run; prints wrk's WRK line.
wrk_once() {
  WRK_TARGET=$1 WRK_KEY=${OMNIDECIDE_KEY:-} WRK_CUSTOMERS=$3 WRK_CHANNELS=$4 WRK_THREADS=$WRK_THREADS WRK_RUN="$(date +%s%N)" \
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$2"s --timeout 10s -s "$ROOT/bench/wrk/omnidecide.lua" \
    "$BASE$([ "$1" = health ] && echo /q/health/live || echo /)" | grep '^WRK '
}

# warm_up TARGET CUSTOMERS CHANNELS: wrk in 10 s runs until WARMUP_REQUESTS requests have been
# answered or WARMUP_MAX s have passed: the JIT compiles a path after so many calls, so on a loaded box
# a fixed time leaves it cold.
warm_up() {
  local done=0 start=$SECONDS out
  while [ "$done" -lt "$WARMUP_REQUESTS" ] && [ $((SECONDS - start)) -lt "$WARMUP_MAX" ]; do
    out=$(wrk_once "$1" "$(( WARMUP_MAX - (SECONDS - start) < 10 ? WARMUP_MAX - (SECONDS - start) : 10 ))" "$2" "$3")
    done=$((done + $(field requests "$out")))
  done
  echo "warm-up: $done requests in $((SECONDS - start)) s"
}

# wrk_run NAME TARGET CUSTOMERS [CHANNELS]: a warm-up of WARMUP s, then DURATION s measured, noted as
# NAME.rps, NAME.p50_ms, NAME.p99_ms, NAME.errors, NAME.cpu_ms (the service's user + system CPU per
# request over the measured run, /proc/PID/stat) and NAME.pg_cpu_ms (the same for its PostgreSQL backends).
wrk_run() {
  local name=$1 target=$2 customers=$3 channels=${4:-web,app,email,any} out ticks pg_before
  echo "== $name: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS, ${WARMUP} s warm-up, ${DURATION} s measured ($target${4:+, $channels})"
  wrk_once "$target" "$WARMUP" "$customers" "$channels" > /dev/null
  pg_before=$(pg_backend_ticks)
  ticks=$(cpu_ticks "$PID")
  out=$(wrk_once "$target" "$DURATION" "$customers" "$channels")
  ticks=$(($(cpu_ticks "$PID") - ticks))
  local requests errors
  requests=$(field requests "$out")
  errors=$(($(field errors_connect "$out") + $(field errors_read "$out") + $(field errors_write "$out") + $(field errors_status "$out") + $(field errors_timeout "$out")))
  note "$name.rps" "$(field rps "$out")"
  note "$name.p50_ms" "$(field p50_ms "$out")"
  note "$name.p99_ms" "$(field p99_ms "$out")"
  note "$name.errors" "$errors"
  note "$name.cpu_ms" "$(awk -v t="$ticks" -v hz="$HZ" -v n="$requests" 'BEGIN { printf "%.3f", n ? t * 1000 / hz / n : 0 }')"
  note "$name.pg_cpu_ms" "$(join <(sort <<< "$pg_before") <(pg_backend_ticks | sort) | awk -v hz="$HZ" -v n="$requests" \
    '{ t += $3 - $2 } END { printf "%.3f", n ? t * 1000 / hz / n : 0 }')"
  echo "$(field rps "$out") requests/s, p50 $(field p50_ms "$out") ms, p99 $(field p99_ms "$out") ms, $errors errors;" \
    "service CPU $(result "$name.cpu_ms") ms per request$([ "$(result "$name.pg_cpu_ms")" = 0.000 ] || echo ", PostgreSQL $(result "$name.pg_cpu_ms") ms")"
  if [ "$errors" != 0 ]; then echo "  $out"; fi
}
