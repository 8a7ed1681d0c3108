import ArenaCore

/// The part of every `ChatStreamDecoder` that enforces its contract: exactly one terminal event,
/// nothing after it, `.finished(.truncated)` or `.failed(.emptyResponse)` at an unmarked end.
/// Internal.
///
/// ```swift
/// guard life.accepts(bytes) else { return [] }    // false once ended
/// life.end(.finished(.stop), into: &events)         // the one terminal event
/// life.endOfBody(recorded: reason, into: &events)   // from finish()
/// ```
struct StreamLifecycle: Sendable, Equatable {
    private(set) var sawBytes = false
    private(set) var ended = false

    /// Records that input arrived; false when the stream already ended (ignore the input).
    mutating func accepts(_ bytes: some Collection<UInt8>) -> Bool {
        guard !ended else { return false }
        if !bytes.isEmpty { sawBytes = true }
        return true
    }

    /// Appends the terminal event and closes the stream. Must be `.finished` or `.failed`.
    mutating func end(_ terminal: StreamEvent, into events: inout [StreamEvent]) {
        guard !ended else { return }
        ended = true
        events.append(Self.checked(terminal))
    }

    /// `.finished(.error)` (a wire finish reason of "error") becomes a `.failed`, so an answer
    /// whose finish reason is `.error` always carries an error to show.
    static func checked(_ terminal: StreamEvent) -> StreamEvent {
        guard case .finished(.error) = terminal else { return terminal }
        return .failed(ProviderError(.streamError, "The server ended the answer with an error finish reason."))
    }

    /// The terminal event for a body that ended without its terminal marker: the recorded finish
    /// reason, else `.truncated`, else (no bytes at all) `.failed(.emptyResponse)`.
    mutating func endOfBody(recorded: FinishReason?, emptyHint: String = "",
                            into events: inout [StreamEvent]) {
        guard !ended else { return }
        if let recorded {
            end(.finished(recorded), into: &events)
        } else if sawBytes {
            end(.finished(.truncated), into: &events)
        } else {
            let message = "The server answered with an empty body." + (emptyHint.isEmpty ? "" : " " + emptyHint)
            end(.failed(ProviderError(.emptyResponse, message)), into: &events)
        }
    }
}

/// Shared failure builders, so the four decoders word things alike.
enum StreamFailure {
    static func lineTooLong(limit: Int) -> StreamEvent {
        .failed(ProviderError(.malformedChunk, "A line of the stream was longer than \(limit) bytes; stopped reading."))
    }

    static func malformed(_ what: String, payload: String) -> StreamEvent {
        .failed(ProviderError(.malformedChunk,
                              "Could not decode \(what): \(ServerMessage.oneLine(payload, limit: 120))"))
    }

    static func server(_ error: WireError) -> StreamEvent {
        .failed(ProviderError(error.isOverloaded ? .overloaded : .streamError, error.describe()))
    }
}
