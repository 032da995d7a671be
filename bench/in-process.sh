#!/usr/bin/env bash
# Runs a main class from the test sources (a benchmark) on the test classpath, after compiling.
#   bench/in-process.sh CLASS [ARGS...]      used by bench/jmh.sh and bench/build-swap.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" "$@"
