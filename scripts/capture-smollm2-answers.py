#!/usr/bin/env python3
"""Captures real multi-line answers from two SmolLM2 servers (scripts/local-model-server.sh) as the
chunks they streamed, for the screen's replay tests (Tests/ArenaUITests/Fixtures/smollm2-answers.json).

    scripts/capture-smollm2-answers.py PORT_CHATML PORT_ALPACA > Tests/ArenaUITests/Fixtures/smollm2-answers.json
"""
import json, sys, urllib.request

PROMPTS = [
    "List five fruits, one per line.",
    "Give three tips for writing clear code, as a numbered list.",
    "Write a short Python function that reverses a string, in a code block.",
    "Explain what a CRDT is in two short paragraphs.",
    "Name four planets and one fact about each, as a bulleted list.",
]

def stream(port, prompt):
    body = json.dumps({"model": "m", "messages": [{"role": "user", "content": prompt}], "stream": True,
                       "max_tokens": 160, "temperature": 0.2}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/chat/completions", body,
                                     {"Content-Type": "application/json"})
    chunks, finish = [], None
    with urllib.request.urlopen(request, timeout=120) as response:
        for raw in response:
            line = raw.decode("utf-8").rstrip("\r\n")
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            choice = json.loads(line[6:])["choices"][0]
            piece = choice.get("delta", {}).get("content")
            if piece:
                chunks.append(piece)
            finish = choice.get("finish_reason") or finish
    return {"prompt": prompt, "server": f"127.0.0.1:{port}", "chunks": chunks, "finish_reason": finish}

ports = sys.argv[1:3]
json.dump([[stream(port, prompt) for port in ports] for prompt in PROMPTS], sys.stdout, ensure_ascii=False, indent=1)
print()
