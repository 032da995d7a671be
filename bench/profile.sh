#!/usr/bin/env bash
# Where the service's CPU goes per decide (and per event), by component: the packaged PostgreSQL
# service with JFR, the suite's population, wrk driving it, then bench/jfr-breakdown.py on the recording.
#
#   bench/profile.sh                               # decide, web/app/email/any, 100,000 customers, 1,000,000 events
#   TARGETS="decide events" bench/profile.sh       # also one event per request (events-batch: batches of 100)
#   CUSTOMERS=10000 EVENTS=100000 bench/profile.sh # a smaller population, quicker to seed
#
# Per target: a wrk warm-up of WARMUP_REQUESTS requests (at most WARMUP_MAX s; the JIT compiles by
# count, not by time, so on a loaded box a fixed time is not enough), then a JFR recording (settings=profile: execution samples
# every 10 ms, allocation samples) started and stopped by jcmd around a DURATION s wrk run, with the
# CPU time of every service thread read from /proc/PID/task before and after. The recordings stay in
# PROFILE_DIR (target/profile) for JDK Mission Control or `jfr print`.
# Knobs: TARGETS CHANNELS CUSTOMERS EVENTS DURATION WARMUP_REQUESTS WARMUP_MAX HEAP SERVICE_OPTS PORT DB PROFILE_DIR WRK_THREADS WRK_CONNECTIONS KEEP=1
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

TARGETS=${TARGETS:-decide}
CHANNELS=${CHANNELS:-web,app,email,any}
CUSTOMERS=${CUSTOMERS:-100000}
EVENTS=${EVENTS:-1000000}
DURATION=${DURATION:-30}
WARMUP_REQUESTS=${WARMUP_REQUESTS:-20000}
WARMUP_MAX=${WARMUP_MAX:-240}
HEAP=${HEAP:-512m}
# The flags README runs the service with (besides -Xmx, which HEAP sets).
SERVICE_OPTS=${SERVICE_OPTS:-"-Xms64m -XX:+UseSerialGC"}
PORT=${PORT:-8095}
DB=${DB:-omnidecide_bench}
PROFILE_DIR=${PROFILE_DIR:-target/profile}
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

check_port_free
ensure_wrk
machine
build
psql -Atc 'select 1' > /dev/null || { echo "PostgreSQL does not answer on $PGHOST:$PGPORT as $PGUSER" >&2; exit 1; }
mkdir -p "$PROFILE_DIR"

# Deep stacks: a decide's run through Vert.x, RESTEasy, the pipeline and Drools is well over JFR's default 64 frames.
start_postgres "$WORK/pg.log" -XX:FlightRecorderOptions:stackdepth=512
seed_population "$CUSTOMERS" "$EVENTS"

# tid utime stime name, for every thread of the service.
threads() {
  local t
  for t in /proc/"$PID"/task/*; do
    # Fields counted after the command name, which may hold spaces ("C2 CompilerThre").
    echo "${t##*/} $(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12, $13}') $(cat "$t/comm" 2>/dev/null)"
  done | awk 'NF >= 4'
}

for target in $TARGETS; do
  echo "== $target: warm-up, then ${DURATION} s recorded (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS)"
  warm_up "$target" "$CUSTOMERS" "$CHANNELS"
  recording="$(cd "$PROFILE_DIR" && pwd)/$target-$(date -u +%Y%m%dT%H%M%S).jfr"
  jcmd "$PID" JFR.start name="$target" settings=profile filename="$recording" > /dev/null
  threads > "$WORK/threads-before"
  out=$(wrk_once "$target" "$DURATION" "$CUSTOMERS" "$CHANNELS")
  threads > "$WORK/threads-after"
  jcmd "$PID" JFR.stop name="$target" > /dev/null
  echo "$out"
  python3 bench/jfr-breakdown.py "$recording" "$(field requests "$out")" "$WORK/threads-before" "$WORK/threads-after" \
    "$target ($([ "$target" = decide ] && echo "$CHANNELS, ")$(field rps "$out")/s; $recording)"
done
