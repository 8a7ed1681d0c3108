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
