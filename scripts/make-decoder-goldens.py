#!/usr/bin/env python3
"""Writes the expected decoder results for every 2xx chat transcript: an independent oracle.

Usage (from the package root):

    python3 scripts/make-decoder-goldens.py          # (re)write the goldens
    python3 scripts/make-decoder-goldens.py --check  # exit 1 if a golden is missing or differs

For each `Tests/ArenaProvidersTests/Fixtures/transcripts/<dir>/<case>.body` whose `.headers`
status is 2xx (GET /v1/models listings excluded) this writes
`Tests/ArenaProvidersTests/Fixtures/expected/<dir>/<case>.json` with what `AnswerAccumulator`
must hold after folding the Swift decoder's events: text, reasoning, finishReason, usage,
errorKind, textDeltaCount, and what the server said answered (servedModel, fingerprint: the
last string each reported, null when none).

Decoder by name: llama/* and llama_interrupt/* and litellm/openai_* -> OpenAI chat;
litellm/anthropic_* -> Anthropic Messages; litellm/gemini_* -> Gemini. An `application/json`
body goes through the non-streaming path ("complete"), anything else through the stream path.

This is a second implementation on purpose: stdlib only, written from providers.md and
the SSE spec, sharing no code with the Swift decoders. Keep it that way; when the two disagree,
find out which one is wrong before regenerating.
"""

import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "ArenaProvidersTests", "Fixtures")
TRANSCRIPTS = os.path.join(FIXTURES, "transcripts")
EXPECTED = os.path.join(FIXTURES, "expected")

# FinishReason(wire:) in ArenaCore/Streaming/StreamEvent.swift, restated.
FINISH = {
    "stop": "stop", "end_turn": "stop", "stop_sequence": "stop", "eos": "stop", "finished": "stop",
    "length": "length", "max_tokens": "length", "model_length": "length",
    "model_context_window_exceeded": "length",
    "content_filter": "content_filter", "safety": "content_filter", "recitation": "content_filter",
    "blocklist": "content_filter", "prohibited_content": "content_filter", "spii": "content_filter",
    "image_safety": "content_filter", "refusal": "content_filter", "language": "content_filter",
    "tool_calls": "tool_calls", "tool_use": "tool_calls", "function_call": "tool_calls",
    "malformed_function_call": "tool_calls",
    "error": "error",
}


def finish_reason(wire):
    return FINISH.get(wire.lower(), "stop")


class Answer:
    """AnswerAccumulator, restated: usage fields present in a newer report replace older ones."""

    def __init__(self):
        self.text = ""
        self.reasoning = ""
        self.usage = None
        self.finish = None
        self.error_kind = None
        self.text_deltas = 0
        self.ended = False
        self.served_model = None
        self.fingerprint = None

    def serve(self, model=None, fingerprint=None):
        """A report of the model that answered; only strings count, the last one wins."""
        if self.ended:
            return
        if isinstance(model, str):
            self.served_model = model
        if isinstance(fingerprint, str):
            self.fingerprint = fingerprint

    def add_text(self, piece):
        if piece:
            self.text += piece
            self.text_deltas += 1

    def add_reasoning(self, piece):
        if piece:
            self.reasoning += piece

    def add_usage(self, usage):
        usage = {k: v for k, v in usage.items() if v is not None}
        if self.usage is None:
            self.usage = {}
        self.usage.update(usage)

    def end(self, reason):
        if not self.ended:
            self.ended, self.finish = True, reason

    def fail(self, kind):
        if not self.ended:
            self.ended, self.finish, self.error_kind = True, "error", kind

    def golden(self, source, decoder, path):
        return {
            "source": source, "decoder": decoder, "path": path,
            "text": self.text, "reasoning": self.reasoning,
            "finishReason": self.finish, "errorKind": self.error_kind,
            "usage": self.usage, "textDeltaCount": self.text_deltas,
            "servedModel": self.served_model, "fingerprint": self.fingerprint,
        }


def sse_events(body):
    """WHATWG event-stream parsing of a whole body, plus the EOF flush of unterminated data."""
    if body.startswith(b"\xef\xbb\xbf"):
        body = body[3:]
    lines = re.split(rb"\r\n|\r|\n", body)
    if lines and lines[-1] == b"":
        lines.pop()  # the body ended with a line end
    events, data, event_type = [], [], ""
    for raw in lines:
        line = raw.decode("utf-8", errors="replace")
        if line == "":
            if data:
                events.append((event_type or "message", "\n".join(data)))
            data, event_type = [], ""
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if name == "data":
            data.append(value)
        elif name == "event":
            event_type = value
    if data:
        events.append((event_type or "message", "\n".join(data)))
    return events


def truthy_error(obj):
    return isinstance(obj, dict) and (bool(obj.get("error")) or obj.get("object") == "error")


def openai_usage(u):
    prompt = u.get("prompt_tokens")
    hit, miss = u.get("prompt_cache_hit_tokens"), u.get("prompt_cache_miss_tokens")
    if prompt is None and hit is not None and miss is not None:
        prompt = hit + miss
    cached = (u.get("prompt_tokens_details") or {}).get("cached_tokens")
    if cached is None:
        cached = hit
    return {"inputTokens": prompt, "outputTokens": u.get("completion_tokens"),
            "cachedInputTokens": cached,
            "reasoningTokens": (u.get("completion_tokens_details") or {}).get("reasoning_tokens")}


def openai_message(answer, message):
    rc, r = message.get("reasoning_content"), message.get("reasoning")
    answer.add_reasoning(rc or "")
    if r and r != rc:
        answer.add_reasoning(r)
    content = message.get("content")
    if isinstance(content, str):
        answer.add_text(content)


def primary_choice(obj):
    choices = obj.get("choices") or []
    for choice in choices:
        if choice.get("index", 0) in (0, None):
            return choice
    return choices[0] if choices else None


def openai_chunk(answer, obj, state):
    if truthy_error(obj):
        return answer.fail("stream_error")
    answer.serve(obj.get("model"), obj.get("system_fingerprint"))
    choice = primary_choice(obj)
    if choice is not None:
        openai_message(answer, choice.get("delta") or choice.get("message") or {})
    usage = obj.get("usage") or (obj.get("x_groq") or {}).get("usage")
    if usage:
        answer.add_usage(openai_usage(usage))
    if choice is not None and choice.get("finish_reason") is not None:
        reason = finish_reason(choice["finish_reason"])
        if reason == "error":
            return answer.fail("stream_error")
        state["finish"] = reason


def openai_stream(body):
    answer, state = Answer(), {"finish": None}
    for event_type, data in sse_events(body):
        if answer.ended:
            break
        data = data.strip()
        if event_type == "error":
            answer.fail("stream_error")
        elif data == "[DONE]":
            answer.end(state["finish"] or "truncated")
        elif data:
            try:
                obj = json.loads(data)
            except ValueError:
                answer.fail("malformed_chunk")
                continue
            openai_chunk(answer, obj, state)
    end_of_body(answer, body, state["finish"])
    return answer


def openai_complete(body):
    answer, state = Answer(), {"finish": None}
    obj = json.loads(body)
    openai_chunk(answer, obj, state)
    answer.end(state["finish"] or "stop")
    return answer


def end_of_body(answer, body, recorded):
    if answer.ended:
        return
    if recorded:
        answer.end(recorded)
    elif body:
        answer.end("truncated")
    else:
        answer.fail("empty_response")


class AnthropicTally:
    def __init__(self):
        self.input = self.read = self.write = None

    def absorb(self, answer, usage, include_output):
        keys = ("input_tokens", "cache_read_input_tokens", "cache_creation_input_tokens")
        changed = any(usage.get(k) is not None for k in keys)
        if usage.get("input_tokens") is not None:
            self.input = usage["input_tokens"]
        if usage.get("cache_read_input_tokens") is not None:
            self.read = usage["cache_read_input_tokens"]
        if usage.get("cache_creation_input_tokens") is not None:
            self.write = usage["cache_creation_input_tokens"]
        output = usage.get("output_tokens") if include_output else None
        if not changed and output is None:
            return
        total = (self.input or 0) + (self.read or 0) + (self.write or 0) if changed else None
        answer.add_usage({"inputTokens": total, "outputTokens": output,
                          "cachedInputTokens": self.read if changed else None})


def anthropic_stream(body):
    answer, tally, stop = Answer(), AnthropicTally(), None
    for event_type, data in sse_events(body):
        if answer.ended:
            break
        data = data.strip()
        if not data:
            continue
        try:
            obj = json.loads(data)
        except ValueError:
            answer.fail("stream_error" if event_type == "error" else "malformed_chunk")
            continue
        kind = obj.get("type") or event_type
        if kind == "error" or obj.get("error"):
            err = obj.get("error") or {}
            overloaded = isinstance(err, dict) and err.get("type") == "overloaded_error"
            answer.fail("overloaded" if overloaded else "stream_error")
        elif kind == "message_start":
            answer.serve((obj.get("message") or {}).get("model"))
            usage = (obj.get("message") or {}).get("usage")
            if usage:
                tally.absorb(answer, usage, include_output=False)
        elif kind == "content_block_start":
            block = obj.get("content_block") or {}
            if block.get("type") == "text":
                answer.add_text(block.get("text") or "")
            elif block.get("type") == "thinking":
                answer.add_reasoning(block.get("thinking") or "")
        elif kind == "content_block_delta":
            delta = obj.get("delta") or {}
            if delta.get("type") == "text_delta":
                answer.add_text(delta.get("text") or "")
            elif delta.get("type") == "thinking_delta":
                answer.add_reasoning(delta.get("thinking") or "")
        elif kind == "message_delta":
            if (obj.get("delta") or {}).get("stop_reason") is not None:
                stop = finish_reason(obj["delta"]["stop_reason"])
            if obj.get("usage"):
                tally.absorb(answer, obj["usage"], include_output=True)
        elif kind == "message_stop":
            answer.end(stop or "stop")
    end_of_body(answer, body, stop)
    return answer


def anthropic_complete(body):
    answer, obj = Answer(), json.loads(body)
    answer.serve(obj.get("model"))
    for block in obj.get("content") or []:
        if block.get("type") == "text":
            answer.add_text(block.get("text") or "")
        elif block.get("type") == "thinking":
            answer.add_reasoning(block.get("thinking") or "")
    if obj.get("usage"):
        AnthropicTally().absorb(answer, obj["usage"], include_output=True)
    answer.end(finish_reason(obj["stop_reason"]) if obj.get("stop_reason") else "stop")
    return answer


def gemini_response(answer, obj):
    """Folds one GenerateContentResponse; returns its finish reason, if any."""
    if obj.get("error"):
        return answer.fail("stream_error")
    candidates = obj.get("candidates") or []
    if not candidates and (obj.get("promptFeedback") or {}).get("blockReason"):
        return answer.fail("stream_error")
    answer.serve(obj.get("modelVersion"))
    first = candidates[0] if candidates else {}
    for part in (first.get("content") or {}).get("parts") or []:
        if part.get("thought") is True:
            answer.add_reasoning(part.get("text") or "")
        else:
            answer.add_text(part.get("text") or "")
    meta = obj.get("usageMetadata")
    if meta is not None:
        cand, thoughts = meta.get("candidatesTokenCount"), meta.get("thoughtsTokenCount")
        output = None if cand is None and thoughts is None else (cand or 0) + (thoughts or 0)
        answer.add_usage({"inputTokens": meta.get("promptTokenCount"), "outputTokens": output,
                          "cachedInputTokens": meta.get("cachedContentTokenCount"),
                          "reasoningTokens": thoughts})
    if first.get("finishReason"):
        return finish_reason(first["finishReason"])
    return None


def gemini_stream(body):
    answer, recorded = Answer(), None
    for _, data in sse_events(body):
        if answer.ended:
            break
        data = data.strip()
        if not data:
            continue
        try:
            obj = json.loads(data)
        except ValueError:
            answer.fail("malformed_chunk")
            continue
        recorded = gemini_response(answer, obj) or recorded
    end_of_body(answer, body, recorded)
    return answer


def gemini_complete(body):
    answer, parsed, recorded = Answer(), json.loads(body), None
    for obj in parsed if isinstance(parsed, list) else [parsed]:
        recorded = gemini_response(answer, obj) or recorded
    answer.end(recorded or "stop")
    return answer


DECODERS = {
    "openai": (openai_stream, openai_complete),
    "anthropic": (anthropic_stream, anthropic_complete),
    "gemini": (gemini_stream, gemini_complete),
}


def decoder_for(directory, case):
    if directory in ("llama", "llama_interrupt"):
        return "openai"
    for prefix in ("openai", "anthropic", "gemini"):
        if case.startswith(prefix + "_"):
            return prefix
    return None


def read_headers(path):
    with open(path, "rb") as handle:
        lines = handle.read().decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    return status, headers


def goldens():
    for directory in sorted(os.listdir(TRANSCRIPTS)):
        folder = os.path.join(TRANSCRIPTS, directory)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".body"):
                continue
            case = name[: -len(".body")]
            decoder = decoder_for(directory, case)
            status, headers = read_headers(os.path.join(folder, case + ".headers"))
            if decoder is None or case == "models" or not 200 <= status < 300:
                continue
            with open(os.path.join(folder, name), "rb") as handle:
                body = handle.read()
            complete = headers.get("content-type", "").startswith("application/json")
            stream, whole = DECODERS[decoder]
            answer = whole(body) if complete else stream(body)
            source = f"{directory}/{name}"
            yield (os.path.join(EXPECTED, directory, case + ".json"),
                   answer.golden(source, decoder, "complete" if complete else "stream"))


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for path, golden in goldens():
        text = json.dumps(golden, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        if check:
            try:
                with open(path, encoding="utf-8") as handle:
                    if handle.read() != text:
                        stale.append(path)
            except FileNotFoundError:
                stale.append(path)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        print(os.path.relpath(path, ROOT))
    if stale:
        print("stale or missing goldens:\n  " + "\n  ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
