#!/usr/bin/env python3
"""Checks a tmux capture of the arena screen against the store: every text row a pane shows must
come from *that seat's* own stored answers (or the prompts, or the screen's own notes), never from
another seat's. Used by scripts/e2e-local-model.sh after zooms, resizes and scrolls.

    check-screen-panes.py CAPTURE STORE.sqlite

Exit 0 when every pane is its own; otherwise prints the offending rows. Panes are found from the
top border (╭/┏ corners); rows are compared with whitespace collapsed and Markdown markers removed,
so wrapping, list bullets and code bars do not matter. Assumes no wide characters in the answers.
"""
import re, sqlite3, sys

capture = open(sys.argv[1], encoding="utf-8").read().split("\n")
db = sqlite3.connect(sys.argv[2])
battle = db.execute("SELECT id FROM battle WHERE mode = 'screen' ORDER BY created_at DESC LIMIT 1").fetchone()[0]
seats = db.execute("SELECT seat_index FROM seat WHERE battle_id = ? ORDER BY seat_index", (battle,)).fetchall()
prompts = [r[0] for r in db.execute("SELECT prompt FROM turn WHERE battle_id = ? ORDER BY turn_index", (battle,))]
answers = {}
for seat, text, reasoning, error, status in db.execute(
        "SELECT seat_index, text, reasoning, coalesce(error_message, ''), error_status FROM answer WHERE battle_id = ?",
        (battle,)):
    error += f" (HTTP {status})" if status else ""
    answers.setdefault(seat, []).append(text + "\n" + reasoning + "\n" + error)


def normal(text):
    text = re.sub(r"(?m)^\s*(?:[-*+]|\d+[.)])\s+", " ", text)      # list markers
    text = re.sub(r"(?m)^\s*#+\s*", " ", text)                        # headings
    text = re.sub(r"(?m)^\s*>\s?", " ", text)                          # quotes
    text = text.replace("**", "").replace("`", "").replace("*", "")
    return " " + re.sub(r"\s+", " ", text).strip() + " "


def row_normal(row):
    row = row.replace("▌", " ")
    row = re.sub(r"^\s*│ ", " ", row)                                  # code bar
    row = re.sub(r"^\s*(?:•|\d+[.)])\s+", " ", row)
    row = row.replace("*", "")
    return re.sub(r"\s+", " ", row).strip()


own = {seat: normal("\n".join(texts)) for seat, texts in answers.items()}
shared = normal("\n".join(prompts))
screen_notes = ("waiting for the first token", "reasoning", "empty answer", "cut at the token limit", "cancelled",
                "error:", "the stream ended early", "TTFT", "tok/s", "identity leak", "stopped by a content filter")

# Panes: columns between the corners on the first row that has them.
top = next((i for i, line in enumerate(capture) if re.search(r"[╭┏]", line)), None)
if top is None:
    print("no panes on screen"); sys.exit(1)
corners = [m.start() for m in re.finditer(r"[╭┏╮┓]", capture[top])]
spans = [(corners[i] + 1, corners[i + 1]) for i in range(0, len(corners) - 1, 2)]
labels = [re.search(r"[╭┏]\s*(\w)", capture[top][s - 1:e]).group(1) for s, e in spans]
failures, rows_checked = [], 0
for (start, end), label in zip(spans, labels):
    seat = ord(label) - ord("A")
    mine = own.get(seat, " ")
    for line in capture[top + 1:]:
        if len(line) <= start or line[start - 1] not in "│┃":
            break
        row = row_normal(line[start:end])
        if not row or row.startswith("›") or any(note in row for note in screen_notes):
            continue
        rows_checked += 1
        if row in mine or row in shared:
            continue
        # Before the vote, names, model ids, hosts and vendor words in errors show as •••.
        if "•••" in row and re.search(".+?".join(map(re.escape, row.split("•••"))), mine):
            continue
        others = [chr(65 + s) for s, text in own.items() if s != seat and row in text]
        failures.append(f"pane {label}: {row!r}" + (f" (from seat {', '.join(others)}'s answer)" if others else ""))
if failures:
    print("\n".join(failures)); sys.exit(1)
print(f"{len(spans)} panes, {rows_checked} rows, each from its own seat's answer")
