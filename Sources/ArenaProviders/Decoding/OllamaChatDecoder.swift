import ArenaCore

/// Ollama native chat streams (`POST /api/chat`): NDJSON, one JSON object per line, per
/// providers.md §6.
///
/// ```swift
/// var decoder = OllamaChatDecoder()
/// for try await buffer in body { events += decoder.feed(buffer) }
/// events += decoder.finish()
/// ```
///
/// Reads `message.thinking` as reasoning and `message.content` as text (the `done: true` line
/// may carry text too); `prompt_eval_count` / `eval_count` as usage.
///
/// Ends (exactly one terminal event, see `ChatStreamDecoder`):
/// - the `done: true` line → `.finished(done_reason ?? "stop")` (`load`/`unload` read as `.stop`).
/// - a `{"error":"…"}` line → `.failed(.streamError)` quoting it; text so far is kept.
/// - a line that is not the expected JSON → `.failed(.malformedChunk)`.
/// - EOF without `done: true` → `.finished(.truncated)`; zero bytes → `.failed(.emptyResponse)`.
///
/// Trap: blank lines are skipped; a last line without a newline is still read at `finish()`.
public struct OllamaChatDecoder: ChatStreamDecoder, Equatable {
    private var lines: NDJSONLineSplitter
    private var life = StreamLifecycle()
    private var served = ServedModelTracker()

    public init(maxLineLength: Int = NDJSONLineSplitter.defaultMaxLineLength) {
        lines = NDJSONLineSplitter(maxLineLength: maxLineLength)
    }

    public mutating func feed(_ bytes: some Collection<UInt8>) -> [StreamEvent] {
        guard life.accepts(bytes) else { return [] }
        var events: [StreamEvent] = []
        for line in lines.feed(bytes) where !life.ended { handle(line, into: &events) }
        if lines.exceededLineLimit { life.end(StreamFailure.lineTooLong(limit: lines.maxLineLength), into: &events) }
        if life.ended { lines = NDJSONLineSplitter(maxLineLength: lines.maxLineLength) }  // drop buffers
        return events
    }

    public mutating func finish() -> [StreamEvent] {
        guard !life.ended else { return [] }
        var events: [StreamEvent] = []
        if let last = lines.finish() { handle(last, into: &events) }
        lines = NDJSONLineSplitter(maxLineLength: lines.maxLineLength)
        life.endOfBody(recorded: nil, into: &events)
        return events
    }

    private mutating func handle(_ line: String, into events: inout [StreamEvent]) {
        let text = line.trimmingWhitespace
        guard !text.isEmpty else { return }
        let chunk: OllamaChatLine
        do {
            chunk = try WireJSON.decode(OllamaChatLine.self, from: text)
        } catch {
            return life.end(StreamFailure.malformed("an Ollama chat line", payload: text), into: &events)
        }
        if chunk.error?.isTruthy != true, let report = served.report(model: chunk.model) { events.append(report) }
        let (content, terminal) = Self.events(of: chunk)
        events += content
        if let terminal { life.end(terminal, into: &events) }
    }

    /// The events of one line, and its terminal event if it has one.
    static func events(of chunk: OllamaChatLine) -> (content: [StreamEvent], terminal: StreamEvent?) {
        if let error = chunk.error, error.isTruthy { return ([], StreamFailure.server(error)) }
        var events = chunk.contentEvents
        guard chunk.done == true else { return (events, nil) }
        if let usage = chunk.usage { events.append(.usage(usage)) }
        return (events, .finished(chunk.finishReason))
    }
}
