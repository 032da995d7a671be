#!/usr/bin/env bash
# JMH benchmarks, in process (no HTTP, no database): the decide on the starter pack and with a
# generated 1,000- and 10,000-row eligibility table (PipelineBenchmark), and the starter pack's segment
# and eligibility stages by the rules against the same logic written by hand (EligibilityBenchmark).
# Short by default; pass JMH options to change it, or a benchmark name pattern as JMH_BENCH.
#   bench/jmh.sh                                        # 1 fork, 2 x 2 s warm-up, 3 x 2 s measurement per table size
#   JMH_OPTS="-f 1 -wi 3 -w 3s -i 5 -r 3s" bench/jmh.sh  # the run recorded in docs/performance.md
set -euo pipefail
exec "$(dirname "$0")/in-process.sh" org.openjdk.jmh.Main "${JMH_BENCH:-(Pipeline|Eligibility)Benchmark}" \
  ${JMH_OPTS:--f 1 -wi 2 -w 2s -i 3 -r 2s} "$@"
