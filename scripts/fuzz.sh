#!/usr/bin/env bash
# Fuzzes every stream decoder and every parser (config, suites, themes, imports) for SECONDS
# (default 600), seeded from the real transcripts, suites and themes, in a release build.
# Reports inputs tried; a crash stops with the seed that reproduces it.
#
#   scripts/fuzz.sh [SECONDS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"; seed="${2:-$RANDOM}"
swift build -c release --product arena-bench >&2
bin="$(swift build -c release --show-bin-path)/arena-bench"
if "$bin" fuzz --seconds "$seconds" --seed "$seed"; then
  exit 0
else
  status=$?
  echo "fuzz: CRASH (exit $status) — reproduce with: $bin fuzz --seconds $seconds --seed $seed" >&2
  exit 1
fi
