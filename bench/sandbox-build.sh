#!/usr/bin/env bash
# Build latency of the starter pack through the build sandbox: a process started per draft against
# a spare started ahead, the in-process build that follows, the memory of an idle spare.
#   bench/sandbox-build.sh
set -euo pipefail
exec "$(dirname "$0")/in-process.sh" io.omnidecide.publishing.sandbox.SandboxBuildBenchmark "$@"
