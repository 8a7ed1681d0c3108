#!/usr/bin/env bash
# End-to-end: two real SmolLM2-135M servers (llama-cpp-python) as two "models", the real arena
# binary against them, then checks of the stored battle and the export.
#
#   scripts/e2e-local-model.sh [path/to/arena]
#
# Installs the server and model on first use (cached; see scripts/local-model-server.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

arena="${1:-.build/debug/arena}"
[ -x "$arena" ] || { echo "e2e: $arena not built (run swift build)" >&2; exit 1; }

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

passed=0; failed=0
check() { # check "what" command...
  local what="$1"; shift
  if "$@" >"$work/check.out" 2>&1; then passed=$((passed + 1)); echo "  ok    $what"
  else failed=$((failed + 1)); echo "  FAIL  $what"; sed 's/^/        /' "$work/check.out" | head -20; fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port_a=$(free_port); port_b=$(free_port)
scripts/local-model-server.sh install
pids+=("$(scripts/local-model-server.sh start "$port_a" smollm2-chatml)")
pids+=("$(scripts/local-model-server.sh start "$port_b" smollm2-alpaca --chat_format alpaca)")

cat >"$work/config.yaml" <<YAML
models:
  - name: smol-chatml
    base_url: http://127.0.0.1:$port_a/v1
    model: smollm2-chatml
    params: { temperature: 0.2, max_tokens: 48 }
    price: { input: 0.10, output: 0.40 }
    tags: [local]
  - name: smol-alpaca
    base_url: http://127.0.0.1:$port_b/v1
    model: smollm2-alpaca
    params: { temperature: 0.2, max_tokens: 48 }
    tags: [local]
timeouts: { first_token: 60, idle: 30 }
YAML
export ARENA_CONFIG="$work/config.yaml" ARENA_STORE="$work/store/arena.sqlite"

echo "e2e: arena against two SmolLM2 servers on 127.0.0.1:$port_a and :$port_b"
check "config check" "$arena" config check
check "models --probe reaches both servers" bash -c "\"$arena\" models --probe | grep -c ' ok ' | grep -qx 2"

"$arena" ask --json --vote A "Name three colours of the rainbow." >"$work/ask.json"
check "ask --json --vote A: two seats, full answers, metrics, verdict" python3 - "$work/ask.json" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
assert result["verdict"] == "A", result["verdict"]
seats = result["seats"]
assert [s["label"] for s in seats] == ["A", "B"], seats
assert {s["model"] for s in seats} == {"smol-chatml", "smol-alpaca"}
for s in seats:
    assert s["error"] is None, s["error"]
    assert s["text"].strip(), "empty answer"
    assert s["finish_reason"] in ("stop", "length"), s["finish_reason"]
    assert s["ttft_ms"] > 0 and s["duration_ms"] >= s["ttft_ms"], s
    assert s["output_tokens"] > 0 and s["tokens_estimated"] is True, s  # llama.cpp sends no usage
    if s["model"] == "smol-alpaca": assert s["cost_usd"] is None
    else: assert s["cost_usd"] > 0
PY

"$arena" ask "Say hello in French." </dev/null >"$work/ask2.txt" 2>"$work/ask2.err"
check "ask without a terminal stores the battle with no verdict" grep -q "no verdict" "$work/ask2.txt"
check "plain output labels lines by seat and reveals after" bash -c "grep -q '^A │' '$work/ask2.txt' && grep -q 'smol-alpaca' '$work/ask2.txt'"

check "store: two battles, one verdict, integrity ok, mode 0600" python3 - "$ARENA_STORE" "$work/ask.json" <<'PY'
import json, os, sqlite3, stat, sys
path, ask = sys.argv[1], json.load(open(sys.argv[2]))
assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
db = sqlite3.connect(path)
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert db.execute("PRAGMA foreign_key_check").fetchall() == []
assert db.execute("SELECT count(*) FROM battle").fetchone()[0] == 2
assert db.execute("SELECT count(*) FROM verdict").fetchone()[0] == 1
winner_model = db.execute("""SELECT s.model_name FROM verdict v JOIN seat s
    ON s.battle_id = v.battle_id AND s.seat_index = v.winner_seat""").fetchone()[0]
assert winner_model == next(s["model"] for s in ask["seats"] if s["label"] == "A")
texts = {r[0]: r[1] for r in db.execute("SELECT seat_index, text FROM answer WHERE battle_id = ?", (ask["battle_id"].upper(),))}
assert texts == {i: s["text"] for i, s in enumerate(ask["seats"])}, texts
PY

"$arena" export >"$work/export.jsonl"
check "export jsonl: one LMArena row for the voted battle" python3 - "$work/export.jsonl" "$work/ask.json" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
ask = json.load(open(sys.argv[2]))
assert len(rows) == 1, rows
row = rows[0]
winner = next(s["model"] for s in ask["seats"] if s["label"] == "A")
assert row[row["winner"]] == winner, row
assert row["anony"] is True and row["turn"] == 1
assert row["conversation_a"][0] == {"role": "user", "content": "Name three colours of the rainbow."}
assert row["conversation_a"][1]["role"] == "assistant"
PY
"$arena" export --format csv --all --out "$work/export.csv"
check "export csv --all: header plus both battles" python3 - "$work/export.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 2, len(rows)
assert sorted(r["winner"] in ("model_a", "model_b") for r in rows) == [False, True], rows
assert [r["winner"] for r in rows if r["winner"] not in ("model_a", "model_b")] == [""], rows
PY

# The arena screen, driven as a user would in tmux: type, send, wait for both panes, vote, read the reveal.
if command -v tmux >/dev/null; then
  session="arena-e2e-$$"
  tmux new-session -d -s "$session" -x 120 -y 32 \
    "ARENA_CONFIG='$ARENA_CONFIG' ARENA_STORE='$ARENA_STORE' '$arena' --theme high-contrast; sleep 60"
  screen() { tmux capture-pane -t "$session" -p; }
  wait_for() { for _ in $(seq 1 120); do screen | grep -q "$1" && return 0; sleep 0.5; done; return 1; }
  check "screen opens with blind panes A and B" bash -c "$(declare -f screen wait_for); session=$session; wait_for 'theme high-contrast' && screen | grep -q '━ A\|┏ A' && ! screen | grep -q 'smol-'"
  tmux send-keys -t "$session" "List five fruits, one per line."
  tmux send-keys -t "$session" Enter
  check "both answers stream and a vote is offered, no names shown" bash -c "$(declare -f screen wait_for); session=$session; wait_for 'Vote:' && ! screen | grep -q 'smol-'"
  screen >"$work/screen-before.txt"
  # Each pane shows only its own seat's stored answer, through zoom, resize and scroll (the bug
  # that once showed seat B's list in seat A appeared with multi-line answers like these).
  panes_ok() { # panes_ok "what" — the screen now, against the store
    sleep 0.7; screen >"$work/panes.txt"
    check "$1: every pane shows its own answer" python3 scripts/check-screen-panes.py "$work/panes.txt" "$ARENA_STORE"
  }
  panes_ok "after streaming at 120×32"
  tmux send-keys -t "$session" Tab; tmux send-keys -t "$session" z; panes_ok "zoomed on B"
  tmux resize-window -t "$session" -x 80 -y 24; panes_ok "zoomed, resized to 80×24"
  tmux send-keys -t "$session" PageUp; panes_ok "zoomed, page up"
  tmux send-keys -t "$session" z; panes_ok "unzoomed at 80×24"
  tmux resize-window -t "$session" -x 30 -y 10; tmux resize-window -t "$session" -x 160 -y 45; panes_ok "tiny, then 160×45"
  tmux send-keys -t "$session" Home; panes_ok "Home"
  tmux resize-window -t "$session" -x 120 -y 32
  tmux send-keys -t "$session" b
  check "after the vote the names and metrics are revealed" bash -c "$(declare -f screen wait_for); session=$session; wait_for 'TTFT' && screen | grep -q 'smol-chatml' && screen | grep -q 'smol-alpaca' && screen | grep -q '1 verdict\|2 verdicts'"
  screen >"$work/screen-after.txt"
  check "the reveal shows the total time" grep -q 'total [0-9.]* \(ms\|s\)' "$work/screen-after.txt"
  tmux send-keys -t "$session" "Give three tips for writing clear code, as a numbered list."
  tmux send-keys -t "$session" Enter
  check "a follow-up streams after the reveal" bash -c "$(declare -f screen wait_for); session=$session; wait_for 'names known'"
  panes_ok "follow-up turn"
  tmux resize-window -t "$session" -x 90 -y 28; tmux send-keys -t "$session" PageUp; panes_ok "follow-up, resized and scrolled"
  tmux send-keys -t "$session" t
  sleep 1
  tmux send-keys -t "$session" q q
  sleep 1
  tmux kill-session -t "$session" 2>/dev/null || true
  check "store: the screen's verdict names seat B of a 'screen' battle" python3 - "$ARENA_STORE" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("""SELECT v.outcome, v.winner_seat, v.blind, length(a.text) FROM battle b JOIN verdict v ON v.battle_id = b.id
    JOIN answer a ON a.battle_id = b.id AND a.turn_index = v.turn_index AND a.seat_index = 1 WHERE b.mode = 'screen'
    ORDER BY v.turn_index""").fetchall()
assert [r[:3] for r in rows] == [("seat", 1, 1), ("tie", None, 0)] and all(r[3] > 0 for r in rows), rows
PY

  # Four real answers ranked in the screen: seat keys best → worst with a tie, Enter saves, and
  # the order is in the store. Two servers, four model entries (each server answers two).
  cat >"$work/four.yaml" <<YAML
models:
  - { name: smol-one, base_url: "http://127.0.0.1:$port_a/v1", model: smollm2-chatml, params: { temperature: 0.2, max_tokens: 40 } }
  - { name: smol-two, base_url: "http://127.0.0.1:$port_b/v1", model: smollm2-alpaca, params: { temperature: 0.2, max_tokens: 40 } }
  - { name: smol-three, base_url: "http://127.0.0.1:$port_a/v1", model: smollm2-chatml, params: { temperature: 0.9, max_tokens: 40 } }
  - { name: smol-four, base_url: "http://127.0.0.1:$port_b/v1", model: smollm2-alpaca, params: { temperature: 0.9, max_tokens: 40 } }
timeouts: { first_token: 90, idle: 30 }
YAML
  four_store="$work/store/four.sqlite"
  session="arena-e2e-four-$$"
  tmux new-session -d -s "$session" -x 160 -y 40 \
    "ARENA_CONFIG='$work/four.yaml' ARENA_STORE='$four_store' '$arena' --theme high-contrast; sleep 60"
  check "four panes open blind" bash -c "$(declare -f screen wait_for); session=$session; wait_for 'theme high-contrast' && screen | grep -q '╭ D\|┏ D' && ! screen | grep -q 'smol-'"
  tmux send-keys -t "$session" "Name two animals that live in the sea."
  tmux send-keys -t "$session" Enter
  check "four answers stream and a vote is offered, no names shown" bash -c "$(declare -f screen wait_for); session=$session; wait_for 'Vote:\|rank' && ! screen | grep -q 'smol-'"
  for key in c a = d; do tmux send-keys -t "$session" "$key"; sleep 0.3; done
  sleep 0.5; screen >"$work/screen-ranking.txt"
  check "the ranking being built shows in the pane titles, names still hidden" bash -c "grep -q '1st' '$work/screen-ranking.txt' && grep -q '2nd' '$work/screen-ranking.txt' && ! grep -q 'smol-' '$work/screen-ranking.txt'"
  tmux send-keys -t "$session" Enter
  check "after the ranking is saved the names are revealed" bash -c "$(declare -f screen wait_for); session=$session; wait_for 'smol-one' && screen | grep -q 'smol-four'"
  screen >"$work/screen-ranked.txt"
  tmux send-keys -t "$session" q q
  sleep 1
  tmux kill-session -t "$session" 2>/dev/null || true
  check "store: the ranking C>A=D>B of four real answers" python3 - "$four_store" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT v.outcome, v.ranking, b.seat_count FROM verdict v JOIN battle b ON b.id = v.battle_id").fetchall()
assert rows == [("rank", "C>A=D>B", 4)], rows
texts = db.execute("SELECT length(text) FROM answer").fetchall()
assert len(texts) == 4 and all(t[0] > 0 for t in texts), texts
PY
  if [ -n "${ARENA_E2E_SCREENS:-}" ]; then cp "$work"/screen-*.txt "$ARENA_E2E_SCREENS"/; fi
else
  echo "  skip  tmux not installed: the screen checks need it"
fi

# arena gateway in front of smol-chatml, as an app sees it: the official openai SDK and curl talk to
# it, every request is captured into the traffic suite e2e-traffic with the primary's answer stored,
# and every captured prompt is shadowed to smol-alpaca in the background. The suite file goes to
# $XDG_CONFIG_HOME/arena/prompts/: a folder in $work for this and later commands, never the real home.
export XDG_CONFIG_HOME="$work/xdg-config"
traffic_suite="$XDG_CONFIG_HOME/arena/prompts/e2e-traffic.yaml"
# The SDK, pinned, in its own cached venv beside the model server's (installed only when missing).
openai_version=1.109.1
openai_venv="${ARENA_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/arena-e2e}/openai-venv"
if ! "$openai_venv/bin/python" -c "import openai; assert openai.__version__ == '$openai_version'" 2>/dev/null; then
  echo "e2e: installing openai==$openai_version into $openai_venv"
  rm -rf "$openai_venv"; python3 -m venv "$openai_venv"
  "$openai_venv/bin/pip" install --quiet "openai==$openai_version"
fi

"$arena" gateway --port 0 --primary smol-chatml --capture e2e-traffic --shadow smol-alpaca --shadow-rate 1 \
  >"$work/gateway.out" 2>"$work/gateway.err" &
gateway_pid=$!; gateway_index=${#pids[@]}; pids+=("$gateway_pid")
running() { local state; state=$(ps -o stat= -p "$1" 2>/dev/null) && [ "${state#Z}" = "$state" ]; }  # a zombie has exited
gateway_port=""
for _ in $(seq 1 60); do  # up to 30 s for "arena gateway listening on http://127.0.0.1:PORT/v1 → …"
  gateway_port=$(sed -n 's|^arena gateway listening on http://127\.0\.0\.1:\([0-9]*\)/v1 .*|\1|p' "$work/gateway.out")
  [ -n "$gateway_port" ] || ! running "$gateway_pid" && break
  sleep 0.5
done
echo "e2e: arena gateway on 127.0.0.1:${gateway_port:-?} → smol-chatml, capturing e2e-traffic, shadowing smol-alpaca"
check "gateway prints its listening line" bash -c "[ -n '$gateway_port' ] || { cat '$work/gateway.out' '$work/gateway.err'; exit 1; }"
if [ -n "$gateway_port" ]; then
  gateway="http://127.0.0.1:$gateway_port"
  chat_body() { # chat_body "prompt" max_tokens stream — a chat request as an app sends it
    printf '{"model":"any-name","messages":[{"role":"user","content":"%s"}],"max_tokens":%s,"stream":%s}' "$1" "$2" "$3"
  }
  greeting="Write a one-line greeting to alice@example.com."  # the address must be redacted when captured

  curl -sS --max-time 60 -N -D "$work/gw-stream.head" -H 'Content-Type: application/json' -d "$(chat_body "$greeting" 40 true)" \
    "$gateway/v1/chat/completions" >"$work/gw-stream.sse" 2>&1 || true
  check "curl -N: a streamed answer from smol-chatml, ending with data: [DONE]" python3 - "$work/gw-stream.head" "$work/gw-stream.sse" <<'PY'
import json, sys
head = [l.strip().lower() for l in open(sys.argv[1])]
assert head[0].startswith("http/1.1 200"), head
assert "x-arena-model: smol-chatml" in head, head
lines = [l.rstrip("\n") for l in open(sys.argv[2]) if l.startswith("data: ")]
assert lines and lines[-1] == "data: [DONE]", lines[-3:]
chunks = [json.loads(l[len("data: "):]) for l in lines[:-1]]
assert "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"]).strip(), lines[:5]
PY

  check "openai SDK: models.list, a streamed and a plain answer, x-arena-model, usage" \
    "$openai_venv/bin/python" - "$gateway" <<'PY'
import sys, openai
client = openai.OpenAI(base_url=sys.argv[1] + "/v1", api_key="not-a-real-key")
models = [m.id for m in client.models.list()]
assert models == ["smollm2-chatml"], models
raw = client.chat.completions.with_raw_response.create(
    model="any-name", messages=[{"role": "user", "content": "Name three fruits."}], max_tokens=40, stream=True)
assert raw.headers.get("x-arena-model") == "smol-chatml", dict(raw.headers)
streamed = "".join(chunk.choices[0].delta.content or "" for chunk in raw.parse() if chunk.choices)
assert streamed.strip(), "empty streamed answer"
raw = client.chat.completions.with_raw_response.create(
    model="any-name", messages=[{"role": "user", "content": "What is the capital of France?"}], max_tokens=40)
assert raw.headers.get("x-arena-model") == "smol-chatml", dict(raw.headers)
completion = raw.parse()
assert completion.choices[0].message.content.strip(), completion
assert completion.choices[0].finish_reason in ("stop", "length"), completion
assert completion.usage and completion.usage.completion_tokens > 0 and completion.usage.prompt_tokens > 0, completion.usage
PY

  # A fault the gateway answers itself: a body that is not JSON. Then it must still serve: the
  # first prompt again, not streamed (the capture takes it as a duplicate).
  code=$(curl -sS --max-time 60 -o "$work/gw-bad.json" -w '%{http_code}' -H 'Content-Type: application/json' -d '{"messages": [' \
    "$gateway/v1/chat/completions" || true)
  check "invalid JSON body: HTTP 400 with an error object" python3 - "$code" "$work/gw-bad.json" <<'PY'
import json, sys
assert sys.argv[1] == "400", sys.argv[1]
error = json.load(open(sys.argv[2]))["error"]
assert error["type"] == "invalid_request_error" and error["message"], error
PY
  code=$(curl -sS --max-time 60 -o "$work/gw-again.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "$(chat_body "$greeting" 40 false)" "$gateway/v1/chat/completions" || true)
  check "after the bad request it still serves (the first prompt again, not streamed)" python3 - "$code" "$work/gw-again.json" <<'PY'
import json, sys
assert sys.argv[1] == "200", sys.argv[1]
answer = json.load(open(sys.argv[2]))
assert answer["choices"][0]["message"]["content"].strip(), answer
PY

  # Capture and shadows run after the app has its answer: wait (up to 60 s) until the status
  # counts three captured and three shadowed prompts and the store holds all six answers.
  settled() {
    curl -fsS --max-time 5 "$gateway/arena/status" >"$work/gw-status.json" 2>/dev/null || return 1
    python3 - "$work/gw-status.json" <<'PY' || return 1
import json, sys
s = json.load(open(sys.argv[1]))
sys.exit(not (s["captured"] >= 3 and s["shadowed"] + s["shadow_failed"] >= 3 and s["capture_pending"] == 0))
PY
    local stored; stored=$(sqlite3 "$ARENA_STORE" "select count(*) from run_answer where suite='e2e-traffic'" 2>/dev/null || true)
    [ "${stored:-0}" -ge 6 ]
  }
  for _ in $(seq 1 120); do settled && break; sleep 0.5; done
  check "status: 4 answered, 1 rejected, 3 captured (1 duplicate), 3 shadowed, no errors" python3 - "$work/gw-status.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
expected = {"requests": 4, "streamed": 2, "rejected": 1, "upstream_errors": 0, "client_gone": 0, "in_flight": 0,
            "captured": 3, "capture_skipped": {"duplicate": 1}, "capture_pending": 0, "shadowed": 3, "shadow_failed": 0,
            "shadow_dropped": {}, "store_errors": 0, "served_by": {"smol-chatml": 4}, "primary": "smol-chatml"}
got = {k: s.get(k) for k in expected}
assert got == expected, {k: (got[k], v) for k, v in expected.items() if got[k] != v}
PY
  check "the traffic suite file holds the three prompts, the e-mail address redacted" bash -c "
    [ \"\$(grep -c '^- id: \"t-' '$traffic_suite')\" = 3 ] && grep -qF 'content: \"Write a one-line greeting to [email].\"' '$traffic_suite' \
      && grep -qF 'content: \"Name three fruits.\"' '$traffic_suite' && grep -qF 'content: \"What is the capital of France?\"' '$traffic_suite' \
      || { cat '$traffic_suite'; exit 1; }"
  check "arena suites lists e2e-traffic with 3 prompts" bash -c "\"$arena\" suites | grep -E '^e2e-traffic +3 '"
  check "store: run answers of both models for each captured prompt" bash -c "
    out=\$(sqlite3 '$ARENA_STORE' \"select model_name, count(*) from run_answer where suite='e2e-traffic' group by model_name\")
    [ \"\$out\" = \"\$(printf 'smol-alpaca|3\nsmol-chatml|3')\" ] || { echo \"\$out\"; exit 1; }"
  check "neither the client's key nor the e-mail address is in the store or the suite file" \
    bash -c "! grep -a -o -e not-a-real-key -e alice@example.com '$ARENA_STORE'* '$traffic_suite'"

  # SIGTERM with a stream in flight: the gateway stops accepting, lets the stream finish, prints
  # its summary and exits 0 (waited on for at most 30 s).
  curl -sS --max-time 60 -N -H 'Content-Type: application/json' -d "$(chat_body 'Describe the sea in three sentences.' 60 true)" \
    "$gateway/v1/chat/completions" >"$work/gw-drain.sse" 2>&1 &
  curl_pid=$!
  for _ in $(seq 1 120); do grep -q '^data: ' "$work/gw-drain.sse" && break; sleep 0.25; done
  cp "$work/gw-drain.sse" "$work/gw-drain-at-term.sse"
  kill -TERM "$gateway_pid" || true
  for _ in $(seq 1 60); do running "$gateway_pid" || break; sleep 0.5; done
  if running "$gateway_pid"; then gateway_rc="still running 30 s after SIGTERM"; kill -KILL "$gateway_pid"; wait "$gateway_pid" || true
  else gateway_rc=0; wait "$gateway_pid" || gateway_rc=$?; fi
  unset "pids[$gateway_index]"
  wait "$curl_pid" || true
  check "SIGTERM lets the stream in flight finish: it ends with data: [DONE]" python3 - "$work/gw-drain-at-term.sse" "$work/gw-drain.sse" <<'PY'
import sys
at_term, after = open(sys.argv[1]).read(), open(sys.argv[2]).read()
assert "data: " in at_term and "[DONE]" not in at_term, at_term[-300:]
lines = [l.rstrip("\n") for l in after.splitlines() if l.startswith("data: ")]
assert lines and lines[-1] == "data: [DONE]", after[-300:]
assert len(lines) > at_term.count("data: "), "nothing came after the signal"
PY
  check "the gateway exits 0 after SIGTERM with its summary on stderr" bash -c "
    [ '$gateway_rc' = 0 ] && grep -q '^arena gateway: 5 requests · 1 rejected · ' '$work/gateway.err' \
      || { echo 'exit status: $gateway_rc'; cat '$work/gateway.err'; exit 1; }"
fi

kill "${pids[1]}"; sleep 0.5
"$arena" ask --json "One more question." >"$work/ask3.json" || true
check "a dead server fails in its own seat; the other answers" python3 - "$work/ask3.json" <<'PY'
import json, sys
seats = json.load(open(sys.argv[1]))["seats"]
dead = [s for s in seats if s["model"] == "smol-alpaca"][0]
live = [s for s in seats if s["model"] == "smol-chatml"][0]
assert dead["error"]["kind"] == "connection_refused", dead["error"]
assert live["error"] is None and live["text"].strip()
PY

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
