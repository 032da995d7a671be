#!/usr/bin/env bash
# Build and swap costs of a ruleset and the Drools build path they choose (classic MVEL against the
# executable model): starter pack, +1,000 and +10,000 generated rows; then decide latency while
# rulesets are built and swapped beside the decides. In process: no HTTP, no database.
#   bench/build-swap.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.omnidecide.ruleset.BuildPathBenchmark "$@"
