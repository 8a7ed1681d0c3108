import ArenaCore

/// What the SSE-framed decoders (OpenAI, Anthropic, Gemini) share: feeding the SSE layer while the
/// stream is open, dropping buffers once it ended, the end-of-body rule, and the framing outputs
/// every format treats alike (an old llama-server `error:` line, an over-long line). Internal.
///
/// A conforming decoder keeps `sse` and `life`, records its finish reason, and handles the
/// events and unframed JSON that are its own in `handle(_:into:)`.
protocol SSEChatDecoder {
    var sse: SSEDecoder { get set }
    var life: StreamLifecycle { get set }
    /// The finish reason seen so far, used when the body ends without its terminal marker.
    var recordedFinish: FinishReason? { get }
    /// Added to the message of an empty 200 body.
    static var emptyBodyHint: String { get }
    mutating func handle(_ output: SSEDecoder.Output, into events: inout [StreamEvent])
}

extension SSEChatDecoder {
    static var emptyBodyHint: String { "" }

    mutating func feedSSE(_ bytes: some Collection<UInt8>) -> [StreamEvent] {
        guard life.accepts(bytes) else { return [] }
        var events: [StreamEvent] = []
        for output in sse.feedOutputs(bytes) where !life.ended { handle(output, into: &events) }
        if life.ended { sse = SSEDecoder(maxLineLength: sse.maxLineLength) }  // drop buffers
        return events
    }

    mutating func finishSSE() -> [StreamEvent] {
        guard !life.ended else { return [] }
        var events: [StreamEvent] = []
        for output in sse.finishOutputs() where !life.ended { handle(output, into: &events) }
        sse = SSEDecoder(maxLineLength: sse.maxLineLength)
        life.endOfBody(recorded: recordedFinish, emptyHint: Self.emptyBodyHint, into: &events)
        return events
    }

    /// An `error: {…}` line (old llama-server) fails the stream when truthy; an over-long line
    /// fails it as malformed. Other outputs are the format's own.
    mutating func handleFramingFailure(_ output: SSEDecoder.Output, into events: inout [StreamEvent]) {
        switch output {
        case .errorField(let json):
            if let error = try? WireJSON.decode(WireError.self, from: json), error.isTruthy {
                life.end(StreamFailure.server(error), into: &events)
            }
        case .lineTooLong(let limit):
            life.end(StreamFailure.lineTooLong(limit: limit), into: &events)
        case .unframedJSON, .event:
            break
        }
    }
}
