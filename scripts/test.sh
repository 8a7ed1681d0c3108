#!/usr/bin/env bash
# Runs every test: the Swift test suite (unit, loopback-server and screen tests), then the
# end-to-end run against two real local model servers. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test
# Stress tests (SIGKILL at random moments, concurrent writer processes) run alone: they spawn
# hundreds of processes and would starve the timing of the tests above.
ARENA_STRESS_TESTS=1 swift test --filter CrashSafetyTests
scripts/e2e-local-model.sh .build/debug/arena
