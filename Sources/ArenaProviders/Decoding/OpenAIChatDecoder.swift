import ArenaCore

/// OpenAI-compatible Chat Completions streams (`POST /v1/chat/completions`, `stream: true`):
/// OpenAI, llama.cpp, vLLM, Ollama `/v1`, LM Studio, LiteLLM, OpenRouter, Groq, DeepSeek, …
///
/// ```swift
/// var decoder = OpenAIChatDecoder()
/// for try await buffer in body { events += decoder.feed(buffer) }
/// events += decoder.finish()
/// ```
///
/// Reads `choices[0].delta.content` as text and `delta.reasoning_content` / `delta.reasoning` as
/// reasoning; records `finish_reason`; takes usage from any chunk carrying it (a `choices: []`
/// chunk, LiteLLM's `choices:[{"delta":{}}]`, Groq's `x_groq.usage`, every chunk on xAI/vLLM),
/// normalised per providers.md §1.
///
/// Ends (exactly one terminal event, see `ChatStreamDecoder`):
/// - `data: [DONE]` → `.finished(recorded finish_reason ?? .truncated)`: llama.cpp ends an
///   interrupted answer with `[DONE]` and no finish_reason.
/// - A truthy top-level `error`, a flat `{"object":"error"}`, `event: error`, or JSON `{"error":…}`
///   outside SSE framing → `.failed(.streamError)` quoting the server; text so far is kept.
///   `finish_reason: "error"` (Mistral) fails the same way.
/// - A `data:` payload that is not JSON of the expected shape → `.failed(.malformedChunk)`.
/// - EOF without `[DONE]`: the recorded finish reason, else `.truncated`, else (zero bytes)
///   `.failed(.emptyResponse)` (llama.cpp answers 200 with no body past its context window).
///
/// Reports the chunks' `model` and `system_fingerprint` as `.served` when they first appear or change.
///
/// Traps: empty `content` deltas (the role chunk) produce no event; only choice index 0 is read.
public struct OpenAIChatDecoder: ChatStreamDecoder, SSEChatDecoder, Equatable {
    var sse: SSEDecoder
    var life = StreamLifecycle()
    private var finishReason: FinishReason?
    private var served = ServedModelTracker()

    public init(maxLineLength: Int = SSEDecoder.defaultMaxLineLength) {
        sse = SSEDecoder(maxLineLength: maxLineLength)
    }

    public mutating func feed(_ bytes: some Collection<UInt8>) -> [StreamEvent] { feedSSE(bytes) }

    public mutating func finish() -> [StreamEvent] { finishSSE() }

    var recordedFinish: FinishReason? { finishReason }
    static var emptyBodyHint: String { "llama.cpp does this when the prompt does not fit its context window." }

    mutating func handle(_ output: SSEDecoder.Output, into events: inout [StreamEvent]) {
        switch output {
        case .errorField, .lineTooLong:
            handleFramingFailure(output, into: &events)
        case .unframedJSON(let json):
            if let chunk = try? WireJSON.decode(OpenAIChatChunk.self, from: json), let failure = chunk.failure {
                life.end(StreamFailure.server(failure), into: &events)
            }
        case .event(let event):
            handle(event, into: &events)
        }
    }

    private mutating func handle(_ event: SSEEvent, into events: inout [StreamEvent]) {
        let payload = event.data.trimmingWhitespace
        if event.type == "error" {
            let chunk = try? WireJSON.decode(OpenAIChatChunk.self, from: payload)
            let failure = chunk?.failure ?? WireError(message: payload.isEmpty ? nil : payload)
            return life.end(StreamFailure.server(failure), into: &events)
        }
        if payload == "[DONE]" { return life.end(.finished(finishReason ?? .truncated), into: &events) }
        if payload.isEmpty { return }

        // The byte-level fast path for the hot shapes; JSONDecoder for anything it is unsure of.
        let chunk: OpenAIChatChunk
        if let fast = OpenAIChunkFastPath.decode(payload, known: served.reported) {
            chunk = fast
        } else {
            do {
                chunk = try WireJSON.decode(OpenAIChatChunk.self, from: payload)
            } catch {
                return life.end(StreamFailure.malformed("a chat completion chunk", payload: payload), into: &events)
            }
        }
        if let failure = chunk.failure { return life.end(StreamFailure.server(failure), into: &events) }

        if let report = served.report(model: chunk.model, fingerprint: chunk.systemFingerprint) { events.append(report) }
        // The primary choice read in place (a copy of the whole choice per chunk showed in profiles).
        var wireFinish: String?
        if let choices = chunk.choices, let index = OpenAIChatChunk.primaryIndex(in: choices) {
            if let delta = choices[index].delta {
                delta.appendEvents(to: &events)
            } else if let message = choices[index].message {
                message.appendEvents(to: &events)
            }
            wireFinish = choices[index].finishReason
        }
        if let usage = chunk.tokenUsage { events.append(.usage(usage)) }
        if let wire = wireFinish {
            let reason = FinishReason(wire: wire)
            if reason == .error {
                let failure = WireError(message: "The server ended the answer with finish_reason \"\(wire)\".")
                return life.end(StreamFailure.server(failure), into: &events)
            }
            finishReason = reason
        }
    }
}
