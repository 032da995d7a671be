#!/usr/bin/env bash
# Build and swap costs of a ruleset and the Drools build path they choose (classic MVEL against the
# executable model): starter pack, +1,000 and +10,000 generated rows; then decide latency while
# rulesets are built and swapped beside the decides. In process: no HTTP, no database.
#   bench/build-swap.sh
set -euo pipefail
exec "$(dirname "$0")/in-process.sh" io.omnidecide.ruleset.BuildPathBenchmark "$@"
