import ArenaCore

/// Where one seat's answer to the current turn stands.
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

}

/// One seat's answer in one turn: the folded stream plus its wrapped text.
public struct SeatAnswer: Sendable {
    public private(set) var accumulator = AnswerAccumulator()
    public private(set) var answer = WrappedDocument(kind: .markdown)
    public private(set) var reasoning = WrappedDocument(kind: .plain(.reasoning))
    public private(set) var phase: SeatPhase = .waiting
    /// Identity words found once the answer completed.
    public private(set) var leakWords: [String] = []

    public init() {}

    /// Applies one stream event; ignored once the answer is complete.
    public mutating func apply(_ event: StreamEvent, guard leakGuard: IdentityLeakGuard) {
        guard !phase.isComplete else { return }
        accumulator.apply(event)
        switch event {
        case .text(let piece):
            answer.append(piece)
            phase = .streaming
        case .reasoning(let piece):
            reasoning.append(piece)
            phase = .streaming
        case .usage:
            break
        case .finished(let reason):
            phase = reason == .cancelled ? .cancelled : .finished(reason)
            scanLeaks(leakGuard)
        case .failed(let error):
            phase = error.kind == .cancelled ? .cancelled : .failed(error.description)
            scanLeaks(leakGuard)
        case .retrying(let attempt, let delay, _):
            phase = .retrying(attempt: attempt, delaySeconds: delay)
        }
    }

    /// The user cancelled: whatever arrived is kept.
    public mutating func cancel(guard leakGuard: IdentityLeakGuard) {
        guard !phase.isComplete else { return }
        accumulator.apply(.finished(.cancelled))
        phase = .cancelled
        scanLeaks(leakGuard)
    }

    /// The stream ended without saying how.
    public mutating func endWithoutResult(guard leakGuard: IdentityLeakGuard) {
        guard !phase.isComplete else { return }
        apply(.failed(ProviderError(.network, "the stream ended without a result")), guard: leakGuard)
    }

    /// Why this seat cannot win, by ArenaCore's one rule (`Answer.cannotWinReason`), or nil.
    public var cannotWinReason: String? {
        switch phase {
        case .waiting, .retrying, .streaming: return "is still answering"
        case .failed: return "failed"
        case .cancelled: return "was cancelled"
        case .finished(let reason):
            return Answer.cannotWinReason(failed: false, hasText: !accumulator.text.trimmingWhitespace().isEmpty,
                                          finishReason: reason)
        }
    }

    public var canWin: Bool { cannotWinReason == nil }

    public mutating func layout(width: Int) {
        answer.layout(width: width)
        reasoning.layout(width: width)
    }

    private mutating func scanLeaks(_ leakGuard: IdentityLeakGuard) {
        leakWords = leakGuard.identityWords(in: accumulator.text)
        for word in leakGuard.identityWords(in: accumulator.reasoning) where !leakWords.contains(word) {
            leakWords.append(word)
        }
    }
}

/// One prompt of a battle and every seat's answer to it.
public struct ScreenTurn: Sendable {
    public var index: Int
    public var prompt: String
    public var seats: [SeatAnswer]
    /// Names were hidden when this turn was sent.
    public var isBlind: Bool
    public var verdict: VerdictChoice?
    /// Filled when the environment confirms the verdict (not for a skip).
    public var reveals: [SeatReveal]?

    public init(index: Int, prompt: String, seatCount: Int, isBlind: Bool) {
        self.index = index
        self.prompt = prompt
        self.seats = Array(repeating: SeatAnswer(), count: seatCount)
        self.isBlind = isBlind
    }

    public var isComplete: Bool { seats.allSatisfy { $0.phase.isComplete } }

    public var leaks: [SeatLeak] {
        seats.enumerated().compactMap { index, seat in
            seat.leakWords.isEmpty ? nil : SeatLeak(seat: index, words: seat.leakWords)
        }
    }
}

/// A battle: shuffled seats with hidden names, and its turns.
public struct ScreenBattle: Sendable {
    public var setup: BattleSetup
    public var turns: [ScreenTurn] = []
    /// Names have been shown (after the first non-skip verdict).
    public var revealed = false

    public init(setup: BattleSetup) { self.setup = setup }

    public var seatCount: Int { setup.modelNames.count }
    public var currentTurn: ScreenTurn? { turns.last }

    /// Seat label: A, B, … H.
    public static func label(_ seat: Int) -> String {
        SeatLabels.label(for: seat)
    }

    /// Each seat's conversation so far, ending with `prompt`.
    public func conversations(adding prompt: String) -> [[ChatMessage]] {
        (0..<seatCount).map { seat in
            var messages: [ChatMessage] = []
            for turn in turns {
                messages.append(ChatMessage(role: .user, content: turn.prompt))
                messages.append(ChatMessage(role: .assistant, content: turn.seats[seat].accumulator.text))
            }
            messages.append(ChatMessage(role: .user, content: prompt))
            return messages
        }
    }
}
