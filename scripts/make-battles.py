#!/usr/bin/env python3
"""Writes N seeded LMArena-style battle rows (JSON Lines) among M models, for benchmarks.

Usage: scripts/make-battles.py N M [SEED] [--conversations] > battles.jsonl

Each row has model_a, model_b, winner (model_a, model_b, tie or "tie (bothbad)"), tstamp and a
question_id; outcomes follow Bradley–Terry with ratings spread over 400 Elo points, 10% ties and
5% both bad, so `arena leaderboard` recovers a known order. With --conversations each row also
carries a distinct prompt and two short answers (conversation_a / conversation_b), as a store
filled by real use would.
"""
import json
import random
import sys


def main() -> None:
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    conversations = "--conversations" in sys.argv
    count, models = int(arguments[0]), int(arguments[1])
    rng = random.Random(int(arguments[2]) if len(arguments) > 2 else 1)
    names = [f"model-{i:03d}" for i in range(models)]
    ratings = [400.0 * i / max(models - 1, 1) for i in range(models)]
    out = sys.stdout
    start = 1_700_000_000.0
    for row in range(count):
        a, b = rng.sample(range(models), 2)
        draw = rng.random()
        if draw < 0.05:
            winner = "tie (bothbad)"
        elif draw < 0.15:
            winner = "tie"
        else:
            p_a = 1.0 / (1.0 + 10 ** ((ratings[b] - ratings[a]) / 400.0))
            winner = "model_a" if rng.random() < p_a else "model_b"
        record = {"model_a": names[a], "model_b": names[b], "winner": winner,
                  "tstamp": start + row * 3.0, "question_id": f"q{row}"}
        if conversations:
            prompt = f"Question {row}: summarise the trade-offs of approach {rng.randrange(1000)} in two sentences."
            for side, name in (("a", names[a]), ("b", names[b])):
                record[f"conversation_{side}"] = [
                    {"role": "user", "content": prompt},
                    {"role": "assistant", "content": f"An answer of about forty words from one model ({rng.random():.6f}). " * 3},
                ]
        out.write(json.dumps(record))
        out.write("\n")


if __name__ == "__main__":
    main()
