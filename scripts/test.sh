#!/usr/bin/env bash
# Runs every test: the Swift test suite (unit, loopback-server, PostgreSQL and screen tests), then
# the end-to-end run against two real local model servers. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build

# A throwaway PostgreSQL cluster on 127.0.0.1 for the team-store tests, started before the tests
# (starting it from inside a test would block test threads for seconds) and stopped on exit.
pg_dir="$(mktemp -d /tmp/arena-pg-XXXXXX)"
pg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
trap 'scripts/postgres-test-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
pg_url="$(scripts/postgres-test-cluster.sh start "$pg_dir" "$pg_port" | tail -1)"
export ARENA_TEST_POSTGRES_URL="${pg_url/arena@/arena:secret-pw@}"

# The heavy or blocking suites run in the stage below, on their own: the libpq client's tests
# (lock waits, serialization conflicts, server restarts), the team-store suites (many real arena
# processes against PostgreSQL) and the screen stress cases. Beside the rest, on 2 cores, they
# starved the timing-sensitive tests (probe and idle timeouts).
heavy='PGClientTests|TeamStoreTests|TeamStoreCommandTests|TeamJudgingTests|ScreenStressTests|CrashSafetyTests'
swift test --skip "$heavy"

# Stress tests run alone: SIGKILL at random moments and concurrent writer processes (hundreds of
# processes), the heavy screen cases (10 MB answers, 8 × 50k tokens), and the tests that restart
# their own PostgreSQL server. Beside the suite above they would starve its timing.
unset ARENA_TEST_POSTGRES_URL
ARENA_STRESS_TESTS=1 swift test --filter "$heavy"
scripts/e2e-local-model.sh .build/debug/arena
