/// Folds a model's `StreamEvent`s into the answer so far: text, reasoning, usage, finish.
///
/// A pure value: the battle runner keeps one per seat, tests fold decoded transcripts with it.
public struct AnswerAccumulator: Sendable, Equatable {
    public private(set) var text = ""
    public private(set) var reasoning = ""
    public private(set) var usage: TokenUsage?
    public private(set) var finishReason: FinishReason?
    public private(set) var error: ProviderError?
    /// Number of text deltas seen (a fallback signal for token estimates).
    public private(set) var textDeltaCount = 0
    /// What the server said answered, when it said.
    public private(set) var served: ServedModel?

    public init() {}

    public mutating func apply(_ event: StreamEvent) {
        switch event {
        case .text(let piece):
            text += piece
            textDeltaCount += 1
        case .reasoning(let piece):
            reasoning += piece
        case .usage(let newer):
            usage = usage.map { $0.merged(with: newer) } ?? newer
        case .finished(let reason):
            finishReason = reason
        case .failed(let failure):
            error = failure
            finishReason = .error
        case .retrying:
            break
        case .served(let reported):
            served = served.map { $0.merged(with: reported) } ?? reported
        }
    }

    /// Whether the answer has ended, one way or another.
    public var isComplete: Bool { finishReason != nil }

    public mutating func apply(_ events: [StreamEvent]) {
        for event in events { apply(event) }
    }
}
