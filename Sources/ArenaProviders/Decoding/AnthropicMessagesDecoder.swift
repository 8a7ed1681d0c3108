import ArenaCore

/// Anthropic Messages streams (`POST /v1/messages`, `stream: true`), per providers.md §5.
///
/// ```swift
/// var decoder = AnthropicMessagesDecoder()
/// for try await buffer in body { events += decoder.feed(buffer) }
/// events += decoder.finish()
/// ```
///
/// Reads `content_block_delta` `text_delta` as text and `thinking_delta` as reasoning (and a
/// non-empty `text`/`thinking` already in `content_block_start`); ignores `signature_delta`,
/// `input_json_delta`, `ping` and unknown events. Usage: input and cache counts from
/// `message_start`, cumulative output (and any input/cache fields) from `message_delta`, total
/// input = input + cache reads + cache writes. `message_delta.stop_reason` is recorded.
///
/// Ends (exactly one terminal event, see `ChatStreamDecoder`):
/// - `message_stop` → `.finished(recorded stop_reason ?? .stop)`.
/// - `event: error` / `{"type":"error"}` → `.failed`: `overloaded_error` → `.overloaded`, others
///   `.streamError`, quoting the server; text so far is kept. Same for a truthy `error` anywhere.
/// - A payload that is not the expected JSON → `.failed(.malformedChunk)`.
/// - EOF without `message_stop`: the recorded stop reason, else `.truncated`, else (zero bytes)
///   `.failed(.emptyResponse)`.
///
/// Trap: the dispatch is on the payload's `type`, falling back to the SSE event name; they agree
/// on Anthropic's own server.
public struct AnthropicMessagesDecoder: ChatStreamDecoder, SSEChatDecoder, Equatable {
    var sse: SSEDecoder
    var life = StreamLifecycle()
    private var stopReason: FinishReason?
    private var usage = AnthropicUsageTally()
    private var served = ServedModelTracker()

    public init(maxLineLength: Int = SSEDecoder.defaultMaxLineLength) {
        sse = SSEDecoder(maxLineLength: maxLineLength)
    }

    public mutating func feed(_ bytes: some Collection<UInt8>) -> [StreamEvent] { feedSSE(bytes) }

    public mutating func finish() -> [StreamEvent] { finishSSE() }

    var recordedFinish: FinishReason? { stopReason }

    mutating func handle(_ output: SSEDecoder.Output, into events: inout [StreamEvent]) {
        switch output {
        case .errorField, .lineTooLong:
            handleFramingFailure(output, into: &events)
        case .unframedJSON(let json):
            if let payload = try? WireJSON.decode(AnthropicEvent.self, from: json),
               let error = payload.error, error.isTruthy {
                life.end(StreamFailure.server(error), into: &events)
            }
        case .event(let event):
            handle(event, into: &events)
        }
    }

    private mutating func handle(_ event: SSEEvent, into events: inout [StreamEvent]) {
        let data = event.data.trimmingWhitespace
        if data.isEmpty, event.type != "error" { return }
        let payload: AnthropicEvent
        do {
            payload = try WireJSON.decode(AnthropicEvent.self, from: data)
        } catch {
            if event.type == "error" {
                return life.end(StreamFailure.server(WireError(message: data.isEmpty ? nil : data)), into: &events)
            }
            return life.end(StreamFailure.malformed("a \(event.type) event", payload: data), into: &events)
        }
        let type = payload.type ?? event.type
        if type == "error" || payload.error?.isTruthy == true {
            let error = payload.error.flatMap { $0.isTruthy ? $0 : nil } ?? WireError(type: type)
            return life.end(StreamFailure.server(error), into: &events)
        }

        switch type {
        case "message_start":
            if let report = served.report(model: payload.message?.model) { events.append(report) }
            if let start = payload.message?.usage, let tokens = usage.absorb(start, includeOutput: false) {
                events.append(.usage(tokens))
            }
        case "content_block_start":
            events += payload.contentBlock?.events ?? []
        case "content_block_delta":
            switch payload.delta?.type {
            case "text_delta": if let text = payload.delta?.text, !text.isEmpty { events.append(.text(text)) }
            case "thinking_delta":
                if let thinking = payload.delta?.thinking, !thinking.isEmpty { events.append(.reasoning(thinking)) }
            default: break
            }
        case "message_delta":
            if let wire = payload.delta?.stopReason { stopReason = FinishReason(wire: wire) }
            if let delta = payload.usage, let tokens = usage.absorb(delta, includeOutput: true) {
                events.append(.usage(tokens))
            }
        case "message_stop":
            life.end(.finished(stopReason ?? .stop), into: &events)
        default:
            break
        }
    }
}
