/// What was measured for one answer: speed, size and cost. Hidden until the vote.
public struct AnswerMetrics: Sendable, Equatable, Codable {
    /// From sending the request to the first answer (or reasoning) byte, in milliseconds.
    public var ttftMs: Double?
    /// From sending the request to the end of the stream, in milliseconds.
    public var durationMs: Double?
    public var inputTokens: Int?
    public var outputTokens: Int?
    /// Part of `outputTokens` spent on reasoning.
    public var reasoningTokens: Int?
    /// True when the server reported no usage and the counts are arena's estimate.
    public var tokensEstimated: Bool
    /// Nil when the model has no price in the config.
    public var costUSD: Double?

    public init(ttftMs: Double? = nil, durationMs: Double? = nil, inputTokens: Int? = nil,
                outputTokens: Int? = nil, reasoningTokens: Int? = nil, tokensEstimated: Bool = false,
                costUSD: Double? = nil) {
        self.ttftMs = ttftMs
        self.durationMs = durationMs
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.reasoningTokens = reasoningTokens
        self.tokensEstimated = tokensEstimated
        self.costUSD = costUSD
    }

    /// Output tokens per second of generation (after the first token), when measurable.
    public var tokensPerSecond: Double? {
        guard let outputTokens, outputTokens > 0, let ttftMs, let durationMs else { return nil }
        let generating = (durationMs - ttftMs) / 1000
        guard generating > 0.001 else { return nil }
        return Double(max(outputTokens - 1, 1)) / generating
    }
}
