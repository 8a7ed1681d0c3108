/// How long one answer took, measured by whoever streamed it on a monotonic clock.
public struct AnswerTiming: Sendable, Equatable {
    /// From sending the request to the first answer (or reasoning) text, in milliseconds.
    public var ttftMs: Double?
    /// From sending the request to the end of the stream, in milliseconds.
    public var durationMs: Double?

    public init(ttftMs: Double? = nil, durationMs: Double? = nil) {
        self.ttftMs = ttftMs
        self.durationMs = durationMs
    }
}

/// One seat's answer while it streams. Every event is folded here once — the screen holds these;
/// the runner that streams only forwards events and measures time — and `answer(…)` turns it into
/// the stored `Answer` once complete.
///
/// ```swift
/// var live = LiveAnswer()
/// live.apply(.text("Hi"))
/// live.apply(.finished(.stop))
/// live.answer(seatIndex: 0, prompt: messages, price: nil).text   // "Hi"
/// ```
public struct LiveAnswer: Sendable, Equatable {
    /// A retryable failure before the first token: another attempt follows after the delay.
    public struct Retry: Sendable, Equatable {
        public var attempt: Int
        public var delaySeconds: Double
    }

    public private(set) var accumulator = AnswerAccumulator()
    /// The latest retry notice, until text (or the end) arrives.
    public private(set) var retry: Retry?
    /// Some text or reasoning event arrived (even an empty one).
    public private(set) var started = false
    public private(set) var timing = AnswerTiming()

    public init() {}

    public var isComplete: Bool { accumulator.isComplete }
    public var text: String { accumulator.text }
    public var reasoning: String { accumulator.reasoning }

    /// Folds one event in; returns false (and changes nothing) once the answer is complete.
    @discardableResult
    public mutating func apply(_ event: StreamEvent) -> Bool {
        guard !isComplete else { return false }
        accumulator.apply(event)
        switch event {
        case .text, .reasoning: started = true; retry = nil
        case .retrying(let attempt, let delay, _): retry = Retry(attempt: attempt, delaySeconds: delay)
        case .finished, .failed: retry = nil
        case .usage, .served: break
        }
        return true
    }

    /// The streamer's measurement; it arrives just before the terminal event.
    public mutating func record(_ timing: AnswerTiming) {
        guard !isComplete else { return }
        self.timing = timing
    }

    /// The user cancelled: whatever arrived is kept.
    public mutating func cancel() { apply(.finished(.cancelled)) }

    /// The stream ended without saying how.
    public mutating func endWithoutResult() {
        apply(.failed(ProviderError(.network, "the stream ended without a result")))
    }

    /// Why this answer cannot win, by `Answer`'s one rule, or "is still answering".
    public var cannotWinReason: String? {
        guard let finish = accumulator.finishReason else { return "is still answering" }
        if accumulator.error?.kind == .cancelled { return "was cancelled" }
        return Answer.cannotWinReason(failed: accumulator.error != nil,
                                      hasText: Answer.hasText(accumulator.text),
                                      finishReason: finish)
    }

    /// The stored answer, with metrics: server usage or an estimate, the timing, and the cost.
    public func answer(seatIndex: Int, prompt: [ChatMessage], price: Price?) -> Answer {
        AnswerBuilder.answer(seatIndex: seatIndex, accumulator: accumulator, ttftMs: timing.ttftMs,
                             durationMs: timing.durationMs, prompt: prompt, price: price)
    }
}
