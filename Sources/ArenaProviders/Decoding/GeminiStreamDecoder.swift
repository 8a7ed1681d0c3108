import ArenaCore

/// Gemini streams (`:streamGenerateContent?alt=sse`), per providers.md §7: each `data:` event is a
/// whole `GenerateContentResponse`, events end with CRLF CRLF, and there is no end marker.
///
/// ```swift
/// var decoder = GeminiStreamDecoder()
/// for try await buffer in body { events += decoder.feed(buffer) }
/// events += decoder.finish()
/// ```
///
/// Reads `candidates[0].content.parts[*].text`, parts with `thought: true` as reasoning; emits
/// `usageMetadata` from every chunk that has it (running totals, the last wins) normalised so
/// output = candidates + thoughts; records the candidate's `finishReason`.
///
/// Ends (exactly one terminal event, see `ChatStreamDecoder`):
/// - EOF after a `finishReason` → `.finished(reason)`. The reason is recorded, not terminal at
///   once, because Gemini may still send a usage-only chunk before it closes.
/// - `promptFeedback.blockReason` with no candidates → `.failed(.streamError)` naming the reason.
/// - An `{"error":…}` as a `data:` event, or as raw JSON after the last event (seen for 503s),
///   → `.failed` quoting the server (`.overloaded` when it says so), text so far kept.
/// - A payload that is not the expected JSON → `.failed(.malformedChunk)`.
/// - EOF without a `finishReason` → `.finished(.truncated)`; zero bytes → `.failed(.emptyResponse)`.
///
/// Trap: without `alt=sse` Google streams one JSON array instead; that is not SSE and reads as a
/// truncated stream here (always request `alt=sse`).
public struct GeminiStreamDecoder: ChatStreamDecoder, SSEChatDecoder, Equatable {
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

    mutating func handle(_ output: SSEDecoder.Output, into events: inout [StreamEvent]) {
        switch output {
        case .errorField, .lineTooLong:
            handleFramingFailure(output, into: &events)
        case .unframedJSON(let json):
            if let error = Self.rawError(json) { life.end(StreamFailure.server(error), into: &events) }
        case .event(let event):
            let data = event.data.trimmingWhitespace
            guard !data.isEmpty else { return }
            let response: GeminiResponse
            do {
                response = try WireJSON.decode(GeminiResponse.self, from: data)
            } catch {
                if let error = Self.rawError(data) { return life.end(StreamFailure.server(error), into: &events) }
                return life.end(StreamFailure.malformed("a Gemini response chunk", payload: data), into: &events)
            }
            handle(response, into: &events)
        }
    }

    private mutating func handle(_ response: GeminiResponse, into events: inout [StreamEvent]) {
        if let error = response.error, error.isTruthy { return life.end(StreamFailure.server(error), into: &events) }
        if let blocked = response.blockedPrompt { return life.end(blocked, into: &events) }
        if let report = served.report(model: response.modelVersion) { events.append(report) }
        events += response.contentEvents
        if let usage = response.usageMetadata { events.append(.usage(usage.normalised)) }
        if let wire = response.candidates?.first?.finishReason { finishReason = FinishReason(wire: wire) }
    }

    /// A truthy `error` in `{"error":…}` or `[{"error":…}]`.
    static func rawError(_ json: String) -> WireError? {
        struct Envelope: Decodable { var error: WireError? }
        let envelope = (try? WireJSON.decode(Envelope.self, from: json))
            ?? (try? WireJSON.decode([Envelope].self, from: json))?.first
        guard let error = envelope?.error, error.isTruthy else { return nil }
        return error
    }
}
