/// One thing a model's stream told us, already decoded from its wire format.
///
/// Every provider decoder turns bytes into these; everything downstream (the battle runner,
/// the CLI, the arena screen, the store) only ever sees `StreamEvent`s.
///
/// ```swift
/// var answer = AnswerAccumulator()
/// for event in decoder.feed(bytes) { answer.apply(event) }
/// ```
public enum StreamEvent: Sendable, Equatable {
    /// A piece of the answer text, in order.
    case text(String)
    /// A piece of reasoning/thinking text, kept apart from the answer (not judged by default).
    case reasoning(String)
    /// Token counts as reported by the server. When several arrive, the last one wins.
    case usage(TokenUsage)
    /// The stream ended; `.truncated` when its terminal marker never came. Always the last event.
    case finished(FinishReason)
    /// The answer failed. Text already received is kept. Always the last event.
    case failed(ProviderError)
    /// A retryable failure before the first token; the next attempt starts after `delaySeconds`.
    case retrying(attempt: Int, delaySeconds: Double, reason: ProviderError)
    /// The server named the model that answered (and perhaps its fingerprint): everything known so
    /// far, sent again only when it changes.
    case served(ServedModel)
}

/// Why an answer ended.
public enum FinishReason: String, Sendable, Equatable, Codable, CaseIterable {
    /// The model finished on its own (`stop`, `end_turn`, `STOP`, …).
    case stop
    /// A token limit cut the answer (`length`, `max_tokens`, `MAX_TOKENS`).
    case length
    /// A safety or content filter stopped the answer.
    case contentFilter = "content_filter"
    /// The model asked to call a tool.
    case toolCalls = "tool_calls"
    /// The stream ended without its terminal marker, or past the size cap: the text may be incomplete.
    case truncated
    /// The user cancelled the stream.
    case cancelled
    /// The request or stream failed; see the answer's error.
    case error

    /// Maps a provider's own finish-reason string to ours; unknown values become `.stop`
    /// only when they mean a normal end, otherwise `.truncated` is never guessed.
    public init(wire: String) {
        switch wire.lowercased() {
        case "stop", "end_turn", "stop_sequence", "eos", "finished": self = .stop
        case "length", "max_tokens", "model_length", "model_context_window_exceeded": self = .length
        case "content_filter", "safety", "recitation", "blocklist", "prohibited_content", "spii",
             "image_safety", "refusal", "language": self = .contentFilter
        case "tool_calls", "tool_use", "function_call", "malformed_function_call": self = .toolCalls
        case "error": self = .error
        default: self = .stop
        }
    }
}
