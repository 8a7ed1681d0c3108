#!/usr/bin/env python3
"""Writes N seeded LMArena-style battle rows (JSON Lines) among M models, for benchmarks.

Usage: scripts/make-battles.py N M [SEED] > battles.jsonl

Each row has model_a, model_b, winner (model_a, model_b, tie or "tie (bothbad)"), tstamp and a
question_id; outcomes follow Bradley–Terry with ratings spread over 400 Elo points, 10% ties and
5% both bad, so `arena leaderboard` recovers a known order.
"""
import json
import random
import sys


def main() -> None:
    count, models = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
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
        out.write(json.dumps({"model_a": names[a], "model_b": names[b], "winner": winner,
                              "tstamp": start + row * 3.0, "question_id": f"q{row}"}))
        out.write("\n")


if __name__ == "__main__":
    main()
