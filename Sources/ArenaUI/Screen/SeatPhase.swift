import ArenaCore

/// Where one seat's answer to a turn stands, derived from ArenaCore's answer (`LiveAnswer` while
/// it streams, the stored `Answer` after): never kept apart from it.
public enum SeatPhase: Sendable, Equatable {
    /// Sent; no token yet.
    case waiting
    /// A retryable failure before the first token; another attempt follows.
    case retrying(attempt: Int, delaySeconds: Double)
    case streaming
    case finished(FinishReason)
    /// Failed with this message (the server's words, redacted before the vote when shown).
    case failed(String)
    case cancelled

    public var isComplete: Bool {
        switch self {
        case .finished, .failed, .cancelled: return true
        default: return false
        }
    }

    public init(_ live: LiveAnswer) {
        if let finish = live.accumulator.finishReason {
            self.init(finish: finish, error: live.accumulator.error)
        } else if let retry = live.retry {
            self = .retrying(attempt: retry.attempt, delaySeconds: retry.delaySeconds)
        } else {
            self = live.started ? .streaming : .waiting
        }
    }

    public init(_ answer: Answer) {
        self.init(finish: answer.finishReason, error: answer.error)
    }

    private init(finish: FinishReason, error: ProviderError?) {
        if let error { self = error.kind == .cancelled ? .cancelled : .failed(error.description) }
        else { self = finish == .cancelled ? .cancelled : .finished(finish) }
    }
}
